"""p21d's classes (issue 19), from the English and Singlish misses of fresh2, fresh11, fresh13,
fresh21, fresh24, fresh25, fresh27 and fresh31: a quotation mark closing a pasted list after a
count is no size in inches; a price rise ahead given as the reason to order is no question; the
shop's name signed after the last line, ending in its town, is no line.
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- a quotation mark after a count


def test_a_quotation_closed_after_a_count_is_no_size_in_inches_but_12_inch_still_is():
    text = 'My manager says:\n"paper straws 3000\nsmall bags 2000"\nThanks'
    assert items_of(text) == [("paper straw", 3000, None), ("small bag", 2000, None)]
    assert items_of('pizza box 12" 300 pcs') == [("pizza box", 300, "12 inch")]


# ------------------------------------------- a price rise ahead, the reason to order


@pytest.mark.parametrize(
    "text",
    [
        "16oz cups 3 cartons please. Getting them before the price goes up next month.",
        "napkins 10000 pls, want to stock up ahead of the price increase",
    ],
)
def test_a_price_rise_ahead_given_as_the_reason_is_no_question(text):
    assert not parse_order(text).doubt
    assert parse_order(text).items
    assert asks(f"{text} how much is the price now?")


# ------------------------------------------- the shop signing after the last line


def test_the_shop_signed_after_the_last_line_is_no_line_but_a_product_after_a_dash_is():
    text = "burger boxes 600, wooden forks 300 sets - Golden Fork Bedok. thanks!"
    assert items_of(text) == [("burger box", 600, None), ("wooden fork set", 300, None)]
    assert items_of("burger boxes 600 - napkins 2000") == [
        ("burger box", 600, None),
        ("napkin", 2000, None),
    ]
