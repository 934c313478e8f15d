"""fresh44, fresh46 and fresh49's classes (p21b): rushed and half-finished messages, and where the
shop is.

A stall's unit number after the word "stall" ("Stall 02-31 Maxwell Food Centre"), the number of a
road in a town written without "deliver to" ("our shop Toa Payoh Lor 6") and the hour a shop
opens ("opens 10", "kedai buka 10") are no order lines (before, their last number was read as a
line without a product and the parser asked). Sentences written for this file, not taken from any
evaluation set."""

import pytest

from tests.orders.parsing_support import items_of, quantities

# ------------------------------------------- where the shop is: no order line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkins 3000, straws 2000. Stall 02-31 Maxwell Food Centre", [3000, 2000]),
        ("8oz cups 1 ctn pls, stall 03-118 Golden Mile", [1]),
        ("burger box 400 and 12oz lids 600, our shop Toa Payoh Lor 6", [400, 600]),
        ("2 ctn straws pls, we opens 10 tmr", [2]),
        ("sudu kayu 500, kedai buka 10", [500]),
    ],
)
def test_a_stall_number_a_road_number_or_an_opening_hour_is_no_order_line(text, expected):
    assert quantities(text) == expected


def test_a_stall_number_leaves_the_lines_before_it_as_written():
    assert items_of("12oz cups 3 ctn + 12oz lids 3 ctn. Stall 01-07 Golden Mile Food Centre") == [
        ("cup", 3, "12 oz"),
        ("lid", 3, "12 oz"),
    ]
