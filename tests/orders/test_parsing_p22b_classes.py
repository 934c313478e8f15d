"""Short lines and lists, session 9, p22b: goods reported spoilt in a numbered complaint, a size in
ounces alone before a line with its own product, a bracketed "same as before" under a written list,
a delivery slot wished for beside a repeat, a slip corrected in the next sentence; and the intents
of short messages (a greeting abbreviated, an order's dispatch asked, the driver praised, goods gone
soggy or spilled, a change to an order sent, an item taken out of tomorrow's delivery, a new
address). Sentences written for this file."""

import pytest

from orders.intents import classify_intent
from orders.intents.labels import (
    COMPLAINT,
    GREETING,
    ORDER_CHANGE,
    ORDER_STATUS,
    OTHER,
    RATING,
)
from orders.parsing import parse_order
from tests.orders.parsing_support import asks


@pytest.mark.parametrize(
    "text",
    [
        "Hello, about Tuesday's delivery:\n1. 3 cartons of straws were soggy\n2. pls check",
        "last batch problem - 1 carton of our cups was crushed. what to do?",
    ],
)
def test_a_carton_of_goods_reported_spoilt_is_no_order_line(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "16oz 1500\n12oz cup 800\nthanks",
        "8oz 3000\n16oz lid 1000",
    ],
)
def test_a_size_in_ounces_alone_before_a_line_naming_its_own_product_asks(text):
    assert asks(text)


def test_a_bracketed_same_as_before_under_a_written_list_orders_the_list():
    parsed = parse_order("napkins 4 ctn\nburger boxes 600\n(same as last time)\nthx - Mei")
    assert not parsed.doubt
    assert not parsed.repeat_last
    assert [(item.product, item.quantity) for item in parsed.items] == [
        ("napkin", 4),
        ("burger box", 600),
    ]


def test_a_delivery_slot_wished_for_beside_a_repeat_is_no_condition_on_an_item():
    parsed = parse_order("Same as last week please, and a morning slot if you have one")
    assert parsed.repeat_last
    assert not parsed.doubt


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Need 4 ctn burger boxes. Sorry typo, 5 ctn", 5),
        ("napkin 3 ctn. oops not 3, 2 ctn only", 2),
    ],
)
def test_a_slip_corrected_in_the_next_sentence_replaces_the_quantity(text, quantity):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(item.quantity, item.unit) for item in parsed.items] == [(quantity, "carton")]


# ------------------------------------------- intents of short messages


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("gd afternoon boss", GREETING),
        ("the order we placed yesterday, has it been dispatched?", ORDER_STATUS),
        ("Has Friday's order gone out yet?", ORDER_STATUS),
        ("driver today so helpful, thank you 👍", RATING),
        ("delivery this month super fast. good job team", RATING),
        ("the 16oz cups this batch very thin, coffee 10 min already soggy", COMPLAINT),
        ("the 8oz lids cannot cover properly, two customers spilled their tea", COMPLAINT),
        ("For the order we sent on Tuesday, make the napkins 3000 instead of 2000", ORDER_CHANGE),
        (
            "Hi, for tomorrow's delivery\npls remove the straws\nrest ok",
            ORDER_CHANGE,
        ),
        ("Hi, from Monday please deliver to our new address\n8 Ubi Road #02-11\nThanks", OTHER),
    ],
)
def test_short_messages_get_their_intent(text, intent):
    assert classify_intent(text).intent == intent
