"""Celery tasks of the retention package: thin wrappers around its services."""

from celery import shared_task

from conversations.retention import purging


@shared_task(acks_late=True)
def purge_expired_conversations() -> str:
    """Daily retention purge (beat): the same service as `manage.py purge_conversations`."""
    return purging.purge().summary_line()
