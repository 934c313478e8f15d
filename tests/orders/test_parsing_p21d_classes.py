"""p21d's classes (issue 19), from the English and Singlish misses of fresh2, fresh11, fresh13,
fresh21, fresh24, fresh25, fresh27 and fresh31: a quotation mark closing a pasted list after a
count is no size in inches; a price rise ahead given as the reason to order is no question; the
shop's name signed after the last line, ending in its town, is no line; "the usual" before the
goods names the goods, not the last order; "1 ctn each:" above a list gives every line its
quantity; a delivery moved to another day ("deliver sat instead") changes no goods.
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


# ------------------------------------------- "the usual" before the goods


def test_the_usual_before_the_goods_with_their_quantity_is_no_repeat():
    parsed = parse_order("the usual 8oz cups and lids, 2 ctn each")
    assert not parsed.doubt
    assert [(item.product, item.quantity) for item in parsed.items] == [("cup", 2), ("lid", 2)]
    assert parse_order("the usual pls, deliver friday").repeat_last


# ------------------------------------------- one quantity each, above a list


def test_a_quantity_each_above_a_list_is_every_lines_quantity():
    text = "2 cartons each:\n- 16oz cold cup\n- 16oz dome lid\n- small bag"
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(item.product, item.quantity, item.unit) for item in parsed.items] == [
        ("cold cup", 2, "carton"),
        ("dome lid", 2, "carton"),
        ("small bag", 2, "carton"),
    ]


# ------------------------------------------- a delivery moved to another day


@pytest.mark.parametrize(
    "text",
    ["same as last week pls but send on friday instead", "repeat last order, deliver tmr instead"],
)
def test_a_repeat_delivered_on_another_day_is_the_last_order(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert not parsed.doubt
    assert asks("same as last week but 16oz cups instead of 12oz")


# ------------------------------------------- the count of an earlier or the usual order


@pytest.mark.parametrize(
    "text",
    [
        "napkin 6 ctn pls, last time 4 ctn not enough",
        "busy weekend coming, 16oz cold cup 4 ctn, usually 3 only",
        "burger box 800, last week 500 also not enough lah",
    ],
)
def test_the_count_of_an_earlier_or_the_usual_order_after_this_one_is_no_line(text):
    assert len(items_of(text)) == 1
    # with a product of its own, the earlier count is still a line to ask about
    assert asks("napkin 6 ctn pls, last time 4 ctn cups not enough")


# ------------------------------------------- a complaint about goods delivered before


def test_a_complaint_clause_after_the_lines_is_no_line():
    text = "12oz paper cup 2k, sip lid 12oz 2k, pls dun send wrong size again last time u send 8oz"
    assert items_of(text) == [("paper cup", 2000, "12 oz"), ("sip lid", 2000, "12 oz")]


# ------------------------------------------- a kind the shop no longer uses


def test_a_kind_no_longer_used_beside_the_order_is_why_it_is_made():
    assert items_of("paper straw 5k pls, the plastic one we stop using already") == [
        ("paper straw", 5000, None)
    ]


# ------------------------------------------- yesterday's order quoted, then today's


def test_yesterdays_order_quoted_then_todays_quantity_orders_todays_only():
    text = "yesterday order 16oz cold cup 3 ctn liao, today need 2 ctn more pls"
    assert items_of(text) == [("cold cup", 2, "16 oz")]


# ------------------------------------------- a letter written two places off


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2000 paper stawrs pls", [("paper straw", 2000, None)]),
        ("napinks 3000 and burger boxes 400", [("napkin", 3000, None), ("burger box", 400, None)]),
    ],
)
def test_a_product_with_a_letter_two_places_off_is_still_that_product(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a size written as its number in the plural


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 inch pizza box 400, and the 12s 200", [200, "12 inch"]),
        ("8oz hot cups 2 ctn. 16s one ctn too", [1, "16 oz"]),
    ],
)
def test_a_size_in_the_plural_is_in_the_measure_of_the_messages_sizes(text, expected):
    last = items_of(text)[-1]
    assert [last[1], last[2]] == expected


# ------------------------------------------- "the normal one": the kind the shop always takes


def test_the_normal_kind_after_a_companion_quantity_is_that_lines_kind():
    text = "12oz hot cup 2k pls. lid also 2k the normal dome one"
    assert items_of(text) == [("hot cup", 2000, "12 oz"), ("lid dome", 2000, "12 oz")]


# ------------------------------------------- what was not enough before, then this time's order


def test_what_was_not_enough_before_this_times_order_is_no_part_of_its_line():
    text = "few hundred bags not enough lah, this time small paper bag 2000 pls"
    assert items_of(text) == [("small paper bag", 2000, None)]
    # this time's clause without a product still asks
    assert asks("few hundred bags not enough lah, this time 2000 pls")
