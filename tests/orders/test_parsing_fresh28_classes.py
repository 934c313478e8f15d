"""The older sets' English and Singlish classes (issue 19, p19y): "ctn x3" after a product is three
cartons; "1 ctn + 200 loose" is a carton and loose pieces of one product; a number said again in
digits in brackets ("five hundred (500)") is one number; a range of days ("3-4 Oct") is a date;
a crescent written "Cres" is a road; "if you have stock" is no condition on the item (every order
waits on stock), and "if not let me know" changes nothing; a price asked before the order, which
goes on "anyway", is no question the order waits on.
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import items_of

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
    parsed = parse_order("2 carton of the 8oz cups to 5 Ubi Cres")
    assert not parsed.doubt
    assert [(i.quantity, i.unit, i.size) for i in parsed.items] == [(2, "carton", "8 oz")]


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


# ------------------------------------------- a price asked, the order going on anyway


def test_a_price_asked_before_an_order_that_goes_on_anyway():
    parsed = parse_order("what's the price of the 1000ml box now? anyway pls send 300")
    assert not parsed.doubt
    assert [(i.quantity, i.size) for i in parsed.items] == [(300, "1000 ml")]


# ------------------------------------------- a pizza box's kind, read per line


def test_a_size_alone_takes_the_box_not_the_kind_of_the_line_beside_it():
    assert items_of('pls send 100 x 8", 50 x 14" and 300 of the white printed 10" boxes') == [
        ("box", 100, "8 inch"),
        ("box", 50, "14 inch"),
        ("white printed box", 300, "10 inch"),
    ]
    assert items_of('10" white box 200\n14" 50') == [
        ("white box", 200, "10 inch"),
        ("box", 50, "14 inch"),
    ]


def test_another_kind_takes_the_size_of_the_line_before():
    assert items_of("10 inch pizza box white one 100, kraft one 400") == [
        ("pizza box white", 100, "10 inch"),
        ("kraft pizza box", 400, "10 inch"),
    ]


# ------------------------------------------- a reference of several parts, a house number


def test_a_reference_of_several_lettered_parts_is_cut_out():
    parsed = parse_order("Please supply against PO No. KT-PO-5583:\n- napkins: 2 cartons")
    assert not parsed.doubt
    assert [(i.quantity, i.unit) for i in parsed.items] == [(2, "carton")]


@pytest.mark.parametrize(
    "text",
    [
        "need burger box 500 for the party at 17 Jalan Kayu tomorrow",
        "burger box 500 for our stall at 8 Ubi Road pls",
    ],
)
def test_a_house_number_after_at_leaves_the_order_line_before_it(text):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [i.quantity for i in parsed.items] == [500]


# ------------------------------------------- a product code without its dash


def test_a_product_code_without_its_dash_names_the_product():
    assert items_of("pb10w x 200, bx1000 x 600") == [
        ("white pizza box", 200, "10 inch"),
        ("kraft takeaway box", 600, "1000 ml"),
    ]
