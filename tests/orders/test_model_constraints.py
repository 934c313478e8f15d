import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from orders.models import Invoice, Order, OrderLine, Product
from tests.factories import OutletContactFactory, OutletFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _refused(fn) -> bool:
    try:
        with transaction.atomic():
            fn()
    except IntegrityError:
        return True
    return False


def _order(**fields) -> Order:
    values = {"number": "ORD-2026-000001", "outlet": OutletFactory()}
    values.update(fields)
    return Order.objects.create(**values)


def test_product_sku_is_unique():
    ProductFactory(sku="PB-10")
    assert _refused(lambda: ProductFactory(sku="PB-10"))


def test_negative_product_price_is_refused():
    assert _refused(lambda: ProductFactory(unit_price=Decimal("-1")))


def test_order_number_is_unique():
    _order()
    assert _refused(lambda: _order())


def test_order_total_must_equal_subtotal_plus_gst():
    assert _refused(
        lambda: _order(subtotal=Decimal("100"), gst_amount=Decimal("9"), total=Decimal("100"))
    )
    order = _order(
        number="ORD-2026-000002",
        subtotal=Decimal("100"),
        gst_amount=Decimal("9"),
        total=Decimal("109"),
    )
    assert order.total == Decimal("109")


def test_order_line_quantity_must_be_positive():
    order = _order()
    product = ProductFactory()
    assert _refused(
        lambda: OrderLine.objects.create(
            order=order, product=product, quantity=0, unit_price=1, line_total=0
        )
    )


def test_invoice_total_must_equal_subtotal_plus_gst():
    order = _order(subtotal=Decimal("100"), gst_amount=Decimal("9"), total=Decimal("109"))

    def bad_invoice() -> None:
        Invoice.objects.create(
            number="INV-2026-000001",
            order=order,
            subtotal=Decimal("100"),
            gst_amount=Decimal("9"),
            total=Decimal("110"),
            issued_at=timezone.now(),
            due_date=timezone.localdate() + dt.timedelta(days=30),
        )

    assert _refused(bad_invoice)


def test_one_phone_is_one_contact_per_outlet_but_may_serve_several_outlets():
    contact = OutletContactFactory(phone="+6591234567")
    assert _refused(lambda: OutletContactFactory(phone="+6591234567", outlet=contact.outlet))
    other = OutletContactFactory(phone="+6591234567")
    assert other.phone_hash == contact.phone_hash


def test_products_cannot_be_deleted_while_ordered():
    order = _order()
    product = ProductFactory()
    OrderLine.objects.create(order=order, product=product, quantity=1, unit_price=1, line_total=1)
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        Product.objects.filter(pk=product.pk).delete()
