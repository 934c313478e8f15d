"""What the assistant says: reply texts and WhatsApp interactive objects (buttons and lists).

Formatting only: no queries and no writes. Limits are the Cloud API's: at most 3 reply buttons
(title <= 20 characters), lists of at most 10 rows (title <= 24, description <= 72), button label
of a list <= 20. Interactive ids carry what a tap means: "product:<id>", "outlet:<id>",
"rating:<n>", "confirm:yes" / "confirm:no".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from zoneinfo import ZoneInfo

from conversations.models import Outlet
from orders.models import DeliveryOrder, Invoice, Order, Product

LOCAL_TZ = ZoneInfo("Asia/Singapore")
RATING_LABELS = {5: "Excellent", 4: "Good", 3: "OK", 2: "Poor", 1: "Very poor"}

HOLDING = (
    "Thanks, we have your message. A colleague will confirm shortly. "
    "(Our assistant could not finish it automatically.)"
)
NOT_REGISTERED = (
    "Hello! This WhatsApp number is not registered with any of our customer outlets yet, so I "
    "can't take orders from it. A colleague will follow up with you shortly to set it up."
)
GREETING = (
    'Hello! Send me your order, for example "400 x 10-inch pizza boxes", or ask me about your '
    "deliveries and invoices."
)
HELP = (
    'I can take orders (e.g. "2 cartons of 12oz cups"), change or cancel your last order, and '
    "tell you about deliveries, invoices and products. A colleague can help with anything else."
)
THANKS = "You're welcome! 🙂"
COMPLAINT = (
    "I'm sorry about that. I've passed this to our team and a colleague will contact you shortly."
)
NOT_UNDERSTOOD_ORDER = (
    "Thanks, we have your message. I couldn't read the items with certainty, so a colleague "
    "will confirm your order shortly."
)
RATING_THANKS = "Thank you for your feedback! 🙏"
CANCEL_NEEDS_APPROVAL = (
    "I've passed your cancellation to our team: a colleague with ordering rights will confirm it."
)
RATING_QUESTION = "How was ordering with us today? Please rate us from 1 to 5."
CLARIFICATION_DROPPED = "OK, I've dropped that. What would you like to order?"
NO_PREVIOUS_ORDER = (
    "I couldn't find a previous order for your outlet. What would you like to order?"
)
NO_OPEN_ORDER = "I couldn't find an open order to change. What would you like to order?"
NO_ORDERS = "I can't find any orders for your outlet yet."
NO_DELIVERIES = "There is no delivery scheduled for your outlet at the moment."
NO_INVOICES = "I can't find any invoices for your outlet yet."


# ------------------------------------------------------------------ small formats


def money(amount: Decimal) -> str:
    return f"S${amount:,.2f}"


def day(date: dt.date) -> str:
    return f"{date:%a} {date.day} {date:%b}"


def slot(delivery: DeliveryOrder) -> str:
    return dict(Outlet.Slot.choices).get(delivery.slot, delivery.slot).split(" (")[0].lower()


def line_text(quantity: int, product: Product) -> str:
    return f"{quantity:,} x {product.name}"


def order_lines_text(order: Order) -> str:
    return ", ".join(line_text(line.quantity, line.product) for line in order.lines.all())


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ orders


def confirmation(order: Order) -> str:
    delivery, invoice = order.delivery, order.invoice
    return (
        f"Order processed! {order_lines_text(order)} confirmed ({order.number}). "
        f"Delivery {day(delivery.scheduled_date)} ({slot(delivery)}), "
        f"invoice {invoice.number}, total {money(invoice.total)} incl. GST."
    )


def awaiting_approval(order: Order) -> str:
    return (
        f"Thanks! I've passed your order ({order_lines_text(order)}, ref {order.number}) to our "
        "team for approval. A colleague will confirm it shortly."
    )


def updated(order: Order) -> str:
    invoice = Invoice.objects.filter(order=order).first()
    invoice_text = f" Invoice {invoice.number} updated." if invoice else ""
    return (
        f"Updated {order.number}: {order_lines_text(order)}. "
        f"New total {money(order.total)} incl. GST.{invoice_text}"
    )


def cancelled(order: Order) -> str:
    parts = [f"Cancelled {order.number}."]
    delivery = DeliveryOrder.objects.filter(order=order).first()
    if delivery is not None:
        parts.append(f"The delivery on {day(delivery.scheduled_date)} is off.")
    invoice = Invoice.objects.filter(order=order).first()
    if invoice is not None:
        parts.append(f"Invoice {invoice.number} is void.")
    return " ".join(parts)


def which_line(order: Order, quantity: int) -> str:
    names = "; ".join(line.product.name for line in order.lines.all())
    return f"Which item of {order.number} should be {quantity:,}? ({names})"


def ask_quantity(order: Order) -> str:
    return f"What quantity would you like for {order.number}? ({order_lines_text(order)})"


def not_found(phrases: Sequence[str]) -> str:
    listed = ", ".join(f'"{p}"' for p in phrases)
    return (
        f"Sorry, I couldn't find {listed} in our catalogue. Could you check the name or size? "
        "A colleague can also help."
    )


def status_line(order: Order) -> str:
    text = f"{order.number}: {order.get_status_display().lower()}, {order_lines_text(order)}"
    delivery = DeliveryOrder.objects.filter(order=order).first()
    if delivery is not None and order.status != Order.Status.CANCELLED:
        text += f", delivery {day(delivery.scheduled_date)} ({slot(delivery)})"
    return text + "."


def statuses(orders: Sequence[Order]) -> str:
    return "\n".join(status_line(order) for order in orders) if orders else NO_ORDERS


def deliveries(scheduled: Sequence[DeliveryOrder]) -> str:
    if not scheduled:
        return NO_DELIVERIES
    lines = [
        f"{d.number} for {d.order.number}: {day(d.scheduled_date)}, {slot(d)} "
        f"({d.get_status_display().lower()})"
        for d in scheduled
    ]
    return "Your deliveries:\n" + "\n".join(lines)


def invoices(issued: Sequence[Invoice]) -> str:
    if not issued:
        return NO_INVOICES
    lines = [
        f"{i.number} ({i.order.number}): {money(i.total)} incl. GST, due {day(i.due_date)}, "
        f"{i.get_status_display().lower()}"
        for i in issued
    ]
    return "Your invoices:\n" + "\n".join(lines)


def product_info(products: Sequence[Product]) -> str:
    if not products:
        return "I couldn't find that in our catalogue. A colleague can check for you."
    lines = [
        f"{p.name}: {money_per_unit(p)}, {p.pack_size:,} {p.unit} per carton" for p in products
    ]
    return "Here is what we have:\n" + "\n".join(lines)


def money_per_unit(product: Product) -> str:
    price = product.unit_price.quantize(Decimal("0.001")).normalize()
    return f"S${price:f} per {product.unit.rstrip('s') or 'piece'}"


# ------------------------------------------------------------------ interactive


def product_choice(quantity: int, phrase: str, options: Sequence[Product]) -> tuple[str, dict]:
    """Ask which product a phrase meant: buttons for 2-3 options, a list for more."""
    numbered = "\n".join(f"{n}. {p.name}" for n, p in enumerate(options, 1))
    if len(options) == 1:
        text = f'For "{phrase}" ({quantity:,}), did you mean {options[0].name}?'
        return text, buttons([("confirm:yes", "Yes"), ("confirm:no", "No")])
    text = f'Which one do you mean for "{phrase}" ({quantity:,})?\n{numbered}'
    if len(options) <= 3:
        return text, buttons(
            [(f"product:{p.pk}", f"{n}. {p.name}") for n, p in enumerate(options, 1)]
        )
    rows = [(f"product:{p.pk}", f"{n}. {p.name}", p.description) for n, p in enumerate(options, 1)]
    return text, list_message("Choose product", rows)


def outlet_choice(outlets: Sequence[Outlet]) -> tuple[str, dict]:
    numbered = "\n".join(f"{n}. {o.name}" for n, o in enumerate(outlets, 1))
    text = f"Which outlet are you ordering for today?\n{numbered}"
    rows = [(f"outlet:{o.pk}", f"{n}. {o.name}", o.name) for n, o in enumerate(outlets, 1)]
    return text, list_message("Choose outlet", rows)


def rating_request() -> tuple[str, dict]:
    rows = [(f"rating:{n}", f"{n} - {label}", "") for n, label in RATING_LABELS.items()]
    return RATING_QUESTION, list_message("Rate us", rows)


def buttons(choices: Sequence[tuple[str, str]]) -> dict:
    return {
        "type": "button",
        "action": {
            "buttons": [
                {"type": "reply", "reply": {"id": id_, "title": short(title, 20)}}
                for id_, title in choices[:3]
            ]
        },
    }


def list_message(label: str, rows: Sequence[tuple[str, str, str]]) -> dict:
    section_rows = []
    for id_, title, description in rows[:10]:
        row = {"id": id_, "title": short(title, 24)}
        if description:
            row["description"] = short(description, 72)
        section_rows.append(row)
    return {
        "type": "list",
        "action": {
            "button": short(label, 20),
            "sections": [{"title": "Options", "rows": section_rows}],
        },
    }
