"""The order assistant: step 4 of the design, run by the Celery task for every inbound message.

Rules:
- Understand first, outside any transaction: detect the language and classify the intent (both
  recorded on the message, the session and the summary), and for an order parse the items with
  OpenAI or the offline parser (orders.llm). Then act and reply in ONE transaction that locks the
  session and the message: the order, every reply and `processed_at` commit together, and the
  replies are sent (on commit) only then. So a redelivered task, or a worker that died half-way,
  creates one order and sends one set of replies: a processed message is never acted on again, and
  `Order.source_message` is unique.
- Who may order is decided by the sender's OutletContact (phone_hash == session.user_id):
  unknown number -> recorded, session flagged, one polite "not registered" reply per session,
  never an order, never a price, nothing about outlets or orders; one outlet -> the session takes
  it; several -> asked once per session with a list, the answer kept in session.context, and the
  message that triggered the question is then acted on; can_order off -> the order is kept with
  status pending_approval (no delivery, no invoice) and the session flagged for staff approval.
- Pending state lives in session.context: "pending_order" (items waiting for "which product?"),
  "last_order_id" (what "make it 500" and "cancel that" act on), "awaiting_rating",
  "outlet_question". A message that answers none of them drops a stale pending question.
- A message that is not an order never creates one: only order_placement (or the answer to our
  own question about one) reaches orders.services.create_order.
- Failures: an exception rolls the whole turn back and the task retries with backoff
  (TransientError); after ASSISTANT_MAX_ATTEMPTS the user gets a holding reply and the session is
  flagged for a colleague. The message itself is never lost: the webhook stored it before.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from conversations import language, services
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    Role,
    UserInteractionSummary,
)
from orders import catalog, intents, llm, parsing, replies
from orders import services as order_services
from orders.models import DeliveryOrder, Invoice, Order, OrderLine, OutletContact, Product
from orders.parsing import ParsedItem, ParsedOrder

logger = logging.getLogger(__name__)

UNREGISTERED_FLAG = "unregistered number: add an outlet contact"
APPROVAL_FLAG = "order awaiting staff approval"
COMPLAINT_FLAG = "complaint"
NOT_UNDERSTOOD_FLAG = "order not understood"
REDRIVE_BATCH = 200
QUESTION_WORDS = frozenset(
    ["price", "prices", "cost", "costs", "how", "much", "what", "what's", "which", "sell", "stock"]
)


class TransientError(Exception):
    """The turn failed and was rolled back; the task should try again later."""


@dataclass
class Understanding:
    intent: str
    confidence: float
    choice: str | None = None  # the id of a button or list row the user tapped
    parsed: ParsedOrder | None = None
    resume_message_id: int | None = None  # after the outlet question: the message to act on


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
    sent: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.message.content or ""

    def say(self, text: str, intent: str, interactive: dict | None = None) -> None:
        services.reply(self.session, text, intent=intent, confidence=1.0, interactive=interactive)
        self.sent.append(intent)


# ------------------------------------------------------------------ entry point


def handle_inbound(message_id: int) -> None:
    """Understand, act on and answer one stored user message (idempotent)."""
    message = _load(message_id)
    if message is None or message.role != Role.USER or message.processed_at is not None:
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


def handle_inbound_now(message_id: int) -> None:
    """handle_inbound, retried at once until it answers or holds (eager mode, no broker)."""
    for _ in range(settings.ASSISTANT_MAX_ATTEMPTS):
        try:
            handle_inbound(message_id)
            return
        except TransientError:
            continue
    handle_inbound(message_id)


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
        attempts = count_attempt(message_id)
    except DatabaseError as db_exc:
        raise TransientError(reason) from db_exc
    logger.warning(
        "assistant failed on message %s (attempt %s of %s): %s",
        message_id,
        attempts,
        settings.ASSISTANT_MAX_ATTEMPTS,
        reason,
    )
    if attempts < settings.ASSISTANT_MAX_ATTEMPTS:
        raise TransientError(reason) from exc
    try:
        hold(message_id, reason)
    except DatabaseError as db_exc:
        raise TransientError(reason) from db_exc


def count_attempt(message_id: int) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE conversation_messages SET context = jsonb_set(COALESCE(context, '{}'::jsonb),"
            " '{assistant_attempts}',"
            " to_jsonb(COALESCE((context->>'assistant_attempts')::int, 0) + 1))"
            " WHERE id = %s RETURNING (context->>'assistant_attempts')::int",
            [message_id],
        )
        row = cursor.fetchone()
    return row[0] if row else 0


def hold(message_id: int, reason: str) -> None:
    """The last resort: a holding reply, the session flagged for a colleague, the message kept."""
    with transaction.atomic():
        message = ConversationMessage.objects.select_for_update().get(pk=message_id)
        if message.processed_at is not None:
            return
        session = ConversationSession.objects.select_for_update().get(session_id=message.session_id)
        services.flag_session(session, f"assistant could not answer ({reason})")
        services.reply(session, replies.HOLDING, intent="holding_reply")
        services.mark_processed(message)


def redrive_unprocessed(now: dt.datetime | None = None) -> int:
    """Enqueue processing again for user messages nobody finished (a lost task, a dead worker).

    Only messages older than ASSISTANT_REDRIVE_AFTER_MINUTES (longer than the retry backoff) and
    younger than a day (after that WhatsApp no longer lets us answer freely). handle_inbound is
    idempotent, so a message that is still being retried is not answered twice.
    """
    from conversations import tasks

    now = now or timezone.now()
    stale = ConversationMessage.objects.filter(
        role=Role.USER,
        processed_at__isnull=True,
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
    result = classify(message, choice, awaiting_rating=bool(context.get("awaiting_rating")))
    services.set_message_intent(message, result.intent, result.confidence)
    understanding = Understanding(result.intent, result.confidence, choice=choice)
    if not OutletContact.objects.filter(phone_hash=session.user_id).exists():
        return understanding
    resume = message_to_resume(message, context, choice)
    if resume is not None:
        understanding.resume_message_id = resume.pk
        if resume.intent == intents.ORDER_PLACEMENT:
            understanding.parsed = llm.parse_order(resume.content)
    elif result.intent == intents.ORDER_PLACEMENT:
        understanding.parsed = llm.parse_order(message.content or "")
    return understanding


def classify(
    message: ConversationMessage, choice: str | None, *, awaiting_rating: bool
) -> intents.IntentResult:
    if choice and choice.startswith("rating:"):
        return intents.IntentResult(intents.RATING, 1.0)
    if choice:
        return intents.IntentResult(intents.OTHER, 1.0)
    return intents.classify_intent(message.content or "", awaiting_rating=awaiting_rating)


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
    """Act on the message and reply, under locks, in the caller's transaction."""
    message = ConversationMessage.objects.select_for_update().get(pk=message_id)
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
    contacts = list(
        OutletContact.objects.filter(phone_hash=turn.session.user_id, outlet__active=True)
        .select_related("outlet")
        .order_by("outlet__name")
    )
    if not contacts:
        unregistered(turn)
        return
    turn.contact = choose_contact(turn, contacts)
    if turn.contact is None or answer_pending(turn):
        return
    HANDLERS.get(turn.intent, other)(turn)


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


