"""Issue 15's order paths with a real Celery worker: the signed webhook stores the message, a
worker process (solo pool, a private redis-server as its broker, the test database) runs the
turn, and the replies reach a fake Graph API on a real local HTTP server.

(1) A username-only customer (a BSUID, no phone) registered as an outlet contact by that BSUID
sends a catalog cart: one order with the cart's lines, the replies addressed to the BSUID
(`recipient`, no `to`). (2) A phone customer sends a text order (the offline parser): one order,
the confirmation addressed `to` the phone number.
"""

import json
import time

import pytest

from conversations.models import OutboxEntry, OutboxState, OutletContact
from conversations.whatsapp import identity
from orders.models import Order
from tests.conversations.whatsapp_support import FIXTURES, USER_WA_ID, post, text_payload
from tests.e2e.worker import RecordingGraph, Worker
from tests.factories import OutletContactFactory, OutletFactory
from tests.faults.support import PrivateRedis, wait_until
from tests.orders.support import load_catalogue

pytestmark = pytest.mark.django_db(transaction=True)

BSUID = "SG.1349120865530274"
ORDER_TEXT = "Hi, we need 400 boxes for 10 inch pizzas"


def _settled(graph: RecordingGraph, private_redis: PrivateRedis, worker: Worker) -> bool:
    """The worker has taken every task, an order exists and every reply has been posted."""
    worker.check_alive()
    unsent = OutboxEntry.objects.filter(state__in=(OutboxState.PENDING, OutboxState.SENDING))
    return (
        Order.objects.exists()
        and OutboxEntry.objects.exists()
        and not unsent.exists()
        and private_redis.waiting() == 0
        and graph.posts() >= OutboxEntry.objects.count()
    )


def _cart_from_username_only_customer() -> dict:
    payload = json.loads((FIXTURES / "2026" / "order_username.json").read_text())
    value = payload["entry"][0]["changes"][0]["value"]
    message = value["messages"][0]
    assert "from" not in message and "wa_id" not in value["contacts"][0]  # a username only
    message["timestamp"] = str(int(time.time()))
    return payload


def test_a_worker_turns_a_username_only_customers_cart_into_an_order_answered_at_their_bsuid(
    client, worker_setup
):
    graph, private_redis, worker = worker_setup
    load_catalogue()
    OutletContact.objects.create(
        outlet=OutletFactory(name="Napoli Pizza Bar"),
        bsuid_hash=identity.bsuid_key(BSUID),
        name="Mei Ling",
        can_order=True,
    )

    assert post(client, _cart_from_username_only_customer()).status_code == 200
    wait_until(lambda: _settled(graph, private_redis, worker), "the worker to answer the cart")

    order = Order.objects.get()
    assert order.status == Order.Status.CONFIRMED
    assert {(line.product.sku, line.quantity) for line in order.lines.all()} == {
        ("PB-10", 400),
        ("CUP-12", 1000),
    }
    sent = graph.received_bodies()
    assert sent and all(body.get("recipient") == BSUID and "to" not in body for body in sent)
    assert order.number in sent[0]["text"]["body"]


def test_a_worker_turns_a_phone_customers_text_into_an_order_confirmed_to_their_number(
    client, worker_setup
):
    graph, private_redis, worker = worker_setup
    load_catalogue()
    OutletContactFactory(phone=f"+{USER_WA_ID}", outlet=OutletFactory(name="Napoli Pizza Bar"))

    response = post(client, text_payload(ORDER_TEXT, at=int(time.time())))
    assert response.status_code == 200
    wait_until(lambda: _settled(graph, private_redis, worker), "the worker to answer the order")

    order = Order.objects.get()
    assert [(line.product.sku, line.quantity) for line in order.lines.all()] == [("PB-10", 400)]
    sent = graph.received_bodies()
    assert sent and all(body.get("to") == USER_WA_ID and "recipient" not in body for body in sent)
    confirmation = sent[0]["text"]["body"]
    assert confirmation.startswith("Order processed!") and order.number in confirmation
