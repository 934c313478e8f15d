"""fresh9's classes (issue 19, tenth round), and "the same amount" in every language (seen by a
user: "penutup sama banyak" was quoted as a product "12oz lid sama banyak"). Sentences written for
this file, not taken from any evaluation set; beside each class, sentences of the same shape that
must keep their old reading."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------------------- the same amount, in every language


@pytest.mark.parametrize(
    "text",
    [
        "tolong hantar cawan 12oz dua ribu, penutup sama banyak",
        "cawan 12oz 2000 dan penutup jumlah yang sama",
        "cawan 12oz 2000, penutup pun sama",
        "12oz 杯子两千个，盖子一样多",
        "12oz杯子两千个，还要同样数量的盖子",
        "12oz 杯子两千个，盖子数量一样",
        "12oz cup ரெண்டாயிரம், மூடி அதே அளவு",
        "12oz cup ரெண்டாயிரம், lid same அளவு அனுப்புங்க",
        "12oz cup rendaayiram, moodi adhe alavu",
        "12oz cup 2000, lid sama banyak",
        "12oz cups 2000 and the same number of lids",
    ],
)
def test_lids_the_same_amount_take_the_cups_quantity_in_every_language(text):
    assert items_of(text) == [("cup", 2000, "12 oz"), ("lid", 2000, "12 oz")]


@pytest.mark.parametrize(
    "text",
    [
        "penutup sama banyak",
        "cawan 12oz, penutup sama banyak",
        "盖子一样多",
        "மூடி அதே அளவு",
        "lid same amount",
    ],
)
def test_the_same_amount_without_an_earlier_quantity_orders_nothing(text):
    assert parse_order(text).is_empty


def test_the_same_amount_after_two_lines_of_the_type_asks_which():
    assert asks("12oz cups 1000, 16oz cups 500, lids same amount")


def test_the_same_amount_as_last_time_asks():
    assert asks("cawan 12oz 1000, penutup sama banyak macam minggu lepas")


def test_the_same_amount_after_one_cup_line_among_other_goods_is_read():
    assert items_of("napkin 5000, 12oz cup 1000, lid same amount") == [
        ("napkin", 5000, None),
        ("cup", 1000, "12 oz"),
        ("lid", 1000, "12 oz"),
    ]
