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


# ------------------------------------------------ goods waited for are an earlier order


@pytest.mark.parametrize(
    "text",
    [
        "When is the lorry coming? Still waiting for the 2 cartons of straws.",
        "masih tunggu 3 karton napkin, bila sampai?",
        "还在等那两箱吸管，几点到？",
    ],
)
def test_goods_the_customer_is_waiting_for_order_nothing(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    ["Pls send 12oz cups 2000, we are waiting", "12oz cups 2000 pls, can wait for next week"],
)
def test_an_order_that_mentions_waiting_is_still_read(text):
    assert items_of(text) == [("cup", 2000, "12 oz")]


# ------------------------------------- "if can" after a question about the goods is a condition


@pytest.mark.parametrize(
    "text",
    [
        "Your 750ml box can hold hot soup or not? If can we order 800",
        "kotak 1000ml boleh masuk microwave tak? kalau boleh ambil 300",
    ],
)
def test_if_can_after_a_question_about_the_goods_asks(text):
    assert asks(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("u guys deliver on sunday? if can send 2 ctn napkin", 2),
        ("napkin 2 ctn, if can send before 10am", 2),
    ],
)
def test_a_polite_if_can_still_orders(text, expected):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(i.quantity, i.unit) for i in parsed.items] == [(expected, "carton")]


# ------------------------------------------- "one, or else two": spoken Tamil and Malay


@pytest.mark.parametrize(
    "text",
    [
        "straw ஒன்னு இல்லன்னா ரெண்டு பெட்டி",
        "cawan 12oz 1 kalau tak 2 karton",
        "1 if not 2 ctn napkin",
    ],
)
def test_one_or_else_two_is_two_quantities(text):
    assert asks(text)


def test_spoken_tamil_one_is_read():
    parsed = parse_order("straw ஒன்னு பெட்டி")
    assert [(i.product, i.quantity, i.unit) for i in parsed.items] == [("straw", 1, "carton")]
    assert not parsed.doubt


# ------------------------------------------------------------ an order placed before


@pytest.mark.parametrize(
    "text",
    [
        "காலையில 500 cup 12oz order போட்டேன், கிடைச்சுதா?",
        "I placed an order for 300 12 inch pizza boxes this morning, got it?",
        "saya dah order 2 karton straw pagi tadi, dah terima ke?",
        "早上下了单，两箱吸管，看到了吗？",
    ],
)
def test_an_order_the_customer_placed_before_orders_nothing(text):
    assert asks(text)


def test_placing_an_order_now_is_read():
    assert items_of("We'd like to place an order: 500 12oz cups") == [("cup", 500, "12 oz")]
