"""The safety net end to end (issue 19): a message with something the parser did not account for
is asked about with the confirmation buttons, never ordered as read; a correction the parser reads
is ordered as corrected."""

import pytest

from conversations.models import ConversationMessage
from orders import assistant
from orders.models import Order
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import PHONE, inbound, load_catalogue, replies_after

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return load_catalogue()


@pytest.fixture
def contact():
    return OutletContactFactory(phone=PHONE, outlet=OutletFactory(name="Kopi Corner"))


def handle(text: str) -> ConversationMessage:
    message = inbound(text)
    assistant.handle_inbound(message.pk)
    message.refresh_from_db()
    return message


@pytest.mark.parametrize(
    "text",
    ["napkins 4000 oops", "napkins 4000, eh, 4500 pcs", "napkins 4000 see how"],
)
def test_an_order_with_a_leftover_is_confirmed_with_the_buttons(catalogue, contact, text):
    message = handle(text)
    assert Order.objects.count() == 0
    (question,) = replies_after(message)
    assert "napkin" in question.content.lower()
    buttons = question.context["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == ["confirm:yes", "confirm:no"]


def test_a_quantity_corrected_at_once_is_ordered_as_corrected(catalogue, contact):
    handle("napkins 4000 no sorry 5000 pls")
    order = Order.objects.get()
    assert [(line.product.sku, line.quantity) for line in order.lines.all()] == [("NAP-2", 5000)]


def test_a_question_shows_a_carton_line_in_cartons(catalogue, contact):
    # "(2)" alone would read as two cups; the customer wrote two cartons
    message = handle("12oz cup 2 ctn, napkins 4000 oops")
    assert Order.objects.count() == 0
    (question,) = replies_after(message)
    assert "(2 cartons)" in question.content


def test_a_half_carton_is_shown_as_written(catalogue, contact):
    message = handle("napkins 1.5 ctn oops")
    (question,) = replies_after(message)
    assert "(1.5 cartons)" in question.content
