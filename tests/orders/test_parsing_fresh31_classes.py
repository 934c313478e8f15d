"""fresh31, fresh32 and fresh35's classes (issue 19): spoken numbers with the one left out
("千五" is 1500, "万二" 12000: before, 1005 cups were ordered) and the spoken Tamil joining form
"ஆயிரத்தி" (before, "ஆயிரத்தி ஐநூறு" ordered 500); goods ordered before and asked about
("前天我们订的…会送到吗", "pesanan kami sampai bila?"), an addition in Malay or English to
yesterday's order written in Chinese ("昨天的 order add …") and "remove … from the order" are no new
order (before, each ordered its goods).
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import classify_intent
from orders.parsing import parse_order
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


# ------------------------------------------- Singlish numbers: Hokkien, Cantonese, "1k5"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16oz cold cup si pah pls", [("cold cup", 400, "16 oz")]),
        ("napkin goh chieng", [("napkin", 5000, None)]),
        ("my ma say 750ml box yi baak", [("box", 200, "750 ml")]),
        ("straw 2k5 can", [("straw", 2500, None)]),
    ],
)
def test_hokkien_and_cantonese_numbers_are_quantities(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- voice transcriptions: spoken numbers, stall numbers


def test_a_stall_number_in_words_is_no_quantity_and_a_spoken_hundred_is_one():
    text = "hello this is uncle from stall twenty three, one thousand ml box two fifty"
    assert items_of(text) == [("box", 250, "1000 ml")]


def test_one_fifty_is_a_hundred_and_fifty():
    assert items_of("paper straw one fifty") == [("paper straw", 150, None)]


def test_the_number_of_a_market_is_no_quantity():
    assert items_of("8oz paper cup 1000 pcs. Ah Huat, Tekka 665 market") == [
        ("paper cup", 1000, "8 oz")
    ]


# ------------------------------------------- the last order, as Tamil and Chinese say it


@pytest.mark.parametrize("text", ["போன வாரம் மாதிரியே அனுப்புங்க, ஒரு மாற்றமும் இல்ல", "照之前的单送就好"])
def test_the_last_order_with_no_change_is_repeated(text):
    parsed = parse_order(text)
    assert parsed.repeat_last and not parsed.doubt
    assert classify_intent(text).intent == "order_placement"


# ------------------------------------------- bubble tea shops' shorthand


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("npkn 3,000pcs n strw 1 ctn", [("napkin", 3000, None), ("straw", 1, None)]),
        ("yo 16oz dom lid 500 thx", [("dome lid", 500, "16 oz")]),
    ],
)
def test_shorthand_product_words_and_glued_thousands(text, expected):
    assert items_of(text) == expected


def test_a_kind_said_no_to_is_no_second_kind():
    assert items_of("8oz paper cup 1k, lid also 1k. for hot kopi one not cold") == [
        ("paper cup", 1000, "8 oz"),
        ("sip lid", 1000, "8 oz"),
    ]


def test_what_a_bag_holds_is_no_line():
    assert items_of("small paper bag 500, can fit for 2 cups right") == [
        ("small paper bag", 500, None)
    ]


def test_the_day_of_an_order_forgotten_is_no_earlier_order():
    assert items_of("alamak forgot to order yesterday, napkin 2 ctn today pls") == [
        ("napkin", 2, None)
    ]


# ------------------------------------------- a quotation accepted, a table pasted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We accept your quotation, please proceed:\nItem | Qty | Unit price\n"
            "Burger box | 300 | 0.14\n8oz sip lid | 2000 | 0.03",
            [("burger box", 300, None), ("sip lid", 2000, "8 oz")],
        ),
        ("quotation ok, go ahead with 12oz paper cup 2000", [("paper cup", 2000, "12 oz")]),
        ("napkin 3 ctn as quoted", [("napkin", 3, None)]),
    ],
)
def test_a_quotation_accepted_is_an_order(text, expected):
    assert items_of(text) == expected
