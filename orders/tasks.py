"""Celery tasks of the orders app: thin wrappers around services."""

from celery import shared_task

from orders import assistant


@shared_task(acks_late=True)
def redrive_unprocessed_messages() -> int:
    """Beat: re-enqueue user messages the assistant never finished (orders.assistant)."""
    return assistant.redrive_unprocessed()
