"""The order assistant: understands, acts on and answers every stored customer message.

Rules:
- Understand first, outside any transaction: detect the language and classify the intent (both
  recorded on the message, the session and the summary), and for an order parse the items with
  OpenAI or the offline parser (orders.llm). Then act and reply in ONE transaction that locks the
  session and the message: the order, every reply and `processed_at` commit together, and the
  replies are sent (on commit) only then. So a redelivered task, or a worker that died half-way,
  creates one order and sends one set of replies: a processed message is never acted on again, and
  `Order.source_message` is unique.
- Who may order is decided by the sender's OutletContact, registered by any of the user's phone
  numbers or BSUIDs (conversations.services.contacts_of):
  unknown number -> recorded, session flagged, one polite "not registered" reply per session,
  never an order, never a price, nothing about outlets or orders; one outlet -> the session takes
  it; several -> asked once per session with a list, the answer kept in session.context, and the
  message that triggered the question is then acted on; can_order off -> the order is kept with
  status pending_approval (no delivery, no invoice) and the session flagged for staff approval.
- Pending state lives in session.context: "pending_order" (items waiting for "which product?"),
  "last_order_id" (what "make it 500" and "cancel that" act on), "awaiting_rating",
  "outlet_question", "language". A message that answers none of them drops a stale pending
  question.
- Replies are in the message's language when detected with confidence, else the session's (the
  last confident one), else the outlet's preferred_language, else English (locale/ catalogues).
- A message that is not an order never creates one: only order_placement (or the answer to our
  own question about one) reaches orders.services.create_order.
- A session a colleague took over (session.handed_over) is not answered: the message is stored
  and counted as usual, marked processed, and pending questions are dropped (stand_aside).
- Failures: an exception rolls the whole turn back and the task retries with backoff
  (conversations.processing.RetryLater); after ASSISTANT_MAX_ATTEMPTS the user gets a holding
  reply and the session is flagged for a colleague. The message itself is never lost: the webhook
  stored it before.
"""

from __future__ import annotations

import datetime as dt
import logging
import random

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone, translation

from conversations import language, processing, services, tasks
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    Outlet,
    OutletContact,
    Role,
    UserInteractionSummary,
)
from conversations.whatsapp import outbound
from orders import handlers, intents, limits, llm, ordering, replies
from orders.turn import Turn, Understanding

logger = logging.getLogger(__name__)

UNREGISTERED_FLAG = "unregistered number: add an outlet contact"
REDRIVE_BATCH = 200
CART = ordering.CART


# ------------------------------------------------------------------ entry point


def handle_inbound(message_id: int) -> None:
    """Understand, act on and answer one stored user message (idempotent)."""
    message = _load(message_id)
    if message is None or message.role != Role.USER or message.processed_at is not None:
        return
    if message.session.handed_over:
        stand_aside(message_id)
        return
    if limits.over_cap(message):
        language = (message.session.context or {}).get("language", "")
        limits.hold_over_cap(message_id, language_of(language, message.session.outlet))
        return
    if attempts_of(message) >= settings.ASSISTANT_MAX_ATTEMPTS:
        hold(message_id, "previous attempts failed")
        return
    try:
        understanding = understand(message)
        with transaction.atomic():
            respond(message_id, understanding)
    except Exception as exc:
        retry_or_hold(message_id, exc)


# Questions the assistant may be waiting on; a colleague's takeover drops them.
PENDING_QUESTIONS = ("pending_order", "awaiting_rating", "outlet_question")


def stand_aside(message_id: int) -> None:
    """A colleague took the session over (conversations.support): no parsing, no order, no
    reply; the message is marked processed and pending questions are dropped."""
    with transaction.atomic():
        message = ConversationMessage.objects.select_for_update().get(pk=message_id)
        session = ConversationSession.objects.select_for_update().get(session_id=message.session_id)
        context = {k: v for k, v in (session.context or {}).items() if k not in PENDING_QUESTIONS}
        ConversationSession.objects.filter(pk=session.pk).update(context=context)
        services.mark_processed(message)


def retry_delay(retries: int) -> float:
    """Seconds before the next attempt: 30, 60, 120 … capped at 10 minutes, with jitter."""
    base = min(600.0, 30.0 * 2**retries)
    return base * random.uniform(0.8, 1.2)  # noqa: S311 - jitter, not security


def _load(message_id: int) -> ConversationMessage | None:
    return ConversationMessage.objects.select_related("session").filter(pk=message_id).first()


def attempts_of(message: ConversationMessage) -> int:
    return int((message.context or {}).get("assistant_attempts", 0))


