"""Bulk create and update: one transaction, all or nothing, errors by item index, counters kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conversations import services
from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from orders.models import Product
from tests.factories import MessageFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _opened_session(phone: str = "+6591234567") -> ConversationSession:
    """A session opened the way the API opens one, so the user's summary exists."""
    from conversations.whatsapp.identity import pseudonymize_phone

    return services.open_session(user_id=pseudonymize_phone(phone))


def _items(session: ConversationSession, n: int) -> list[dict]:
    return [
        {"session_id": str(session.session_id), "role": "user", "content": f"order {i}"}
        for i in range(n)
    ]


def test_bulk_messages_keep_the_session_count_and_the_user_summary_right(api):
    session = _opened_session()
    response = api.post("/api/v1/messages/bulk/", _items(session, 25), format="json")
    assert response.status_code == 201
    session.refresh_from_db()
    summary = UserInteractionSummary.objects.get(user_id=session.user_id)
    assert session.message_count == 25
    assert summary.total_messages == 25
    assert summary.total_conversations == 1


def test_one_invalid_item_stores_nothing_and_is_reported_by_its_index(api):
    session = _opened_session()
    items = _items(session, 5)
    items[1]["role"] = "robot"
    items[3]["confidence"] = 7
    response = api.post("/api/v1/messages/bulk/", items, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_items"
    assert error["message"] == "2 of 5 items are invalid; nothing was saved."
    assert [item["index"] for item in error["details"]["items"]] == [1, 3]
    assert "role" in error["details"]["items"][0]["errors"]
    assert ConversationMessage.objects.count() == 0
    session.refresh_from_db()
    assert session.message_count == 0


def test_an_unknown_session_is_reported_at_its_index(api):
    items = _items(_opened_session(), 3)
    items[2]["session_id"] = "5d0c1c55-0000-4000-8000-000000000000"
    response = api.post("/api/v1/messages/bulk/", items, format="json")
    details = response.json()["error"]["details"]["items"]
    assert details == [
        {
            "index": 2,
            "errors": {
                "session_id": ["No session with session_id " + items[2]["session_id"] + "."]
            },
        }
    ]


def test_a_unique_value_repeated_in_the_batch_or_already_stored_is_refused(api):
    ProductFactory(sku="PB-10")
    items = [
        {"sku": "PB-11", "name": "Box", "unit_price": "0.30"},
        {"sku": "PB-10", "name": "Box", "unit_price": "0.30"},
        {"sku": "PB-11", "name": "Box", "unit_price": "0.30"},
    ]
    response = api.post("/api/v1/products/bulk/", items, format="json")
    assert [e["index"] for e in response.json()["error"]["details"]["items"]] == [1, 2]
    assert list(Product.objects.values_list("sku", flat=True)) == ["PB-10"]


def test_a_failure_while_writing_rolls_back_every_item(api, monkeypatch):
    session = _opened_session()
    real_bulk_record = services.bulk_record_messages

    def write_then_fail(messages):
        real_bulk_record(messages)
        raise RuntimeError("injected failure after the insert")

    monkeypatch.setattr(services, "bulk_record_messages", write_then_fail)
    response = api.post("/api/v1/messages/bulk/", _items(session, 10), format="json")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
    assert ConversationMessage.objects.count() == 0
    session.refresh_from_db()
    assert session.message_count == 0
    assert UserInteractionSummary.objects.get(user_id=session.user_id).total_messages == 0


def test_a_failing_bulk_update_leaves_every_record_as_it_was(api, monkeypatch):
    products = [ProductFactory(category="old") for _ in range(3)]
    from orders.api.views import ProductViewSet

    real_update = ProductViewSet.perform_update
    calls = []

    def fail_on_third(self, serializer):
        calls.append(serializer.instance.pk)
        if len(calls) == 3:
            raise RuntimeError("injected failure on the third record")
        real_update(self, serializer)

    monkeypatch.setattr(ProductViewSet, "perform_update", fail_on_third)
    items = [{"id": p.pk, "category": "new"} for p in products]
    response = api.patch("/api/v1/products/bulk/", items, format="json")
    assert response.status_code == 500
    assert set(Product.objects.values_list("category", flat=True)) == {"old"}


def test_bulk_update_reports_unknown_keys_by_index_and_changes_nothing(api):
    product = ProductFactory(category="old")
    items = [{"id": product.pk, "category": "new"}, {"id": 987654, "category": "new"}, {}]
    response = api.patch("/api/v1/products/bulk/", items, format="json")
    assert response.status_code == 400
    errors = response.json()["error"]["details"]["items"]
    assert [(e["index"], list(e["errors"])) for e in errors] == [(1, ["id"]), (2, ["id"])]
    product.refresh_from_db()
    assert product.category == "old"


def test_bulk_update_of_message_intents_goes_through_the_service(api):
    message = MessageFactory(intent="")
    items = [{"id": message.pk, "intent": "order_placement", "confidence": 0.9}]
    api.patch("/api/v1/messages/bulk/", items, format="json")
    message.session.refresh_from_db()
    assert message.session.intents["counts"] == {"order_placement": 1}


def test_more_items_than_the_limit_get_a_413(api, settings):
    settings.API_BULK_MAX_ITEMS = 5
    response = api.post("/api/v1/messages/bulk/", _items(_opened_session(), 6), format="json")
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "too_many_items"
    assert error["details"] == {"limit": 5, "received": 6}


def test_a_bulk_body_that_is_not_a_list_is_a_400(api):
    response = api.post("/api/v1/messages/bulk/", {"role": "user"}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "The body must be a JSON list of records."


def test_session_ids_are_checked_in_one_query_however_many_items(api):
    sessions = [_opened_session(f"+659100000{i}") for i in range(3)]

    def queries_for(n: int) -> int:
        items = [
            {"session_id": str(sessions[i % 3].session_id), "role": "user", "content": "x"}
            for i in range(n)
        ]
        with CaptureQueriesContext(connection) as captured:
            response = api.post("/api/v1/messages/bulk/", items, format="json")
        assert response.status_code == 201
        return len(captured.captured_queries)

    queries_for(1)  # the key's first use of the minute also records last_used_at
    assert queries_for(10) == queries_for(300)


# ------------------------------------------------------------------ the fast path
# (tria.api.fastpath)

BASE = {"role": "user", "content": "400 boxes", "timestamp": "2025-01-01T10:00:00+08:00"}
VARIANTS = [
    {},
    {"role": "robot"},
    {"role": 5},
    {"content": "nul\x00byte"},
    {"content": 123},
    {"content": "  padded  "},
    {"content": ""},
    {"language": "far-too-long"},
    {"confidence": 1.5},
    {"confidence": "0.5"},
    {"confidence": True},
    {"confidence": None},
    {"context": []},
    {"context": {"a": "nul\x00"}},
    {"context": {"channel": "whatsapp", "n": [1, 2.5]}},
    {"timestamp": "2025-01-01T10:00:00"},
    {"timestamp": "yesterday"},
    {"timestamp": 1735725600},
    {"wa_message_id": None},
    {"wa_message_id": ""},
    {"wa_message_id": "w" * 200},
    {"pii_scrubbed": "true"},
    {"pii_scrubbed": False},
    {"colour": "red"},
    {"id": 5, "created_at": "2020-01-01T00:00:00Z"},
    {"session_id": "5d0c1c55-0000-4000-8000-000000000000"},
    {"session_id": "not-a-uuid"},
    {"embedding_vector": [0.1, 0.2]},
    {"role": None},
    {"delivery_status": "read"},
    {"delivery_status": "lost"},
]


@pytest.mark.parametrize("variant", VARIANTS, ids=[repr(v)[:40] for v in VARIANTS])
def test_the_fast_path_accepts_only_what_drf_accepts_with_the_same_values(variant):
    from conversations.api.serializers import MessageSerializer
    from tria import api

    session = _opened_session()
    item = {"session_id": str(session.session_id), **BASE, **variant}
    if variant == {"role": None}:
        del item["role"]
    context = {"bulk_create": True}
    bulk = MessageSerializer(data=[item], many=True, context=context)
    context["related_cache"] = api.prefetch_related_keys(bulk.child, [item])
    fast = bulk.child._fast_plan.validate(item)
    drf = MessageSerializer(data=item)
    if fast is not None:
        assert drf.is_valid(), drf.errors
        assert fast == dict(drf.validated_data)
    assert bulk.is_valid() == drf.is_valid()


def test_usual_message_items_take_the_fast_path():
    from conversations.api.serializers import MessageSerializer
    from tria import api

    session = _opened_session()
    items = [
        {"session_id": str(session.session_id), **BASE},
        {"session_id": str(session.session_id), **BASE, "confidence": 0.9, "context": {"a": 1}},
        {"session_id": str(session.session_id), "role": "assistant", "wa_message_id": None},
    ]
    context = {"bulk_create": True}
    bulk = MessageSerializer(data=items, many=True, context=context)
    context["related_cache"] = api.prefetch_related_keys(bulk.child, items)
    assert all(bulk.child._fast_plan.validate(item) is not None for item in items)
