"""fresh29 and fresh30's English and Singlish classes (issue 19), and their wrong orders: a pack of
any product without its count of pieces is a shop's packet to confirm ("cup lids 3 pkt": before,
packs of anything but napkins were cartons, a wrong order); Tamil's "no" right between two numbers
("1 இல்ல 2 carton") is one or the other, a question (before, read as a correction: a wrong order).
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import classify_intent
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- a pack without its count of pieces


@pytest.mark.parametrize(
    "text", ["paper straws 4 pkt pls", "8oz lids 2 packets", "send 3 packs of wooden cutlery"]
)
def test_packs_without_their_count_of_pieces_ask(text):
    assert asks(text)


# ------------------------------------------- Tamil's "no" between two numbers


@pytest.mark.parametrize(
    ("either", "correction", "expected"),
    [
        ("straw 2 இல்ல 3 carton", "straw 2 carton, இல்ல இல்ல, 3 carton", [("straw", 3, None)]),
        ("8oz cup 500 இல்லை 1000", "8oz cup 500 இல்ல 1000 ஆக மாத்துங்க", [("cup", 1000, "8 oz")]),
    ],
)
def test_tamil_no_between_two_numbers_asks_and_a_correction_that_pauses_is_read(
    either, correction, expected
):
    assert asks(either)
    assert items_of(correction) == expected


# ------------------------------------------- a quote accepted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok we accept your quotation, 750ml box 3 ctn", [("box", 3, "750 ml")]),
        (
            "go ahead with the price u gave yesterday. napkin 4 ctn confirm",
            [("napkin", 4, None)],
        ),
        ("the quote you sent us ok, 8oz lid 2000", [("lid", 2000, "8 oz")]),
    ],
)
def test_a_quote_accepted_is_an_order_of_what_follows(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- another supplier beside the order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another supplier's price, and ours the cheaper: a reason, no quote asked, no choice
        (
            "napkin 3 ctn. the other company quoted 0.01 each, yours is cheaper",
            [("napkin", 3, None)],
        ),
        # ours instead of another supplier's: no change of an order
        (
            "my old supplier's lids leak, send yours instead. 12oz lid 2000",
            [("lid", 2000, "12 oz")],
        ),
        # one product compared with another supplier's, then a quantity alone
        (
            "your 1000ml box more sturdy than the other supplier one. ok take 600",
            [("box", 600, "1000 ml")],
        ),
        (
            "this 12 inch pizza box is from my previous vendor, i want yours. 2 ctn",
            [("pizza box", 2, "12 inch")],
        ),
    ],
)
def test_another_supplier_named_beside_the_order_is_a_remark(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- the weather is no kind of cup


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "16oz cold cup 1000 and dome lid 1000, weather so hot these days",
            [
                ("cold cup", 1000, "16 oz"),
                ("dome lid", 1000, "16 oz"),
            ],
        ),
        (
            "16oz cold cup 2000 pls, hot weather everyone want iced drinks",
            [("cold cup", 2000, "16 oz")],
        ),
    ],
)
def test_hot_weather_beside_cold_cups_names_no_hot_cup(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- goods run out, of a kind ordered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weekend crowd, we sold until no more lids. 8oz lid 3 ctn", [("lid", 3, "8 oz")]),
        ("rush order: 12oz cup 2000, no more cups already", [("cup", 2000, "12 oz")]),
        ("wooden cutlery 2 ctn, no more plastic forks from now", [("wooden cutlery", 2, None)]),
    ],
)
def test_goods_run_out_of_a_kind_ordered_are_why_it_is_ordered(text, expected):
    assert items_of(text) == expected
    # of a kind not ordered: wanted too? it asks
    assert asks(text.replace("no more", "no more napkin, no more"))


# ------------------------------------------- a vowel slipped in a long product word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wooden cutlory 2 ctn", [("wooden cutlery", 2, None)]),
        ("napken 3 cartens pls", [("napkin", 3, None)]),
    ],
)
def test_a_vowel_slipped_in_a_long_product_word_is_still_the_product(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- the kind of one line in a list


def test_a_kind_named_on_one_line_of_a_list_is_that_lines_only():
    text = '12" box 50\n10" white box 300\n8" 150'
    assert items_of(text) == [
        ("box", 50, "12 inch"),
        ("white box", 300, "10 inch"),
        ("box", 150, "8 inch"),
    ]


# ------------------------------------------- a complaint about another supplier's goods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our previous supplier's 8oz cups keep leaking so we're switching to yours. 8oz cups 3 "
            "cartons",
            [("cup", 3, "8 oz")],
        ),
        (
            "the other company 14 inch box always soggy, we try yours, 100",
            [("box", 100, "14 inch")],
        ),
        (
            "old supplier 16oz cold cups crack easily, send 16oz cold cup 2 ctn",
            [("cold cup", 2, "16 oz")],
        ),
    ],
)
def test_a_complaint_about_another_suppliers_goods_is_an_order_to_us(text, expected):
    assert classify_intent(text).intent == "order_placement"
    assert items_of(text) == expected


# ------------------------------------------- English and Singlish intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("the driver dropped the boxes at block 5 instead of block 15, pls check", "complaint"),
        ("the 8oz cups this batch crack at the rim", "complaint"),
        ("excellent service, will order from you again", "rating"),
        ("fast service as always, thanks team", "rating"),
    ],
)
def test_goods_left_at_the_wrong_door_cracks_and_praise_before_service(text, intent):
    assert classify_intent(text).intent == intent
