"""Celery tasks of the memory core: thin wrappers around conversations.processing.

The tasks of the WhatsApp, privacy and retention packages live in their own `tasks` modules
(found by tria.celery's autodiscovery).
"""

import logging

from celery import shared_task

from conversations import processing

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True)
def process_inbound_messages(self, message_ids: list[int]) -> None:
    """Hand each message of a stored batch to the registered handlers, one after the other.

    Why one task per batch: publishing a Celery message cost the ingester about 0.2 ms of CPU per
    stored message, half of its work (docs/performance.md, issue 21). Each message runs on its
    own: one that fails never costs the others. Those whose handler asked to run again
    (RetryLater) go back as one task with only their ids, after the longest delay asked for; one
    that failed otherwise is logged, left unprocessed for the redrive
    (orders.assistant.redrive_unprocessed) and, once the others have run, fails the task.
    """
    again: list[int] = []
    delay = 0.0
    failed: Exception | None = None
    for message_id in message_ids:
        try:
            processing.handle_inbound(message_id)
        except processing.RetryLater as exc:
            again.append(message_id)
            delay = max(delay, exc.delay)
        except Exception as exc:
            logger.exception("processing message %s failed; the redrive takes it again", message_id)
            failed = failed or exc
    if again:
        raise self.retry(args=(again,), countdown=delay, max_retries=None)
    if failed is not None:
        raise failed  # after the others ran: the task is recorded as failed, as one message's is


@shared_task(bind=True, acks_late=True)
def process_inbound_message(self, message_id: int) -> None:
    """Hand one stored customer message to the registered handlers (the order assistant; the
    redrive of unprocessed messages enqueues this one).

    A handler that fails rolls back and raises RetryLater: the task runs again after its delay
    (the assistant counts the attempts and, after ASSISTANT_MAX_ATTEMPTS, sends a holding reply).
    """
    try:
        processing.handle_inbound(message_id)
    except processing.RetryLater as exc:
        raise self.retry(exc=exc, countdown=exc.delay, max_retries=None) from exc
