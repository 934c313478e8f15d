"""Order creation, delivery scheduling, invoicing, change, cancel and approval."""

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings

from orders import services
from orders.models import DeliveryOrder, Invoice, Order, OrderLine
from orders.services import LineRequest, OrderError
from tests.factories import OutletFactory, ProductFactory

SGT = ZoneInfo("Asia/Singapore")
CUTOFF = dt.time(14, 0)


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=SGT)


# ------------------------------------------------------------------ delivery dates (pure)


def test_an_order_before_the_cutoff_is_delivered_the_next_day():
    ordered = at("2026-11-24", 9)  # Tuesday
    assert services.next_delivery_date(ordered, cutoff=CUTOFF, holidays=[]) == dt.date(2026, 11, 25)


def test_an_order_after_the_cutoff_is_delivered_a_day_later():
    ordered = at("2026-11-24", 15)
    assert services.next_delivery_date(ordered, cutoff=CUTOFF, holidays=[]) == dt.date(2026, 11, 26)


def test_the_cutoff_is_read_in_singapore_time_not_utc():
    ordered = dt.datetime(2026, 11, 24, 5, 30, tzinfo=dt.UTC)  # 13:30 in Singapore
    assert services.next_delivery_date(ordered, cutoff=CUTOFF, holidays=[]) == dt.date(2026, 11, 25)


def test_nothing_is_delivered_on_a_sunday():
    saturday_morning = at("2026-11-28", 9)
    assert services.next_delivery_date(saturday_morning, cutoff=CUTOFF, holidays=[]) == dt.date(
        2026, 11, 30
    )


def test_holidays_are_skipped_and_so_is_the_sunday_after_them():
    christmas_eve = at("2026-12-24", 9)  # Thursday; 25th holiday, 26th Saturday
    holidays = [dt.date(2026, 12, 25), dt.date(2026, 12, 26)]
    assert services.next_delivery_date(christmas_eve, cutoff=CUTOFF, holidays=holidays) == (
        dt.date(2026, 12, 28)
    )


def test_gst_rounds_half_up_to_the_cent():
    assert services.gst_for(Decimal("0.50"), Decimal("0.09")) == Decimal("0.05")  # 0.045
    assert services.gst_for(Decimal("152.00"), Decimal("0.09")) == Decimal("13.68")


# ------------------------------------------------------------------ creation


@pytest.fixture
def outlet():
    return OutletFactory(delivery_slot="afternoon")


@pytest.fixture
def pizza_box():
    return ProductFactory(sku="PB-10", name='10" pizza box', size='10"', unit_price=Decimal("0.38"))


@pytest.mark.django_db
def test_an_order_comes_with_lines_a_delivery_and_an_invoice_with_gst(outlet, pizza_box):
    order = services.create_order(
        outlet=outlet, lines=[LineRequest(pizza_box, 400)], user_id="u1", at=at("2026-11-24")
    )
    order.refresh_from_db()
    assert order.status == Order.Status.CONFIRMED
    assert (order.subtotal, order.gst_amount, order.total) == (
        Decimal("152.00"),
        Decimal("13.68"),
        Decimal("165.68"),
    )
    line = order.lines.get()
    assert (line.product, line.quantity, line.unit_price, line.line_total) == (
        pizza_box,
        400,
        Decimal("0.3800"),
        Decimal("152.00"),
    )
    assert (order.delivery.scheduled_date, order.delivery.slot) == (
        dt.date(2026, 11, 25),
        "afternoon",
    )
    invoice = order.invoice
    assert (invoice.total, invoice.gst_rate, invoice.due_date) == (
        Decimal("165.68"),
        Decimal("0.0900"),
        dt.date(2026, 12, 24),
    )


@pytest.mark.django_db
def test_numbers_are_readable_and_never_repeat(outlet, pizza_box):
    first = services.create_order(
        outlet=outlet, lines=[LineRequest(pizza_box, 1)], at=at("2026-11-24")
    )
    second = services.create_order(
        outlet=outlet, lines=[LineRequest(pizza_box, 1)], at=at("2026-11-24")
    )
    for order in (first, second):
        assert re.fullmatch(r"ORD-2026-\d{6}", order.number)
        assert re.fullmatch(r"DO-2026-\d{6}", order.delivery.number)
        assert re.fullmatch(r"INV-2026-\d{6}", order.invoice.number)
    assert first.number != second.number and first.invoice.number != second.invoice.number


@pytest.mark.django_db
@override_settings(ORDER_CUTOFF_TIME="10:00", DELIVERY_HOLIDAYS=["2026-11-26"], GST_RATE="0.08")
def test_cutoff_holidays_and_gst_come_from_settings(outlet, pizza_box):
    order = services.create_order(
        outlet=outlet, lines=[LineRequest(pizza_box, 100)], at=at("2026-11-24", 11)
    )
    assert order.delivery.scheduled_date == dt.date(2026, 11, 27)
    assert order.invoice.gst_amount == Decimal("3.04")


