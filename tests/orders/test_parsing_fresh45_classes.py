"""fresh45 and fresh46's classes (p20h): rushed, dictated and half-finished messages.

Goods added "dalam order hari ni" (into today's order) in Malay are a change of an order already
placed, as "dalam order pagi tadi" was: the parser asks and the classifier says order_change
(before, the carton was ordered again as a new order: a wrong order). A count of "sets" alone
("Wooden cutlery. 1000 sets.") counts the sets of the product named in the sentence before, as
"1000 pcs" did (before, "set" was read as the product and the parser asked).
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
