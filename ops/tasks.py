"""Project-wide Celery tasks."""

from celery import shared_task

from ops import health


@shared_task(ignore_result=True)
def record_worker_heartbeat() -> None:
    """Scheduled by beat every HEALTH_HEARTBEAT_SECONDS: tells /health/ a worker is alive."""
    health.record_heartbeat()
