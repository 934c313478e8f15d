"""Catalog carts and username-only customers, end to end: the signed webhook stores the message,
the assistant (Celery, eager) acts on it, and the replies reach the fake Graph API server."""

import json
import time

import pytest

from conversations.models import ConversationSession, OutletContact
from conversations.whatsapp import identity
from orders.models import Order
from tests.conversations import whatsapp_support
from tests.conversations.whatsapp_support import FIXTURES, post, text_payload
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import load_catalogue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_retries")]

BSUID = "SG.1349120865530274"
PATH = "/v21.0/100200300400/messages"


@pytest.fixture
def graph(httpserver, settings):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    settings.WHATSAPP_TIMESTAMP_MAX_AGE_DAYS = 30
    for n in range(1, 6):
        httpserver.expect_ordered_request(PATH, method="POST").respond_with_json(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": BSUID, "user_id": BSUID}],
                "messages": [{"id": f"wamid.OUT-{n}"}],
            }
        )
    return httpserver


def _cart(*items: tuple[str, object]) -> dict:
    """Meta's order webhook from a username-only customer, sent just now."""
    payload = json.loads((FIXTURES / "2026" / "order_username.json").read_text())
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    message["timestamp"] = str(int(time.time()))
    if items:
        message["order"]["product_items"] = [
            {"product_retailer_id": sku, "quantity": qty, "item_price": 0.38, "currency": "SGD"}
            for sku, qty in items
        ]
    return payload


def _contact_by_bsuid(can_order: bool = True) -> OutletContact:
    return OutletContact.objects.create(
        outlet=OutletFactory(name="Napoli Pizza Bar"),
        bsuid_hash=identity.bsuid_key(BSUID),
        name="Mei Ling",
        can_order=can_order,
    )


def _sent(graph) -> list[dict]:
    return [json.loads(request.get_data()) for request, _ in graph.log]


def _post(client, payload, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, payload)
    assert response.status_code == 200
    return response


def test_a_username_only_contact_orders_from_the_catalog_and_is_answered_at_their_bsuid(
    client, graph, django_capture_on_commit_callbacks
):
    products = load_catalogue()
    _contact_by_bsuid()
    _post(client, _cart(), django_capture_on_commit_callbacks)
    order = Order.objects.get()
    assert order.status == Order.Status.CONFIRMED
    assert {(line.product.sku, line.quantity) for line in order.lines.all()} == {
        ("PB-10", 400),
        ("CUP-12", 1000),
    }
    assert products["PB-10"].pk in {line.product_id for line in order.lines.all()}
    sent = _sent(graph)
    assert sent and all(body.get("recipient") == BSUID and "to" not in body for body in sent)
    assert order.number in sent[0]["text"]["body"]


def test_a_cart_with_an_sku_we_do_not_sell_is_a_polite_question_and_no_order(
    client, graph, django_capture_on_commit_callbacks
):
    load_catalogue()
    _contact_by_bsuid()
    _post(client, _cart(("PB-10", 400), ("XX-99", 5)), django_capture_on_commit_callbacks)
    assert not Order.objects.exists()
    [body] = _sent(graph)
    assert "XX-99" in body["text"]["body"] and body["recipient"] == BSUID


def test_a_cart_from_a_contact_who_may_not_order_awaits_approval(
    client, graph, django_capture_on_commit_callbacks
):
    load_catalogue()
    _contact_by_bsuid(can_order=False)
    _post(client, _cart(), django_capture_on_commit_callbacks)
    assert Order.objects.get().status == Order.Status.PENDING_APPROVAL
    assert ConversationSession.objects.get().flagged_for_followup


def test_a_contact_registered_by_phone_still_orders_after_taking_a_username(
    client, graph, django_capture_on_commit_callbacks
):
    load_catalogue()
    OutletContactFactory(phone="+6591230001", outlet=OutletFactory(name="Napoli Pizza Bar"))
    first = text_payload("hello", at=int(time.time()))
    value = first["entry"][0]["changes"][0]["value"]
    value["contacts"][0]["user_id"] = BSUID
    value["messages"][0]["from_user_id"] = BSUID
    _post(client, first, django_capture_on_commit_callbacks)
    _post(client, _cart(), django_capture_on_commit_callbacks)
    assert Order.objects.get().status == Order.Status.CONFIRMED
    assert all(body.get("to") == "6591230001" for body in _sent(graph))  # the phone is known


def test_a_username_only_stranger_with_a_cart_gets_no_order(
    client, graph, django_capture_on_commit_callbacks
):
    load_catalogue()
    _post(client, _cart(), django_capture_on_commit_callbacks)
    assert not Order.objects.exists()
    assert ConversationSession.objects.get().flagged_for_followup
