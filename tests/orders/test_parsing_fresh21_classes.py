"""fresh21 and fresh22's classes (issue 19): a change of today's order in Tamil, whose "not 2, make
it 3" was read as a slip corrected inside a new order (a wrong order), a question about what the
goods bear and a "shipped yet?" question quoting the order (wrong orders) now ask; the Tamil usual
order is a repeat; "8oz and 12oz cups with lids, N each" orders every size (before, the first
only: a wrong order); an earlier order quoted before this time's quantity ("last time 2 ctn of
12oz cups, this time 3 ctn"); a container's size written without ml ("takeaway box 750 2 ctn,
1000 1 ctn"); pizza box lines by the inch where one names the box.
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- an order placed earlier, changed or asked about


@pytest.mark.parametrize(
    "text",
    [
        "இன்னைக்கு order-ல napkin 1 carton இல்ல, 2 carton ஆக மாத்துங்க",
        "today's order the 8oz cups 2 ctn, pls change to 4 ctn",
        "今天的单 12寸披萨盒改成三百个",
    ],
)
def test_a_change_of_an_order_placed_asks(text):
    assert asks(text)
    assert "a change" in parse_order(text).doubt


@pytest.mark.parametrize(
    "text",
    [
        "我的纸巾出了没有？订单是两箱",
        "16oz cold cup 2 ctn 出货了吗",
    ],
)
def test_a_shipped_yet_question_quoting_the_order_asks(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "the small kraft bag can tahan how heavy? my stall pack 4 bottles of soya milk",
        "your 1000ml box can take hot curry? we fill 800 portions a day",
        "how strong is the large bag ah? 3 packet rice inside ok?",
    ],
)
def test_a_question_about_what_the_goods_bear_asks(text):
    assert asks(text)


def test_a_self_correction_in_tamil_is_still_read():
    # no earlier order named: the slip is corrected inside this order
    assert items_of("napkin 2 carton இல்ல, 3 carton ஆக மாத்துங்க") == [("napkin", 3, None)]


# ------------------------------------------- the Tamil usual order


@pytest.mark.parametrize(
    "text",
    [
        "வழக்கம் போல அனுப்புங்க, வெள்ளி காலை",
        "as usual, friday morning",
        "வழக்கமான ஆர்டர் அனுப்புங்க",
    ],
)
def test_the_usual_order_is_a_repeat(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert not parsed.doubt


def test_the_usual_order_with_an_item_asks():
    parsed = parse_order("வழக்கமான order, கூட 2 ctn napkin")
    assert parsed.changes_last_order


def test_a_remark_as_usual_is_no_repeat():
    assert not parse_order("PayNow as usual, friday").repeat_last


# ------------------------------------------- every size of a product and its companion, N each


def test_two_sizes_of_cups_with_lids_each():
    assert items_of("send 12oz and 16oz cups with lids, 500 each pls") == [
        ("cup", 500, "12 oz"),
        ("lid", 500, "12 oz"),
        ("cup", 500, "16 oz"),
        ("lid", 500, "16 oz"),
    ]


def test_one_size_of_cups_and_lids_each_as_before():
    assert items_of("8oz cups and lids 2000 each") == [("cup", 2000, "8 oz"), ("lid", 2000, "8 oz")]


# ------------------------------------------- an earlier order quoted, then this time's quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Last week we ordered 1 ctn of 16oz cups. This week 2 ctn pls",
            [("cup", 2, "16 oz")],
        ),
        ("上次拿了三箱纸巾，这次要五箱", [("napkin", 5, None)]),
        ("Bulan lepas ambil beg kecil 500, habis. Bulan ni nak 1000", [("bag small", 1000, None)]),
        ("போன தடவை straw 1 ctn, இந்த தடவை 2 ctn", [("straw", 2, None)]),
        # this time names its own product: the quoted order only goes
        ("last time 2 ctn 8oz cups, this time 3 ctn 8oz lids", [("lid", 3, "8 oz")]),
    ],
)
def test_this_times_quantity_of_the_order_quoted(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # two products quoted: this time's quantity of which?
        "last time 8oz cups 2 ctn and 12oz cups 1 ctn. this time 3 ctn",
        # no quantity this time
        "last week 12oz cups 2 ctn, this time more pls",
    ],
)
def test_an_earlier_order_quoted_without_one_reading_asks(text):
    assert asks(text)


# ------------------------------------------- container sizes without ml


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "takeaway container 1000 3 ctn, 750 1 ctn",
            [("takeaway container", 3, "1000 ml"), ("takeaway container", 1, "750 ml")],
        ),
    ],
)
def test_container_sizes_are_read(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize("text", ["1000ml 2 ctn, 750ml 1 ctn", "1000ml 2 ctn, small bag 500"])
def test_an_ml_size_without_a_product_still_asks(text):
    assert asks(text)  # the parser does not guess the product from a size (dev-sg-027)


# ------------------------------------------- pizza box lines by the inch


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "12 inch kraft boxes 200, and the white printed 12 inch 100",
            [("kraft box", 200, "12 inch"), ("white printed box", 100, "12 inch")],
        ),
        ("14 inci putih bercetak 1 karton", [("white printed pizza box", 1, "14 inch")]),
    ],
)
def test_inch_lines_where_one_names_the_box(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a kind alone does not borrow a type of another measure


@pytest.mark.parametrize(
    "text",
    [
        "10 inch white 200, napkin 1 ctn",
        "10 inch white 200, 8oz cup 500",
        "12in kraft 100, straw 1 ctn",
    ],
)
def test_a_kind_with_inches_takes_no_type_sold_otherwise(text):
    """Before, the line took the next line's type: '10 inch white napkin', '10 inch white cup'."""
    first = parse_order(text).items[0]
    assert first.size.endswith("inch") and not set(first.product.split()) & {
        "napkin",
        "cup",
        "straw",
    }


def test_a_kind_still_takes_the_type_of_its_own_measure():
    assert [
        item.product for item in parse_order("12 inch white 100, 14 inch pizza box 50").items
    ] == [
        "white pizza box",
        "pizza box",
    ]
