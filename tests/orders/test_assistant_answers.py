"""Answers to our own questions (issue 19): "which one?" answers are answers, never ratings, and an
unsure reading of an order is confirmed with the buttons before anything is ordered."""

from decimal import Decimal

import pytest

from orders import assistant
from orders.models import Order
from tests.factories import OutletContactFactory, OutletFactory, ProductFactory
from tests.orders.support import PHONE, inbound, load_catalogue, replies_after

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    load_catalogue()
    return OutletContactFactory(phone=PHONE, outlet=OutletFactory(name="Napoli Pizza Bar"))


@pytest.fixture
def white_box():
    return ProductFactory(
        sku="PB-10W", name='10" pizza box, white printed', size='10"', unit_price=Decimal("0.42")
    )


def handle(text: str):
    message = inbound(text)
    assistant.handle_inbound(message.pk)
    message.refresh_from_db()
    return message


def test_a_digit_after_which_one_is_recorded_as_the_answer_and_orders_that_product(
    white_box, contact
):
    handle("400 x 10 inch pizza boxes")
    answer = handle("1")
    assert answer.intent == "order_placement"
    assert Order.objects.get().lines.get().quantity == 400


def test_a_product_name_after_which_one_picks_that_product(white_box, contact):
    handle("400 x 10 inch pizza boxes")
    handle("the white printed one")
    assert Order.objects.get().lines.get().product == white_box


def test_an_unsure_quantity_is_asked_with_buttons_and_yes_orders_it(contact):
    message = handle("12oz cup 1 or 2 ctn also can, u see how")
    assert Order.objects.count() == 0
    (question,) = replies_after(message)
    assert question.intent == "clarification_request"
    assert question.context["interactive"]["type"] == "button"
    handle("yes")
    assert Order.objects.get().lines.get().product.sku == "CUP-12"


def test_contact_details_in_an_order_are_not_echoed_back(contact):
    message = handle("my email is jane.doe@example.com and call 91234567, 200 cups 12oz")
    order = Order.objects.get()
    assert order.lines.get().quantity == 200
    for reply in replies_after(message):
        assert "jane" not in reply.content and "91234567" not in reply.content


@pytest.fixture
def small_cup():
    return ProductFactory(
        sku="CUP-8", name="8oz paper hot cup", size="8oz", unit_price=Decimal("0.06")
    )


@pytest.mark.parametrize("new_order", ["12oz cup 1500 pls", "வணக்கம், 12oz cup ஒன்றரை ஆயிரம் அனுப்புங்க"])
def test_a_new_order_in_another_size_is_no_yes_to_a_pending_question(small_cup, contact, new_order):
    # "the lids" of which cup line? Each line is confirmed, the 8oz cups first. A new order of
    # 12oz cups names a size the offered cup is not sold in: no yes to it, but the new order
    first = handle("8oz cup 2 ctn, 12oz cup 1000 and the lids")
    (question,) = replies_after(first)
    assert "8oz paper hot cup" in question.content
    handle(new_order)
    order = Order.objects.get()
    assert [(line.product.sku, line.quantity) for line in order.lines.all()] == [("CUP-12", 1500)]


def test_the_offered_size_in_a_reply_still_picks_it(white_box, contact):
    handle("400 x 10 inch pizza boxes")
    handle('the 10" white one')
    assert Order.objects.get().lines.get().product == white_box


def test_a_new_order_of_another_product_in_the_offered_size_is_no_yes(contact):
    # "did you mean 12oz paper hot cup?" pending; "12oz lid 1000" shares only the size's "oz"
    handle("12oz cup 3000, eh, 3500")
    handle("12oz lid 1000 pls")
    order = Order.objects.get()
    assert [(line.product.sku, line.quantity) for line in order.lines.all()] == [("LID-12", 1000)]
