"""Celery tasks of the WhatsApp package: thin wrappers around the outbox and the ingester."""

import datetime as dt

from celery import shared_task
from django.conf import settings

from conversations.whatsapp import graph, ingest, outbox


@shared_task(bind=True, acks_late=True)
def send_whatsapp_message(self, message_id: int) -> None:
    """Send an outbox message (conversations.whatsapp.outbox), at most once.

    Retried with backoff when Meta did not take it (429/5xx/refused); failed when retries run out.
    """
    try:
        outbox.deliver(message_id)
    except graph.TransientSendError as exc:
        limit = graph.max_send_retries()
        if self.request.retries >= limit:
            outbox.record_send_failure(message_id, f"gave_up_after_retries:{exc.reason}")
            return
        delay = graph.retry_delay(self.request.retries, exc)
        raise self.retry(exc=exc, countdown=delay, max_retries=limit) from exc


@shared_task(acks_late=True)
def drain_webhook_inbox() -> dict:
    """Beat, every minute: store webhook notifications older than WEBHOOK_INBOX_STALE_SECONDS,
    so that a stopped ingester delays replies but loses nothing (conversations.whatsapp.ingest)."""
    stale = dt.timedelta(seconds=settings.WEBHOOK_INBOX_STALE_SECONDS)
    return ingest.drain_all(older_than=stale, max_seconds=50.0).as_dict()


@shared_task(acks_late=True)
def sweep_outbox() -> dict:
    """Beat, every minute: re-enqueue replies waiting too long, fail those whose 24-hour window
    closed, flag sessions whose reply may not have arrived (conversations.whatsapp.outbox)."""
    return outbox.sweep(enqueue=send_whatsapp_message.delay)
