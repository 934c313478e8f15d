"""fresh44, fresh46 and fresh49's classes (p21b): rushed and half-finished messages, and where the
shop is.

A stall's unit number after the word "stall" ("Stall 02-31 Maxwell Food Centre"), the number of a
road in a town written without "deliver to" ("our shop Toa Payoh Lor 6") and the hour a shop
opens ("opens 10", "kedai buka 10") are no order lines (before, their last number was read as a
line without a product and the parser asked). A correction spread over lines and then confirmed
on a line of its own ("2 ctn / wait / 4 ctn / ya 4", "两百 / 等等 改四百 / 对 四百") is the
corrected quantity (before, the confirmation's number was left unread and the parser asked); a
yes with another number still asks. A spoon and a fork written as one noun, singular ("the wooden
spoon fork 2 ctn", "spoon-fork 300") is the cutlery set, as "spoon fork set" was (before, two
products for one quantity, and the parser asked); "spoons and forks 300" still asks. A message
left half-finished, excused ("sorry got called to the kitchen", "sorry busy", "maaf tgh sibuk")
and written again orders its lines once (before, the excuse read as a correction and the parser
asked); written again with other quantities, it still asks. Sizes in inches alone beside lines of
other boxes ('14" x 150 / burger boxes x 400') are pizza boxes, the only box sold by the inch
(before, a line without a product: it asked); beside goods that are no box they still ask. "Order
below" is a heading (before, "below" was read into the first line's product). "nd" is a thumb's
"and" (before, "nd" was read into the next line's product), and "untuk" before a kind of cup
("dome lid untuk cold cup") is "for", as before a cup alone. "Repeat order" with the order to
repeat named after it ("repeat order last month", "repeat order minggu lps") and Tamil's "like
last time's order" with "order" in English ("போன தடவை order மாதிரியே") repeat the last order
(before, nothing was read). A container's size without "ml" before "的" and a count ("外卖盒1000的
三箱，750的一箱") is its size, as "takeaway box 1000 3 ctn" was (before, 1000 boxes). The kind
wanted said with Tamil's "தான்" ("white தான், kraft வேண்டாம்": white it is, no kraft) is the
line's kind (before, the kind was left out and the line had none). Malay chat spellings without
their vowels ("cwn", "pnutup", "pntp", "ktk") are the cup, lid and box (before, no product).
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

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


# ------------------------------------------- a correction over several lines, then confirmed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10inch box 2ctn\nwait\n4ctn\nya 4", [4]),
        ("burger box 300\nno wait 500\nyes 500 pcs", [500]),
        ("napkins 2 ctn\nsorry 3 ctn\nok 3", [3]),
        ("8寸盒 两百\n等等 改四百\n对 四百", [400]),
    ],
)
def test_a_correction_confirmed_on_a_line_of_its_own_orders_the_corrected_quantity(text, expected):
    assert quantities(text) == expected


def test_a_yes_confirms_only_the_number_written_last():
    assert quantities("10inch box 2ctn\nwait\n4ctn\nya 4") == [4]
    assert asks("10inch box 2ctn\nwait\n4ctn\nya 5")
    assert asks("burger box 300\nno wait 500\nyes 300")


# ------------------------------------------- a spoon and fork written as one noun: the set


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the wooden spoon fork 2 ctn can?", [("wooden cutlery set", 2, None)]),
        ("fork spoon 800 pls", [("cutlery set", 800, None)]),
        ("spoon-fork 300, napkin 1000", [("cutlery set", 300, None), ("napkin", 1000, None)]),
    ],
)
def test_a_spoon_and_fork_written_as_one_noun_is_the_cutlery_set(text, expected):
    assert items_of(text) == expected


def test_spoons_and_forks_joined_by_and_still_ask_what_the_quantity_counts():
    assert quantities("the wooden spoon fork 2 ctn can?") == [2]
    assert asks("wooden spoons and forks 300")


# ------------------------------------------- a message interrupted, excused and written again


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("need napkins\n\n2000\nsorry got called to the kitchen. 2000 napkins pls", [2000]),
        ("12oz lids\n\nsorry ah was busy. 12oz lids 800", [800]),
        ("cawan 8oz\n\n1000 pcs. maaf tgh sibuk", [1000]),
        ("straws 3000, sorry in a rush", [3000]),
    ],
)
def test_a_message_excused_as_interrupted_orders_its_lines_once(text, expected):
    assert quantities(text) == expected


def test_only_a_message_written_again_with_the_same_lines_is_read_once():
    assert quantities("need napkins\n\n2000\nsorry got called away. 2000 napkins") == [2000]
    assert asks("need napkins\n\n2000\nsorry got called away. 3000 napkins")
    assert asks("burger box 400\nsorry busy. burger box 400, 12oz cups 1000\nsorry busy")


# ------------------------------------------- sizes in inches alone beside other boxes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '14" x 150\n10" x 50\nburger boxes x 400',
            [
                ("pizza box", 150, "14 inch"),
                ("pizza box", 50, "10 inch"),
                ("burger box", 400, None),
            ],
        ),
        (
            "8in 120, 12in 80, 1000ml box 200",
            [("pizza box", 120, "8 inch"), ("pizza box", 80, "12 inch"), ("box", 200, "1000 ml")],
        ),
    ],
)
def test_sizes_in_inches_alone_beside_other_boxes_are_pizza_boxes(text, expected):
    assert items_of(text) == expected


def test_a_size_in_inches_alone_beside_goods_that_are_no_box_still_asks():
    assert quantities("14in 100, burger box 300") == [100, 300]
    assert asks("14in 100, 12oz cups 300")


def test_order_below_is_a_heading_not_a_product():
    assert items_of("Hello, order below\n12oz cups x 600") == [("cup", 600, "12 oz")]


# ------------------------------------------- "nd" for "and"; "untuk" before a kind of cup


def test_nd_joins_two_lines_as_and_does():
    assert items_of("napkin 2000 nd the white 10 inch pizza box 50") == [
        ("napkin", 2000, None),
        ("white pizza box", 50, "10 inch"),
    ]


def test_a_lid_untuk_a_kind_of_cup_is_the_lid_of_that_cup_line():
    assert items_of("cold cup 16oz 500, dome lid untuk cold cup 500") == [
        ("cold cup", 500, "16 oz"),
        ("cold cup dome lid", 500, "16 oz"),
    ]


# ------------------------------------------- the order to repeat named after "repeat order"


@pytest.mark.parametrize(
    "text",
    [
        "repeat order last month pls",
        "redo the order from last week pls",
        "Repeat order minggu lps, no change",
        "போன தடவை order மாதிரியே போடுங்க",
    ],
)
def test_repeat_order_with_the_earlier_order_named_after_it_repeats_the_last_order(text):
    parsed = parse_order(text)
    assert parsed.repeat_last and not parsed.doubt


def test_repeat_order_last_week_with_goods_added_still_asks():
    assert parse_order("repeat order last month pls").repeat_last
    assert asks("repeat order last month, plus 2 ctn napkins")


# ------------------------------------------- a container's size without ml, "的" before its count


def test_a_containers_size_without_ml_before_de_and_a_count_is_its_size_in_ml():
    assert items_of("外卖盒1000的三箱，750的一箱") == [
        ("takeaway box", 3, "1000 ml"),
        ("takeaway box", 1, "750 ml"),
    ]


# ------------------------------------------- Tamil's "தான்" after the kind wanted


def test_the_kind_wanted_said_with_tamils_than_is_the_kind_of_the_line():
    assert items_of("14 inch pizza box நூறு, white தான், kraft வேண்டாம்") == [
        ("pizza box white", 100, "14 inch"),
    ]


# ------------------------------------------- Malay chat spellings without their vowels


def test_malay_product_words_written_without_vowels_are_read():
    assert items_of("cwn 12oz 2 ktn, pntp 12oz 2 ktn") == [
        ("cup", 2, "12 oz"),
        ("lid", 2, "12 oz"),
    ]