@pytest.mark.django_db
def test_a_failure_half_way_leaves_no_order_behind(outlet, pizza_box, monkeypatch):
    def broken_invoice(order, when):
        raise RuntimeError("invoice printer on fire")

    monkeypatch.setattr(services, "issue_invoice", broken_invoice)
    with pytest.raises(RuntimeError):
        services.create_order(outlet=outlet, lines=[LineRequest(pizza_box, 400)])
    assert (Order.objects.count(), OrderLine.objects.count(), DeliveryOrder.objects.count()) == (
        0,
        0,
        0,
    )


@pytest.mark.django_db
def test_an_order_without_items_or_with_zero_quantity_is_refused(outlet, pizza_box):
    with pytest.raises(OrderError):
        services.create_order(outlet=outlet, lines=[])
    with pytest.raises(OrderError):
        services.create_order(outlet=outlet, lines=[LineRequest(pizza_box, 0)])
    assert Order.objects.count() == 0


# ------------------------------------------------------------------ approval, change, cancel


@pytest.mark.django_db
def test_an_order_needing_approval_waits_without_delivery_or_invoice(outlet, pizza_box):
    order = services.create_order(
        outlet=outlet, lines=[LineRequest(pizza_box, 400)], needs_approval=True
    )
    assert order.status == Order.Status.PENDING_APPROVAL
    assert order.total == Decimal("165.68")
    assert not DeliveryOrder.objects.filter(order=order).exists()
    assert not Invoice.objects.filter(order=order).exists()


@pytest.mark.django_db
def test_approval_confirms_schedules_and_invoices(outlet, pizza_box):
    order = services.create_order(
        outlet=outlet, lines=[LineRequest(pizza_box, 400)], needs_approval=True
    )
    services.approve_order(order, at=at("2026-11-24"))
    order = Order.objects.get(pk=order.pk)
    assert order.status == Order.Status.CONFIRMED
    assert order.delivery.scheduled_date == dt.date(2026, 11, 25)
    assert order.invoice.total == Decimal("165.68")
    with pytest.raises(OrderError):
        services.approve_order(order)


@pytest.mark.django_db
def test_changing_a_quantity_updates_the_totals_and_the_invoice(outlet, pizza_box):
    order = services.create_order(outlet=outlet, lines=[LineRequest(pizza_box, 400)])
    services.change_line_quantity(order, order.lines.get(), 500)
    order = Order.objects.get(pk=order.pk)
    assert order.lines.get().quantity == 500
    assert (order.subtotal, order.total) == (Decimal("190.00"), Decimal("207.10"))
    assert (order.invoice.subtotal, order.invoice.total) == (Decimal("190.00"), Decimal("207.10"))
    assert order.invoice.number.startswith("INV-")


@pytest.mark.django_db
def test_cancelling_voids_the_invoice_and_cancels_the_delivery(outlet, pizza_box):
    order = services.create_order(outlet=outlet, lines=[LineRequest(pizza_box, 400)])
    services.cancel_order(order)
    order = Order.objects.get(pk=order.pk)
    assert order.status == Order.Status.CANCELLED
    assert order.invoice.status == Invoice.Status.VOID
    assert order.delivery.status == DeliveryOrder.Status.CANCELLED


@pytest.mark.django_db
def test_a_dispatched_or_paid_order_cannot_be_changed_or_cancelled(outlet, pizza_box):
    dispatched = services.create_order(outlet=outlet, lines=[LineRequest(pizza_box, 400)])
    Order.objects.filter(pk=dispatched.pk).update(status=Order.Status.DISPATCHED)
    with pytest.raises(OrderError, match="dispatched"):
        services.cancel_order(dispatched)
    paid = services.create_order(outlet=outlet, lines=[LineRequest(pizza_box, 400)])
    Invoice.objects.filter(order=paid).update(status=Invoice.Status.PAID)
    with pytest.raises(OrderError, match="paid"):
        services.change_line_quantity(paid, paid.lines.get(), 10)
    assert paid.lines.get().quantity == 400
    assert Order.objects.get(pk=dispatched.pk).status == Order.Status.DISPATCHED


@pytest.mark.django_db
def test_repeating_an_order_copies_its_active_lines(outlet, pizza_box):
    retired = ProductFactory(active=False)
    order = services.create_order(
        outlet=outlet, lines=[LineRequest(pizza_box, 400), LineRequest(retired, 5)]
    )
    assert services.repeat_lines(order) == [LineRequest(pizza_box, 400)]
