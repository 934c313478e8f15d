"""One assistant turn: what was understood, and the Turn the handlers act on (reply with say)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from conversations.models import ConversationMessage, ConversationSession, OutletContact
from conversations.whatsapp import outbound
from orders.parsing import ParsedOrder

APPROVAL_FLAG = "order awaiting staff approval"
CANCEL_APPROVAL_FLAG = "cancellation awaiting staff approval"
COMPLAINT_FLAG = "complaint"
NOT_UNDERSTOOD_FLAG = "order not understood"
QUESTION_WORDS = frozenset(
    ["price", "prices", "cost", "costs", "how", "much", "what", "what's", "which", "sell", "stock"]
)


@dataclass
class Understanding:
    intent: str
    confidence: float
    choice: str | None = None  # the id of a button or list row the user tapped
    parsed: ParsedOrder | None = None
    resume_message_id: int | None = None  # after the outlet question: the message to act on
    language: str = ""  # the language detected with confidence ("" = not sure)


@dataclass
class Turn:
    """One inbound message being answered, with the locked session and its context."""

    message: ConversationMessage
    session: ConversationSession
    understanding: Understanding
    context: dict[str, Any]
    contact: OutletContact | None = None
    intent: str = ""
    parsed: ParsedOrder | None = None

    @property
    def text(self) -> str:
        return self.message.content or ""

    def say(self, text: str, intent: str, interactive: dict | None = None) -> None:
        """Reply in the active language (orders.assistant activates the customer's)."""
        outbound.reply(
            self.session, str(text), intent=intent, confidence=1.0, interactive=interactive
        )
