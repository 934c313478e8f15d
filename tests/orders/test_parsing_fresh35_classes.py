"""The older sets' English and Singlish misses, second pass (p20d; fresh21, 22, 24, 31, 34, 35):
voice-to-text homophones ("for hundred" 400, "too thousand" 2000, "too carton" 2 cartons), a size
said in words after a block number (the address ate the order: an empty parse, no question), an hour
said "two o clock", and a repeat for one outlet with the other said no to (an empty parse before).
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------- voice-to-text: homophones of four and two


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("for hundred napkin and for hundred straw", [("napkin", 400, None), ("straw", 400, None)]),
        ("need sixteen ounce lid too thousand", [("lid", 2000, "16 oz")]),
        ("the small bag too carton pls", [("small bag", 2, None)]),
    ],
)
def test_a_homophone_of_four_or_two_before_a_multiplier_is_the_number(text, expected):
    assert items_of(text) == expected


def test_too_carton_is_two_cartons_and_for_or_too_elsewhere_stay_words():
    (item,) = parse_order("burger box too carton").items
    assert (item.quantity, item.unit) == (2, "carton")
    assert quantities("12oz cup 500 for the weekend pls") == [500]
    assert [i.quantity for i in parse_order("too many lids last time, cup 500").items] == [500]


# ------------------------------------------- a voice message: the address ends at a size in words


def test_a_size_said_in_words_ends_an_address_without_a_road():
    text = "hi this is mei from the drinks stall at block 45 i need sixteen ounce cup five hundred"
    assert [(q, s) for _, q, s in items_of(text)] == [(500, "16 oz")]


def test_an_hour_said_o_clock_is_no_quantity():
    text = "uncle want the burger box one carton deliver before three o clock"
    (item,) = parse_order(text).items
    assert (item.quantity, item.unit) == (1, "carton")
    assert not parse_order(text).doubt


# ------------------------------------------- a repeat, with what is not wanted after it


def test_a_repeat_for_one_outlet_with_the_other_said_no_to_asks():
    parsed = parse_order("repeat last order for the jurong shop 🙏 clementi no need this time")
    assert parsed.repeat_last
    assert asks("same as last week for orchard 🙏 novena dont need")
    # goods said no to after "the usual" are no repeat
    assert not parse_order("16oz cup 2k pls, the usual straw no need").repeat_last
    assert items_of("16oz cup 2k pls, the usual straw no need") == [("cup", 2000, "16 oz")]


# ------------------------------------------- a pasted table, read by its header row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Weekly stock check\nItem,In stock,Order qty\n16oz cold cup,300,2000\nstraw,900,4000",
            [("cold cup", 2000, "16 oz"), ("straw", 4000, None)],
        ),
        (
            "Code | Description | Balance | Reorder\nNAP-2 | napkin | 800 | 6000",
            [("napkin", 6000, None)],
        ),
        (
            "No. | Item | Qty | Price | Amount\n1 | burger box | 750 | 0.12 | 90.00\n"
            "2 | small kraft bag | 400 | 0.05 | 20.00\n | | | | 110.00",
            [("burger box", 750, None), ("small kraft bag", 400, None)],
        ),
        (
            "Item\tSize\tOn hand\tQty\nsip lid\t16oz\t200\t1500\ndome lid\t-\t50\t2 ctn",
            [("sip lid", 1500, "16 oz"), ("dome lid", 2, None)],
        ),
    ],
)
def test_only_the_quantity_column_of_a_pasted_table_is_read(text, expected):
    assert items_of(text) == expected


def test_a_row_whose_quantity_cell_holds_no_figure_is_read_as_before():
    table = "Item\tStock\tQty\nburger box\t20\t300\n"
    assert items_of(table) == [("burger box", 300, None)]
    assert asks(table + "kraft bag\t5\tsame as box")


def test_a_date_after_till_goes_whole():
    assert quantities("Quote Q-2211 (valid till 15/08)\nwooden cutlery set 800") == [800]


# ------------------------------------------- a forwarded e-mail's header lines and signature


def test_a_forwarded_emails_header_and_signature_hold_no_quantity():
    text = (
        "---------- Forwarded message ---------\nFrom: Admin <admin@bunhouse.sg>\n"
        "Date: Tue, 9 Jul 2024 at 16:02\nSubject: Re: restock\n\nPls deliver:\n"
        "- 1000ml kraft takeaway box x 500\n\nBest regards,\nLim Wei\nBun House Pte Ltd\n"
        "UEN 202245678M | T: 6123 4567\nThis message is not intended for anyone else."
    )
    assert items_of(text) == [("kraft takeaway box", 500, "1000 ml")]


def test_a_company_registration_number_is_no_quantity():
    assert items_of("16oz cold cup 1000 pls. Bun House Pte Ltd, UEN 201812345K") == [
        ("cold cup", 1000, "16 oz")
    ]


# ------------------------------------------- "lid same": the same quantity, right after a line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pls send 12oz cup 3 ctn lid same ok", [("cup", 3, "12 oz"), ("lid", 3, "12 oz")]),
        (
            "16oz cold cup 800 dome lid same",
            [("cold cup", 800, "16 oz"), ("dome lid", 800, "16 oz")],
        ),
    ],
)
def test_a_lid_said_the_same_right_after_a_line_takes_its_quantity(text, expected):
    assert items_of(text) == expected
    # after two lines, or the same as another size: which quantity? it asks
    assert asks("12oz cup 1000 16oz cup 500 lid same")
    assert asks("12oz cup 500 lid same as the 16oz")


# ------------------------------------------- a correction written after the line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could you send 800 straws? Actually no, make it 1 carton.", [("straw", 1, None)]),
        (
            "8oz cups 1500 and 8oz lids 1000\n*sorry, lids also 1500, typo",
            [("cup", 1500, "8 oz"), ("lid", 1500, "8 oz")],
        ),
        (
            "burger box 300, small bag 300. sorry, bag should be 600",
            [("burger box", 300, None), ("small bag", 600, None)],
        ),
    ],
)
def test_a_correction_after_the_line_replaces_its_quantity(text, expected):
    assert items_of(text) == expected
    # naming no line, or two: which one? it asks
    assert asks("8oz cups 1500 and 12oz cups 1000\n*sorry, cups also 1500, typo")


# ------------------------------------------- autocorrect slips, "in" for the inch


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12oz cup 1000 + dome kids 1000", [("cup", 1000, "12 oz"), ("dome lid", 1000, "12 oz")]),
        ("2 ctn paper strays pls", [("paper straw", 2, None)]),
    ],
)
def test_an_autocorrected_lid_or_straw_is_read_where_the_word_before_says_so(text, expected):
    assert items_of(text) == expected
    assert "lid" not in " ".join(i.product for i in parse_order("cups 500 for the kids").items)


def test_in_after_a_pizza_boxs_size_is_the_inch():
    assert items_of("10 in white pizza box 200, 12 in 100 pcs") == [
        ("white pizza box", 200, "10 inch"),
        ("pizza box", 100, "12 inch"),
    ]
    assert 12 not in quantities("pizza box 12 in 3 cartons")


def test_a_week_number_in_brackets_is_no_quantity():
    assert items_of("PO 7781 (wk 41)\nburger box 2 ctn") == [("burger box", 2, None)]
