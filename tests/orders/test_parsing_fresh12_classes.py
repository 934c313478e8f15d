"""fresh12's classes (issue 19, p19n): a mall unit number ('B1-23') in an address, the Malay
'ktn', the lid of a hot (cold) drink cup in Chinese, a 'lid for cold cup' companion, a line in
brackets that says no, another size 'the same amount', a few boxes of goods as cartons and a price
already agreed. Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ----------------------------------------------- a mall unit number is an address


@pytest.mark.parametrize(
    "text",
    [
        "same as last order pls, deliver to Bedok Mall B1-07",
        "repeat my usual order, we are at #B2-15 Northpoint",
        "same order as last time, shop at L3-12A",
    ],
)
def test_a_mall_unit_number_is_no_quantity(text):
    parsed = parse_order(text)
    assert parsed.repeat_last and not parsed.items and not parsed.doubt


def test_a_quantity_beside_a_mall_unit_is_still_read():
    assert quantities("napkin 3000 to B1-07 thanks") == [3000]


# ---------------------------------------------------------------- Malay 'ktn' is a carton


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cawan 12oz 3 ktn", [("cup", 3, "carton")]),
        ("tolong hantar 2 ktn straw", [("straw", 2, "carton")]),
    ],
)
def test_ktn_is_a_carton(text, expected):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(i.product, i.quantity, i.unit) for i in parsed.items] == expected


def test_a_small_count_without_a_unit_still_asks():
    assert asks("cawan 12oz 3")


# ------------------------------------------------ 热饮杯盖 / 冷饮杯盖: a lid, not a cup and a lid


def test_the_lid_of_a_hot_drink_cup_takes_the_cups_size():
    assert items_of("12oz热饮纸杯 3千\n热饮杯盖 3千") == [
        ("hot paper cup", 3000, "12 oz"),
        ("hot lid", 3000, "12 oz"),
    ]


def test_a_cold_drink_cup_lid_is_a_cold_lid():
    assert items_of("冷饮杯盖 两千") == [("cold lid", 2000, None)]


def test_a_cup_and_a_lid_named_apart_keep_their_reading():
    assert items_of("热饮杯 1000, 盖子 1000") == [("hot cup", 1000, None), ("lid", 1000, None)]


# ------------------------------------------ 'lid for cold cup, same amt' is the cups' lid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "16oz cold cup 3 ctn, lid for the cold cup same amount",
            [("cold cup", 3, "16 oz"), ("cold cup lid", 3, "16 oz")],
        ),
        (
            "12oz hot cup 1500, lids for hot cup same qty",
            [("hot cup", 1500, "12 oz"), ("hot cup lid", 1500, "12 oz")],
        ),
    ],
)
def test_a_lid_for_the_cups_after_a_cup_line_is_their_companion(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "16oz hot cup 1000, hot cup lid 1000",  # a cup and a lid, or a lid? still asks
        "8oz cup 500, 12oz cup 800, lid for cups same amount",  # the lids of which line?
        "cold cup 2 ctn, napkin for the cold cup same amt",  # no lid: how many napkins?
    ],
)
def test_a_lid_of_unclear_lines_or_a_cup_and_lid_still_ask(text):
    assert asks(text)


# ------------------------------------------------------------- '(no straws this time)'


def test_a_line_in_brackets_that_says_no_is_no_item():
    assert items_of("Order:\n- 12oz cup 1000\n- napkin 3000\n(no lids this round)") == [
        ("cup", 1000, "12 oz"),
        ("napkin", 3000, None),
    ]


def test_a_no_in_brackets_that_corrects_still_asks():
    assert asks("napkin 3000\n(no, change to 4000)")


# ------------------------------------------------- another size 'the same amount'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "takeaway box 750ml 400 pcs, 1000ml same amount",
            [("takeaway box", 400, "750 ml"), ("takeaway box", 400, "1000 ml")],
        ),
        (
            "bekas 1000ml tiga ratus, 750ml pun sama",
            [("container", 300, "1000 ml"), ("container", 300, "750 ml")],
        ),
        (
            "paper bowl 500ml 600, 750ml also same",
            [("paper bowl", 600, "500 ml"), ("paper bowl", 600, "750 ml")],
        ),
    ],
)
def test_another_size_the_same_amount_is_that_size_in_that_quantity(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "750ml box 500, 1000ml",  # no quantity said for the other size
        "8oz cup 1000, 12oz cup 500, 16oz same amount",  # the amount of which line?
        "12oz cup 1000, napkins same amount",  # another product: still confirmed
    ],
)
def test_another_size_without_its_quantity_or_of_two_lines_still_asks(text):
    assert asks(text)


def test_also_same_as_last_time_is_no_same_amount():
    assert "same amount" not in " ".join(i.product for i in parse_order("12oz cup 800").items)
    assert asks("12oz cup 800, lid also same as last time")


# ------------------------------------------------------- a few boxes of goods are cartons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("send 4 box 8oz cup pls", [("cup", 4, "box")]),
        ("3 boxes napkins tmr", [("napkin", 3, "box")]),
    ],
)
def test_a_few_boxes_of_goods_are_its_cartons(text, expected):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(i.product, i.quantity, i.unit) for i in parsed.items] == expected


@pytest.mark.parametrize(
    "text",
    [
        "500 box 8oz cup",  # 500 boxes, or 500 cups and boxes?
        "2 box tissue",  # tissue boxes?
    ],
)
def test_many_boxes_or_a_box_product_still_ask(text):
    assert asks(text)


def test_boxes_of_a_box_keep_their_reading():
    assert quantities("2 box pizza box 10 inch") == [2]


# ---------------------------------------------------------------- a price already agreed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok noted the price. send 3 ctn 12oz cups", [("cup", 3, "12 oz")]),
        ("price fine, napkin 4000 pls", [("napkin", 4000, None)]),
        ("harga ok, straw 5000", [("straw", 5000, None)]),
    ],
)
def test_a_price_agreed_is_no_question(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "price ok? then 3 ctn 12oz cups",
        "is the price ok for 3 ctn 12oz cups",
        "what is the price for napkin 4000",
        "how much for straw 5000",
    ],
)
def test_a_price_asked_still_asks(text):
    assert asks(text)