# ------------------------------------------------------------------ pending questions


def answer_pending(turn: Turn) -> bool:
    """Act on a pending question (rating, product choice); True when this message answered it."""
    if turn.context.get("awaiting_rating"):
        turn.context.pop("awaiting_rating")
        rating = rating_value(turn)
        if rating is not None:
            record_rating(turn, rating)
            return True
    pending = turn.context.get("pending_order")
    if not pending:
        return False
    return answer_product_question(turn, pending)


def rating_value(turn: Turn) -> int | None:
    choice = turn.understanding.choice or ""
    if choice.startswith("rating:"):
        return int(choice.split(":", 1)[1])
    if turn.intent != intents.RATING:
        return None
    match = re.match(r"\s*([1-5])\b", turn.text)
    return int(match.group(1)) if match else None


def record_rating(turn: Turn, rating: int) -> None:
    services.record_satisfaction(turn.session.user_id, rating)
    turn.say(replies.RATING_THANKS, "rating_ack")


def answer_product_question(turn: Turn, pending: dict) -> bool:
    question = pending["items"][0]
    options = question["options"]
    choice = turn.understanding.choice or ""
    picked: int | None = None
    if choice.startswith("product:") and int(choice.split(":", 1)[1]) in options:
        picked = int(choice.split(":", 1)[1])
    elif choice == "confirm:yes" or (not choice and intents.is_affirmative(turn.text)):
        picked = options[0]
    elif (
        choice == "confirm:no"
        or intents.is_negative(turn.text)
        or turn.intent == intents.ORDER_CANCEL
    ):
        turn.context.pop("pending_order")
        turn.say(replies.CLARIFICATION_DROPPED, "order_cancellation")
        return True
    elif number := intents.parse_choice(turn.text, len(options)):
        picked = options[number - 1]
    elif turn.intent == intents.ORDER_CHANGE and (new := parsing.parse_quantity_change(turn.text)):
        question["quantity"], question["unit"] = new, parsing.PIECES
        continue_order(turn, pending)
        return True
    if picked is None:
        turn.context.pop("pending_order")  # the customer moved on
        return False
    product = Product.objects.get(pk=picked)
    pending["lines"].append([product.pk, quantity_of(question, product)])
    pending["items"].pop(0)
    continue_order(turn, pending)
    return True


