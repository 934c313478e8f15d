"""Orders from WhatsApp: placing (parsed text or a catalog cart), confirming doubtful lines,
repeating, changing and cancelling, through orders.services; the rules are in orders.handlers."""

from __future__ import annotations

import re
from typing import Any

from conversations import services
from orders import catalog, parsing, replies
from orders import services as order_services
from orders.models import Order, OrderLine, Product
from orders.parsing import ParsedItem
from orders.turn import (
    APPROVAL_FLAG,
    CANCEL_APPROVAL_FLAG,
    NOT_UNDERSTOOD_FLAG,
    Turn,
)

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
    if parsed.repeat_last or parsed.changes_last_order:
        repeat_last_order(turn, changed=parsed.changes_last_order or bool(parsed.items))
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
        text, interactive = replies.product_choice(
            question["quantity"], phrase, options, question.get("unit") or "pcs"
        )
        turn.context["pending_order"] = pending
        turn.say(text, "clarification_request", interactive)
        return
    turn.context.pop("pending_order", None)
    products = Product.objects.in_bulk([pk for pk, _ in pending["lines"]])
    lines = [
        order_services.LineRequest(products[pk], quantity) for pk, quantity in pending["lines"]
    ]
    finish_order(turn, lines)


def repeat_last_order(turn: Turn, *, changed: bool = False) -> None:
    """The outlet's last order again; with changes (changed), never the plain repeat, which would
    order what the customer took out or leave out what they added: the last order is shown and
    the customer sends the whole list."""
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
    if changed:
        turn.say(replies.repeat_with_changes(previous), "clarification_request")
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
        turn.say(replies.change_refused(exc), "order_update")
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
        turn.say(replies.cancel_refused(exc), "order_cancellation")
        return
    turn.context.pop("awaiting_rating", None)
    turn.say(replies.cancelled(order), "order_cancellation")
