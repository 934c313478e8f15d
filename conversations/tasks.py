"""Celery tasks of the memory core: thin wrappers around conversations.processing.

The tasks of the WhatsApp, privacy and retention packages live in their own `tasks` modules
(found by tria.celery's autodiscovery).
"""

from celery import shared_task

from conversations import processing


@shared_task(bind=True, acks_late=True)
def process_inbound_message(self, message_id: int) -> None:
    """Hand a stored customer message to the registered handlers (the order assistant).

    A handler that fails rolls back and raises RetryLater: the task runs again after its delay
    (the assistant counts the attempts and, after ASSISTANT_MAX_ATTEMPTS, sends a holding reply).
    """
    try:
        processing.handle_inbound(message_id)
    except processing.RetryLater as exc:
        raise self.retry(exc=exc, countdown=exc.delay, max_retries=None) from exc
