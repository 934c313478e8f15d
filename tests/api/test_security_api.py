"""Issue 17 in the REST API: phone numbers in URLs (item 7), order status and links (item 8),
scrubbing flags (item 9) and the size of a request body (item 11)."""

import pytest
from django.contrib.auth.models import Permission
from django.test import override_settings

from conversations.models import ConversationMessage
from conversations.whatsapp import identity
from orders.models import DeliveryOrder, Invoice, Order
from tests.api.conftest import make_delivery, make_invoice, make_order
from tests.factories import MessageFactory, SessionFactory

PHONE = "6591234567"


# ------------------------------------------------------------------ item 7


@pytest.mark.parametrize(
    "path",
    ["/api/v1/sessions/", "/api/v1/summaries/", "/api/v1/orders/", "/api/v1/sessions/count/"],
)
def test_item7_a_phone_number_as_user_id_in_a_query_string_is_refused(api, path):
    SessionFactory(user_id=identity.pseudonymize_phone(PHONE))
    response = api.get(path, {"user_id": PHONE})
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "phone number is not accepted in a URL" in message
    assert "/query/" in message
    assert PHONE not in response.content.decode()


def test_item7_the_pseudonym_in_a_query_string_and_the_phone_in_a_body_both_work(api):
    user_id = identity.pseudonymize_phone(PHONE)
    session = SessionFactory(user_id=user_id)
    SessionFactory()
    by_pseudonym = api.get("/api/v1/sessions/", {"user_id": user_id}).json()["results"]
    body = {"filters": {"user_id": f"+{PHONE}"}}
    by_phone = api.post("/api/v1/sessions/query/", body, format="json").json()["results"]
    expected = [str(session.session_id)]
    assert (
        [r["session_id"] for r in by_pseudonym] == [r["session_id"] for r in by_phone] == expected
    )


# ------------------------------------------------------------------ item 8


def test_item8_the_orders_api_cannot_confirm_an_order_awaiting_approval(api):
    order = make_order(status=Order.Status.PENDING_APPROVAL)
    response = api.patch(f"/api/v1/orders/{order.pk}/", {"status": "confirmed"}, format="json")
    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_APPROVAL
    bulk = [{"id": order.pk, "status": "cancelled"}]
    assert api.patch("/api/v1/orders/bulk/", bulk, format="json").status_code == 200
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_APPROVAL


def test_item8_user_and_source_message_of_an_order_are_not_writable(api):
    message = MessageFactory()
    order = make_order(user_id="a" * 64)
    body = {"user_id": "b" * 64, "source_message": message.pk}
    assert api.patch(f"/api/v1/orders/{order.pk}/", body, format="json").status_code == 200
    order.refresh_from_db()
    assert (order.user_id, order.source_message_id) == ("a" * 64, None)


def test_item8_approving_through_the_api_needs_approve_order(api, django_user_model):
    order = make_order(status=Order.Status.PENDING_APPROVAL)
    refused = api.post(f"/api/v1/orders/{order.pk}/approve/")
    assert refused.status_code == 403
    assert "approve_order" in refused.json()["error"]["message"]
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_APPROVAL
    user = django_user_model.objects.get(username__startswith="api-")
    user.user_permissions.add(Permission.objects.get(codename="approve_order"))
    approved = api.post(f"/api/v1/orders/{order.pk}/approve/")
    assert approved.status_code == 200
    assert approved.json()["status"] == "confirmed"
    assert DeliveryOrder.objects.filter(order=order).exists()
    assert Invoice.objects.filter(order=order).exists()


def test_item8_cancelling_through_the_api_cancels_the_delivery_and_voids_the_invoice(
    api, django_user_model
):
    order = make_order(status=Order.Status.CONFIRMED)
    delivery, invoice = make_delivery(order=order), make_invoice(order=order)
    user = django_user_model.objects.get(username__startswith="api-")
    user.user_permissions.add(Permission.objects.get(codename="approve_order"))
    response = api.post(f"/api/v1/orders/{order.pk}/cancel/")
    assert response.status_code == 200
    delivery.refresh_from_db()
    invoice.refresh_from_db()
    assert (delivery.status, invoice.status) == ("cancelled", "void")
    again = api.post(f"/api/v1/orders/{order.pk}/cancel/")
    assert again.status_code == 409


# ------------------------------------------------------------------ item 9


def test_item9_a_message_created_as_scrubbed_is_still_scrubbed(api):
    session = SessionFactory()
    body = {
        "session_id": str(session.session_id),
        "role": "user",
        "content": "call me on +65 9123 4567",
        "pii_scrubbed": True,
    }
    response = api.post("/api/v1/messages/", body, format="json")
    assert response.status_code == 201
    assert response.json()["pii_scrubbed"] is False
    assert ConversationMessage.objects.get().pii_scrubbed is False
    bulk = [{**body, "pii_scrubbed": True}]
    assert api.post("/api/v1/messages/bulk/", bulk, format="json").status_code == 201
    assert not ConversationMessage.objects.filter(pii_scrubbed=True).exists()


def test_item9_new_text_on_a_scrubbed_message_is_scrubbed_again(api):
    message = MessageFactory(pii_scrubbed=True, content="400 boxes")
    url = f"/api/v1/messages/{message.pk}/"
    marked = api.patch(url, {"pii_scrubbed": True, "intent": "order"}, format="json")
    assert marked.status_code == 200
    message.refresh_from_db()
    assert message.pii_scrubbed is True  # nothing new to scrub
    response = api.patch(url, {"content": "call me on +65 9123 4567"}, format="json")
    assert response.status_code == 200
    message.refresh_from_db()
    assert message.pii_scrubbed is False
    bulk = [{"id": message.pk, "context": {"note": "ring +65 9123 4567"}}]
    MessageFactory._meta.model.objects.filter(pk=message.pk).update(pii_scrubbed=True)
    assert api.patch("/api/v1/messages/bulk/", bulk, format="json").status_code == 200
    message.refresh_from_db()
    assert message.pii_scrubbed is False


# ------------------------------------------------------------------ item 11


@override_settings(API_MAX_BODY_BYTES=1000)
def test_item11_an_api_body_over_the_limit_is_a_413_before_it_is_read(make_client):
    client = make_client(read_only=True)
    body = '{"filters": {"role": "user"}, "pad": "' + "x" * 2000 + '"}'
    response = client.post("/api/v1/messages/query/", body, content_type="application/json")
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "payload_too_large"
    assert error["details"] == {"limit": 1000}
    small = client.post("/api/v1/messages/query/", {"limit": 1}, format="json")
    assert small.status_code == 200
