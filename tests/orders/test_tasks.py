"""The assistant through its Celery task (eager in tests): retries, holding reply, redrive."""

import datetime as dt

import pytest
from django.utils import timezone

from conversations import services
from conversations.models import ConversationMessage, ConversationSession
from conversations.services import inbound
from orders import assistant
from orders import services as order_services
from orders.models import Order
from tests.factories import OutletContactFactory
from tests.orders.support import PHONE, assistant_messages, load_catalogue

pytestmark = pytest.mark.usefixtures("eager_retries")


@pytest.fixture
def ordering_contact(db):
    load_catalogue()
    return OutletContactFactory(phone=PHONE)


@pytest.mark.django_db(transaction=True)
def test_a_stored_message_is_processed_by_the_task_once_committed(ordering_contact):
    stored = services.record_inbound_message(
        phone=PHONE, content="400 boxes for 10 inch pizzas", timestamp=timezone.now()
    ).message
    assert Order.objects.get().source_message_id == stored.pk
    assert [m.intent for m in assistant_messages(stored)] == [
        "order_confirmation",
        "rating_request",
    ]


@pytest.mark.django_db(transaction=True)
def test_the_task_retries_a_failing_turn_then_sends_a_holding_reply(
    ordering_contact, monkeypatch, settings
):
    settings.ASSISTANT_MAX_ATTEMPTS = 3
    attempts = []

    def broken(**kwargs):
        attempts.append(1)
        raise RuntimeError("database trouble")

    monkeypatch.setattr(order_services, "create_order", broken)
    stored = services.record_inbound_message(
        phone=PHONE, content="400 boxes for 10 inch pizzas", timestamp=timezone.now()
    ).message
    assert len(attempts) == 3
    (holding,) = assistant_messages(stored)
    assert holding.intent == "holding_reply"
    assert ConversationSession.objects.get(session_id=stored.session_id).flagged_for_followup
    assert ConversationMessage.objects.get(pk=stored.pk).context["assistant_attempts"] == 3
    assert Order.objects.count() == 0


@pytest.mark.django_db
def test_messages_nobody_finished_are_processed_again_by_the_redrive(ordering_contact):
    now = timezone.now()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(inbound, "_enqueue_processing", lambda message_id: None)  # a lost task
        lost = services.record_inbound_message(
            phone=PHONE,
            content="400 boxes for 10 inch pizzas",
            timestamp=now - dt.timedelta(minutes=20),
            wa_message_id="wamid.LOST-TASK",
        ).message
        recent = services.record_inbound_message(
            phone="+6591110002", content="hello", timestamp=now - dt.timedelta(minutes=2)
        ).message
    assert assistant.redrive_unprocessed(now) == 1
    assert Order.objects.get().source_message_id == lost.pk
    assert ConversationMessage.objects.get(pk=recent.pk).processed_at is None
    assert assistant.redrive_unprocessed(now) == 0


@pytest.mark.django_db
def test_item3_messages_written_through_the_api_are_never_acted_on_by_the_redrive(
    ordering_contact,
):
    now = timezone.now()
    session = services.open_session(user_id=ordering_contact.phone_hash)
    imported = services.record_message(
        session=session,
        role="user",
        content="400 boxes for 10 inch pizzas",
        timestamp=now - dt.timedelta(minutes=20),
    )

    assert assistant.redrive_unprocessed(now) == 0
    assert Order.objects.count() == 0
    assert assistant_messages(imported) == []
    assert ConversationMessage.objects.get(pk=imported.pk).processed_at is None


@pytest.mark.django_db(transaction=True)
def test_two_workers_on_the_same_message_at_once_create_one_order(ordering_contact, monkeypatch):
    import threading

    from django.db import connection

    monkeypatch.setattr(inbound, "_enqueue_processing", lambda message_id: None)
    stored = services.record_inbound_message(
        phone=PHONE, content="400 boxes for 10 inch pizzas", timestamp=timezone.now()
    ).message
    start = threading.Barrier(2)
    errors = []

    def worker():
        try:
            start.wait()
            assistant.handle_inbound(stored.pk)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Order.objects.count() == 1
    assert [m.intent for m in assistant_messages(stored)] == [
        "order_confirmation",
        "rating_request",
    ]
