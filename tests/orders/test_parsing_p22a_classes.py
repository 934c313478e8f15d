"""fresh55's classes (p22a): owners who chat, the order inside small talk or a story.

A count of years ("after 2 years of waiting", "genap 5 tahun"), a promotion of the shop's own
("running a 2-for-1 promo", "buy 1 get 1 free") and an hour after "since" ("open since 6") are no
quantities (before, their number was read as a line without a product and the parser asked). A
place named in words before a colon and a list of goods ("send to our new outlet: 200 cups, ...")
ends there: the list is the order (before, the first line was cut with the "address" and the rest
ordered, a wrong order). A message that only complains of goods delivered before ("the bags you
sent last week got torn, 30 pcs cannot use") orders nothing (before, the spoilt count was
ordered). "Buka macam biasa" (open as usual) is the shop's day, no repeat of the last order
(before, goods named without a count and "as usual" ordered the last order again). "No income",
"no time", "no customers" in the story are no word that changes the order. Sentences written for
this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------- numbers of the story: no quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our stall turns 12 years old this month! 12oz cups 2000 pls", [2000]),
        ("Kedai kami genap 5 tahun minggu ni! Hantar straw 3000 ye", [3000]),
        ("Running a 2-for-1 promo this weekend, send napkins 4000 and 8oz cups 1000", [4000, 1000]),
        ("buy 1 get 1 free deal starting Monday. burger box 600", [600]),
        ("Been open since 6 and so tired already haha. Straws 2000 please", [2000]),
    ],
)
def test_a_count_of_years_a_promotion_or_an_hour_since_is_no_order_line(text, expected):
    assert quantities(text) == expected


def test_a_promotion_is_no_quantity_but_a_count_for_outlets_still_asks():
    assert quantities("doing 1 for 1 promo, 16oz cups 800") == [800]
    # "1000 for 3 outlets" is still two numbers for one line
    assert asks("12oz cups 1000 for 3 outlets")


# ------------------------------------------- a place named before a colon and its list


def test_a_list_after_a_place_named_in_words_and_a_colon_is_the_order():
    text = (
        "Our second shop opens Friday! Please send to the new outlet: 200 burger boxes, "
        "400 small paper bags and 1 carton of napkins. Address coming soon."
    )
    assert items_of(text) == [
        ("burger box", 200, None),
        ("small paper bag", 400, None),
        ("napkin", 1, None),
    ]
    # a label before the colon is still an address ("Deliver to: Mary's Cafe")
    assert quantities("Deliver to: Mary's Cafe, 12oz cups 500") == [500]


# ------------------------------------------- a complaint alone orders nothing


@pytest.mark.parametrize(
    "text",
    [
        "Hi, the small bags you sent last week got torn, 30 pcs cannot use. What to do?",
        "Boss, yesterday the 12oz cups came damaged, 2 ctn cannot use leh",
    ],
)
def test_a_message_that_only_complains_of_goods_delivered_before_orders_nothing(text):
    assert parse_order(text).is_empty
    # a replacement asked for is still read
    assert quantities("the 12oz cups yesterday came wet, pls send 2 ctn again") == [2]


# ------------------------------------------- the shop open as usual: no repeat


def test_a_shop_open_as_usual_repeats_no_order():
    text = "Nak order cawan dan penutup untuk Sabtu, kedai buka macam biasa. Terima kasih"
    assert not parse_order(text).repeat_last
    assert asks(text)
    # an order as usual still repeats the last one
    assert parse_order("hantar order macam biasa ye boss").repeat_last


# ------------------------------------------- "no" in the story


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Whole week raining, no customers at all. Send 8oz cups 1000 pls", [1000]),
        ("so busy no time to eat, straws 5000 and napkins 2000 ok", [5000, 2000]),
    ],
)
def test_no_customers_or_no_time_in_the_story_changes_nothing(text, expected):
    assert quantities(text) == expected
