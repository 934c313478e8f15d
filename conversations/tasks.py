"""Celery tasks of the conversations app: thin wrappers around services."""

from celery import shared_task


@shared_task(bind=True, acks_late=True)
def process_inbound_message(self, message_id: int) -> None:
    """Step 4 of the design: understand the message, act on it, reply (orders.assistant).

    A failed turn is rolled back and retried with backoff; the assistant itself counts the
    attempts and, after ASSISTANT_MAX_ATTEMPTS, sends a holding reply instead of raising.
    """
    from orders import assistant

    try:
        assistant.handle_inbound(message_id)
    except assistant.TransientError as exc:
        if self.request.is_eager:  # CELERY_TASK_ALWAYS_EAGER: no broker to come back later
            assistant.handle_inbound_now(message_id)
            return
        delay = assistant.retry_delay(self.request.retries)
        raise self.retry(exc=exc, countdown=delay, max_retries=None) from exc


@shared_task(bind=True, acks_late=True)
def send_whatsapp_message(self, message_id: int) -> None:
    """Send a stored assistant message through the WhatsApp client (conversations.whatsapp).

    Retried with backoff on 429/5xx/timeouts; marked failed when the retries run out.
    """
    from conversations import whatsapp

    try:
        whatsapp.deliver_message(message_id)
    except whatsapp.TransientSendError as exc:
        limit = whatsapp.max_send_retries()
        if self.request.retries >= limit:
            whatsapp.record_send_failure(message_id, f"gave_up_after_retries:{exc.reason}")
            return
        delay = whatsapp.retry_delay(self.request.retries, exc)
        raise self.retry(exc=exc, countdown=delay, max_retries=limit) from exc


@shared_task(acks_late=True)
def scrub_pending_pii() -> dict:
    """Scrub personal data from messages past the grace period (conversations.scrubbing)."""
    from conversations import scrubbing

    return scrubbing.scrub_pending().as_dict()


@shared_task(acks_late=True)
def purge_expired_conversations() -> str:
    """Daily retention purge (beat): the same service as `manage.py purge_conversations`."""
    from conversations import retention

    return retention.purge().summary_line()


@shared_task(acks_late=True)
def drain_webhook_inbox() -> dict:
    """Beat, every minute: store webhook notifications older than WEBHOOK_INBOX_STALE_SECONDS,
    so that a stopped ingester delays replies but loses nothing (conversations.ingest)."""
    import datetime as dt

    from django.conf import settings

    from conversations import ingest

    stale = dt.timedelta(seconds=settings.WEBHOOK_INBOX_STALE_SECONDS)
    return ingest.drain_all(older_than=stale, max_seconds=50.0).as_dict()
