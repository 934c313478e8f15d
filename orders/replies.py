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

from django.utils import formats
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from conversations.models import Outlet
from orders.errors import OrderError
from orders.models import DeliveryOrder, Invoice, Order, Product
from orders.parsing import HALF_CARTON

RATING_LABELS = {
    5: gettext_lazy("Excellent"),
    4: gettext_lazy("Good"),
    3: gettext_lazy("OK"),
    2: gettext_lazy("Poor"),
    1: gettext_lazy("Very poor"),
}

HOLDING = gettext_lazy(
    "Thanks, we have your message. A colleague will confirm shortly. "
    "(Our assistant could not finish it automatically.)"
)
TURN_CAP_REACHED = gettext_lazy(
    "Thanks, we have your messages. A colleague will read them and follow up shortly."
)
NOT_REGISTERED = gettext_lazy(
    "Hello! This WhatsApp number is not registered with any of our customer outlets yet, so I "
    "can't take orders from it. A colleague will follow up with you shortly to set it up."
)
GREETING = gettext_lazy(
    'Hello! Send me your order, for example "400 x 10-inch pizza boxes", or ask me about your '
    "deliveries and invoices."
)
HELP = gettext_lazy(
    'I can take orders (e.g. "2 cartons of 12oz cups"), change or cancel your last order, and '
    "tell you about deliveries, invoices and products. A colleague can help with anything else."
)
THANKS = gettext_lazy("You're welcome! 🙂")
COMPLAINT = gettext_lazy(
    "I'm sorry about that. I've passed this to our team and a colleague will contact you shortly."
)
NOT_UNDERSTOOD_ORDER = gettext_lazy(
    "Thanks, we have your message. I couldn't read the items with certainty, so a colleague "
    "will confirm your order shortly."
)
RATING_THANKS = gettext_lazy("Thank you for your feedback! 🙏")
CANCEL_NEEDS_APPROVAL = gettext_lazy(
    "I've passed your cancellation to our team: a colleague with ordering rights will confirm it."
)
RATING_QUESTION = gettext_lazy("How was ordering with us today? Please rate us from 1 to 5.")
CLARIFICATION_DROPPED = gettext_lazy("OK, I've dropped that. What would you like to order?")
NO_PREVIOUS_ORDER = gettext_lazy(
    "I couldn't find a previous order for your outlet. What would you like to order?"
)
NO_OPEN_ORDER = gettext_lazy(
    "I couldn't find an open order to change. What would you like to order?"
)
NO_ORDER_TO_CANCEL = gettext_lazy("I couldn't find an open order to cancel.")
NO_ORDERS = gettext_lazy("I can't find any orders for your outlet yet.")
NO_DELIVERIES = gettext_lazy("There is no delivery scheduled for your outlet at the moment.")
NO_INVOICES = gettext_lazy("I can't find any invoices for your outlet yet.")
NOT_IN_CATALOGUE = gettext_lazy(
    "I couldn't find that in our catalogue. A colleague can check for you."
)
STATUS_LABELS = {
    "pending_approval": gettext_lazy("pending staff approval"),
    "confirmed": gettext_lazy("confirmed"),
    "dispatched": gettext_lazy("dispatched"),
    "delivered": gettext_lazy("delivered"),
    "cancelled": gettext_lazy("cancelled"),
    "scheduled": gettext_lazy("scheduled"),
    "out_for_delivery": gettext_lazy("out for delivery"),
    "issued": gettext_lazy("issued"),
    "paid": gettext_lazy("paid"),
    "void": gettext_lazy("void"),
    "failed": gettext_lazy("failed"),
}
SLOT_LABELS = {
    "morning": gettext_lazy("morning"),
    "afternoon": gettext_lazy("afternoon"),
}


# Dates per reply language (Django's month and weekday names in that language). Numbers and S$
# amounts are grouped "12,000" / "S$1,234.50" in all four: Singapore writes them so in each.
DATE_FORMATS = {"zh-hans": "n月j日（l）", "ta": "j M (l)"}
DEFAULT_DATE_FORMAT = "D j M"


# ------------------------------------------------------------------ small formats (active language)


def number(value: int) -> str:
    return f"{value:,}"


# The units a question shows as cartons, as the customer wrote them ("2 ctn": 2 cartons, not 2 cups)
CARTON_WORDS = frozenset({"carton", "case"})


