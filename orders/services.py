"""Orders: creation (order, lines, delivery, invoice in one transaction), change, cancel, approve.

Rules:
- An order is created with its lines, its DeliveryOrder and its Invoice in one transaction, or not
  at all. An order awaiting staff approval (a contact without can_order) has lines and totals but
  no delivery and no invoice until `approve_order`.
- Delivery goes on the outlet's slot of the next delivery day: the day after the order when it
  comes before ORDER_CUTOFF_TIME (Singapore time), else the day after that; never a Sunday or a
  date in DELIVERY_HOLIDAYS.
- GST is GST_RATE of the subtotal, rounded half-up to the cent; total = subtotal + GST.
- Numbers are readable and unique: ORD-2026-000123, DO-2026-000123, INV-2026-000123, each from
  its own PostgreSQL sequence (migration 0002), so concurrent orders never collide.
- An order can be changed or cancelled until it is dispatched; its invoice follows (recomputed,
  or voided). A paid invoice is never changed. A change asked by a contact without can_order sends
  a confirmed order back to approval (delivery cancelled, invoice voided until approved again).
- The status changes only here: the API's approve and cancel need approve_order, as the admin's.
- Approval tells the customer: the invoice notice (orders.notifications.send_invoice_notice) is
  stored in the approval's transaction and sent once it commits, once per invoice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from conversations.models import Outlet
from orders import notifications
from orders.errors import OrderError
from orders.models import DeliveryOrder, Invoice, Order, OrderLine, Product

CENT = Decimal("0.01")
SEQUENCES = {"ORD": "order_number_seq", "DO": "delivery_number_seq", "INV": "invoice_number_seq"}
CHANGEABLE = (Order.Status.PENDING_APPROVAL, Order.Status.CONFIRMED)
SUNDAY = 6


@dataclass(frozen=True)
class LineRequest:
    product: Product
    quantity: int


# ------------------------------------------------------------------ pure rules


def next_delivery_date(
    ordered_at: dt.datetime, *, cutoff: dt.time, holidays: Sequence[dt.date]
) -> dt.date:
    """The first delivery day for an order placed at ordered_at (see the rules above)."""
    local = timezone.localtime(ordered_at)
    day = local.date() + dt.timedelta(days=1 if local.time() < cutoff else 2)
    while day.weekday() == SUNDAY or day in holidays:
        day += dt.timedelta(days=1)
    return day


def gst_for(subtotal: Decimal, rate: Decimal) -> Decimal:
    return (subtotal * rate).quantize(CENT, rounding=ROUND_HALF_UP)


def line_total(quantity: int, unit_price: Decimal) -> Decimal:
    return (unit_price * quantity).quantize(CENT, rounding=ROUND_HALF_UP)


def configured_cutoff() -> dt.time:
    hours, minutes = settings.ORDER_CUTOFF_TIME.split(":")
    return dt.time(int(hours), int(minutes))


def configured_holidays() -> list[dt.date]:
    return [dt.date.fromisoformat(day.strip()) for day in settings.DELIVERY_HOLIDAYS if day.strip()]


def gst_rate() -> Decimal:
    return Decimal(str(settings.GST_RATE))


# ------------------------------------------------------------------ numbers


def next_number(prefix: str, at: dt.datetime) -> str:
    """'ORD-2026-000123': prefix, the Singapore year, the next value of the prefix's sequence."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [SEQUENCES[prefix]])
        (value,) = cursor.fetchone()
    return f"{prefix}-{timezone.localtime(at).year}-{value:06d}"


# ------------------------------------------------------------------ create


def create_order(
    *,
    outlet: Outlet,
    lines: Sequence[LineRequest],
    user_id: str = "",
    session=None,
    source_message=None,
    needs_approval: bool = False,
    at: dt.datetime | None = None,
) -> Order:
    """Create an order with its lines, delivery and invoice (or, awaiting approval, lines only)."""
    if not lines:
        raise OrderError(OrderError.NO_ITEMS, "An order needs at least one item.")
    if any(line.quantity <= 0 for line in lines):
        raise OrderError(OrderError.QUANTITY_NOT_POSITIVE, "Quantities must be more than zero.")
    at = at or timezone.now()
    status = Order.Status.PENDING_APPROVAL if needs_approval else Order.Status.CONFIRMED
    with transaction.atomic():
        order = Order.objects.create(
            number=next_number("ORD", at),
            outlet=outlet,
            user_id=user_id,
            session=session,
            source_message=source_message,
            status=status,
        )
        OrderLine.objects.bulk_create(
            OrderLine(
                order=order,
                product=line.product,
                quantity=line.quantity,
                unit_price=line.product.unit_price,
                line_total=line_total(line.quantity, line.product.unit_price),
            )
            for line in lines
        )
        recompute_totals(order)
        if not needs_approval:
            schedule_delivery(order, at)
            issue_invoice(order, at)
    return order


def recompute_totals(order: Order) -> None:
    subtotal = sum((line.line_total for line in order.lines.all()), Decimal("0"))
    order.subtotal = subtotal
    order.gst_amount = gst_for(subtotal, gst_rate())
    order.total = order.subtotal + order.gst_amount
    order.save(update_fields=["subtotal", "gst_amount", "total", "updated_at"])


def schedule_delivery(order: Order, at: dt.datetime) -> DeliveryOrder:
    day = next_delivery_date(at, cutoff=configured_cutoff(), holidays=configured_holidays())
    slot = order.outlet.delivery_slot
    return DeliveryOrder.objects.create(
        number=next_number("DO", at), order=order, scheduled_date=day, slot=slot
    )


