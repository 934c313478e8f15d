"""Issue 10 in the assistant: which outlet a WhatsApp number orders for, and unknown numbers."""

import pytest

from conversations.models import ConversationMessage, ConversationSession
from orders import assistant
from orders.models import DeliveryOrder, Invoice, Order
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import PHONE, inbound, load_catalogue, replies_after, tap

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def catalogue():
    return load_catalogue()


def handle(text: str) -> ConversationMessage:
    message = inbound(text)
    assistant.handle_inbound(message.pk)
    return message


def session_of(message: ConversationMessage) -> ConversationSession:
    return ConversationSession.objects.get(session_id=message.session_id)


def test_a_known_contact_orders_for_its_outlet():
    contact = OutletContactFactory(phone=PHONE)
    message = handle("400 boxes for 10 inch pizzas")
    assert Order.objects.get().outlet == contact.outlet
    assert session_of(message).outlet == contact.outlet


def test_an_unknown_number_is_recorded_flagged_answered_politely_and_never_orders():
    OutletFactory(name="Napoli Pizza Bar")
    message = handle("Hi, we need 400 boxes for 10 inch pizzas")
    assert ConversationMessage.objects.get(pk=message.pk).content.startswith("Hi, we need 400")
    session = session_of(message)
    assert session.flagged_for_followup and session.outlet is None
    assert Order.objects.count() == 0
    (reply,) = replies_after(message)
    assert reply.intent == "registration_required"
    assert "not registered" in reply.content
    assert (
        "Napoli" not in reply.content and "S$" not in reply.content and "ORD-" not in reply.content
    )


def test_an_unknown_number_gets_the_notice_once_per_session_and_no_answers():
    first = handle("hello")
    second = handle("how much are your 12 inch pizza boxes? any orders for us?")
    assert len(replies_after(first)) == 1
    assert replies_after(second) == []
    assert Order.objects.count() == 0


def test_once_staff_add_the_contact_the_next_message_is_handled_normally():
    first = handle("400 boxes for 10 inch pizzas")
    contact = OutletContactFactory(phone=PHONE)
    second = handle("400 boxes for 10 inch pizzas")
    session = session_of(second)
    assert session.pk == session_of(first).pk
    assert session.outlet == contact.outlet
    assert not session.flagged_for_followup
    order = Order.objects.get()
    assert (order.outlet, order.source_message_id) == (contact.outlet, second.pk)


def test_a_number_with_two_outlets_is_asked_once_and_the_answer_sticks():
    north = OutletContactFactory(phone=PHONE, outlet=OutletFactory(name="A Kopi North")).outlet
    south = OutletContactFactory(phone=PHONE, outlet=OutletFactory(name="B Kopi South")).outlet
    first = handle("400 boxes for 10 inch pizzas")
    (question,) = replies_after(first)
    assert question.intent == "outlet_question"
    rows = question.context["interactive"]["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == [f"outlet:{north.pk}", f"outlet:{south.pk}"]
    assert Order.objects.count() == 0

    answer = tap(f"outlet:{south.pk}", "2. B Kopi South")
    assistant.handle_inbound(answer.pk)
    order = Order.objects.get()
    assert order.outlet == south
    assert [(line.product.sku, line.quantity) for line in order.lines.all()] == [("PB-10", 400)]
    assert session_of(answer).outlet == south

    later = handle("100 12oz cups")
    assert Order.objects.get(source_message=later).outlet == south
    asked = ConversationMessage.objects.filter(
        session_id=first.session_id, intent="outlet_question"
    )
    assert asked.count() == 1


def test_a_typed_number_also_answers_the_outlet_question():
    OutletContactFactory(phone=PHONE, outlet=OutletFactory(name="A Kopi North"))
    south = OutletContactFactory(phone=PHONE, outlet=OutletFactory(name="B Kopi South")).outlet
    handle("hello")
    answer = handle("2")
    assert session_of(answer).outlet == south


def test_a_contact_without_can_order_sends_orders_to_staff_for_approval():
    contact = OutletContactFactory(phone=PHONE, can_order=False)
    message = handle("400 boxes for 10 inch pizzas")
    order = Order.objects.get()
    assert (order.outlet, order.status) == (contact.outlet, Order.Status.PENDING_APPROVAL)
    assert not DeliveryOrder.objects.exists() and not Invoice.objects.exists()
    session = session_of(message)
    assert session.flagged_for_followup and "approval" in session.flag_reason
    (reply,) = replies_after(message)
    assert reply.intent == "approval_pending" and order.number in reply.content


def test_a_contact_without_can_order_may_still_ask_about_products():
    OutletContactFactory(phone=PHONE, can_order=False)
    message = handle("do you have 12 inch pizza boxes?")
    (reply,) = replies_after(message)
    assert reply.intent == "product_info" and '12" pizza box' in reply.content
    assert Order.objects.count() == 0
