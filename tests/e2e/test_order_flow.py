"""The design's flow end to end: WhatsApp webhook -> session, message, intent -> order, delivery,
invoice -> assistant reply -> summary -> the reply reaches the (fake, real-HTTP) Graph API.

Run once with the offline parser and once with a fake OpenAI server speaking the chat completions
API, so the real `openai` client runs. Tasks run eagerly on commit, as in the other tests.
"""

import json
import time
from decimal import Decimal

import pytest
from werkzeug import Request, Response

from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from orders.models import Order
from tests.conversations import whatsapp_support
from tests.conversations.whatsapp_support import USER_WA_ID, post, text_payload
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import chat_completion, items_answer, load_catalogue

pytestmark = pytest.mark.django_db(transaction=True)

DESIGN_MESSAGE = "Hi, we need 400 boxes for 10 inch pizzas"
GRAPH_PATH = "/v21.0/100200300400/messages"


@pytest.fixture
def graph(httpserver, settings):
    """The Graph API: accepts every message and remembers what it was sent."""
    whatsapp_support.point_graph_api_at(httpserver, settings)
    received: list[dict] = []

    def accept(request: Request) -> Response:
        received.append(json.loads(request.data))
        body = {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.OUT-{len(received)}"}]}
        return Response(json.dumps(body), status=200, content_type="application/json")

    httpserver.expect_request(GRAPH_PATH, method="POST").respond_with_handler(accept)
    return received


@pytest.fixture
def fake_openai(httpserver, settings):
    settings.OPENAI_API_KEY = "sk-test"
    settings.OPENAI_BASE_URL = httpserver.url_for("/v1")
    settings.OPENAI_MODEL = "gpt-test-model"
    answer = items_answer(
        {"product": "pizza box", "quantity": 400, "unit": "pcs", "size": "10 inch"}
    )
    httpserver.expect_request("/v1/chat/completions", method="POST").respond_with_json(
        chat_completion(answer)
    )
    return httpserver


@pytest.fixture
def outlet(db):
    load_catalogue()
    return OutletContactFactory(
        phone=f"+{USER_WA_ID}", outlet=OutletFactory(name="Napoli Pizza Bar")
    ).outlet


def send(client, text: str, **kwargs):
    response = post(client, text_payload(text, at=int(time.time()), **kwargs))
    assert response.status_code == 200
    return response


def tap(client, reply_id: str, title: str):
    payload = text_payload(title, at=int(time.time()))
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    del message["text"]
    message["type"] = "interactive"
    message["interactive"] = {"type": "list_reply", "list_reply": {"id": reply_id, "title": title}}
    assert post(client, payload).status_code == 200


def user_message(text: str) -> ConversationMessage:
    return ConversationMessage.objects.get(role="user", content=text)


def check_design_flow(outlet, graph) -> None:
    message = user_message(DESIGN_MESSAGE)
    session = ConversationSession.objects.get(session_id=message.session_id)
    assert session.outlet == outlet and session.language == "en"
    assert (message.intent, message.language) == ("order_placement", "en")
    assert message.confidence >= 0.9

    order = Order.objects.get()
    assert (order.outlet, order.source_message, order.session) == (outlet, message, session)
    assert [(line.product.sku, line.quantity) for line in order.lines.all()] == [("PB-10", 400)]
    assert order.delivery.slot == outlet.delivery_slot
    assert order.invoice.total == Decimal("165.68")

    confirmation = ConversationMessage.objects.get(session=session, intent="order_confirmation")
    assert confirmation.confidence == 1.0
    assert confirmation.delivery_status == "sent" and confirmation.wa_message_id

    summary = UserInteractionSummary.objects.get(user_id=session.user_id)
    assert (summary.total_conversations, summary.total_messages) == (1, 3)
    assert summary.common_intents["order_placement"] == 1
    assert summary.outlet == outlet

    text_reply, rating_question = graph
    assert text_reply["to"] == USER_WA_ID and text_reply["type"] == "text"
    body = text_reply["text"]["body"]
    assert body.startswith('Order processed! 400 x 10" pizza box, kraft confirmed')
    assert order.number in body and order.invoice.number in body and "S$165.68" in body
    assert rating_question["type"] == "interactive"
    assert rating_question["interactive"]["type"] == "list"


def test_the_design_flow_with_the_offline_parser(client, outlet, graph, settings):
    settings.OPENAI_API_KEY = ""
    send(client, DESIGN_MESSAGE)
    check_design_flow(outlet, graph)


def test_the_design_flow_with_openai(client, outlet, graph, fake_openai):
    send(client, DESIGN_MESSAGE)
    check_design_flow(outlet, graph)
    calls = [request for request, _ in fake_openai.log if request.path == "/v1/chat/completions"]
    assert len(calls) == 1
    assert json.loads(calls[0].data)["messages"][-1]["content"] == DESIGN_MESSAGE


def test_a_redelivered_webhook_creates_one_order_and_one_reply(client, outlet, graph):
    payload = text_payload(DESIGN_MESSAGE, at=int(time.time()), wa_message_id="wamid.SAME-1")
    assert post(client, payload).status_code == 200
    assert post(client, payload).status_code == 200
    assert Order.objects.count() == 1
    assert len(graph) == 2  # the confirmation and the rating question, once


def test_follow_up_change_and_rating_through_the_webhook(client, outlet, graph):
    send(client, DESIGN_MESSAGE)
    send(client, "make it 500")
    order = Order.objects.get()
    assert order.lines.get().quantity == 500
    assert graph[-1]["text"]["body"].startswith(f"Updated {order.number}: 500 x")
    tap(client, "rating:5", "5 - Excellent")
    user_id = ConversationSession.objects.get().user_id
    assert UserInteractionSummary.objects.get(user_id=user_id).avg_satisfaction == 5.0
    assert graph[-1]["text"]["body"].startswith("Thank you for your feedback")


def test_an_unknown_number_is_told_politely_and_nothing_is_ordered(client, outlet, graph):
    send(client, DESIGN_MESSAGE, wa_id="6598887777")
    assert Order.objects.count() == 0
    session = ConversationSession.objects.get(outlet__isnull=True)
    assert session.flagged_for_followup
    (reply,) = graph
    assert reply["to"] == "6598887777" and "not registered" in reply["text"]["body"]
