"""The order assistant, message by message (orders.assistant.handle_inbound)."""

from decimal import Decimal

import pytest

from conversations import processing
from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from orders import assistant
from orders import services as order_services
from orders.models import Invoice, Order
from tests.factories import OutletContactFactory, OutletFactory, ProductFactory
from tests.orders.support import (
    PHONE,
    assistant_messages,
    inbound,
    load_catalogue,
    replies_after,
    tap,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return load_catalogue()


@pytest.fixture
def contact():
    return OutletContactFactory(phone=PHONE, outlet=OutletFactory(name="Napoli Pizza Bar"))


def handle(text: str, **kwargs) -> ConversationMessage:
    message = inbound(text, **kwargs)
    assistant.handle_inbound(message.pk)
    message.refresh_from_db()
    return message


def handle_tap(reply_id: str, title: str) -> ConversationMessage:
    message = tap(reply_id, title)
    assistant.handle_inbound(message.pk)
    return message


def intents_of(messages) -> list[str]:
    return [m.intent for m in messages]


# ------------------------------------------------------------------ placing an order


def test_an_order_message_creates_the_order_and_confirms_it(catalogue, contact):
    message = handle("Hi, we need 400 boxes for 10 inch pizzas")
    assert (message.intent, message.language) == ("order_placement", "en")
    assert message.confidence >= 0.9
    order = Order.objects.get()
    assert (order.outlet, order.source_message, order.status) == (
        contact.outlet,
        message,
        "confirmed",
    )
    line = order.lines.get()
    assert (line.product.sku, line.quantity) == ("PB-10", 400)
    assert order.total == Decimal("165.68")
    confirmation, rating = replies_after(message)
    assert (confirmation.intent, confirmation.confidence) == ("order_confirmation", 1.0)
    assert '400 x 10" pizza box, kraft' in confirmation.content
    assert order.number in confirmation.content and order.invoice.number in confirmation.content
    assert "S$165.68" in confirmation.content
    assert rating.intent == "rating_request"
    assert rating.context["interactive"]["type"] == "list"
    rows = rating.context["interactive"]["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == ["rating:5", "rating:4", "rating:3", "rating:2", "rating:1"]


def test_the_session_and_summary_remember_the_intent_and_language(catalogue, contact):
    message = handle("Hi, we need 400 boxes for 10 inch pizzas")
    session = ConversationSession.objects.get(session_id=message.session_id)
    assert session.language == "en"
    assert session.intents["counts"]["order_placement"] == 1
    summary = UserInteractionSummary.objects.get(user_id=session.user_id)
    assert summary.common_intents["order_placement"] == 1
    assert summary.total_messages == 3  # the order, the confirmation, the rating question


def test_handling_the_same_message_twice_creates_one_order_and_one_reply(catalogue, contact):
    message = handle("2 cartons of 12oz cups")
    assistant.handle_inbound(message.pk)
    assert Order.objects.count() == 1
    assert Order.objects.get().lines.get().quantity == 2000  # 2 cartons of 1000
    assert intents_of(assistant_messages(message)) == ["order_confirmation", "rating_request"]
    assert ConversationMessage.objects.get(pk=message.pk).processed_at is not None


def test_several_items_in_one_message_make_one_order(catalogue, contact):
    handle("300 12oz cups and 300 12oz lids")
    order = Order.objects.get()
    assert sorted((line.product.sku, line.quantity) for line in order.lines.all()) == [
        ("CUP-12", 300),
        ("LID-12", 300),
    ]


def test_same_as_last_time_repeats_the_outlet_s_previous_order(catalogue, contact):
    handle("400 boxes for 10 inch pizzas")
    repeat = handle("same as last time please")
    assert Order.objects.count() == 2
    latest = Order.objects.get(source_message=repeat)
    assert [(line.product.sku, line.quantity) for line in latest.lines.all()] == [("PB-10", 400)]


def test_a_product_we_do_not_sell_is_named_and_nothing_is_ordered(catalogue, contact):
    message = handle("we need 100 chopsticks")
    assert Order.objects.count() == 0
    (reply,) = replies_after(message)
    assert '"chopstick"' in reply.content


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "When will the delivery arrive?",
        "do you have 14 inch pizza boxes?",
        "the cups came crushed, 20 of them",
        "thanks!",
        "what's the invoice total",
    ],
)
def test_a_message_that_is_not_an_order_never_creates_one(catalogue, contact, text):
    message = handle(text)
    assert Order.objects.count() == 0
    assert len(replies_after(message)) == 1


