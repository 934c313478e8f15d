"""What the assistant does with one understood message: the per-intent handlers.

orders.assistant decides who is speaking and locks the session; the functions here act on a Turn
(the message, the locked session, its context and the sender's outlet contact) and reply through
Turn.say. Rules (see orders.assistant for the whole picture):
- only place_order and the answer to our own product question reach create_order;
- when the parser is unsure (ParsedOrder.doubt) every line is confirmed with the buttons first;
- a contact without can_order gets an order in pending_approval and a flagged session;
- "make it 500" / "cancel that" act on the session's last order, else the sender's latest one;
  from a contact without can_order a change sends a confirmed order back to approval, and a
  cancellation of a confirmed order is left to staff (flagged);
- answers about orders, deliveries and invoices only ever show the sender's outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from conversations import services
from conversations.models import ConversationMessage, ConversationSession, OutletContact
from conversations.whatsapp import outbound
from orders import catalog, intents, parsing, replies
from orders import services as order_services
from orders.models import DeliveryOrder, Invoice, Order, OrderLine, Product
from orders.parsing import ParsedItem, ParsedOrder

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
    elif named := option_named(turn.text, options):
        picked = named
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


def option_named(text: str, options: list[int]) -> int | None:
    """The one offered product a reply names ("the white one", "PB-10W", "kraft"), else None."""
    lowered = text.lower()
    words = {parsing.singular(w) for w in re.findall(r"[a-z]+", lowered)} - parsing.STOPWORDS
    scores: dict[int, int] = {}
    for product in Product.objects.filter(pk__in=options):
        if product.sku.lower() in lowered:
            return product.pk
        name = {parsing.singular(w) for w in re.findall(r"[a-z]+", product.name.lower())}
        scores[product.pk] = len(words & name)
    distinct = [pk for pk, score in scores.items() if score and score == max(scores.values())]
    return distinct[0] if len(distinct) == 1 else None


def quantity_of(question: dict, product: Product) -> int:
    item = ParsedItem(question["phrase"], question["quantity"], question["unit"], question["size"])
    return catalog.units_to_quantity(item, product)


# ------------------------------------------------------------------ orders


CART = "order"  # a WhatsApp catalog cart: message_type "order", items in context["order"]


def place_order(turn: Turn) -> None:
    if turn.message.message_type == CART:
        place_cart(turn)
        return
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
        if parsed.doubt and (match.best or match.options):
            # unsure how to read the message: the customer confirms each line with the buttons
            options = match.options or [match.best]
            pending["items"].append(question_for(item, options))
        elif match.best is not None:
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


def place_cart(turn: Turn) -> None:
    """A cart from our WhatsApp catalog: product_retailer_id is the SKU. Every SKU known and
    every quantity a whole number above zero -> the order, with the usual approval rules; else a
    polite question naming what we could not find, and no order."""
    items = ((turn.message.context or {}).get("order") or {}).get("product_items") or []
    skus = [str(item.get("sku", "")) for item in items if isinstance(item, dict)]
    products = {p.sku: p for p in Product.objects.filter(sku__in=skus, active=True)}
    lines, missing = [], []
    for item in (i for i in items if isinstance(i, dict)):
        product, quantity = products.get(str(item.get("sku", ""))), _whole(item.get("quantity"))
        if product is None or quantity is None:
            missing.append(str(item.get("sku") or "?"))
        else:
            lines.append(order_services.LineRequest(product, quantity))
    if missing or not lines:
        turn.say(replies.not_found(missing or ["your cart"]), "clarification_request")
        return
    finish_order(turn, lines)


def _whole(value: Any) -> int | None:
    try:
        number = int(str(value))
    except ValueError:
        return None
    return number if number > 0 else None


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
        order = order_services.change_line_quantity(
            order, line, quantity, needs_approval=not turn.contact.can_order
        )
    except order_services.OrderError as exc:
        turn.say(replies.change_refused(str(exc)), "order_update")
        return
    if order.status == Order.Status.PENDING_APPROVAL:
        services.flag_session(turn.session, APPROVAL_FLAG)
        turn.say(replies.awaiting_approval(order), "approval_pending")
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
        turn.say(replies.NO_ORDER_TO_CANCEL, "order_cancellation")
        return
    if not turn.contact.can_order and order.status != Order.Status.PENDING_APPROVAL:
        # Cancelling a confirmed order is the outlet's decision: staff approve it.
        services.flag_session(turn.session, CANCEL_APPROVAL_FLAG)
        turn.say(replies.CANCEL_NEEDS_APPROVAL, "approval_pending")
        return
    try:
        order = order_services.cancel_order(order)
    except order_services.OrderError as exc:
        services.flag_session(turn.session, "cancellation asked after dispatch")
        turn.say(replies.cancel_refused(str(exc)), "order_cancellation")
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
    turn.say(replies.outlet_chosen(turn.contact.outlet), "help")


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
