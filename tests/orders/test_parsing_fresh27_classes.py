"""fresh27 and fresh28's classes (issue 19): an address that ate the order line beside it (after a
Chinese full stop, "大纸袋五百。送去…", and after a block number, "at Blk 85 16oz cup 1k": before,
those lines were dropped, a wrong order short of goods); "dome cover" is a lid and "vendaam" says
no ("lid vendaam": before, lids were ordered); "lid same qty" after a line with no product (before,
the lids took the line and its cups were lost, a wrong order) asks, unless the sentence before
said which product ran out; items added to this morning's or yesterday's order in Malay and Tamil
are a change of it; "half a carton unusable" is a damage report; an apology for the message
("sorry for the late msg") is no correction, and "— sorry, make that 3000" is one.
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- an address beside the order line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "纸杯12oz两千个，盖子两千个。送去Tampines St 81，找李先生",
            [("paper cup", 2000, "12 oz"), ("sip lid", 2000, "12 oz")],
        ),
        ("pls send to Blk 230 🙏 8oz paper cup 2k", [("paper cup", 2000, "8 oz")]),
    ],
)
def test_an_address_leaves_the_order_line_beside_it(text, expected):
    assert items_of(text) == expected


def test_an_address_without_goods_is_still_cut():
    assert parse_order("deliver to blk 12, thanks").is_empty


# ------------------------------------------- a cover is a lid, vendaam says no


def test_a_dome_cover_is_a_lid():
    assert items_of("16oz cold cup 500, the dome cover 500") == [
        ("cold cup", 500, "16 oz"),
        ("dome lid", 500, "16 oz"),
    ]


@pytest.mark.parametrize(
    "text", ["8oz cup 2000 venum, straw vendaam", "8oz cup 2000, straw venaam"]
)
def test_vendaam_says_no(text):
    assert items_of(text) == [("cup", 2000, "8 oz")]


# ------------------------------------------- the same amount after a line without product


def test_the_same_amount_after_a_line_without_product_asks():
    parsed = parse_order("8oz 1500, lid same qty")
    assert "a line without a product" in parsed.doubt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lids ran out. 16oz 1500 pls", [("lid", 1500, "16 oz")]),
        (
            "aiyo cup finish already. 8oz 1500, lid same qty",
            [("cup", 1500, "8 oz"), ("lid", 1500, "8 oz")],
        ),
    ],
)
def test_a_size_line_takes_the_product_that_ran_out(text, expected):
    assert items_of(text) == expected


def test_the_same_amount_after_a_product_line_keeps_its_reading():
    assert items_of("8oz cup 1500, lid same qty") == [("cup", 1500, "8 oz"), ("lid", 1500, "8 oz")]


# ------------------------------------------- an addition to an earlier order


@pytest.mark.parametrize(
    "text",
    [
        "tambah 2 karton straw dalam order semalam",
        "நேத்து order-ல இன்னும் 2 carton straw சேர்த்துக்குங்க",
    ],
)
def test_an_addition_to_an_earlier_order_asks(text):
    assert "an addition to an earlier order" in parse_order(text).doubt


def test_a_new_order_for_tomorrow_is_no_addition():
    parsed = parse_order("tambah 2 karton straw untuk esok")
    assert not parsed.doubt
    assert [(item.quantity, item.unit) for item in parsed.items] == [(2, "carton")]


# ------------------------------------------- half a carton damaged


def test_half_a_carton_damaged_is_a_damage_report():
    assert "a damage report" in parse_order("the 8oz cups came, half a carton damaged").doubt


# ------------------------------------------- an apology for the message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "sorry for the late msg, 12oz cup 1000 and lid 1000",
            [("cup", 1000, "12 oz"), ("lid", 1000, "12 oz")],
        ),
        ("sorry to disturb, 8oz cup 500 pls", [("cup", 500, "8 oz")]),
        ("napkin 3000 — sorry, make that 4000", [("napkin", 4000, None)]),
    ],
)
def test_an_apology_for_the_message_is_no_correction(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize("text", ["napkin 3000, sorry 4000 or 5000", "sorry, cups 2000 or 3000?"])
def test_a_correction_in_doubt_still_asks(text):
    assert asks(text)


# ------------------------------------------- a size in words after a quantity in words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before: "2012" cups without a size, and no order read at all
        ("two thousand twelve-ounce cups please", [("cup", 2000, "12 oz")]),
        ("three hundred ten inch pizza boxes", [("pizza box", 300, "10 inch")]),
        ("one thousand eight ounce lids", [("lid", 1000, "8 oz")]),
    ],
)
def test_a_size_in_words_after_a_quantity_in_words_is_the_size(text, expected):
    assert items_of(text) == expected


def test_a_quantity_in_words_without_a_size_after_it_is_read_whole():
    assert items_of("two thousand five hundred napkins") == [("napkin", 2500, None)]
