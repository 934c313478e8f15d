"""fresh11's classes (issue 19, twelfth round): each language's own quantity expressions read
whole instead of asked about: half a carton and a number and a half of cartons; lids 'for both'
cup lines (a wrong order before: only the last line's lids); packs whose count is written ('3
packs of 100'); an apology at the end that names one earlier line and gives its new quantity.
Sentences written for this file, not taken from any evaluation set."""

from decimal import Decimal

import pytest

from orders import catalog
from orders.parsing import HALF_CARTON, ParsedItem, parse_order
from tests.factories import ProductFactory
from tests.orders.parsing_support import asks, quantities

# ------------------------------------------------------------------ half cartons


def halves(text: str) -> list[tuple[int, str]]:
    """(quantity, unit) of every line, [] when the parser doubts the message."""
    parsed = parse_order(text)
    return [] if parsed.doubt else [(i.quantity, i.unit) for i in parsed.items]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can send half a carton of the 12oz lids tmr", [(1, HALF_CARTON)]),
        ("straw half ctn pls", [(1, HALF_CARTON)]),
        ("餐巾纸半箱就好", [(1, HALF_CARTON)]),
        ("penutup 8oz setengah karton", [(1, HALF_CARTON)]),
        ("napkin அரை carton அனுப்புங்க", [(1, HALF_CARTON)]),
        ("12oz cup 2 ctn, 8oz lid half carton", [(2, "carton"), (1, HALF_CARTON)]),
    ],
)
def test_half_a_carton_is_read_in_every_language(text, expected):
    assert halves(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one and a half cartons of napkins please", [(3, HALF_CARTON)]),
        ("wooden cutlery 2.5 ctn", [(5, HALF_CARTON)]),
        ("paper straw 1 1/2 ctn", [(3, HALF_CARTON)]),
        ("12寸披萨盒两箱半", [(5, HALF_CARTON)]),
        ("beg kecil dua setengah karton", [(5, HALF_CARTON)]),
        ("burger box ரெண்டரை carton", [(5, HALF_CARTON)]),
        ("napkin 1 carton and a half", [(3, HALF_CARTON)]),
    ],
)
def test_a_number_and_a_half_of_cartons_is_counted_in_half_cartons(text, expected):
    assert halves(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "half the napkins in 2-ply, 2 ctn",  # half of what? the parser asks
        "12oz cup 2 ctn, half of them with lids",
        "一半要白色的，披萨盒两箱",
        "straw setengah je, yang lain napkin 2 karton",
    ],
)
def test_a_half_that_is_no_half_carton_is_still_asked_about(text):
    assert asks(text)


def test_a_date_written_with_a_slash_is_no_half():
    assert halves("deliver 1/2 pls, napkin 2 ctn") == [(2, "carton")]


def test_half_cartons_are_counted_in_the_product_s_units():
    boxes = ProductFactory.build(
        name="Burger box", unit="pcs", pack_size=250, unit_price=Decimal("0.1")
    )
    assert catalog.units_to_quantity(ParsedItem("burger box", 1, HALF_CARTON), boxes) == 125
    assert catalog.units_to_quantity(ParsedItem("burger box", 3, HALF_CARTON), boxes) == 375


def test_a_half_carton_line_is_described_as_cartons():
    assert ParsedItem("napkin", 1, HALF_CARTON).describe() == "half a carton of napkin"
    assert ParsedItem("napkin", 3, HALF_CARTON).describe() == "1.5 cartons of napkin"


# ------------------------------------------------------------- lids for both cup lines


def lines(text: str) -> list[tuple[str, int, str, str | None]]:
    parsed = parse_order(text)
    return [] if parsed.doubt else [(i.product, i.quantity, i.unit, i.size) for i in parsed.items]


@pytest.mark.parametrize(
    "text",
    [
        "8oz cups 3 ctn and 12oz cups 1 ctn, plus lids for both",
        "cawan 8oz 3 karton, cawan 12oz 1 karton, penutup untuk kedua-dua",
        "8oz杯三箱，12oz杯一箱，两种都要盖子",
    ],
)
def test_lids_for_both_cup_lines_take_each_line_s_size_and_quantity(text):
    assert [(q, unit, size) for _, q, unit, size in lines(text)] == [
        (3, "carton", "8 oz"),
        (1, "carton", "12 oz"),
        (3, "carton", "8 oz"),
        (1, "carton", "12 oz"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "12oz cup 2000, lids for both",  # one cup line: both of what?
        "12oz cup 2000, 16oz cup 1000, napkins for both outlets",  # how many napkins?
    ],
)
def test_another_product_for_both_or_both_after_one_line_is_asked_about(text):
    assert asks(text)


def test_lids_without_both_after_two_cup_lines_are_asked_about():
    # the lids of which line? (fresh9's rule: a companion after two lines of its type asks)
    assert asks("8oz cup 2 ctn, 12oz cup 1000 and the lids")


def test_lids_without_both_after_one_cup_line_follow_it():
    assert lines("napkins 2 ctn, 12oz cup 1000 and the lids") == [
        ("napkin", 2, "carton", None),
        ("cup", 1000, "pcs", "12 oz"),
        ("lid", 1000, "pcs", "12 oz"),
    ]


# ---------------------------------------------------------- packs whose count is written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paper straws 3 packs of 100 pls", [300]),
        ("need 5 bundles x 20 of the 12 inch pizza boxes", [100]),
        ("餐巾纸三包，每包两百张", [600]),
        ("straw kertas empat bungkus, sebungkus 100 batang", [400]),
        ("12oz lid, 100 pcs pack மூணு", [300]),
        ("cutlery set 2 pkt x 50 sets", [100]),
    ],
)
def test_packs_with_their_count_written_are_pieces(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text", ["napkin 3 packs", "straw dua bungkus", "纸巾两包"])
def test_packs_without_their_count_are_still_a_unit_to_confirm(text):
    assert asks(text)


def test_a_size_after_packs_of_is_no_count():
    parsed = parse_order("2 bundles of 12 inch pizza boxes")
    assert [(i.quantity, i.unit, i.size) for i in parsed.items] == [(2, "bundle", "12 inch")]


# ------------------------------------------- a later apology that corrects one named line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12oz cup 2000, 16oz cup 1000. sorry 16oz cup make it 1500", [2000, 1500]),
        ("napkin 3000, straw 2000. oops straw change to 2500", [3000, 2500]),
        ("吸管两千支，纸巾三千张。对不起，吸管改成一千支", [1000, 3000]),
        ("straw 2000, napkin 4000. maaf, napkin 5000 je", [2000, 5000]),
    ],
)
def test_an_apology_naming_one_earlier_line_corrects_its_quantity(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "small bag 1000, big bag 500. sorry bag make it 750",  # which bag?
        "napkin 2000. sorry straw 300",  # a line of its own, or a correction?
    ],
)
def test_an_apology_naming_no_line_or_two_lines_is_still_asked_about(text):
    assert asks(text)


# ------------------------------------------------------------------ one more carton


@pytest.mark.parametrize(
    "text",
    [
        "we ran out of lids, one more carton of 12oz lids pls",
        "napkin 2 ctn and another carton of straws",
        "12oz lid இன்னொரு carton வேணும்",
    ],
)
def test_one_more_carton_is_one_carton(text):
    assert parse_order(text).items[-1].quantity == 1
    assert parse_order(text).items[-1].unit == "carton"
    assert not parse_order(text).doubt


def test_one_more_without_a_unit_is_still_no_quantity():
    assert asks("can send one more of the 12oz lids")
