"""What we send: a message is stored in the customer's session first, then sent once committed.

May import: the memory core (models, services) and this package's tasks.
"""

from django.db import transaction

from conversations import services
from conversations.models import ConversationMessage, ConversationSession, Role
from conversations.whatsapp import tasks


def reply(
    session: ConversationSession,
    text: str,
    *,
    intent: str,
    confidence: float = 1.0,
    interactive: dict | None = None,
) -> ConversationMessage:
    """Store the assistant's reply in the session and send it to WhatsApp once committed.

    `interactive` is a Cloud API `interactive` object (buttons or a list); `text` is its body.
    """
    context = {"interactive": interactive} if interactive else {}
    with transaction.atomic():
        message = services.record_message(
            session=session,
            role=Role.ASSISTANT,
            content=text,
            intent=intent,
            confidence=confidence,
            message_type="interactive" if interactive else "text",
            context=context,
        )
        transaction.on_commit(lambda: tasks.send_whatsapp_message.delay(message.pk))
    return message
