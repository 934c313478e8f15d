"""fresh15 and fresh16's classes (issue 19): a line of a size and a quantity whose product is named
only after the last size ("14inch 2 ctn n 12inch 4 ctn pizza box": before, the first line was
dropped without a word, a wrong order), and a line left with no product at all now asks; a
product type misspelt by one slip of the thumb ("cuttlery", "napkns", "cpus"); a correction after
a question mark, with "oh wait" or "sorry correction", and after an inch size written '14"'; a few
boxes after a product that is no box are its cartons ("napkin 2 box": before, a "napkin box").
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- the product named after the last size


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "10inch 3 ctn n 14inch 1 ctn pizza box",
            [("pizza box", 3, "10 inch"), ("pizza box", 1, "14 inch")],
        ),
        (
            "8oz 2000, 16oz paper cup 1000",
            [("paper cup", 2000, "8 oz"), ("paper cup", 1000, "16 oz")],
        ),
    ],
)
def test_a_size_takes_the_product_named_after_it(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12 inch 2 ctn, 8oz cup 500",  # an inch size is no cup's
        "1000ml 300 n napkin 2000",  # no size after it
    ],
)
def test_a_size_no_line_gives_a_product_asks(text):
    assert asks(text)
    assert "a line without a product" in parse_order(text).doubt


def test_a_size_after_a_product_keeps_its_reading():
    assert items_of("pizza box 12 inch 200, 14 inch 100") == [
        ("pizza box", 200, "12 inch"),
        ("pizza box", 100, "14 inch"),
    ]


# ------------------------------------------- a product type misspelt by one slip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wooden cuttlery 300 sets", [("wooden cutlery set", 300, None)]),
        ("napkns 3 ctn", [("napkin", 3, None)]),
        ("16oz cpus 2000 pcs", [("cup", 2000, "16 oz")]),
        ("kraft bgas large 500", [("kraft bag large", 500, None)]),
        ("liids 12oz 1000", [("lid", 1000, "12 oz")]),
    ],
)
def test_a_product_type_misspelt_once_is_read(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "i love the new cups, 500 more pls",  # 'love' is no 'glove'
        "send soon pls, 12oz cup 1000",  # 'soon' is no 'spoon'
    ],
)
def test_a_word_like_a_product_keeps_its_reading(text):
    products = [item.product for item in parse_order(text).items]
    assert products
    assert not any({"glove", "spoon"} & set(product.split()) for product in products)


# ------------------------------------------- a correction after a question, "oh wait", "correction"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('10" box 200 can? oh wait make it 250', [("box", 250, "10 inch")]),
        ("16oz cup 500 ok? sorry make it 800", [("cup", 800, "16 oz")]),
        (
            "kraft bag small 300, large 200. correction, large 400",
            [("kraft bag small", 300, None), ("large bag", 400, None)],
        ),
        (
            "Napkins 2000 and straws 1000? Sorry correction, straws 3000",
            [("napkin", 2000, None), ("straw", 3000, None)],
        ),
    ],
)
def test_a_correction_after_a_question_or_named_as_one_is_read(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12oz cup 500 and 16oz cup 300? oh wait make it 400",  # which line?
        "napkin 1000, straw 2000? sorry correction, lid 500",  # a line no earlier one names
    ],
)
def test_a_correction_of_no_one_line_asks(text):
    assert asks(text)


# ------------------------------------------- a few boxes after a product that is no box


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("straw 3 box and napkin 1 box pls", [("straw", 3, "box"), ("napkin", 1, "box")]),
        ("16oz lid 2 boxes", [("lid", 2, "box")]),
    ],
)
def test_a_few_boxes_after_a_product_are_its_cartons(text, expected):
    assert [(i.product, i.quantity, i.unit) for i in parse_order(text).items] == expected
    assert not parse_order(text).doubt


@pytest.mark.parametrize("text", ["napkin 300 box", "pizza box 2 box", "tissue 2 box"])
def test_boxes_that_may_be_the_product_still_ask(text):
    assert asks(text)