def quantity_of(question: dict, product: Product) -> int:
    item = ParsedItem(question["phrase"], question["quantity"], question["unit"], question["size"])
    return catalog.units_to_quantity(item, product)


# ------------------------------------------------------------------ orders


def place_order(turn: Turn) -> None:
    parsed = turn.parsed
    if parsed is None or parsed.is_empty:
        services.flag_session(turn.session, NOT_UNDERSTOOD_FLAG)
        turn.say(replies.NOT_UNDERSTOOD_ORDER, "holding_reply")
        return
    if parsed.repeat_last:
        repeat_last_order(turn)
        return
    pending: dict[str, Any] = {"lines": [], "items": []}
    missing = []
    for item in parsed.items:
        match = catalog.match_item(item, outlet_id=turn.contact.outlet_id)
        if match.best is not None:
            pending["lines"].append([match.best.pk, catalog.units_to_quantity(item, match.best)])
        elif match.options:
            pending["items"].append(question_for(item, match.options))
        else:
            missing.append(
                f"{parsing.display_size(item.size)} {item.product}" if item.size else item.product
            )
    if missing:
        turn.say(replies.not_found(missing), "clarification_request")
        return
    continue_order(turn, pending)


def question_for(item: ParsedItem, options: list[Product]) -> dict:
    return {
        "phrase": item.product,
        "quantity": item.quantity,
        "unit": item.unit,
        "size": item.size,
        "options": [p.pk for p in options],
    }


def continue_order(turn: Turn, pending: dict) -> None:
    """Ask about the next unclear item, or create the order when every item is clear."""
    if pending["items"]:
        question = pending["items"][0]
        products = Product.objects.in_bulk(question["options"])
        options = [products[pk] for pk in question["options"] if pk in products]
        phrase = (
            f"{parsing.display_size(question['size'])} {question['phrase']}"
            if question["size"]
            else question["phrase"]
        )
        text, interactive = replies.product_choice(question["quantity"], phrase, options)
        turn.context["pending_order"] = pending
        turn.say(text, "clarification_request", interactive)
        return
    turn.context.pop("pending_order", None)
    products = Product.objects.in_bulk([pk for pk, _ in pending["lines"]])
    lines = [
        order_services.LineRequest(products[pk], quantity) for pk, quantity in pending["lines"]
    ]
    finish_order(turn, lines)


def repeat_last_order(turn: Turn) -> None:
    previous = (
        Order.objects.filter(outlet_id=turn.contact.outlet_id)
        .exclude(status=Order.Status.CANCELLED)
        .order_by("-created_at")
        .first()
    )
    lines = order_services.repeat_lines(previous) if previous else []
    if not lines:
        turn.say(replies.NO_PREVIOUS_ORDER, "clarification_request")
        return
    finish_order(turn, lines)


def finish_order(turn: Turn, lines: list[order_services.LineRequest]) -> None:
    needs_approval = not turn.contact.can_order
    order = order_services.create_order(
        outlet=turn.contact.outlet,
        lines=lines,
        user_id=turn.session.user_id,
        session=turn.session,
        source_message=turn.message,
        needs_approval=needs_approval,
    )
    turn.context["last_order_id"] = order.pk
    if needs_approval:
        services.flag_session(turn.session, APPROVAL_FLAG)
        turn.say(replies.awaiting_approval(order), "approval_pending")
        return
    turn.say(replies.confirmation(order), "order_confirmation")
    text, interactive = replies.rating_request()
    turn.say(text, "rating_request", interactive)
    turn.context["awaiting_rating"] = order.number


def open_order(turn: Turn) -> Order | None:
    """The order "make it 500" or "cancel that" means: the last one of this session, else the
    sender's latest order for this outlet (the services refuse it once dispatched)."""
    orders = Order.objects.filter(outlet_id=turn.contact.outlet_id).exclude(
        status=Order.Status.CANCELLED
    )
    last_id = turn.context.get("last_order_id")
    if last_id and (order := orders.filter(pk=last_id).first()):
        return order
    return orders.filter(user_id=turn.session.user_id).order_by("-created_at").first()


def change_order(turn: Turn) -> None:
    order = open_order(turn)
    if order is None:
        turn.say(replies.NO_OPEN_ORDER, "order_update")
        return
    quantity = parsing.parse_quantity_change(turn.text)
    if quantity is None:
        turn.say(replies.ask_quantity(order), "clarification_request")
        return
    line = line_meant(order, turn.text)
    if line is None:
        turn.say(replies.which_line(order, quantity), "clarification_request")
        return
    try:
        order = order_services.change_line_quantity(order, line, quantity)
    except order_services.OrderError as exc:
        turn.say(f"{exc} A colleague can help if something needs changing.", "order_update")
        return
    turn.say(replies.updated(order), "order_update")


