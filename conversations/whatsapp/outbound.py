"""What we send: a message is stored in the customer's session with its outbox entry, in the
caller's transaction, then sent once committed (conversations.whatsapp.outbox).

May import: the memory core (models, services), this package's outbox and tasks.
"""

import logging

from django.db import transaction
from kombu.exceptions import KombuError

from conversations import services
from conversations.models import ConversationMessage, ConversationSession, Role
from conversations.whatsapp import outbox, tasks

logger = logging.getLogger(__name__)


def reply(
    session: ConversationSession,
    text: str,
    *,
    intent: str,
    confidence: float = 1.0,
    interactive: dict | None = None,
    template: dict | None = None,
) -> ConversationMessage:
    """Store the assistant's reply in the session and the outbox; send it once committed.

    `interactive` is a Cloud API `interactive` object (buttons or a list); `text` is its body.
    `template` is a Cloud API `template` object (template_payload), the only kind that may go
    outside the 24-hour window; `text` is then what the transcript shows.
    """
    if template:
        kind, context = "template", {"template": template}
    elif interactive:
        kind, context = "interactive", {"interactive": interactive}
    else:
        kind, context = "text", {}
    return _store_and_send(
        session,
        text,
        role=Role.ASSISTANT,
        intent=intent,
        confidence=confidence,
        kind=kind,
        context=context,
    )


def _store_and_send(
    session: ConversationSession,
    text: str,
    *,
    role: str,
    intent: str,
    kind: str,
    context: dict,
    confidence: float | None = None,
) -> ConversationMessage:
    """The one send path: the message and its outbox entry in the caller's transaction, the send
    enqueued once committed (assistant and staff alike)."""
    with transaction.atomic():
        message = services.record_message(
            session=session,
            role=role,
            content=text,
            intent=intent,
            confidence=confidence,
            message_type=kind,
            context=context,
        )
        outbox.add(message)
        transaction.on_commit(lambda: _enqueue(message.pk))
    return message


def _enqueue(message_id: int) -> None:
    """Publish the send; if Redis refuses, the outbox sweep sends it within a couple of minutes."""
    try:
        tasks.send_whatsapp_message.delay(message_id)
    except (KombuError, OSError) as exc:  # Redis down or refusing
        logger.warning(
            "whatsapp: send of message %s not enqueued (%s); the outbox sweep will send it",
            message_id,
            type(exc).__name__,
        )


def send_staff_reply(
    session: ConversationSession,
    text: str,
    *,
    sent_by: int,
    template: dict | None = None,
    intent: str = "staff_reply",
) -> ConversationMessage:
    """Store a colleague's message (role staff, context["sent_by"] = their user id) and send it
    through the same task as the assistant's replies once committed.

    `template` is a Cloud API `template` object (template_payload); `text` is then what the
    transcript shows. `intent` names what it is when it is more than a reply (an order
    confirmation sent for a colleague's order, orders.staff).
    """
    context: dict = {"sent_by": sent_by}
    if template:
        context["template"] = template
    kind = "template" if template else "text"
    return _store_and_send(
        session, text, role=Role.STAFF, intent=intent, kind=kind, context=context
    )


def template_payload(name: str, language: str, parameters: list[str]) -> dict:
    """The Cloud API `template` object of an approved template with body parameters."""
    payload: dict = {"name": name, "language": {"code": language}}
    if parameters:
        body = [{"type": "text", "text": str(p)} for p in parameters]
        payload["components"] = [{"type": "body", "parameters": body}]
    return payload
