"""The nine operations, generated for every resource: list, create, read, update (PUT and PATCH),
delete, count, exists, bulk (create and update) and query."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db.models import Model

from conversations.models import (
    ConversationMessage,
    ConversationSession,
    Outlet,
    OutletContact,
    UserInteractionSummary,
)
from orders.models import DeliveryOrder, Invoice, Order, Product
from tests.api.conftest import make_delivery, make_invoice, make_order
from tests.factories import (
    MessageFactory,
    OutletContactFactory,
    OutletFactory,
    ProductFactory,
    SessionFactory,
    SummaryFactory,
)

pytestmark = pytest.mark.django_db

T0 = "2026-01-05T08:00:00Z"


@dataclass
class Resource:
    path: str
    model: type[Model]
    key: str  # the field that keys the record in URLs and bulk updates
    make: Callable[[], Model]  # a stored record
    new: Callable[[], dict]  # a valid create body
    change: tuple[str, Any]  # a field and a new value that no stored record has yet

    def url(self, record: Model | None = None) -> str:
        base = f"/api/v1/{self.path}/"
        return base if record is None else f"{base}{self.key_of(record)}/"

    def key_of(self, record: Model) -> str:
        return str(getattr(record, "pk" if self.key == "id" else self.key))


def _message_body() -> dict:
    return {"session_id": str(SessionFactory().session_id), "role": "user", "content": "400 boxes"}


_phones = iter(range(100000, 999999))

RESOURCES = [
    Resource(
        "sessions",
        ConversationSession,
        "session_id",
        SessionFactory,
        lambda: {"user_id": f"+659{next(_phones):07d}", "language": "en", "start_time": T0},
        ("language", "zh"),
    ),
    Resource(
        "messages",
        ConversationMessage,
        "id",
        MessageFactory,
        _message_body,
        ("intent", "order_placement"),
    ),
    Resource(
        "summaries",
        UserInteractionSummary,
        "user_id",
        SummaryFactory,
        lambda: {
            "user_id": f"+659{next(_phones):07d}",
            "first_interaction": T0,
            "last_interaction": T0,
        },
        ("total_conversations", 42),
    ),
    Resource(
        "products",
        Product,
        "id",
        ProductFactory,
        lambda: {"sku": f"PB-{next(_phones)}", "name": "Pizza box 10in", "unit_price": "0.3500"},
        ("category", "pizza"),
    ),
    Resource(
        "outlets",
        Outlet,
        "id",
        OutletFactory,
        lambda: {"name": "Kopi Corner", "delivery_zone": "east"},
        ("delivery_zone", "north"),
    ),
    Resource(
        "outlet-contacts",
        OutletContact,
        "id",
        OutletContactFactory,
        lambda: {"outlet": OutletFactory().pk, "phone": f"+659{next(_phones):07d}", "name": "Ann"},
        ("name", "Beng"),
    ),
    Resource(
        "orders",
        Order,
        "id",
        make_order,
        lambda: {
            "number": f"ORD-N-{next(_phones)}",
            "outlet": OutletFactory().pk,
            "subtotal": "100.00",
            "gst_amount": "9.00",
        },
        ("notes", "Leave at the back door"),  # the status moves through approve/cancel only
    ),
    Resource(
        "delivery-orders",
        DeliveryOrder,
        "id",
        make_delivery,
        lambda: {
            "number": f"DO-N-{next(_phones)}",
            "order": make_order().pk,
            "scheduled_date": "2026-12-02",
            "slot": "afternoon",
        },
        ("status", "delivered"),
    ),
    Resource(
        "invoices",
        Invoice,
        "id",
        make_invoice,
        lambda: {
            "number": f"INV-N-{next(_phones)}",
            "order": make_order().pk,
            "subtotal": "100.00",
            "gst_amount": "9.00",
            "issued_at": T0,
            "due_date": "2026-02-04",
        },
        ("status", "paid"),
    ),
]


@pytest.fixture(params=RESOURCES, ids=[r.path for r in RESOURCES])
def resource(request) -> Resource:
    return request.param


def test_list_pages_through_records_and_gives_the_total_when_asked(api, resource):
    records = [resource.make() for _ in range(3)]
    first = api.get(resource.url(), {"limit": 2, "with_total": "true"}).json()
    second = api.get(resource.url(), {"limit": 2, "offset": 2}).json()
    assert first["total"] == 3
    assert (first["has_more"], second["has_more"]) == (True, False)
    assert "total" not in second
    keys = {str(r[resource.key]) for r in first["results"] + second["results"]}
    assert keys == {resource.key_of(r) for r in records}


def test_create_stores_the_record_and_returns_it_with_201(api, resource):
    response = api.post(resource.url(), resource.new(), format="json")
    assert response.status_code == 201, response.json()
    stored = resource.model.objects.get()
    assert str(response.json()[resource.key]) == resource.key_of(stored)


def test_read_returns_the_record_by_its_key(api, resource):
    record = resource.make()
    response = api.get(resource.url(record))
    assert response.status_code == 200
    assert str(response.json()[resource.key]) == resource.key_of(record)


def test_read_of_an_unknown_key_is_a_json_404(api, resource):
    key = {"session_id": "6f1c2a3e-0000-4000-8000-000000000000", "user_id": "f" * 64}.get(
        resource.key, "987654"
    )
    response = api.get(f"{resource.url()}{key}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_malformed_key_is_a_404_not_a_500(api, resource):
    response = api.get(f"{resource.url()}not-a-key/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_patch_changes_one_field_and_keeps_the_others(api, resource):
    record = resource.make()
    field, value = resource.change
    response = api.patch(resource.url(record), {field: value}, format="json")
    assert response.status_code == 200, response.json()
    record.refresh_from_db()
    assert getattr(record, field) == value
    assert response.json()[field] == value


def test_put_replaces_the_writable_fields(api, resource):
    record = resource.make()
    body = resource.new()
    field, value = resource.change
    body[field] = value
    response = api.put(resource.url(record), body, format="json")
    assert response.status_code == 200, response.json()
    record.refresh_from_db()
    assert getattr(record, field) == value


def test_delete_removes_the_record(api, resource):
    record, other = resource.make(), resource.make()
    response = api.delete(resource.url(record))
    assert response.status_code == 204
    assert list(resource.model.objects.values_list("pk", flat=True)) == [other.pk]


def test_count_and_exists_take_query_string_or_json_filters(api, resource):
    record = resource.make()
    resource.make()
    field, value = resource.change
    resource.model.objects.filter(pk=record.pk).update(**{field: value})
    count_get = api.get(f"{resource.url()}count/", {field: value}).json()
    count_post = api.post(
        f"{resource.url()}count/", {"filters": {field: value}}, format="json"
    ).json()
    assert count_get == count_post == {"count": 1}
    assert api.get(f"{resource.url()}count/").json() == {"count": 2}
    exists = api.post(f"{resource.url()}exists/", {"filters": {field: value}}, format="json")
    assert exists.json() == {"exists": True}
    resource.model.objects.filter(pk=record.pk).delete()
    assert api.get(f"{resource.url()}exists/", {field: value}).json() == {"exists": False}


def test_query_filters_orders_and_pages_like_the_design_list_node(api, resource):
    records = [resource.make() for _ in range(3)]
    field, value = resource.change
    chosen = records[:2]
    resource.model.objects.filter(pk__in=[r.pk for r in chosen]).update(**{field: value})
    body = {"filters": {field: value}, "order_by": ["-id"], "limit": 1, "offset": 1}
    if resource.key != "id":
        body["order_by"] = [f"-{resource.key}"]
    response = api.post(f"{resource.url()}query/", body, format="json")
    assert response.status_code == 200, response.json()
    expected = sorted((resource.key_of(r) for r in chosen), reverse=True)[1]
    assert [str(r[resource.key]) for r in response.json()["results"]] == [expected]


def test_bulk_create_stores_every_item_and_returns_their_keys_in_order(api, resource):
    items = [resource.new() for _ in range(3)]
    response = api.post(f"{resource.url()}bulk/", items, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["count"] == 3 == resource.model.objects.count()
    stored = {resource.key_of(r) for r in resource.model.objects.all()}
    assert {str(k) for k in body["keys"]} == stored


def test_bulk_update_changes_every_listed_record(api, resource):
    records = [resource.make() for _ in range(2)]
    untouched = resource.make()
    field, value = resource.change
    items = [{resource.key: resource.key_of(r), field: value} for r in records]
    response = api.patch(f"{resource.url()}bulk/", items, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["count"] == 2
    for record in records:
        record.refresh_from_db()
        assert getattr(record, field) == value
    untouched.refresh_from_db()
    assert getattr(untouched, field) != value


def test_create_with_an_unknown_field_is_refused_naming_it(api, resource):
    body = {**resource.new(), "colour": "red"}
    response = api.post(resource.url(), body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert error["details"] == {"colour": ["Unknown field."]}
    assert resource.model.objects.count() == 0


def test_create_without_a_json_object_body_is_a_400(api, resource):
    response = api.post(resource.url(), ["not", "an", "object"], format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_a_body_that_is_not_json_is_refused_with_415(api, resource):
    response = api.post(resource.url(), "a=1", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


# ------------------------------------------------------------------ resource-specific rules


def test_a_time_without_zone_is_read_as_utc(api):
    response = api.post(
        "/api/v1/sessions/",
        {"user_id": "+6591234567", "start_time": "2025-01-15T09:30:00"},
        format="json",
    )
    assert response.status_code == 201
    session = ConversationSession.objects.get()
    assert session.start_time == dt.datetime(2025, 1, 15, 9, 30, tzinfo=dt.UTC)
    assert response.json()["start_time"] == "2025-01-15T09:30:00Z"


def test_a_phone_number_given_as_user_id_is_stored_only_as_its_pseudonym(api):
    from conversations.whatsapp.identity import pseudonymize_phone

    response = api.post("/api/v1/sessions/", {"user_id": "6591234567"}, format="json")
    assert response.json()["user_id"] == pseudonymize_phone("+6591234567")
    assert "6591234567" not in response.content.decode()


def test_a_client_may_choose_the_session_id_but_not_reuse_one(api):
    session_id = "0b8c6a0e-5f43-4a8e-9a57-3f1d9a2c7b10"
    first = api.post(
        "/api/v1/sessions/", {"user_id": "+6591234567", "session_id": session_id}, format="json"
    )
    again = api.post(
        "/api/v1/sessions/", {"user_id": "+6591234567", "session_id": session_id}, format="json"
    )
    assert first.json()["session_id"] == session_id
    assert again.status_code == 400
    assert "session_id" in again.json()["error"]["details"]


def test_a_message_cannot_be_moved_to_another_session(api):
    message = MessageFactory()
    other = SessionFactory()
    response = api.patch(
        f"/api/v1/messages/{message.pk}/", {"session_id": str(other.session_id)}, format="json"
    )
    assert response.status_code == 200
    message.refresh_from_db()
    assert message.session_id != other.session_id


def test_confidence_outside_zero_to_one_is_refused(api):
    body = {**_message_body(), "confidence": 1.5}
    response = api.post("/api/v1/messages/", body, format="json")
    assert response.status_code == 400
    assert "confidence" in response.json()["error"]["details"]


def test_an_order_whose_total_does_not_add_up_is_refused(api):
    body = {
        "number": "ORD-X-1",
        "outlet": OutletFactory().pk,
        "subtotal": "100.00",
        "gst_amount": "9.00",
        "total": "120.00",
    }
    response = api.post("/api/v1/orders/", body, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["details"] == {"total": ["Must equal subtotal + gst_amount."]}


def test_an_order_total_is_computed_when_left_out(api):
    body = {"number": "ORD-X-2", "outlet": OutletFactory().pk, "subtotal": "10.00"}
    body["gst_amount"] = "0.90"
    response = api.post("/api/v1/orders/", body, format="json")
    assert response.json()["total"] == "10.90"


def test_deleting_an_outlet_that_has_orders_is_a_409_and_keeps_it(api):
    order = make_order()
    response = api.delete(f"/api/v1/outlets/{order.outlet_id}/")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "protected"
    assert Outlet.objects.filter(pk=order.outlet_id).exists()


def test_unknown_api_path_is_a_json_404(api):
    response = api.get("/api/v1/customers/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("depth", [900, 5000])
def test_deeply_nested_json_is_answered_without_a_500(api, depth):
    nested = '{"a":' * depth + "1" + "}" * depth
    bulk = api.generic(
        "POST", "/api/v1/messages/bulk/", "[" * depth + "]" * depth, "application/json"
    )
    query = api.generic(
        "POST",
        "/api/v1/messages/query/",
        '{"filters": {"context": {"$contains": ' + nested + "}}}",
        "application/json",
    )
    assert bulk.status_code == 400
    assert query.status_code in (200, 400)
    assert "error" in bulk.json()