# ------------------------------------------------------------------ clarification and follow-ups


@pytest.fixture
def white_box(catalogue):
    return ProductFactory(
        sku="PB-10W", name='10" pizza box, white printed', size='10"', unit_price=Decimal("0.42")
    )


def test_two_close_products_are_asked_about_and_the_tap_places_the_order(
    catalogue, white_box, contact
):
    message = handle("we need 400 boxes for 10 inch pizzas")
    assert Order.objects.count() == 0
    (question,) = replies_after(message)
    assert question.intent == "clarification_request"
    buttons = question.context["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == [
        f"product:{catalogue['PB-10'].pk}",
        f"product:{white_box.pk}",
    ]
    handle_tap(f"product:{white_box.pk}", '2. 10" pizza box, white')
    order = Order.objects.get()
    assert [(line.product, line.quantity) for line in order.lines.all()] == [(white_box, 400)]


def test_yes_takes_the_first_suggestion(catalogue, white_box, contact):
    handle("400 x 10 inch pizza boxes")
    handle("yes")
    assert Order.objects.get().lines.get().product == catalogue["PB-10"]


def test_a_typed_number_answers_the_question(white_box, contact):
    handle("400 x 10 inch pizza boxes")
    handle("2")
    assert Order.objects.get().lines.get().product == white_box


def test_make_it_500_while_a_question_is_pending_changes_the_pending_quantity(white_box, contact):
    handle("400 x 10 inch pizza boxes")
    again = handle("make it 500")
    (question,) = replies_after(again)
    assert question.intent == "clarification_request" and "500" in question.content
    handle_tap(f"product:{white_box.pk}", "white")
    assert Order.objects.get().lines.get().quantity == 500


def test_no_drops_the_pending_question(white_box, contact):
    handle("400 x 10 inch pizza boxes")
    handle("no")
    handle("2")
    assert Order.objects.count() == 0


def test_make_it_500_changes_the_last_order_and_its_invoice(catalogue, contact):
    handle("400 boxes for 10 inch pizzas")
    change = handle("make it 500")
    assert change.intent == "order_change"
    order = Order.objects.get()
    assert order.lines.get().quantity == 500
    assert order.invoice.total == Decimal("207.10")
    (reply,) = replies_after(change)
    assert reply.intent == "order_update" and "S$207.10" in reply.content


def test_cancel_that_cancels_the_last_order(catalogue, contact):
    handle("400 boxes for 10 inch pizzas")
    cancel = handle("cancel that")
    order = Order.objects.get()
    assert order.status == Order.Status.CANCELLED
    assert order.invoice.status == Invoice.Status.VOID
    (reply,) = replies_after(cancel)
    assert reply.intent == "order_cancellation" and order.number in reply.content


def test_cancelling_a_dispatched_order_is_refused_and_flagged(catalogue, contact):
    handle("400 boxes for 10 inch pizzas")
    Order.objects.update(status=Order.Status.DISPATCHED)
    cancel = handle("cancel that")
    assert Order.objects.get().status == Order.Status.DISPATCHED
    assert ConversationSession.objects.get(session_id=cancel.session_id).flagged_for_followup


# ------------------------------------------------------------------ questions about orders


def test_status_delivery_and_invoice_questions_are_answered_from_the_outlet_s_orders(
    catalogue, contact
):
    other_outlet = OutletFactory(name="Somebody Else")
    theirs = order_services.create_order(
        outlet=other_outlet, lines=[order_services.LineRequest(catalogue["NAP-2"], 5000)]
    )
    handle("400 boxes for 10 inch pizzas")
    ours = Order.objects.get(outlet=contact.outlet)
    answers = {}
    for text in ("what's the status of my order?", "when is the delivery?", "send me the invoice"):
        message = handle(text)
        (reply,) = replies_after(message)
        answers[message.intent] = reply.content
    assert ours.number in answers["order_status"] and "confirmed" in answers["order_status"]
    assert ours.delivery.number in answers["delivery_query"]
    assert (
        ours.invoice.number in answers["invoice_query"] and "S$165.68" in answers["invoice_query"]
    )
    assert not any(theirs.number in text for text in answers.values())


