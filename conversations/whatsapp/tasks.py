"""Celery tasks of the WhatsApp package: thin wrappers around the Graph API client and ingester."""

import datetime as dt

from celery import shared_task
from django.conf import settings

from conversations.whatsapp import graph, ingest


@shared_task(bind=True, acks_late=True)
def send_whatsapp_message(self, message_id: int) -> None:
    """Send a stored outbound message through the Graph API client (conversations.whatsapp.graph).

    Retried with backoff on 429/5xx/timeouts; marked failed when the retries run out.
    """
    try:
        graph.deliver_message(message_id)
    except graph.TransientSendError as exc:
        limit = graph.max_send_retries()
        if self.request.retries >= limit:
            graph.record_send_failure(message_id, f"gave_up_after_retries:{exc.reason}")
            return
        delay = graph.retry_delay(self.request.retries, exc)
        raise self.retry(exc=exc, countdown=delay, max_retries=limit) from exc


@shared_task(acks_late=True)
def drain_webhook_inbox() -> dict:
    """Beat, every minute: store webhook notifications older than WEBHOOK_INBOX_STALE_SECONDS,
    so that a stopped ingester delays replies but loses nothing (conversations.whatsapp.ingest)."""
    stale = dt.timedelta(seconds=settings.WEBHOOK_INBOX_STALE_SECONDS)
    return ingest.drain_all(older_than=stale, max_seconds=50.0).as_dict()