def retry_or_hold(message_id: int, exc: Exception) -> None:
    """Count the failed attempt; retry later, or after the last attempt send a holding reply."""
    reason = type(exc).__name__
    try:
        attempts = services.count_processing_attempt(message_id)
    except DatabaseError as db_exc:
        raise processing.RetryLater(reason, delay=retry_delay(0)) from db_exc
    logger.warning(
        "assistant failed on message %s (attempt %s of %s): %s",
        message_id,
        attempts,
        settings.ASSISTANT_MAX_ATTEMPTS,
        reason,
    )
    if attempts < settings.ASSISTANT_MAX_ATTEMPTS:
        raise processing.RetryLater(reason, delay=retry_delay(attempts - 1)) from exc
    try:
        hold(message_id, reason)
    except DatabaseError as db_exc:
        raise processing.RetryLater(reason, delay=retry_delay(attempts - 1)) from db_exc


def hold(message_id: int, reason: str) -> None:
    """The last resort: a holding reply, the session flagged for a colleague, the message kept."""
    with transaction.atomic():
        message = ConversationMessage.objects.select_for_update().get(pk=message_id)
        if message.processed_at is not None:
            return
        session = ConversationSession.objects.select_for_update().get(session_id=message.session_id)
        services.flag_session(session, f"assistant could not answer ({reason})")
        language = language_of((session.context or {}).get("language", ""), session.outlet)
        with translation.override(language):
            outbound.reply(session, str(replies.HOLDING), intent="holding_reply")
        services.mark_processed(message)


def redrive_unprocessed(now: dt.datetime | None = None) -> int:
    """Enqueue processing again for WhatsApp messages nobody finished (a lost task, a dead
    worker). A message written through the API or an import has no wamid and is never acted on.

    Only messages older than ASSISTANT_REDRIVE_AFTER_MINUTES (longer than the retry backoff) and
    younger than a day (after that WhatsApp no longer lets us answer freely). handle_inbound is
    idempotent, so a message that is still being retried is not answered twice.
    """
    now = now or timezone.now()
    stale = ConversationMessage.objects.filter(
        role=Role.USER,
        processed_at__isnull=True,
        wa_message_id__isnull=False,  # only what came in through WhatsApp is ever acted on
        timestamp__lt=now - dt.timedelta(minutes=settings.ASSISTANT_REDRIVE_AFTER_MINUTES),
        timestamp__gte=now - dt.timedelta(hours=24),
    ).order_by("timestamp")
    ids = list(stale.values_list("pk", flat=True)[:REDRIVE_BATCH])
    for message_id in ids:
        tasks.process_inbound_message.delay(message_id)
    return len(ids)


# ------------------------------------------------------------------ understanding


def understand(message: ConversationMessage) -> Understanding:
    """Language, intent (recorded) and, for an order, its items. May call OpenAI."""
    session = message.session
    context = session.context or {}
    detected = language.detect_language(message.content or "", fallback=session.language or None)
    services.set_message_language(message, detected.code)
    choice = tapped_choice(message)
    result = classify(
        message,
        choice,
        awaiting_rating=bool(context.get("awaiting_rating")),
        awaiting_choice=bool(context.get("pending_order")),
    )
    services.set_message_intent(message, result.intent, result.confidence)
    understanding = Understanding(result.intent, result.confidence, choice=choice)
    understanding.language = detected.code if detected.confidence > 0 else ""
    if not services.contacts_of(session.user_id).exists():
        return understanding
    resume = message_to_resume(message, context, choice)
    if resume is not None:
        understanding.resume_message_id = resume.pk
        if resume.intent == intents.ORDER_PLACEMENT:
            understanding.parsed = llm.parse_order(resume.content)
    elif result.intent == intents.ORDER_PLACEMENT and message.message_type != CART:
        understanding.parsed = llm.parse_order(message.content or "")
    return understanding


def classify(
    message: ConversationMessage,
    choice: str | None,
    *,
    awaiting_rating: bool,
    awaiting_choice: bool,
) -> intents.IntentResult:
    if message.message_type == CART:  # a catalog cart: its items are SKUs, nothing to parse
        return intents.IntentResult(intents.ORDER_PLACEMENT, 1.0)
    if choice and choice.startswith("rating:"):
        return intents.IntentResult(intents.RATING, 1.0)
    if choice:
        return intents.IntentResult(intents.OTHER, 1.0)
    return intents.classify_intent(
        message.content or "", awaiting_rating=awaiting_rating, awaiting_choice=awaiting_choice
    )


def tapped_choice(message: ConversationMessage) -> str | None:
    """The id of the button or list row a user tapped (interactive reply or template button)."""
    context = message.context or {}
    interactive = context.get("interactive")
    if isinstance(interactive, dict) and interactive.get("id"):
        return str(interactive["id"])
    button = context.get("button")
    if isinstance(button, dict) and button.get("payload"):
        return str(button["payload"])
    return None


def message_to_resume(
    message: ConversationMessage, context: dict, choice: str | None
) -> ConversationMessage | None:
    """When this message answers our outlet question, the message that made us ask."""
    question = context.get("outlet_question")
    if not question or picked_outlet(message.content or "", choice, question["outlets"]) is None:
        return None
    return ConversationMessage.objects.filter(pk=question["message_id"]).first()


