"""Celery tasks of the orders app: thin wrappers around services."""

from celery import shared_task

from orders import assistant, notifications


@shared_task(acks_late=True)
def redrive_unprocessed_messages() -> int:
    """Beat: re-enqueue user messages the assistant never finished (orders.assistant)."""
    return assistant.redrive_unprocessed()


@shared_task(acks_late=True)
def send_delivery_reminders() -> int:
    """Beat: remind customers of tomorrow's deliveries, once each (orders.notifications)."""
    return notifications.send_delivery_reminders()
