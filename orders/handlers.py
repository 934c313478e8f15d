"""What the assistant does with one understood message: the per-intent handlers.

orders.assistant decides who is speaking and locks the session; the functions here act on a Turn
(the message, the locked session, its context and the sender's outlet contact) and reply through
Turn.say. Rules (see orders.assistant for the whole picture):
- only place_order (orders.ordering) and the answer to our own product question reach
  create_order;
- when the parser is unsure (ParsedOrder.doubt) every line is confirmed with the buttons first;
- a contact without can_order gets an order in pending_approval and a flagged session;
- "make it 500" / "cancel that" act on the session's last order, else the sender's latest one;
  from a contact without can_order a change sends a confirmed order back to approval, and a
  cancellation of a confirmed order is left to staff (flagged);
- answers about orders, deliveries and invoices only ever show the sender's outlet.
"""

from __future__ import annotations

import re

from django.conf import settings

from conversations import services
from orders import catalog, intents, ordering, parsing, replies
from orders.models import DeliveryOrder, Invoice, Order, Product
from orders.parsing import ParsedItem
from orders.turn import (
    COMPLAINT_FLAG,
    QUESTION_WORDS,
    Turn,
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
        ordering.continue_order(turn, pending)
        return True
    if picked is None:
        turn.context.pop("pending_order")  # the customer moved on
        return False
    product = Product.objects.get(pk=picked)
    pending["lines"].append([product.pk, quantity_of(question, product)])
    pending["items"].pop(0)
    ordering.continue_order(turn, pending)
    return True


def option_named(text: str, options: list[int]) -> int | None:
    """The one offered product a reply names ("the white one", "PB-10W", "kraft"), else None.
    A reply that writes a size the product is not sold in names another product: "12oz cup 1500"
    after "did you mean 8oz paper hot cup?" is a new order, not a yes."""
    lowered = text.lower()
    words, sizes = words_and_sizes(text)
    scores: dict[int, int] = {}
    for product in Product.objects.filter(pk__in=options):
        if product.sku.lower() in lowered:
            return product.pk
        if sizes and not sizes & catalog.product_sizes(product):
            continue
        scores[product.pk] = len(words & words_and_sizes(product.name)[0])
    distinct = [pk for pk, score in scores.items() if score and score == max(scores.values())]
    return distinct[0] if len(distinct) == 1 else None


def words_and_sizes(text: str) -> tuple[set[str], set[str]]:
    """The words of a text without its sizes ('12oz lid' -> {'lid'}: 'oz' names no product) and
    the sizes, normalised ({'12 oz'})."""
    masked, sizes = parsing.extract_sizes(parsing.normalise_text(text))
    unsized = parsing.MASKED_SIZE.sub(" ", masked)
    words = {parsing.singular(w) for w in re.findall(r"[a-z]+", unsized)} - parsing.STOPWORDS
    return words, set(sizes)


def quantity_of(question: dict, product: Product) -> int:
    item = ParsedItem(question["phrase"], question["quantity"], question["unit"], question["size"])
    return catalog.units_to_quantity(item, product)


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
    intents.ORDER_PLACEMENT: ordering.place_order,
    intents.ORDER_CHANGE: ordering.change_order,
    intents.ORDER_CANCEL: ordering.cancel_order,
    intents.ORDER_STATUS: order_status,
    intents.DELIVERY_QUERY: delivery_query,
    intents.INVOICE_QUERY: invoice_query,
    intents.PRODUCT_QUESTION: product_question,
    intents.GREETING: greeting,
    intents.COMPLAINT: complaint,
    intents.RATING: rating,
    "outlet_chosen": outlet_chosen,
}
