"""fresh45 and fresh46's classes (p20h): rushed, dictated and half-finished messages.

Goods added "dalam order hari ni" (into today's order) in Malay are a change of an order already
placed, as "dalam order pagi tadi" was: the parser asks and the classifier says order_change
(before, the carton was ordered again as a new order: a wrong order). A count of "sets" alone
("Wooden cutlery. 1000 sets.") counts the sets of the product named in the sentence before, as
"1000 pcs" did (before, "set" was read as the product and the parser asked). A kind said no to
against the kind wanted, in brackets ("2 ctn (not the white ones)"), in Malay with "bukan" ("yg
coklat bukan putih") or in Chinese ("不要白色的"), leaves the kind wanted (before, both kinds were
read and the parser asked). A dictated message's spoken punctuation ("comma", "full stop") is
punctuation, and "Order for <shop>," at the start is a heading, as "Order for <shop>:" was (before,
the shop's name and the word "comma" were read into the first product and the parser asked).
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import ORDER_CHANGE, classify_intent
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- goods added into today's order, in Malay


@pytest.mark.parametrize(
    "text",
    [
        "tambah 2 karton straw dalam order hari ni ya",
        "boleh tambah 500 cawan 12oz dlm order hari ini?",
        "tolong tambahkan 1 ctn sudu kayu dalam pesanan harini",
    ],
)
def test_goods_added_into_todays_order_in_malay_ask(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "tambah 2 karton straw dalam order hari ni ya",
        "boleh tambah 500 cawan 12oz dlm order hari ini?",
    ],
)
def test_goods_added_into_todays_order_in_malay_are_a_change(text):
    assert classify_intent(text).intent == ORDER_CHANGE


# ------------------------------------------- a count of sets for the product named before


@pytest.mark.parametrize(
    "text",
    [
        "Wooden cutlery pls. 300 sets",
        "We are out of wooden cutlery. 250 sets.",
        "our wooden cutlery set. 800 sets thanks",
    ],
)
def test_a_count_of_sets_takes_the_product_of_the_sentence_before(text):
    [(product, quantity, size)] = items_of(text)
    assert ("wooden" in product and "cutlery" in product, size) == (True, None)
    assert quantity in (300, 250, 800)


# ------------------------------------------- a kind said no to, in brackets, Malay and Chinese


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "white 12 inch pizza box 300 pcs (not the kraft ones)",
            [("white pizza box", 300, "12 inch")],
        ),
        (
            "kotak burger kraft 400 (yang brown bukan white)",
            [("burger box kraft brown", 400, None)],
        ),
        ("14寸白色披萨盒一百个 不要牛皮纸的", [("white pizza box", 100, "14 inch")]),
    ],
)
def test_a_kind_said_no_to_against_the_kind_wanted_leaves_the_kind_wanted(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- dictated punctuation and the shop an order is for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "three cartons of straws comma two thousand napkins full stop",
            [("straw", 3, None), ("napkin", 2000, None)],
        ),
        (
            "Order for Kopi Lane Bedok comma 600 burger boxes full stop thanks",
            [("burger box", 600, None)],
        ),
        (
            "Order for Sunny Bakes Yishun, 400 burger boxes, 2 ctn napkins",
            [("burger box", 400, None), ("napkin", 2, None)],
        ),
    ],
)
def test_dictated_punctuation_and_the_shop_an_order_is_for_are_no_product(text, expected):
    assert items_of(text) == expected