def amount(quantity: int, unit: str = "pcs") -> str:
    """A line's quantity in the customer's unit: '400', '2 cartons', '1.5 cartons'."""
    if unit == HALF_CARTON:
        count = number(quantity // 2) + (".5" if quantity % 2 else "")
        return ngettext("%(count)s carton", "%(count)s cartons", 2) % {"count": count}
    if unit in CARTON_WORDS:
        return ngettext("%(count)s carton", "%(count)s cartons", quantity) % {
            "count": number(quantity)
        }
    return number(quantity)


def money(amount: Decimal) -> str:
    return f"S${amount:,.2f}"


def day(date: dt.date) -> str:
    return formats.date_format(date, DATE_FORMATS.get(get_language(), DEFAULT_DATE_FORMAT))


def status(value: str, fallback: str) -> str:
    return str(STATUS_LABELS.get(value, fallback))


def slot(delivery: DeliveryOrder) -> str:
    label = SLOT_LABELS.get(delivery.slot)
    return str(label) if label else dict(Outlet.Slot.choices).get(delivery.slot, delivery.slot)


def line_text(quantity: int, product: Product) -> str:
    return f"{number(quantity)} x {product.name}"


def order_lines_text(order: Order) -> str:
    return ", ".join(line_text(line.quantity, line.product) for line in order.lines.all())


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ orders


def confirmation(order: Order) -> str:
    delivery, invoice = order.delivery, order.invoice
    return _(
        "Order processed! %(lines)s confirmed (%(order)s). Delivery %(day)s (%(slot)s), "
        "invoice %(invoice)s, total %(total)s incl. GST."
    ) % {
        "lines": order_lines_text(order),
        "order": order.number,
        "day": day(delivery.scheduled_date),
        "slot": slot(delivery),
        "invoice": invoice.number,
        "total": money(invoice.total),
    }


def delivery_reminder(delivery: DeliveryOrder) -> str:
    """The day-before reminder (orders.notifications), sent as free text inside the window."""
    order = delivery.order
    return _(
        "Reminder: %(order)s (%(lines)s) will be delivered tomorrow, %(day)s (%(slot)s). "
        "Total %(total)s incl. GST."
    ) % {
        "order": order.number,
        "lines": order_lines_text(order),
        "day": day(delivery.scheduled_date),
        "slot": slot(delivery),
        "total": money(order.total),
    }


def invoice_issued(invoice: Invoice) -> str:
    return _("Invoice %(invoice)s for %(order)s: %(total)s incl. GST, due %(day)s.") % {
        "invoice": invoice.number,
        "order": invoice.order.number,
        "total": money(invoice.total),
        "day": day(invoice.due_date),
    }


def awaiting_approval(order: Order) -> str:
    return _(
        "Thanks! I've passed your order (%(lines)s, ref %(order)s) to our team for approval. "
        "A colleague will confirm it shortly."
    ) % {"lines": order_lines_text(order), "order": order.number}


def updated(order: Order) -> str:
    text = _("Updated %(order)s: %(lines)s. New total %(total)s incl. GST.") % {
        "order": order.number,
        "lines": order_lines_text(order),
        "total": money(order.total),
    }
    invoice = Invoice.objects.filter(order=order).first()
    if invoice:
        text += " " + _("Invoice %(invoice)s updated.") % {"invoice": invoice.number}
    return text


REFUSAL_REASONS = {
    OrderError.NO_ITEMS: gettext_lazy("An order needs at least one item."),
    OrderError.QUANTITY_NOT_POSITIVE: gettext_lazy("Quantities must be more than zero."),
    OrderError.NOT_CHANGEABLE: gettext_lazy("%(order)s is %(status)s already."),
    OrderError.PAID: gettext_lazy("%(order)s is paid already."),
    OrderError.NOT_AWAITING_APPROVAL: gettext_lazy("%(order)s is not awaiting approval."),
}
REFUSED = gettext_lazy("This order can't be changed any more.")


def refusal_reason(error: OrderError) -> str:
    """Why an order was not changed, in the active language (never the English message)."""
    reason = REFUSAL_REASONS.get(error.code, REFUSED)
    return str(reason) % {  # a mapping: texts without placeholders pass unchanged
        "order": error.order_number,
        "status": status(error.order_status, error.order_status),
    }


def change_refused(error: OrderError) -> str:
    return _("%(reason)s A colleague can help if something needs changing.") % {
        "reason": refusal_reason(error)
    }


def cancel_refused(error: OrderError) -> str:
    return _("%(reason)s A colleague will contact you about it.") % {
        "reason": refusal_reason(error)
    }


def cancelled(order: Order) -> str:
    parts = [_("Cancelled %(order)s.") % {"order": order.number}]
    delivery = DeliveryOrder.objects.filter(order=order).first()
    if delivery is not None:
        parts.append(_("The delivery on %(day)s is off.") % {"day": day(delivery.scheduled_date)})
    invoice = Invoice.objects.filter(order=order).first()
    if invoice is not None:
        parts.append(_("Invoice %(invoice)s is void.") % {"invoice": invoice.number})
    return " ".join(parts)


def which_line(order: Order, quantity: int) -> str:
    names = "; ".join(line.product.name for line in order.lines.all())
    return _("Which item of %(order)s should be %(quantity)s? (%(names)s)") % {
        "order": order.number,
        "quantity": number(quantity),
        "names": names,
    }


def ask_quantity(order: Order) -> str:
    return _("What quantity would you like for %(order)s? (%(lines)s)") % {
        "order": order.number,
        "lines": order_lines_text(order),
    }


def repeat_with_changes(order: Order) -> str:
    return _(
        "Your last order %(order)s was: %(lines)s. So that nothing is ordered wrongly, please send "
        "the full list for this order with your changes."
    ) % {"order": order.number, "lines": order_lines_text(order)}


def not_found(phrases: Sequence[str]) -> str:
    listed = ", ".join(f'"{p}"' for p in phrases)
    return _(
        "Sorry, I couldn't find %(items)s in our catalogue. Could you check the name or size? "
        "A colleague can also help."
    ) % {"items": listed}


def outlet_chosen(outlet: Outlet) -> str:
    return _("Thanks, noted: %(outlet)s. What would you like to order?") % {"outlet": outlet.name}


def status_line(order: Order) -> str:
    text = _("%(order)s: %(status)s, %(lines)s") % {
        "order": order.number,
        "status": status(order.status, order.get_status_display().lower()),
        "lines": order_lines_text(order),
    }
    delivery = DeliveryOrder.objects.filter(order=order).first()
    if delivery is not None and order.status != Order.Status.CANCELLED:
        text += ", " + _("delivery %(day)s (%(slot)s)") % {
            "day": day(delivery.scheduled_date),
            "slot": slot(delivery),
        }
    return text + "."


def statuses(orders: Sequence[Order]) -> str:
    return "\n".join(status_line(order) for order in orders) if orders else str(NO_ORDERS)


def deliveries(scheduled: Sequence[DeliveryOrder]) -> str:
    if not scheduled:
        return str(NO_DELIVERIES)
    lines = [
        _("%(delivery)s for %(order)s: %(day)s, %(slot)s (%(status)s)")
        % {
            "delivery": d.number,
            "order": d.order.number,
            "day": day(d.scheduled_date),
            "slot": slot(d),
            "status": status(d.status, d.get_status_display().lower()),
        }
        for d in scheduled
    ]
    return _("Your deliveries:") + "\n" + "\n".join(lines)


def invoices(issued: Sequence[Invoice]) -> str:
    if not issued:
        return str(NO_INVOICES)
    lines = [
        _("%(invoice)s (%(order)s): %(total)s incl. GST, due %(day)s, %(status)s")
        % {
            "invoice": i.number,
            "order": i.order.number,
            "total": money(i.total),
            "day": day(i.due_date),
            "status": status(i.status, i.get_status_display().lower()),
        }
        for i in issued
    ]
    return _("Your invoices:") + "\n" + "\n".join(lines)


def product_info(products: Sequence[Product]) -> str:
    if not products:
        return str(NOT_IN_CATALOGUE)
    lines = [
        _("%(product)s: %(price)s, %(pack)s %(unit)s per carton")
        % {
            "product": p.name,
            "price": money_per_unit(p),
            "pack": number(p.pack_size),
            "unit": p.unit,
        }
        for p in products
    ]
    return _("Here is what we have:") + "\n" + "\n".join(lines)


def money_per_unit(product: Product) -> str:
    price = product.unit_price.quantize(Decimal("0.001")).normalize()
    return _("S$%(price)s per %(unit)s") % {
        "price": f"{price:f}",
        "unit": product.unit.rstrip("s") or _("piece"),
    }


# ------------------------------------------------------------------ interactive


def product_choice(
    quantity: int, phrase: str, options: Sequence[Product], unit: str = "pcs"
) -> tuple[str, dict]:
    """Ask which product a phrase meant: buttons for 2-3 options, a list for more."""
    numbered = "\n".join(f"{n}. {p.name}" for n, p in enumerate(options, 1))
    if len(options) == 1:
        text = _('For "%(phrase)s" (%(quantity)s), did you mean %(product)s?') % {
            "phrase": phrase,
            "quantity": amount(quantity, unit),
            "product": options[0].name,
        }
        return text, buttons([("confirm:yes", _("Yes")), ("confirm:no", _("No"))])
    text = _('Which one do you mean for "%(phrase)s" (%(quantity)s)?') % {
        "phrase": phrase,
        "quantity": amount(quantity, unit),
    }
    text += "\n" + numbered
    if len(options) <= 3:
        return text, buttons(
            [(f"product:{p.pk}", f"{n}. {p.name}") for n, p in enumerate(options, 1)]
        )
    rows = [(f"product:{p.pk}", f"{n}. {p.name}", p.description) for n, p in enumerate(options, 1)]
    return text, list_message(_("Choose product"), rows)


def outlet_choice(outlets: Sequence[Outlet]) -> tuple[str, dict]:
    numbered = "\n".join(f"{n}. {o.name}" for n, o in enumerate(outlets, 1))
    text = _("Which outlet are you ordering for today?") + "\n" + numbered
    rows = [(f"outlet:{o.pk}", f"{n}. {o.name}", o.name) for n, o in enumerate(outlets, 1)]
    return text, list_message(_("Choose outlet"), rows)


def rating_request() -> tuple[str, dict]:
    rows = [(f"rating:{n}", f"{n} - {label}", "") for n, label in RATING_LABELS.items()]
    return str(RATING_QUESTION), list_message(_("Rate us"), rows)


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
            "sections": [{"title": short(_("Options"), 24), "rows": section_rows}],
        },
    }
