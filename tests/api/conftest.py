"""API test fixtures: clients that authenticate with real API keys (created by the service)."""

import datetime as dt
import itertools
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from orders.models import DeliveryOrder, Invoice, Order
from tria.api import apikeys


@pytest.fixture
def make_client(db) -> Callable[..., APIClient]:
    """A client sending `Authorization: Bearer <key>` for a new key with the given options."""
    counter = iter(range(1_000_000))

    def _make(*, read_only: bool = False, username: str | None = None) -> APIClient:
        _, key = apikeys.issue_api_key(
            f"test-key-{next(counter)}", username=username, read_only=read_only
        )
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
        return client

    return _make


@pytest.fixture
def api(make_client) -> APIClient:
    """A client whose key belongs to a new service user with every API permission."""
    return make_client()


@pytest.fixture
def superuser_api(db) -> APIClient:
    get_user_model().objects.create_superuser("root", password=None)
    _, key = apikeys.issue_api_key("root-key", username="root")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


# ------------------------------------------------------------------ business records


def make_order(number: str | None = None, **fields) -> Order:
    from tests.factories import OutletFactory

    fields.setdefault("outlet", OutletFactory())
    subtotal = fields.pop("subtotal", Decimal("100.00"))
    gst = fields.pop("gst_amount", Decimal("9.00"))
    return Order.objects.create(
        number=number or f"ORD-T-{next(_numbers)}",
        subtotal=subtotal,
        gst_amount=gst,
        total=subtotal + gst,
        **fields,
    )


def make_delivery(**fields) -> DeliveryOrder:
    fields.setdefault("order", make_order())
    return DeliveryOrder.objects.create(
        number=f"DO-T-{next(_numbers)}",
        scheduled_date=dt.date(2026, 12, 1),
        slot="morning",
        **fields,
    )


def make_invoice(**fields) -> Invoice:
    order = fields.pop("order", None) or make_order()
    return Invoice.objects.create(
        number=f"INV-T-{next(_numbers)}",
        order=order,
        subtotal=order.subtotal,
        gst_amount=order.gst_amount,
        total=order.total,
        issued_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
        due_date=dt.date(2026, 12, 1),
        **fields,
    )


_numbers = itertools.count(1)