def issue_invoice(order: Order, at: dt.datetime) -> Invoice:
    return Invoice.objects.create(
        number=next_number("INV", at),
        order=order,
        subtotal=order.subtotal,
        gst_rate=gst_rate(),
        gst_amount=order.gst_amount,
        total=order.total,
        issued_at=at,
        due_date=timezone.localtime(at).date() + dt.timedelta(days=settings.INVOICE_DUE_DAYS),
    )


# ------------------------------------------------------------------ change, cancel, approve


def _locked(order: Order) -> Order:
    return Order.objects.select_for_update().select_related("outlet").get(pk=order.pk)


def _ensure_changeable(order: Order) -> None:
    if order.status not in CHANGEABLE:
        status = order.get_status_display().lower()
        raise OrderError(
            OrderError.NOT_CHANGEABLE, f"{order.number} is {status} already.", order=order
        )
    invoice = Invoice.objects.filter(order=order).first()
    if invoice is not None and invoice.status == Invoice.Status.PAID:
        raise OrderError(OrderError.PAID, f"{order.number} is paid already.", order=order)


def change_line_quantity(
    order: Order, line: OrderLine, quantity: int, *, needs_approval: bool = False
) -> Order:
    """Set one line's quantity; totals and the invoice follow. Asked by someone who may not
    order (`needs_approval`), a confirmed order goes back to staff approval: its delivery is
    cancelled and its invoice voided until `approve_order` reinstates them."""
    if quantity <= 0:
        raise OrderError(OrderError.QUANTITY_NOT_POSITIVE, "Quantities must be more than zero.")
    with transaction.atomic():
        order = _locked(order)
        _ensure_changeable(order)
        line = order.lines.get(pk=line.pk)
        line.quantity = quantity
        line.line_total = line_total(quantity, line.unit_price)
        line.save(update_fields=["quantity", "line_total"])
        recompute_totals(order)
        Invoice.objects.filter(order=order).update(
            subtotal=order.subtotal,
            gst_amount=order.gst_amount,
            total=order.total,
            updated_at=timezone.now(),
        )
        if needs_approval and order.status == Order.Status.CONFIRMED:
            _back_to_approval(order)
    return order


def _back_to_approval(order: Order) -> None:
    now = timezone.now()
    order.status = Order.Status.PENDING_APPROVAL
    order.save(update_fields=["status", "updated_at"])
    DeliveryOrder.objects.filter(order=order).update(
        status=DeliveryOrder.Status.CANCELLED, updated_at=now
    )
    Invoice.objects.filter(order=order).update(status=Invoice.Status.VOID, updated_at=now)


def cancel_order(order: Order) -> Order:
    """Cancel an order not yet dispatched: its delivery is cancelled and its invoice voided."""
    with transaction.atomic():
        order = _locked(order)
        _ensure_changeable(order)
        order.status = Order.Status.CANCELLED
        order.save(update_fields=["status", "updated_at"])
        now = timezone.now()
        DeliveryOrder.objects.filter(order=order).update(
            status=DeliveryOrder.Status.CANCELLED, updated_at=now
        )
        Invoice.objects.filter(order=order).update(status=Invoice.Status.VOID, updated_at=now)
    return order


def approve_order(order: Order, at: dt.datetime | None = None) -> Order:
    """Staff approve an order awaiting approval: it is confirmed, scheduled and invoiced."""
    at = at or timezone.now()
    with transaction.atomic():
        order = _locked(order)
        if order.status != Order.Status.PENDING_APPROVAL:
            raise OrderError(
                OrderError.NOT_AWAITING_APPROVAL,
                f"{order.number} is not awaiting approval.",
                order=order,
            )
        order.status = Order.Status.CONFIRMED
        order.save(update_fields=["status", "updated_at"])
        invoice = _reinstate_or_create(order, at)
        announce_invoice(invoice)
    return order


def announce_invoice(invoice: Invoice) -> None:
    """Tell the customer of an invoice issued while they were not in the conversation: stored in
    this transaction, sent once it commits (orders.notifications)."""
    notifications.send_invoice_notice(invoice.pk)


def _reinstate_or_create(order: Order, at: dt.datetime) -> Invoice:
    """Schedule and invoice an approved order; one sent back to approval after a change keeps
    its numbers, with a new delivery date and an invoice of the new total."""
    day = next_delivery_date(at, cutoff=configured_cutoff(), holidays=configured_holidays())
    delivery = DeliveryOrder.objects.filter(order=order).update(
        scheduled_date=day,
        slot=order.outlet.delivery_slot,
        status=DeliveryOrder.Status.SCHEDULED,
        updated_at=at,
    )
    if not delivery:
        schedule_delivery(order, at)
    invoice = Invoice.objects.filter(order=order).update(
        subtotal=order.subtotal,
        gst_rate=gst_rate(),
        gst_amount=order.gst_amount,
        total=order.total,
        status=Invoice.Status.ISSUED,
        issued_at=at,
        due_date=timezone.localdate(at) + dt.timedelta(days=settings.INVOICE_DUE_DAYS),
        updated_at=at,
    )
    if not invoice:
        return issue_invoice(order, at)
    return Invoice.objects.get(order=order)


def repeat_lines(order: Order) -> list[LineRequest]:
    """The lines of a previous order, for 'same as last time' (inactive products left out)."""
    return [
        LineRequest(product=line.product, quantity=line.quantity)
        for line in order.lines.select_related("product")
        if line.product.active
    ]
