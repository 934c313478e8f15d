"""fresh40 and fresh41's classes (issue 19): an order with a remark beside it. A complaint about
goods delivered before ("last time the lids got crushed, 1 ctn cannot use"; "yesterday short one
pack, add it next time") is no line of the order, its numbers what was spoilt or short; a side
question without a quantity of its own (the price of the whole order, whether the price went up,
an invoice, our stock or a restock, a product we may sell) orders nothing and raises no doubt,
beside items or beside the last order repeated. Before, each of these asked. (A remark that may
bear on the items, a condition, a change, a quantity with an ordering word, asks as before.)
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import ORDER_PLACEMENT, classify_intent
from orders.parsing import parse_order
from tests.orders.parsing_support import items_of

# ------------------------------------------- a complaint about an earlier delivery


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "last time the lids all crushed, 1 ctn cannot use. this time 16oz lid 1000 pls",
            [("lid", 1000, "16 oz")],
        ),
        (
            "napkin 3000 pls\nthe last batch of straws got 50 pcs broken, can replace or not",
            [("napkin", 3000, None)],
        ),
        (
            "burger box 400. the previous delivery the boxes very flimsy, customer complain",
            [("burger box", 400, None)],
        ),
        ("8oz cup 600. Last time you sent the wrong lid lah", [("cup", 600, "8 oz")]),
    ],
)
def test_a_complaint_about_an_earlier_delivery_is_no_line(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "16oz cup 800 pcs. yesterday straw short 1 pack, next time add ya",
            [("cup", 800, "16 oz")],
        ),
        ("纸袋五百个。昨天的货少了两包纸巾，下次补上就好", [("paper bag", 500, None)]),
        (
            "kotak burger 300. semalam straw kurang 1 pek, lain kali tambah ya",
            [("burger box", 300, None)],
        ),
    ],
)
def test_goods_short_yesterday_made_up_next_time_are_no_line(text, expected):
    assert items_of(text) == expected


def test_a_bill_of_last_month_with_a_count_is_no_line():
    assert items_of("12oz cup 2000. 上个月的账单多算了两箱纸巾，请查一下") == [
        ("cup", 2000, "12 oz")
    ]


# ------------------------------------------- a side question beside the order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin 4 ctn, straw 2 ctn. total how much ah", [("napkin", 4, None), ("straw", 2, None)]),
        ("need 1000ml box 500. price still same as last time?", [("box", 500, "1000 ml")]),
        ("paper bag small 800 pls. why the price go up again", [("paper bag small", 800, None)]),
        ("sip lid 12oz 1 ctn. how come the price increase ah", [("sip lid", 1, "12 oz")]),
        ("纸巾三箱。价格还是一样吗？", [("napkin", 3, None)]),
        ("napkin 2 carton. ஏன் விலை ஏறிடுச்சு?", [("napkin", 2, None)]),
    ],
)
def test_a_question_of_the_orders_price_beside_it_orders_the_items(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "pizza box 12 inch 200. btw the invoice still got the old price, pls check",
            [("pizza box", 200, "12 inch")],
        ),
        (
            "straw 2 ctn. can you resend the invoice for last week, cannot find",
            [("straw", 2, None)],
        ),
        ("杯子12安士一千个。上次的发票还没收到", [("cup", 1000, "12 oz")]),
    ],
)
def test_an_invoice_remark_beside_the_order_orders_the_items(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12oz cup 1500 n 12oz lid 1500. u got enough stock or not, next week busy", None),
        ("napkin 2 ctn. when you all restock the wooden spoon ah?", None),
        ("straw 3 ctn. last time say no stock", None),
        ("burger box 300, 1000ml box 300. eh u all got the 1500ml or not", None),
        ("burger box 2 carton. மூடியோட இருக்கற paper bowl விக்கிறீங்களா?", None),
    ],
)
def test_a_stock_or_product_question_beside_the_order_orders_the_items(text, expected):
    parsed = parse_order(text)
    assert parsed.items and not parsed.doubt


@pytest.mark.parametrize(
    "text",
    [
        "same as last order pls. boss wants to know if you have bamboo straw in stock.",
        "照上次一样。顺便问一下现在木餐具一箱多少钱？",
        "போன தடவை மாதிரியே அனுப்புங்க. napkin விலை இப்ப எவ்வளவு?",
        "repeat our usual order. and can you resend the March invoice",
    ],
)
def test_a_side_question_beside_the_last_order_again_repeats_it(text):
    parsed = parse_order(text)
    assert parsed.repeat_last and not parsed.doubt


def test_a_side_question_beside_the_order_is_an_order_to_the_classifier():
    assert classify_intent("napkin 4 ctn pls. price go up again ah?").intent == ORDER_PLACEMENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The last delivery the cups came wet, 1 carton cannot use.\n\nThis week: 12oz cup 1000",
            [("cup", 1000, "12 oz")],
        ),
        (
            "burger box 200. the boxes that came on Monday got a few torn",
            [("burger box", 200, None)],
        ),
    ],
)
def test_a_wet_or_torn_earlier_delivery_is_no_line(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Straw 2 ctn, napkin 1 ctn. Your driver last wk very late, pls come before 10",
        "12oz cup 1000. last time the lids tak fit leh",
        "8oz cup 2 ctn pls. the invoice still got the old price, can check?",
    ],
)
def test_an_order_with_a_remark_beside_it_is_an_order_to_the_classifier(text):
    assert classify_intent(text).intent == ORDER_PLACEMENT


@pytest.mark.parametrize(
    "text",
    [
        "need 14 inch pizza box 200 pcs, how much per pc ah?",
        "纸杯12安士要两箱，现在有货吗？",
        "Napkin ஒரு carton வேணும், stock இருக்கா?",
    ],
)
def test_items_ordered_with_their_price_or_stock_asked_are_an_order_that_asks(text):
    assert parse_order(text).doubt
    assert classify_intent(text).intent == ORDER_PLACEMENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("straw 4 ctn pls, last time order not enough", [("straw", 4, None)]),
        ("12oz cup 3000 pls. last week not enough, customers many", [("cup", 3000, "12 oz")]),
    ],
)
def test_an_earlier_order_not_enough_after_the_items_is_their_reason(text, expected):
    assert items_of(text) == expected


def test_the_same_as_the_last_order_in_tamil_repeats_it():
    assert parse_order("எப்பவும் போல, last order அதே மாதிரி அனுப்புங்க").repeat_last


def test_straws_gone_soft_last_time_beside_the_order_leave_it_an_order():
    text = "napkin 3 ctn, cup 12oz 1000. last time the straw very lembik, got other brand?"
    assert classify_intent(text).intent == ORDER_PLACEMENT
