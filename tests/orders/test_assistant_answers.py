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