def test_a_product_question_is_answered_with_prices(catalogue, contact):
    message = handle("do you have 12 inch pizza boxes?")
    (reply,) = replies_after(message)
    assert reply.intent == "product_info"
    assert '12" pizza box, kraft' in reply.content and "S$0.45" in reply.content


def test_a_complaint_flags_the_session_for_a_colleague(catalogue, contact):
    message = handle("the boxes came crushed, very disappointed")
    session = ConversationSession.objects.get(session_id=message.session_id)
    assert session.flagged_for_followup and session.flag_reason == "complaint"


# ------------------------------------------------------------------ rating


def test_a_rating_tap_after_an_order_updates_the_average_satisfaction(catalogue, contact):
    first = handle("400 boxes for 10 inch pizzas")
    handle_tap("rating:4", "4 - Good")
    handle("100 12oz cups")
    handle("5")
    summary = UserInteractionSummary.objects.get(user_id=first.session.user_id)
    assert (summary.avg_satisfaction, summary.satisfaction_count) == (4.5, 2)


def test_a_bare_number_is_not_taken_as_a_rating_when_none_was_asked(catalogue, contact):
    message = handle("hello")
    handle("5")
    summary = UserInteractionSummary.objects.get(user_id=message.session.user_id)
    assert (summary.satisfaction_count, summary.avg_satisfaction) == (0, None)


def test_an_explicit_rating_is_recorded_any_time(catalogue, contact):
    message = handle("5 stars, great service")
    summary = UserInteractionSummary.objects.get(user_id=message.session.user_id)
    assert (summary.satisfaction_count, summary.avg_satisfaction) == (1, 5.0)


# ------------------------------------------------------------------ failures


def test_a_failure_is_retried_then_answered_with_a_holding_reply_and_a_flag(
    catalogue, contact, monkeypatch, settings
):
    settings.ASSISTANT_MAX_ATTEMPTS = 3

    def broken(**kwargs):
        raise RuntimeError("database trouble")

    monkeypatch.setattr(order_services, "create_order", broken)
    message = inbound("Hi, we need 400 boxes for 10 inch pizzas")
    for _ in range(2):
        with pytest.raises(processing.RetryLater):
            assistant.handle_inbound(message.pk)
        assert assistant_messages(message) == []
    assistant.handle_inbound(message.pk)
    (holding,) = assistant_messages(message)
    assert holding.intent == "holding_reply"
    session = ConversationSession.objects.get(session_id=message.session_id)
    assert session.flagged_for_followup
    kept = ConversationMessage.objects.get(pk=message.pk)
    assert kept.content == "Hi, we need 400 boxes for 10 inch pizzas" and kept.processed_at
    assert Order.objects.count() == 0
    assistant.handle_inbound(message.pk)
    assert len(assistant_messages(message)) == 1


def test_a_failed_attempt_leaves_nothing_half_done_and_the_retry_succeeds(
    catalogue, contact, monkeypatch
):
    real_confirmation = assistant.replies.confirmation
    calls = []

    def flaky_confirmation(order):
        calls.append(order.number)
        if len(calls) == 1:
            raise ConnectionError("blip")
        return real_confirmation(order)

    monkeypatch.setattr(assistant.replies, "confirmation", flaky_confirmation)
    message = inbound("400 boxes for 10 inch pizzas")
    with pytest.raises(processing.RetryLater):
        assistant.handle_inbound(message.pk)
    assert Order.objects.count() == 0 and assistant_messages(message) == []
    assistant.handle_inbound(message.pk)
    assert Order.objects.count() == 1
    assert intents_of(assistant_messages(message)) == ["order_confirmation", "rating_request"]
