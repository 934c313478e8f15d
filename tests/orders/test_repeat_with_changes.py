"""'Same as last time, but …': a repeat of the last order with a change the assistant cannot apply
by itself is never placed as the plain repeat (that would order what the customer took out); the
assistant shows the last order and asks for the full list."""

import pytest
from pytest_httpserver import HTTPServer

from orders import assistant
from orders.models import Order
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import (
    PHONE,
    chat_completion,
    inbound,
    items_answer,
    load_catalogue,
    replies_after,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    load_catalogue()
    return OutletContactFactory(phone=PHONE, outlet=OutletFactory(name="Napoli Pizza Bar"))


def handle(text: str):
    message = inbound(text)
    assistant.handle_inbound(message.pk)
    return message


def lines(order: Order) -> list[tuple[str, int]]:
    return sorted((line.product.sku, line.quantity) for line in order.lines.all())


@pytest.mark.parametrize(
    "text",
    [
        "same as last time but no need lids",
        "same as last week, but more cups",
        "same as last time plus 2 ctn straws",
        "the usual, and add 1 carton wooden cutlery",
        "照上次一样，再加两箱吸管",
    ],
)
def test_a_repeat_with_a_change_is_not_placed_as_the_plain_repeat(contact, text):
    handle("300 12oz cups and 300 12oz lids")
    message = handle(text)
    assert Order.objects.count() == 1
    (reply,) = replies_after(message)
    assert reply.intent == "clarification_request"
    assert "12oz paper hot cup" in reply.content  # the last order, to send back corrected


def test_the_question_is_asked_in_the_customer_s_language(contact):
    handle("300 12oz cups and 300 12oz lids")
    message = handle("照上次一样，再加两箱吸管")
    (reply,) = replies_after(message)
    assert "您上一张订单" in reply.content and "300 x 12oz paper hot cup" in reply.content


def test_the_plain_repeat_and_a_repeat_with_nothing_more_still_order(contact):
    handle("300 12oz cups and 300 12oz lids")
    handle("same as last time please")
    handle("same as last week, nothing more")
    assert [lines(order) for order in Order.objects.order_by("pk")] == [
        [("CUP-12", 300), ("LID-12", 300)]
    ] * 3


def test_a_repeat_the_model_reads_with_added_items_is_not_placed_as_the_plain_repeat(
    contact, settings, httpserver: HTTPServer
):
    """With OpenAI (a local server speaking its API), the model may answer repeat_last with the
    added items beside it: the same question, no order."""
    handle("300 12oz cups and 300 12oz lids")
    settings.OPENAI_API_KEY = "sk-test"
    settings.OPENAI_BASE_URL = httpserver.url_for("/v1")
    settings.OPENAI_MAX_RETRIES = 0
    straws = {"product": "paper straw", "quantity": 2, "unit": "carton", "size": None}
    answer = items_answer(straws, repeat_last=True)
    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_json(
        chat_completion(answer)
    )
    message = handle("same as last time plus 2 ctn straws")
    assert len(httpserver.log) == 1  # the model was asked
    assert Order.objects.count() == 1
    (reply,) = replies_after(message)
    assert reply.intent == "clarification_request"
