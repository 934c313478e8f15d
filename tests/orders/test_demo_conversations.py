"""Demo conversations (`load_demo_data --conversations`): weeks of traffic through the services,
stored once, and only in development; `setup_tria` leaves a production catalogue alone."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse

from conversations.models import (
    ConversationMessage,
    ConversationSession,
    Outlet,
    OutletContact,
    UserInteractionSummary,
)
from orders import demo, demo_conversations
from orders.models import Order, Product
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        "sessions": ConversationSession.objects.count(),
        "messages": ConversationMessage.objects.count(),
        "orders": Order.objects.count(),
    }


@pytest.fixture
def demo_loaded(settings, redis_client) -> demo_conversations.DemoConversationsResult:
    settings.DEBUG = True
    demo.load_demo_data()
    return demo_conversations.load_demo_conversations()


def test_demo_conversations_are_weeks_of_orders_questions_and_ratings(demo_loaded):
    result = demo_loaded
    assert result.conversations >= 25
    assert _counts() == {
        "sessions": result.conversations,
        "messages": result.messages,  # the assistant answered none of them again
        "orders": result.orders,
    }
    days = {m.timestamp.date() for m in ConversationMessage.objects.all()}
    assert len(days) >= 15
    assert not ConversationMessage.objects.filter(role="user", processed_at=None).exists()
    orders = Order.objects.select_related("delivery", "invoice")
    assert result.orders >= 10
    assert all(order.invoice.total > Decimal(0) and order.delivery for order in orders)
    assert {o.outlet.name for o in orders} == {name for name, *_ in demo.DEMO_OUTLETS}
    rated = UserInteractionSummary.objects.filter(satisfaction_count__gt=0)
    assert rated.count() == 3
    assert {s.preferred_language for s in UserInteractionSummary.objects.all()} == {
        "en",
        "zh",
        "ms",
    }


def test_the_dashboard_of_a_fresh_development_install_shows_the_demo(demo_loaded, client):
    client.force_login(User.objects.create_superuser("boss", password="x-long-password-1"))
    page = client.get(reverse("admin_dashboard")).content.decode()
    sessions = re.search(r'id="total-sessions"[^>]*>\s*([\d,]+)', page).group(1)
    assert int(sessions.replace(",", "")) >= 25
    assert "<title>order placement: " in page
    assert "No data in this period" not in page  # the satisfaction trend has ratings


def test_loading_demo_conversations_twice_adds_nothing(demo_loaded):
    before = _counts()
    again = demo_conversations.load_demo_conversations()
    call_command("load_demo_data", "--conversations")
    assert (again.conversations, again.messages, again.orders) == (0, 0, 0)
    assert _counts() == before


def test_demo_conversations_are_refused_with_debug_off():
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("load_demo_data", "--conversations")
    assert _counts() == {"sessions": 0, "messages": 0, "orders": 0}


def test_setup_tria_with_debug_off_never_touches_catalogue_prices_or_contacts():
    product = ProductFactory(sku="PB-10", unit_price=Decimal("0.99"))
    call_command("setup_tria")
    product.refresh_from_db()
    assert product.unit_price == Decimal("0.99")
    assert list(Product.objects.all()) == [product]
    assert not Outlet.objects.exists()
    assert not OutletContact.objects.exists()
    assert _counts() == {"sessions": 0, "messages": 0, "orders": 0}
    assert not User.objects.exists()


def test_setup_tria_in_development_loads_the_demo_and_the_dev_superuser(settings, redis_client):
    settings.DEBUG = True
    call_command("setup_tria")
    assert Product.objects.count() == len(demo.DEMO_PRODUCTS)
    assert demo_conversations.demo_stored()
    assert User.objects.filter(username="admin", is_superuser=True).exists()
