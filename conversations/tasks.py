"""Celery tasks of the conversations app: thin wrappers around services."""

from celery import shared_task


@shared_task(acks_late=True)
def process_inbound_message(message_id: int) -> None:
    """Step 4 of the design: understand the message, act on it, reply (orders.assistant)."""
    from orders import assistant

    assistant.handle_inbound(message_id)


@shared_task(acks_late=True)
def send_whatsapp_message(message_id: int) -> None:
    """Send a stored assistant message through the WhatsApp client (conversations.whatsapp)."""
    from conversations import whatsapp

    whatsapp.deliver_message(message_id)


@shared_task(acks_late=True)
def scrub_pending_pii() -> dict:
    """Scrub personal data from messages past the grace period (conversations.scrubbing)."""
    from conversations import scrubbing

    return scrubbing.scrub_pending().as_dict()
