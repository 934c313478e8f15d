"""Issue 17 in the assistant: who may change or cancel an order on WhatsApp (item 8), and a turn
never runs while the user's data is being erased (item 10)."""

import threading

import pytest
from django.db import OperationalError, connection, connections, transaction

from conversations import services
from conversations.models import ConversationSession
from conversations.whatsapp import identity
from orders import assistant, turn
from orders.models import DeliveryOrder, Invoice, Order
from tests.factories import OutletContactFactory
from tests.orders.support import PHONE, inbound, load_catalogue, replies_after

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def catalogue():
    return load_catalogue()


def handle(text: str):
    message = inbound(text)
    assistant.handle_inbound(message.pk)
    return message


@pytest.fixture
def confirmed_order_of_a_revoked_contact() -> Order:
    """An order placed while the contact could order; staff have since taken that right away."""
    contact = OutletContactFactory(phone=PHONE, can_order=True)
    handle("400 boxes for 10 inch pizzas")
    order = Order.objects.get()
    assert order.status == Order.Status.CONFIRMED
    contact.can_order = False
    contact.save()
    return order


# ------------------------------------------------------------------ item 8


def test_item8_make_it_5000_from_a_contact_who_cannot_order_goes_back_to_approval(
    confirmed_order_of_a_revoked_contact,
):
    message = handle("make it 5000")
    order = Order.objects.get()
    assert order.status == Order.Status.PENDING_APPROVAL
    assert order.lines.get().quantity == 5000
    assert DeliveryOrder.objects.get(order=order).status == DeliveryOrder.Status.CANCELLED
    assert Invoice.objects.get(order=order).status == Invoice.Status.VOID
    session = ConversationSession.objects.get(session_id=message.session_id)
    assert session.flag_reason == turn.APPROVAL_FLAG
    assert [r.intent for r in replies_after(message)] == ["approval_pending"]


def test_item8_an_approved_change_is_scheduled_and_invoiced_again_at_the_new_total(
    confirmed_order_of_a_revoked_contact,
):
    from orders import services as order_services

    handle("make it 5000")
    order = order_services.approve_order(Order.objects.get())
    assert order.status == Order.Status.CONFIRMED
    invoice = Invoice.objects.get(order=order)
    assert (invoice.status, invoice.total) == (Invoice.Status.ISSUED, order.total)
    assert DeliveryOrder.objects.get(order=order).status == DeliveryOrder.Status.SCHEDULED


def test_item8_cancel_that_from_a_contact_who_cannot_order_is_left_to_staff(
    confirmed_order_of_a_revoked_contact,
):
    message = handle("cancel that")
    order = Order.objects.get()
    assert order.status == Order.Status.CONFIRMED
    assert DeliveryOrder.objects.get(order=order).status == DeliveryOrder.Status.SCHEDULED
    assert Invoice.objects.get(order=order).status == Invoice.Status.ISSUED
    session = ConversationSession.objects.get(session_id=message.session_id)
    assert session.flagged_for_followup
    assert session.flag_reason == turn.CANCEL_APPROVAL_FLAG


def test_item8_a_contact_who_can_order_still_changes_and_cancels_directly():
    OutletContactFactory(phone=PHONE, can_order=True)
    handle("400 boxes for 10 inch pizzas")
    handle("make it 500")
    assert Order.objects.get().status == Order.Status.CONFIRMED
    handle("cancel that")
    assert Order.objects.get().status == Order.Status.CANCELLED


# ------------------------------------------------------------------ item 10


@pytest.mark.django_db(transaction=True)
def test_item10_an_assistant_turn_waits_for_an_erasure_holding_the_users_lock():
    OutletContactFactory(phone=PHONE, can_order=True)
    user_id = identity.pseudonymize_phone(PHONE)
    session = services.open_session(user_id=user_id)
    # Stored without the processing task (which would answer it at once in eager mode).
    message = services.record_message(
        session=session, role="user", content="400 boxes for 10 inch pizzas"
    )
    holding, release = threading.Event(), threading.Event()

    def erasure_in_progress() -> None:
        with transaction.atomic():
            services.lock_user(user_id)  # what gdpr.erase_user_data holds while it deletes
            holding.set()
            release.wait(10)
        connections.close_all()

    eraser = threading.Thread(target=erasure_in_progress)
    eraser.start()
    try:
        assert holding.wait(10)
        understanding = assistant.understand(message)
        with pytest.raises(OperationalError), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '500ms'")
            assistant.respond(message.pk, understanding)
    finally:
        release.set()
        eraser.join(10)
    assert Order.objects.count() == 0
    assert replies_after(message) == []
