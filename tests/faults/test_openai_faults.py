"""Fault (e): OpenAI failing (overloaded, then still overloaded) falls back to the offline parser:
the customer still gets their order and one confirmation. OpenAI is a real local HTTP server."""

import pytest

from orders.models import Order
from tests.factories import OutletContactFactory
from tests.orders.support import PHONE, assistant_messages, inbound, load_catalogue

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("eager_retries")]


def test_openai_failing_falls_back_to_the_offline_parser_and_the_order_is_taken(
    httpserver, settings
):
    settings.OPENAI_API_KEY = "sk-test"
    settings.OPENAI_BASE_URL = httpserver.url_for("/v1")
    settings.OPENAI_MAX_RETRIES = 1
    settings.OPENAI_TIMEOUT_SECONDS = 2
    httpserver.expect_request("/v1/chat/completions").respond_with_json(
        {"error": {"message": "overloaded", "type": "server_error"}}, status=503
    )
    load_catalogue()
    OutletContactFactory(phone=PHONE)

    stored = inbound("Hi, we need 400 boxes for 10 inch pizzas")

    assert len(httpserver.log) == 2  # OpenAI was asked, and failed twice
    order = Order.objects.get()
    assert order.source_message_id == stored.pk
    intents = [m.intent for m in assistant_messages(stored)]
    assert intents.count("order_confirmation") == 1
