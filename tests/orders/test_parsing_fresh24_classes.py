"""fresh24 and fresh25's classes (issue 19): a delivery split over days ("box 4 ctn, 2 ctn Monday 2
ctn Thursday": before, the parts were read as lines and the parser asked) is the total, when the
parts add up to it; a count of goods left beside more ordered ("straw left 2 ctn, send 5 more") is
no line; a change to an earlier order, then "New order:", orders what follows; napkins by the
packet (a shop's packet, no carton of ours) and a head count ("enough for 200 pax") ask instead of
ordering (before, both were wrong orders); "ada 16 inci tak?" beside an order is a side question;
"a full carton" is one carton (before, the line was dropped without a word, a wrong order).
Sentences written for this file, not taken from any evaluation set."""

import pytest

from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- a delivery split over days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("750ml box 6 ctn, 4 ctn Tuesday, 2 ctn Saturday", [("box", 6, "750 ml")]),
        ("12oz cups 3000 - 1000 this week and 2000 next week", [("cup", 3000, "12 oz")]),
        ("cold cup 16oz 2 ctn (1 Mon / 1 Thu)", [("cold cup", 2, "16 oz")]),
        ("napkin 4 karton, 2 karton esok, 2 karton Jumaat", [("napkin", 4, None)]),
        ("sip lid 8oz 2k, half this wed half next wed", [("sip lid", 2000, "8 oz")]),
    ],
)
def test_parts_of_a_delivery_adding_up_to_the_line_are_no_lines(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "750ml box 6 ctn, 4 ctn Tuesday, 3 ctn Saturday",  # 7 is not 6: which is it?
        "napkin 5000, 2000 monday",  # one part only: the rest when?
    ],
)
def test_parts_that_do_not_add_up_still_ask(text):
    assert asks(text)


def test_another_product_on_a_day_stays_a_line():
    assert items_of("12oz cups 3000, 16oz cups 1000 Friday") == [
        ("cup", 3000, "12 oz"),
        ("cup", 1000, "16 oz"),
    ]


# ------------------------------------------- goods left, and more ordered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("only have 1 ctn napkin left, pls send 3 more ctn", [("napkin", 3, None)]),
        ("cawan 12oz tinggal 500 je, hantar 2 karton lagi", [("cup", 2, "12 oz")]),
        ("吸管剩两箱，再送三箱", [("straw", 3, None)]),
    ],
)
def test_a_count_of_goods_left_is_no_line_when_more_is_ordered(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a change to an earlier order, then a new order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "pls change monday's straws to 2 ctn. New order: 1000ml box 600",
            [("box", 600, "1000 ml")],
        ),
        ("order semalam batal. Order baru: napkin 2 karton", [("napkin", 2, None)]),
        # the change written with a correction word ("改", "change to") is the earlier order's
        ("上个礼拜的 order, napkin 改 2 ctn. New order: 8oz cup 1000", [("cup", 1000, "8 oz")]),
    ],
)
def test_after_a_change_the_new_order_is_what_follows(text, expected):
    assert items_of(text) == expected


def test_a_change_without_a_new_order_still_asks():
    assert asks("pls change monday's straws to 2 ctn, and 1000ml box 600")


# ------------------------------------------- packets of napkins, heads, side questions


@pytest.mark.parametrize(
    "text",
    [
        "serviettes 4 packets pls",  # a shop's packet of napkins: how many in one?
        "napkin for 150 pax event",  # a head count, not napkins
        "wooden cutlery enough for 80 guests",
        "sudu garpu kayu untuk 300 orang",
    ],
)
def test_packets_of_napkins_and_head_counts_ask(text):
    assert asks(text)


def test_a_malay_stock_question_beside_an_order_orders_nothing_more():
    assert items_of("Nak cawan 8oz 500. Ada penutup 8oz tak?") == [("cup", 500, "8 oz")]


def test_a_full_carton_is_one_carton():
    assert items_of("half a carton of the large bags and a full carton of the small ones") == [
        ("large bag", 1, None),
        ("small bag", 1, None),
    ]
