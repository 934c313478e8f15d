"""fresh36, fresh37 and fresh38's classes (issue 19): an earlier season's order quoted, then
"double that" ("last CNY we took 2 ctn ..., this year double": before, the 2 cartons quoted were
ordered, a wrong order) orders twice the one item quoted, and asks when the quoted part is more than
one item; goods "not same as last time" are compared with an earlier order, no repeat of it (before,
a complaint about thin napkins repeated the last order: a wrong order); the outlets an order is for
and their names before a dash are no lines nor product words; greetings of the season, "2x our
usual", "pls dun late", a line added late are no lines nor corrections; "750 box 600 pcs" and sizes
each with its quantity are read; the last order again in Malay and Tamil; the season's greetings are
a greeting, and items whose count our stock decides an order; a quantity "for each outlet" with the
outlets named is once per outlet.
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import GREETING, ORDER_PLACEMENT, classify_intent
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
    assert asks("clamshell and cup 300")  # two products under one quantity still ask


# ------------------------------------------- the outlets an order is for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "8oz cup 2000\nsip lid 8oz 2000\nthat's for our 5 outlets together, send to HQ",
            [("cup", 2000, "8 oz"), ("sip lid", 2000, "8 oz")],
        ),
        (
            "Order for all 3 branches:\n- napkins 6000\n- paper straws 3000",
            [("napkin", 6000, None), ("paper straw", 3000, None)],
        ),
        (
            "Untuk 4 cawangan sekali: straw kertas 2 karton, napkin 5000",
            [("straw paper", 2, None), ("napkin", 5000, None)],
        ),
        (
            "மூணு கடைக்கும் சேர்த்து: 12oz cup 3000, lid 3000",
            [("cup", 3000, "12 oz"), ("lid", 3000, "12 oz")],
        ),
    ],
)
def test_a_count_of_outlets_beside_the_lines_is_no_line(text, expected):
    assert items_of(text) == expected
    assert asks("napkins 2000 for our 3 outlets")  # inside a line of goods: 2000 or 6000?


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Order for 2 shops:\nToa Payoh - 12oz cup 1000\nYishun — napkin 2000",
            [("cup", 1000, "12 oz"), ("napkin", 2000, None)],
        ),
        (
            "Jurong East - kotak pizza 10 inci 200\nSembawang - beg kertas kecil 500",
            [("pizza box", 200, "10 inch"), ("paper bag small", 500, None)],
        ),
    ],
)
def test_an_outlets_name_before_a_dash_is_no_product_word(text, expected):
    assert items_of(text) == expected
    # a line of goods before a dash keeps its product
    assert items_of("Napkins - 3 ctn\nStraws - 1 ctn") == [("napkin", 3, None), ("straw", 1, None)]


# ------------------------------------------- the quantities compared with the usual order


@pytest.mark.parametrize(
    "text",
    [
        "12oz cup - 6 ctn\nsip lid 12oz - 6 ctn\nfestive week, 3x our usual",
        "12oz cup 6 ctn, sip lid 12oz 6 ctn. School holidays, about 2x my usual",
    ],
)
def test_a_multiple_of_the_usual_beside_the_lines_is_no_line(text):
    assert items_of(text) == [("cup", 6, "12 oz"), ("sip lid", 6, "12 oz")]


# ------------------------------------------- a delivery asked not to be late, an apology said twice


def test_asking_the_delivery_not_to_be_late_changes_no_order():
    assert items_of("napkin 3 ctn. new year eve rush, pls dun late ah") == [("napkin", 3, None)]


def test_a_correction_with_the_apology_said_twice_is_read():
    assert items_of("8oz cup 2 ctn eh no 3 ctn sorry sorry") == [("cup", 3, "8 oz")]


# ------------------------------------------- greetings of the season, lines added late


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Salam Aidilfitri bos, maaf zahir dan batin. Hantar napkin 2 karton ya",
            [("napkin", 2, None)],
        ),
        ("Selamat hari raya! maaf zahir batin, 12oz cup 1000 pls", [("cup", 1000, "12 oz")]),
    ],
)
def test_a_raya_greeting_is_no_apology_for_a_slip(text, expected):
    assert items_of(text) == expected


def test_a_line_added_late_with_an_apology_is_no_correction():
    assert items_of("8oz cup 1000\nsorry also 12oz 500 forgot just now") == [
        ("cup", 1000, "8 oz"),
        ("cup", 500, "12 oz"),
    ]


# ------------------------------------------- a box's size before its name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1000 box 300 pcs pls", [("box", 300, "1000 ml")]),
        ("750 container 2 ctn, napkin 1000", [("container", 2, "750 ml"), ("napkin", 1000, None)]),
    ],
)
def test_a_boxs_size_before_its_name_and_a_quantity_with_its_unit_after(text, expected):
    assert items_of(text) == expected
    assert asks("750 box 3 hundred")  # 750 boxes, or 750ml ones? still a question


# ------------------------------------------- the last order again, in Malay and Tamil


@pytest.mark.parametrize(
    "text",
    ["Hantar sama dengan last time ye bang", "last month order மாதிரியே போடுங்க"],
)
def test_the_last_order_again_is_a_repeat(text):
    parsed = parse_order(text)
    assert parsed.repeat_last and not parsed.doubt


# ------------------------------------------- sizes each with its quantity, the product named once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "10寸 3箱 12寸 200个 披萨盒",
            [("pizza box", 3, "10 inch"), ("pizza box", 200, "12 inch")],
        ),
        (
            "8oz 1 ctn 12oz 500 pcs hot cup pls",
            [("hot cup", 1, "8 oz"), ("hot cup", 500, "12 oz")],
        ),
        (
            "750ml 2 karton 1000ml 300 keping bekas makanan",
            [("takeaway box", 2, "750 ml"), ("takeaway box", 300, "1000 ml")],
        ),
    ],
)
def test_sizes_each_with_its_quantity_then_the_product_are_a_line_each(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- intents: season's greetings, counts our stock decides


@pytest.mark.parametrize(
    "text",
    [
        "Merry Xmas to everyone at the warehouse! 🎄",
        "Happy Chinese New Year boss, huat ah!",
        "圣诞快乐！明年继续合作",
        "எல்லாருக்கும் பொங்கல் நல்வாழ்த்துக்கள்!",
    ],
)
def test_the_seasons_greetings_are_a_greeting(text):
    assert classify_intent(text).intent == GREETING


@pytest.mark.parametrize(
    "text",
    [
        "napkin 3 or 4 ctn, check how much stock you have",
        "纸巾三箱或四箱，看看你们有多少货",
        "straw kertas 2 atau 3 karton, tengok stok ada berapa",
    ],
)
def test_items_whose_count_our_stock_decides_are_an_order_that_asks(text):
    assert classify_intent(text).intent == ORDER_PLACEMENT
    assert asks(text)


# ------------------------------------------- a quantity for each outlet named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pls send 2 ctn napkins for each outlet - Serangoon, Hougang and Punggol.",
            [("napkin", 6, None)],
        ),
        ("8oz cup 500 for every branch (Tiong Bahru & Redhill)", [("cup", 1000, "8 oz")]),
    ],
)
def test_a_quantity_for_each_outlet_named_is_once_per_outlet(text, expected):
    assert items_of(text) == expected
    assert asks("8oz cup 500 for every branch")  # how many branches?
    assert asks("cups 500 and lids 300 for each outlet: Bedok and Changi")  # which is per outlet?
