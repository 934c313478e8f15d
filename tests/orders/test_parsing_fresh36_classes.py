"""fresh36, fresh37 and fresh38's classes (issue 19): an earlier season's order quoted, then
"double that" ("last CNY we took 2 ctn ..., this year double": before, the 2 cartons quoted were
ordered, a wrong order) orders twice the one item quoted, and asks when the quoted part is more than
one item; goods "not same as last time" are compared with an earlier order, no repeat of it (before,
a complaint about thin napkins repeated the last order: a wrong order).
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- double an earlier order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Last Hari Raya we ordered 2 ctn of 750ml boxes and they ran out. Double that pls",
            [("box", 4, "750 ml")],
        ),
        ("last cny took 1500 12oz cups, this cny double pls", [("cup", 3000, "12 oz")]),
        ("去年中秋拿了三箱纸巾，今年要翻倍", [("napkin", 6, None)]),
        (
            "tahun lepas ambil 500 beg kertas besar, tahun ni nak dua kali ganda",
            [("paper bag large", 1000, None)],
        ),
        ("போன வருஷம் straw 3 carton வாங்கினோம். இந்த தடவை double வேணும்", [("straw", 6, None)]),
    ],
)
def test_double_an_earlier_seasons_order_is_twice_its_one_item(text, expected):
    assert items_of(text) == expected


def test_double_an_earlier_order_of_two_items_asks():
    assert asks("last year we took 2 ctn cups and 1 ctn lids, this year double")


# ------------------------------------------- not the same as last time


@pytest.mark.parametrize(
    "text",
    [
        "the straws this batch softer, not same as last time",
        "cups you sent not the same as before leh, thinner",
        "kotak kali ni bukan sama macam last time, lembik",
    ],
)
def test_goods_not_the_same_as_last_time_repeat_no_order(text):
    assert parse_order(text).is_empty


# ------------------------------------------- the burger clamshell box is one product


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("burger clamshell box 300, napkin 2000", [("burger clamshell box", 300, None)]),
        (
            "need 1 ctn paper bag + clamshell burger boxes 400pcs",
            [("clamshell burger box", 400, None)],
        ),
    ],
)
def test_a_burger_clamshell_box_is_one_product(text, expected):
    assert [item for item in items_of(text) if "clamshell" in item[0]] == expected


def test_a_clamshell_and_a_cup_under_one_quantity_still_ask():
    assert asks("clamshell and cup 300")
