"""fresh31, fresh32 and fresh35's classes (issue 19): spoken numbers with the one left out
("千五" is 1500, "万二" 12000: before, 1005 cups were ordered) and the spoken Tamil joining form
"ஆயிரத்தி" (before, "ஆயிரத்தி ஐநூறு" ordered 500); goods ordered before and asked about
("前天我们订的…会送到吗", "pesanan kami sampai bila?"), an addition in Malay or English to
yesterday's order written in Chinese ("昨天的 order add …") and "remove … from the order" are no new
order (before, each ordered its goods).
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import classify_intent
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- spoken numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8安士纸杯千五", [("paper cup", 1500, "8 oz")]),
        ("napkin 万二 pls", [("napkin", 12000, None)]),
        ("吸管百五支", [("straw", 150, None)]),
        ("16oz dome lid ஆயிரத்தி இருநூறு", [("dome lid", 1200, "16 oz")]),
    ],
)
def test_a_spoken_number_is_read_whole(text, expected):
    assert items_of(text) == expected


def test_a_number_with_its_nought_keeps_it():
    assert items_of("8安士纸杯一千零五个") == [("paper cup", 1005, "8 oz")]


# ------------------------------------------- an order placed before, asked about or changed


@pytest.mark.parametrize(
    "text",
    [
        "前天我们订的两箱吸管今天会送到吗？",
        "pesanan kami sampai bila? 2 karton straw tu",
        "our order arrive today? the 2 ctn straws",
    ],
)
def test_goods_ordered_before_and_asked_about_are_no_new_order(text):
    assert asks(text)
    assert classify_intent(text).intent == "order_status"


def test_an_addition_to_yesterdays_order_in_another_language_is_a_change():
    text = "昨天的 order add 2 ctn straw"
    assert asks(text)
    assert classify_intent(text).intent == "order_change"


def test_removing_goods_from_an_order_is_a_change():
    assert asks("pls remove the straws from my order\n> paper straw x 5000\n> napkin x 5000")
