"""fresh42's classes (issue 19): quantities written in the many ways people use.

"Top up to" a count is how much the shop wants to have: with the one count of the goods left said
before it ("straw left 2000, top up to 10000") the difference is ordered, and without it the parser
asks (before, "top up our cups to 3000" ordered 3000: a wrong order). A count of outlets, then a
quantity "each" ("our 3 outlets, 500 bags each", "2 cawangan, setiap satu nak 300",
"三间分店，每间两百个") is once per outlet (before, the count was dropped as a heading and 500
ordered: a wrong order); more than one quantity for each outlet asks. "Almost" a count is no count
to order, and goods added to an order named in Tamil letters ("ஆர்டரில்") are a change. A total
with its breakdown ("total 5 ctn cup - 3 ctn 12oz, 2 ctn 8oz", "杯子总共四千个：12安士三千，
8安士一千") is no line when its parts add up to it, and asks when they do not (before, the total
and its parts were both read, and the parser asked). Dozens in Chinese, Tamil and Malay ("三打",
"மூன்று டஜன்", "3 lusin") are twelve each. Pieces, then the one carton they make in brackets
("burger box 250 (1 ctn)") are the pieces, as "1 ctn (250 pcs)" was; "2 n half ctn" is five half
cartons. Goods that came "in good order" are no order, and "ஆர்டர் confirm ஆச்சா?" (is the order
confirmed?) is a status question, and "deliver to our Jurong outlet instead" a delivery question.
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import DELIVERY_QUERY, ORDER_STATUS, OTHER, classify_intent
from orders.parsing import HALF_CARTON, parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- top up to a count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16oz cups only 500 left, pls top up to 2000", [("cup", 1500, "16 oz")]),
        ("Napkins remaining 3000. Can top up to 8000?", [("napkin", 5000, None)]),
        ("sudu kayu tinggal 200, tambah sampai 1000 ya", [("spoon wooden", 800, None)]),
        ("吸管只剩两千支了，补到八千", [("straw", 6000, None)]),
        ("napkin 1000 தான் இருக்கு, 6000 வரை top up பண்ணுங்க", [("napkin", 5000, None)]),
    ],
)
def test_top_up_to_a_count_orders_what_is_missing_from_the_count_left(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "pls top up the 16oz cups to 2000",
        "boleh tambah straw kertas sampai 4000?",
        "napkin帮我补到一万",
        # the count left in cartons, the count wanted in pieces: which is it?
        "tinggal 1 karton cawan 12oz, tolong tambah sampai 3000",
        # more left than wanted
        "straw tinggal 5000, tambah sampai 3000",
    ],
)
def test_top_up_to_a_count_without_the_count_left_asks(text):
    assert asks(text)


# ------------------------------------------- a count of outlets, a quantity for each


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We have 4 outlets - 2 ctn of 12oz cups each, all to the Yishun kitchen",
            [("cup", 8, "12 oz")],
        ),
        (
            "kedai kami ada 3 cawangan, setiap satu nak 400 straw kertas",
            [("straw paper", 1200, None)],
        ),
        ("我们两家店，每家要三百个汉堡盒", [("burger box", 600, None)]),
        ("2 shop each 1000 napkin pls", [("napkin", 2000, None)]),
        ("எங்கள் 2 கடைகளுக்கும் தலா 300 burger box வேண்டும்", [("burger box", 600, None)]),
    ],
)
def test_a_quantity_for_each_of_the_outlets_counted_is_once_per_outlet(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # each of two lines for every outlet, or the two lines in all?
        "our 3 outlets (Bedok, Yishun, Tampines) - 500 napkins and 2 ctn 12oz cups each",
        "kedai kami ada 3 cawangan, setiap satu nak 300 kotak 750ml dan 200 straw",
    ],
)
def test_more_than_one_quantity_for_each_of_the_outlets_counted_asks(text):
    assert asks(text)


# ------------------------------------------- "almost" a count; an addition in Tamil letters


@pytest.mark.parametrize(
    "text",
    [
        "the 16oz lids yesterday cannot close, nearly half a carton",
        "cawan 8oz semalam kemek, hampir 200",
        "the napkins got wet in the rain, almost 2 ctn",
    ],
)
def test_almost_a_count_is_no_quantity_to_order(text):
    assert asks(text)


def test_goods_added_to_an_order_named_in_tamil_letters_is_a_change():
    assert asks("நேற்று கொடுத்த ஆர்டரில் 500 napkin சேர்த்துக்கோங்க")


# ------------------------------------------- a total with its breakdown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "kraft box total 3 ctn - 2 ctn 750ml, 1 ctn 1000ml",
            [("kraft box", 2, "750 ml"), ("kraft box", 1, "1000 ml")],
        ),
        (
            "lids total 1500: 1000 x 12oz, 500 x 16oz",
            [("lid", 1000, "12 oz"), ("lid", 500, "16 oz")],
        ),
        (
            "披萨盒一共五箱：12寸三箱，14寸两箱",
            [("pizza box", 3, "12 inch"), ("pizza box", 2, "14 inch")],
        ),
    ],
)
def test_a_total_is_no_line_when_its_parts_add_up_to_it(text, expected):
    got = [(product, quantity, size) for product, quantity, size in items_of(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "total 6 ctn cups - 3 ctn 12oz, 2 ctn 16oz",
        "straw total 3000: 1000 paper, 1000 plastic",
    ],
)
def test_a_total_its_parts_do_not_add_up_to_asks(text):
    assert asks(text)


# ------------------------------------------- dozens in Chinese, Tamil and Malay


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("木制餐具两打", [("wooden cutlery", 24, None)]),
        ("burger box நான்கு டஜன் அனுப்புங்க", [("burger box", 48, None)]),
        ("nak 3 lusin kotak burger", [("burger box", 36, None)]),
    ],
)
def test_dozens_in_chinese_tamil_and_malay_are_twelve_each(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- one carton in brackets; "2 n half ctn"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paper straw 5000 (1 ctn) pls", [("paper straw", 5000, None)]),
        ("纸巾 3000张（一箱）", [("napkin", 3000, None)]),
    ],
)
def test_pieces_then_the_one_carton_they_make_in_brackets_are_the_pieces(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("16oz cup 3 n half ctn pls", 7), ("straw kertas 1 & half carton", 3)],
)
def test_a_number_n_half_a_carton_is_counted_in_half_cartons(text, quantity):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(item.quantity, item.unit) for item in parsed.items] == [(quantity, HALF_CARTON)]


# ------------------------------------------- intents: "in good order", a Tamil status question


@pytest.mark.parametrize(
    "text",
    ["Got the 2 ctn of lids today, all in good order. Thanks!", "napkins came in perfect order tq"],
)
def test_goods_that_came_in_good_order_are_no_order(text):
    assert classify_intent(text).intent == OTHER


@pytest.mark.parametrize("text", ["நேத்து போட்ட ஆர்டர் confirm ஆச்சா?", "ஆர்டர் confirm ஆகிடுச்சா?"])
def test_whether_an_order_is_confirmed_in_tamil_is_a_status_question(text):
    assert classify_intent(text).intent == ORDER_STATUS


@pytest.mark.parametrize(
    "text",
    [
        "can deliver to our Yishun shop instead of Tampines tomorrow?",
        "deliver them to Bedok instead pls",
    ],
)
def test_delivering_somewhere_else_instead_is_a_delivery_question(text):
    assert classify_intent(text).intent == DELIVERY_QUERY
