"""The order flow end to end in each reply language (issue 19): webhook -> worker -> the fake
Graph API receives the confirmation and the rating question in the customer's language.

Once per language with the tasks run on commit (as the other tests), and once with a real Celery
worker process answering four customers, one per language, at the same time."""

import json
import time

import pytest
from werkzeug import Request, Response

from conversations.models import OutboxEntry, OutboxState
from orders.models import Order
from tests.conversations import whatsapp_support
from tests.conversations.whatsapp_support import USER_WA_ID, post, text_payload
from tests.factories import OutletContactFactory, OutletFactory
from tests.faults.support import wait_until
from tests.orders.support import load_catalogue

pytestmark = pytest.mark.django_db(transaction=True)

GRAPH_PATH = "/v21.0/100200300400/messages"

# message, opening of the confirmation, the rating list's button label
FLOWS = {
    "en": ("Hi, we need 400 boxes for 10 inch pizzas", "Order processed! 400 x", "Rate us"),
    "zh": ("老板，要四百个10寸披萨盒", "订单已处理！400 x", "给我们评分"),
    "ms": ("Tolong hantar kotak piza 10 inci empat ratus", "Pesanan diproses! 400 x", "Nilai kami"),
    "ta": (
        "வணக்கம், 10 inch pizza box நானூறு அனுப்புங்கள், நன்றி",
        "ஆர்டர் செயலாக்கப்பட்டது! 400 x",
        "மதிப்பிடுங்கள்",
    ),
}


@pytest.fixture
def graph(httpserver, settings):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    settings.OPENAI_API_KEY = ""
    received: list[dict] = []

    def accept(request: Request) -> Response:
        received.append(json.loads(request.data))
        body = {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.OUT-{len(received)}"}]}
        return Response(json.dumps(body), status=200, content_type="application/json")

    httpserver.expect_request(GRAPH_PATH, method="POST").respond_with_handler(accept)
    return received


def outlet(preferred_language: str = "en"):
    load_catalogue()
    return OutletContactFactory(
        phone=f"+{USER_WA_ID}",
        outlet=OutletFactory(name="Napoli Pizza Bar", preferred_language=preferred_language),
    ).outlet


def send(client, text: str) -> None:
    assert post(client, text_payload(text, at=int(time.time()))).status_code == 200


@pytest.mark.parametrize("language", list(FLOWS))
def test_the_order_flow_replies_in_the_customer_s_language(client, graph, language):
    outlet()
    message, confirmation, rate_label = FLOWS[language]
    send(client, message)
    order = Order.objects.get()
    assert [(line.product.sku, line.quantity) for line in order.lines.all()] == [("PB-10", 400)]
    text_reply, rating_question = graph
    assert text_reply["to"] == USER_WA_ID
    body = text_reply["text"]["body"]
    assert body.startswith(confirmation)
    assert '10" pizza box, kraft' in body  # product names stay as in the catalogue
    assert order.number in body and "S$165.68" in body
    assert rating_question["interactive"]["action"]["button"] == rate_label


def test_a_message_without_a_clear_language_is_answered_in_the_outlet_s_preferred_one(
    client, graph
):
    outlet(preferred_language="ms")
    send(client, "hi")
    (reply,) = graph
    assert reply["text"]["body"].startswith("Helo!")


def test_a_real_worker_answers_four_customers_each_in_their_own_language(client, worker_setup):
    graph, private_redis, worker = worker_setup
    load_catalogue()
    customers = {language: f"659123{index:04d}" for index, language in enumerate(FLOWS, 21)}
    for language, wa_id in customers.items():
        outlet = OutletFactory(name=f"Outlet {language}", preferred_language="en")
        OutletContactFactory(phone=f"+{wa_id}", outlet=outlet)

    for language, wa_id in customers.items():
        payload = text_payload(FLOWS[language][0], at=int(time.time()), wa_id=wa_id)
        assert post(client, payload).status_code == 200

    def settled() -> bool:
        worker.check_alive()
        unsent = OutboxEntry.objects.filter(state__in=(OutboxState.PENDING, OutboxState.SENDING))
        return (
            Order.objects.count() == len(customers)
            and not unsent.exists()
            and private_redis.waiting() == 0
            and graph.posts() >= OutboxEntry.objects.count() == 2 * len(customers)
        )

    wait_until(settled, "the worker to answer the four customers")
    bodies = graph.received_bodies()
    for language, wa_id in customers.items():
        _, confirmation, rate_label = FLOWS[language]
        order = Order.objects.get(outlet__name=f"Outlet {language}")
        assert [(line.product.sku, line.quantity) for line in order.lines.all()] == [("PB-10", 400)]
        text_reply, rating_question = [body for body in bodies if body["to"] == wa_id]
        assert text_reply["text"]["body"].startswith(confirmation), language
        assert order.number in text_reply["text"]["body"]
        assert rating_question["interactive"]["action"]["button"] == rate_label