def line_meant(order: Order, text: str) -> OrderLine | None:
    """The line a change names ('the cups to 300'); the only line when there is one."""
    lines = list(order.lines.select_related("product"))
    if len(lines) == 1:
        return lines[0]
    words = {parsing.singular(w) for w in re.findall(r"[a-z]+", text.lower())} - parsing.STOPWORDS
    overlap = {
        line.pk: len(
            words & {parsing.singular(w) for w in re.findall(r"[a-z]+", line.product.name.lower())}
        )
        for line in lines
    }
    best = max(overlap.values(), default=0)
    winners = [line for line in lines if overlap[line.pk] == best]
    return winners[0] if best and len(winners) == 1 else None


def cancel_order(turn: Turn) -> None:
    order = open_order(turn)
    if order is None:
        turn.say("I couldn't find an open order to cancel.", "order_cancellation")
        return
    try:
        order = order_services.cancel_order(order)
    except order_services.OrderError as exc:
        services.flag_session(turn.session, "cancellation asked after dispatch")
        turn.say(f"{exc} A colleague will contact you about it.", "order_cancellation")
        return
    turn.context.pop("awaiting_rating", None)
    turn.say(replies.cancelled(order), "order_cancellation")


# ------------------------------------------------------------------ questions


def order_status(turn: Turn) -> None:
    orders = Order.objects.filter(outlet_id=turn.contact.outlet_id).prefetch_related(
        "lines__product"
    )
    named = re.search(r"\bORD-\d{4}-\d+\b", turn.text.upper())
    if named:
        orders = orders.filter(number=named.group(0))
    turn.say(replies.statuses(list(orders.order_by("-created_at")[:3])), "order_status")


def delivery_query(turn: Turn) -> None:
    scheduled = (
        DeliveryOrder.objects.filter(
            order__outlet_id=turn.contact.outlet_id,
            status__in=[DeliveryOrder.Status.SCHEDULED, DeliveryOrder.Status.OUT_FOR_DELIVERY],
        )
        .select_related("order")
        .order_by("scheduled_date")[:3]
    )
    turn.say(replies.deliveries(list(scheduled)), "delivery_info")


def invoice_query(turn: Turn) -> None:
    issued = (
        Invoice.objects.filter(order__outlet_id=turn.contact.outlet_id)
        .select_related("order")
        .order_by("-issued_at")[:3]
    )
    turn.say(replies.invoices(list(issued)), "invoice_info")


def product_question(turn: Turn) -> None:
    masked, sizes = parsing.extract_sizes(parsing.normalise_text(turn.text))
    words = [w for w in parsing.product_words(masked) if w not in QUESTION_WORDS and w != "for"]
    candidates = catalog.search_products(" ".join(words), sizes[0] if sizes else None, limit=3)
    products = [c.product for c in candidates if c.score >= settings.CATALOG_MIN_SCORE]
    turn.say(replies.product_info(products), "product_info")


def greeting(turn: Turn) -> None:
    turn.say(replies.GREETING, "greeting")


def complaint(turn: Turn) -> None:
    services.flag_session(turn.session, COMPLAINT_FLAG)
    turn.say(replies.COMPLAINT, "complaint_ack")


def rating(turn: Turn) -> None:
    """A rating we did not ask for counts only when it says so ("5 stars"), not a bare "5"."""
    value = rating_value(turn)
    if value is None or re.fullmatch(r"\s*[1-5]\s*[.!]?\s*", turn.text):
        other(turn)
        return
    record_rating(turn, value)


def outlet_chosen(turn: Turn) -> None:
    turn.say(f"Thanks, noted: {turn.contact.outlet.name}. What would you like to order?", "help")


def other(turn: Turn) -> None:
    if intents.is_affirmative(turn.text) or re.search(r"thank|thx|\btq\b|谢谢", turn.text.lower()):
        turn.say(replies.THANKS, "acknowledgement")
        return
    turn.say(replies.HELP, "help")


HANDLERS = {
    intents.ORDER_PLACEMENT: place_order,
    intents.ORDER_CHANGE: change_order,
    intents.ORDER_CANCEL: cancel_order,
    intents.ORDER_STATUS: order_status,
    intents.DELIVERY_QUERY: delivery_query,
    intents.INVOICE_QUERY: invoice_query,
    intents.PRODUCT_QUESTION: product_question,
    intents.GREETING: greeting,
    intents.COMPLAINT: complaint,
    intents.RATING: rating,
    "outlet_chosen": outlet_chosen,
}
