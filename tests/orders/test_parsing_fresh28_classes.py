"""The older sets' English and Singlish classes (issue 19, p19y): "ctn x3" after a product is three
cartons; "1 ctn + 200 loose" is a carton and loose pieces of one product; a number said again in
digits in brackets ("five hundred (500)") is one number; a range of days ("3-4 Oct") is a date;
a crescent written "Cres" is a road; "if you have stock" is no condition on the item (every order
waits on stock), and "if not let me know" changes nothing; a price asked before the order, which
goes on "anyway", is no question the order waits on.
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- the count of cartons after the unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kraft bag small ctn x3 pls", [("kraft bag small", 3, None, "carton")]),
        (
            "napkin carton x 1, straw ctn x2",
            [("napkin", 1, None, "carton"), ("straw", 2, None, "carton")],
        ),
    ],
)
def test_cartons_counted_after_the_unit(text, expected):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(i.product, i.quantity, i.size, i.unit) for i in parsed.items] == expected


@pytest.mark.parametrize("text", ["napkin 5000/ctn x 2", "straw 1 ctn x 3"])
def test_a_pack_size_or_a_count_before_the_unit_still_asks(text):
    assert asks(text)


# ------------------------------------------- a carton and loose pieces


def test_a_carton_and_loose_pieces_are_one_product():
    parsed = parse_order("8oz lids 2 ctn + 300 loose pls")
    assert not parsed.doubt
    assert [(i.quantity, i.unit) for i in parsed.items] == [(2, "carton"), (300, "pcs")]
    assert {(i.product, i.size) for i in parsed.items} == {("lid", "8 oz")}


# ------------------------------------------- a number said again in brackets


@pytest.mark.parametrize(
    "text", ["straws five thousand (5000) for friday", "paper straw 5000 (5000) pls"]
)
def test_a_number_said_again_in_brackets_is_one_number(text):
    assert items_of(text) == [("paper straw" if "paper" in text else "straw", 5000, None)]


def test_two_different_numbers_in_brackets_still_ask():
    assert asks("paper straw 5000 (4000) pls")


# ------------------------------------------- a range of days, a crescent


@pytest.mark.parametrize(
    "text",
    [
        "food fair 3-4 Oct, need napkin 3000",
        "for the fair on Oct 3 to 4: napkin 3000",
    ],
)
def test_a_range_of_days_is_a_date(text):
    assert [(q, s) for _, q, s in items_of(text)] == [(3000, None)]


def test_a_crescent_is_a_road():
    assert items_of("8oz cup 500, send to 12 Kaki Bukit Cres pls") == [("cup", 500, "8 oz")]


# ------------------------------------------- our stock, no condition on the item


@pytest.mark.parametrize(
    "text",
    [
        "If you have stock pls send 2 cartons of 12oz lids. If not let me know",
        "if got stock can deliver burger box 600 on mon",
    ],
)
def test_our_stock_is_no_condition_on_the_item(text):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert len(parsed.items) == 1


@pytest.mark.parametrize(
    "text",
    [
        "12oz cup 2000, if got the 16oz better",
        "if you have stock send 12oz cup 2 ctn, if not send 16oz cup 2 ctn",
    ],
)
def test_another_item_on_a_condition_still_asks(text):
    assert asks(text)


# ------------------------------------------- a price asked, the order going on anyway


def test_a_price_asked_before_an_order_that_goes_on_anyway():
    parsed = parse_order("what's the price of the 1000ml box now? anyway pls send 300")
    assert not parsed.doubt
    assert [(i.quantity, i.size) for i in parsed.items] == [(300, "1000 ml")]


def test_a_price_asked_before_an_order_still_asks():
    assert asks("what's the price of the 1000ml box now? pls send 300")