def picked_outlet(text: str, choice: str | None, outlet_ids: list[int]) -> int | None:
    if choice and choice.startswith("outlet:"):
        picked = int(choice.split(":", 1)[1])
        return picked if picked in outlet_ids else None
    number = intents.parse_choice(text, len(outlet_ids))
    return outlet_ids[number - 1] if number else None


# ------------------------------------------------------------------ acting


def respond(message_id: int, understanding: Understanding) -> None:
    """Act on the message and reply, under locks, in the caller's transaction.

    The user's lock comes first, as in the recording services and the GDPR erasure: a turn
    never runs while the user's data is being erased, and one that waited finds nothing left."""
    user_id = (
        ConversationSession.objects.filter(messages__pk=message_id)
        .values_list("user_id", flat=True)
        .first()
    )
    if user_id is None:
        return  # the message is gone (erased) since the task was queued
    services.lock_user(user_id)
    message = ConversationMessage.objects.select_for_update().filter(pk=message_id).first()
    if message is None:
        return
    session = ConversationSession.objects.select_for_update().get(session_id=message.session_id)
    if message.processed_at is not None:
        return
    message.session = session
    turn = Turn(message, session, understanding, dict(session.context or {}))
    turn.intent, turn.parsed = understanding.intent, understanding.parsed
    act(turn)
    ConversationSession.objects.filter(pk=session.pk).update(
        context=turn.context, updated_at=timezone.now()
    )
    services.mark_processed(message)


def act(turn: Turn) -> None:
    contacts = list(services.active_contacts_of(turn.session.user_id))
    with translation.override(reply_language(turn, contacts)):
        act_as(turn, contacts)


def reply_language(turn: Turn, contacts: list[OutletContact]) -> str:
    """The language of this turn's replies: the message's when detected with confidence (kept
    for the session), else the session's, else the outlet's preferred language, else English."""
    if turn.understanding.language:
        turn.context["language"] = turn.understanding.language
    outlets = {c.outlet_id: c.outlet for c in contacts}
    outlet = outlets.get(turn.session.outlet_id) or (
        next(iter(outlets.values())) if len(outlets) == 1 else None
    )
    return language_of(turn.context.get("language", ""), outlet)


def language_of(session_language: str, outlet: Outlet | None) -> str:
    """The reply catalogue for a session's language, else the outlet's preferred one, else en."""
    return language.reply_language(session_language, outlet.preferred_language if outlet else "")


def act_as(turn: Turn, contacts: list[OutletContact]) -> None:
    if not contacts:
        unregistered(turn)
        return
    turn.contact = choose_contact(turn, contacts)
    if turn.contact is None or handlers.answer_pending(turn):
        return
    handlers.HANDLERS.get(turn.intent, handlers.other)(turn)


def unregistered(turn: Turn) -> None:
    """Unknown number: flag once, answer politely once per session, never act."""
    if not turn.session.flagged_for_followup:
        services.flag_session(turn.session, UNREGISTERED_FLAG)
    if not turn.context.get("unregistered_notice"):
        turn.say(replies.NOT_REGISTERED, "registration_required")
        turn.context["unregistered_notice"] = True


def choose_contact(turn: Turn, contacts: list[OutletContact]) -> OutletContact | None:
    """The contact this session speaks as; None when we had to ask which outlet."""
    by_outlet = {c.outlet_id: c for c in contacts}
    if turn.session.flag_reason == UNREGISTERED_FLAG:
        services.unflag_session(turn.session)
        turn.context.pop("unregistered_notice", None)
    if turn.session.outlet_id in by_outlet:
        return by_outlet[turn.session.outlet_id]
    if len(by_outlet) == 1:
        return use_outlet(turn, contacts[0])
    question = turn.context.get("outlet_question")
    if question:
        picked = picked_outlet(turn.text, turn.understanding.choice, question["outlets"])
        if picked in by_outlet:
            turn.context.pop("outlet_question")
            resume_after_outlet_question(turn)
            return use_outlet(turn, by_outlet[picked])
    outlets = [c.outlet for c in contacts]
    turn.context["outlet_question"] = {
        "message_id": turn.message.pk,
        "outlets": [o.pk for o in outlets],
    }
    text, interactive = replies.outlet_choice(outlets)
    turn.say(text, "outlet_question", interactive)
    return None


def use_outlet(turn: Turn, contact: OutletContact) -> OutletContact:
    ConversationSession.objects.filter(pk=turn.session.pk).update(outlet_id=contact.outlet_id)
    UserInteractionSummary.objects.filter(user_id=turn.session.user_id).update(
        outlet_id=contact.outlet_id
    )
    turn.session.outlet_id = contact.outlet_id
    return contact


def resume_after_outlet_question(turn: Turn) -> None:
    """Act on the message that made us ask, now that the outlet is known."""
    resume_id = turn.understanding.resume_message_id
    original = ConversationMessage.objects.filter(pk=resume_id).first() if resume_id else None
    if original is None:
        turn.intent = "outlet_chosen"
        return
    turn.intent = original.intent or intents.OTHER
    if turn.intent == intents.ORDER_PLACEMENT:
        turn.parsed = turn.understanding.parsed
