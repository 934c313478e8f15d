"""fresh43 and fresh44's classes (p20g). Sentences written for this file, not taken from any
evaluation set; beside each class, sentences of the same shape that must keep their old reading."""

import pytest

from orders.intents import ORDER_PLACEMENT, classify_intent
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------- a standing order with a change, then listed in full


@pytest.mark.parametrize(
    "text",
    [
        "Our regular weekly order with one change, lids go up to 1500 this week:\n"
        "16oz cups 1500\n16oz lids 1500\nnapkins 4000",
        "usual weekly one but 16oz lid this week make 1500 ya. so is 16oz cup 1500, "
        "16oz lid 1500, tissue 4000",
        "Order mingguan biasa, cuma minggu ni penutup naik jadi 1500: cawan 16oz 1500, "
        "penutup 16oz 1500, tisu 4000",
        "每周固定的单，这个礼拜只改一样：盖子加到1500。所以是 16安士纸杯1500个，16安士杯盖1500个，"
        "纸巾4000张",
    ],
)
def test_a_standing_order_listed_in_full_after_its_change_is_the_list(text):
    assert quantities(text) == [1500, 1500, 4000]
    assert not asks(text)


@pytest.mark.parametrize(
    "text",
    [
        # a standing order with a change and no list: the change of a repeat, which asks
        "same as last time but 16oz lids 1500",
    ],
)
def test_a_repeat_with_a_change_and_no_list_still_asks(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our regular weekly order with one change, lids go up to 1500 this week:\n"
        "16oz cups 1500\n16oz lids 1500\nnapkins 4000",
        "Order mingguan biasa, cuma minggu ni penutup naik jadi 1500: cawan 16oz 1500, "
        "penutup 16oz 1500, tisu 4000",
    ],
)
def test_a_standing_order_listed_in_full_is_an_order_placed(text):
    assert classify_intent(text).intent == ORDER_PLACEMENT


# ------------------------------------------------------------ a hyphenated compound number


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Could we get thirty-five hundred napkins pls", 3500),
        ("pls send forty-two cartons of 12oz cups", 42),
        ("sixty-five hundred paper straws thanks", 6500),
    ],
)
def test_a_hyphenated_compound_number_is_read_whole(text, quantity):
    assert quantities(text) == [quantity]


def test_two_digit_words_joined_by_a_hyphen_are_still_a_range():
    assert asks("two-three cartons of napkins")


# ---------------------------------------------------------------- "bx", a kitchen's box


@pytest.mark.parametrize(
    "text",
    ["Prep list:\nbx 750ml - 300\nspoons - 200\n\nthanks", "bx 500ml 300, napkins 200"],
)
def test_bx_is_a_box(text):
    product, quantity, _ = items_of(text)[0]
    assert (product, quantity) == ("box", 300)


def test_a_box_code_still_reads_as_its_product():
    assert items_of("BX-1000 x 600") == [("kraft takeaway box", 600, "1000 ml")]


# ----------------------------------------- Malay damage: "tak boleh pakai", "remuk"


@pytest.mark.parametrize(
    "text",
    [
        "Cawan 12oz yang sampai kelmarin, dalam 40 keping tak boleh pakai",
        "Kotak burger tu, 25 keping remuk",
    ],
)
def test_a_malay_count_of_damaged_goods_orders_nothing(text):
    assert asks(text)


def test_an_order_beside_goods_that_cannot_be_used_stays():
    assert quantities("hantar kotak pizza 12 inci 300 keping, yang lama tak boleh pakai") == [300]


# ---------------------------------------- "one of" after a line counted in a unit


@pytest.mark.parametrize(
    "text",
    [
        "3 cartons of 12oz cups and one of 12oz lids",
        "three cartons of cups 12oz, one of lids 12oz pls",
    ],
)
def test_one_of_after_a_line_in_cartons_is_one_carton(text):
    assert quantities(text) == [3, 1]


def test_one_of_the_goods_without_a_line_before_orders_nothing():
    assert asks("one of the lids was cracked")


# --------------------------------------------------------- "burgr", a misspelt burger


def test_a_misspelt_burger_box_is_a_burger_box():
    assert items_of("Burgr boxes 300 and napkins 1000") == [
        ("burger box", 300, None),
        ("napkin", 1000, None),
    ]


# ------------------------------------- a standing order and more goods added to it (the lead's,
# after the merge): before, only the added goods were ordered (a wrong order: the standing one lost)


@pytest.mark.parametrize(
    "text",
    [
        "regular weekly order pls, but add these this week: 8oz cup 1 ctn, straw 1 ctn",
        "our standing order as usual, also add 300 burger boxes",
        "每周固定的单照送，另加吸管一箱",
        "order mingguan macam biasa, tambah 2 karton napkin",
    ],
)
def test_a_standing_order_with_goods_added_asks(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    ["Weekly order: 8oz cup 1000, 8oz lid 1000", "monthly order - napkin 2 ctn, straw 2 ctn"],
)
def test_a_standing_order_listed_without_additions_is_still_read(text):
    assert not asks(text)
