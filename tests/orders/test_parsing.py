"""The offline order parser, on its own and on the corpus of real-looking messages."""

import pytest

from orders import parsing, parsing_eval
from orders.parsing import ParsedItem


def test_the_design_message_is_400_ten_inch_pizza_boxes():
    order = parsing.parse_order("Hi, we need 400 boxes for 10 inch pizzas")
    assert order.items == [
        ParsedItem(product="pizza box", quantity=400, unit="pcs", size="10 inch")
    ]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("four hundred and fifty pizza boxes", 450),
        ("a dozen pizza boxes", 12),
        ("half a dozen pizza boxes", 6),
        ("two dozen pizza boxes", 24),
        ("1,000 pizza boxes", 1000),
        ("1.5k pizza boxes", 1500),
        ("a couple of pizza boxes", 2),
        ("pizza boxes x 300", 300),
    ],
)
def test_quantities_are_read_from_digits_and_words(text, quantity):
    assert parsing.parse_order(text).items[0].quantity == quantity


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("300 10 inch pizza boxes", "10 inch"),
        ('300 10" pizza boxes', "10 inch"),
        ("300 10-inch pizza boxes", "10 inch"),
        ("300 10in pizza boxes", "10 inch"),
        ("300 12oz cups", "12 oz"),
        ("300 12 oz cups", "12 oz"),
        ("300 500ml containers", "500 ml"),
        ("300 1.5l bottles", "1500 ml"),
        ("300 26cm pizza boxes", "26 cm"),
    ],
)
def test_sizes_are_normalised_whatever_the_spelling(text, size):
    item = parsing.parse_order(text).items[0]
    assert (item.quantity, item.size) == (300, size)


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [
        ("2 cartons of 12oz cups", 2, "carton"),
        ("5 ctn 12oz cups", 5, "carton"),
        ("400 pcs 12oz cups", 400, "pcs"),
        ("3 packs of 12oz cups", 3, "pack"),
        ("2 boxes of 12oz cups", 2, "box"),
        ("40 sleeves of 12oz cups", 40, "sleeve"),
    ],
)
def test_units_and_packs_are_kept_apart_from_the_product(text, quantity, unit):
    item = parsing.parse_order(text).items[0]
    assert (item.product, item.quantity, item.unit, item.size) == ("cup", quantity, unit, "12 oz")


def test_boxes_without_of_are_the_product_not_a_unit():
    assert parsing.parse_order("250 burger boxes").items[0] == ParsedItem("burger box", 250)


def test_several_items_in_one_message_become_several_lines():
    order = parsing.parse_order(
        'Order for Friday:\n- 300 x 10" pizza boxes\n- 200 12oz cups and 5 ctn napkins'
    )
    assert [(i.product, i.quantity, i.unit, i.size) for i in order.items] == [
        ("pizza box", 300, "pcs", "10 inch"),
        ("cup", 200, "pcs", "12 oz"),
        ("napkin", 5, "carton", None),
    ]


def test_quantity_written_after_the_product_on_a_list_line():
    order = parsing.parse_order("12oz cups - 1000\n12oz lids - 800")
    assert [(i.product, i.quantity) for i in order.items] == [("cup", 1000), ("lid", 800)]


@pytest.mark.parametrize(
    "text", ["same as last time please", "Repeat our last order", "the usual pls"]
)
def test_same_as_last_time_asks_for_a_repeat(text):
    order = parsing.parse_order(text)
    assert order.repeat_last and order.items == []


def test_a_message_without_items_parses_to_nothing():
    assert parsing.parse_order("When will the delivery arrive?").is_empty


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("make it 500", 500),
        ("change to 300 pcs", 300),
        ("actually 250 instead", 250),
        ("600 pls", 600),
    ],
)
def test_a_follow_up_quantity_change_is_read(text, quantity):
    assert parsing.parse_quantity_change(text) == quantity


def test_a_question_is_not_a_quantity_change():
    assert parsing.parse_quantity_change("when will it arrive?") is None


def test_item_description_reads_like_the_confirmation():
    assert ParsedItem("pizza box", 400, size="10 inch").describe() == "400 x 10-inch pizza box"
    assert ParsedItem("cup", 2, unit="carton", size="12 oz").describe() == "2 cartons of 12oz cup"


def test_corpus_holds_at_least_50_varied_messages():
    cases = parsing_eval.load_corpus()
    assert len(cases) >= 50
    assert len({case["intent"] for case in cases}) == 11


def test_offline_parser_accuracy_on_the_corpus_is_printed_and_high(capsys):
    report = parsing_eval.evaluate(parsing_eval.load_corpus())
    with capsys.disabled():
        print("\n" + report.summary_line())
    assert report.orders >= 50
    assert report.parse_accuracy >= 0.9, report.misses
    assert report.intent_accuracy >= 0.9, report.misses
