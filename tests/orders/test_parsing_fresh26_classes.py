"""fresh23 and fresh26's classes (issue 19): a product named alone on its line heads the lines of a
size and a quantity under it ("Cups / 8oz 1000 / 12oz 2000 / Lids / 8oz 1000": before, the 12oz
cups were read as lids, a wrong order), and a product that may as well be the companion of the line
before asks; goods sent short ("少送了一箱") are a complaint and a
quantity lowered or raised "to" a new one a change, both asked; a tissue we do not sell ("wet
tissue") is a kind to confirm, not a carton of napkins; an aside whose negation names no goods
("dun forget the invoice", "bell not working") no longer makes an order ask; a PO number in parts
("PO 2024-118", "订单号PO-7781") is no quantity; a remark on the stock after the items ("plenty of
cups left but the lids ran out") is no part of a line; cold and hot in Tamil letters, and a road
in Tamil letters (its number no quantity); "12/16 sip" under a lid heading (the sip lid of both
sizes). Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- a product named alone heads the sized lines under it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cups\n12oz 500\n16oz 1000\nLids\n12oz 500\n16oz 1000",
            [
                ("cup", 500, "12 oz"),
                ("cup", 1000, "16 oz"),
                ("lid", 500, "12 oz"),
                ("lid", 1000, "16 oz"),
            ],
        ),
        (
            "pizza box\n10 inch 2 ctn\n12 inch 1 ctn\nnapkin 1 ctn",
            [("pizza box", 2, "10 inch"), ("pizza box", 1, "12 inch"), ("napkin", 1, None)],
        ),
        (
            "Kotak\n750ml 2 karton\nCawan\n8oz - 1 karton",
            [("box", 2, "750 ml"), ("cup", 1, "8 oz")],
        ),
    ],
)
def test_a_product_named_alone_heads_the_sized_lines_under_it(text, expected):
    assert items_of(text) == expected


def test_a_companion_before_a_line_of_its_own_product_keeps_its_reading():
    # the lids take the cups' quantity, as before: the line after them names its own product
    assert items_of("12oz cup 1000, lids, napkin 2 ctn") == [
        ("cup", 1000, "12 oz"),
        ("lid", 1000, "12 oz"),
        ("napkin", 2, None),
    ]


@pytest.mark.parametrize(
    "text",
    ["16oz cup 500\nlids\n12oz 1000", "8oz cup 1000, straw, 12oz 300"],
)
def test_a_product_that_may_be_a_companion_or_a_heading_asks(text):
    # the lids of the 16oz cups, or the heading of the 12oz line? Both readings order something
    assert asks(text)
    assert "a heading or a companion" in parse_order(text).doubt


# ------------------------------------------- goods sent short, a quantity lowered to a new one


@pytest.mark.parametrize(
    "text",
    [
        "昨天漏送了两箱吸管",
        "上个礼拜少给了一箱杯子",
        "your driver hantar kurang 1 karton straw semalam",
        "the cups were short-delivered 2 ctn",
    ],
)
def test_goods_sent_short_are_a_complaint_not_an_order(text):
    assert asks(text)
    assert "a complaint about a delivery" in parse_order(text).doubt


def test_at_least_is_no_goods_sent_short():
    assert "a complaint about a delivery" not in parse_order("吸管至少送两箱").doubt


@pytest.mark.parametrize(
    "text",
    [
        "order lusa kurangkan straw jadi 2 karton",
        "can reduce the cups for friday to 3 ctn",
        "明天的吸管减到一箱",
    ],
)
def test_a_quantity_lowered_to_a_new_one_is_a_change(text):
    assert asks(text)
    assert "a change" in parse_order(text).doubt


def test_a_plain_order_with_to_is_still_an_order():
    assert items_of("send 2 ctn straw to our outlet") == [("straw", 2, None)]


# ------------------------------------------- a tissue we do not sell


@pytest.mark.parametrize(
    "text",
    [
        "wet tissue 3 ctn pls",
        "湿纸巾一箱",
        "tisu basah 2 karton",
        "toilet roll 2 ctn",
        "wet wipes 500",
    ],
)
def test_a_tissue_we_do_not_sell_is_a_kind_to_confirm(text):
    assert asks(text)
    assert "a tissue kind to confirm" in parse_order(text).doubt


@pytest.mark.parametrize("text", ["tissue 3 ctn pls", "纸巾一箱", "tisu 2 karton"])
def test_a_plain_tissue_is_still_our_napkin(text):
    assert not asks(text)


# ------------------------------------------- an aside whose negation names no goods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin 3 ctn, dun forget the DO ya", [("napkin", 3, None)]),
        ("8oz cup 1000. lift not working, driver take stairs", [("cup", 1000, "8 oz")]),
        ("straw 1 ctn only, no space in store", [("straw", 1, None)]),
    ],
)
def test_an_aside_naming_no_goods_orders(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    ["8oz cup 1000, dun forget the lids", "napkin 3 ctn, not the white one"],
)
def test_a_negation_naming_goods_still_asks(text):
    assert asks(text)


# ------------------------------------------- a PO number in parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin 2 ctn pls. PO 2025-031", [("napkin", 2, None)]),
        ("单号PO-5512，吸管两箱", [("straw", 2, None)]),
    ],
)
def test_a_po_number_in_parts_is_no_quantity(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a remark on the stock after the items


def test_a_stock_remark_after_the_items_is_no_part_of_a_line():
    text = "Can send 2 ctn of 12oz cups? Still have plenty of lids, only cups finished"
    assert items_of(text) == [("cup", 2, "12 oz")]


def test_a_product_run_out_that_is_not_ordered_is_still_asked_about():
    # napkins named finished, neither ordered nor in stock: how many napkins is asked
    text = "8oz cup 2 ctn, napkin also finished"
    assert asks(text)
    assert "a quantity taken from the line before" in parse_order(text).doubt


# ------------------------------------------- Tamil letters: cold, hot, a road


def test_cold_in_tamil_letters_is_a_cold_cup():
    parsed = parse_order("16oz கோல்ட் கப் 500")
    assert [(item.product, item.size) for item in parsed.items] == [("cold cup", "16 oz")]


def test_a_road_in_tamil_letters_is_an_address():
    text = "நாப்கின் 3000\nடெலிவரி: 12 ஜூரோங் ரோடு"
    assert items_of(text) == [("napkin", 3000, None)]


# ------------------------------------------- a lid for two cup sizes named by its kind alone


def test_a_lid_for_two_sizes_named_by_its_kind_under_a_lid_heading():
    text = "lids\n8oz - 2 ctn\n12/16 sip - 1 ctn"
    assert items_of(text) == [("lid", 2, "8 oz"), ("sip lid", 1, "12 oz")]


def test_a_date_before_a_product_is_still_no_size():
    assert items_of("deliver 12/10 pls, sip lid 8oz 2 ctn") == [("sip lid", 2, "8 oz")]
