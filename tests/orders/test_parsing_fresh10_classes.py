"""fresh10's classes (issue 19, thirteenth round): a count too small for goods sold by the
thousand with no unit written ('12oz cup 2': pieces or cartons?) and a straw of a kind we do not
sell (bubble tea, fat, plastic: our straw is 6mm paper) asked about instead of ordered (wrong
orders before). Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------- a small count without a unit is asked about


@pytest.mark.parametrize(
    "text",
    [
        "8oz lid 3 thanks",
        "napkin 5 pls",
        "send 2 burger box tmr",
        "1000ml box 4, 750ml box 6",
        "kraft bag besar 3",
    ],
)
def test_a_small_count_without_a_unit_asks_pieces_or_cartons(text):
    assert asks(text)
    assert "a small count without a unit" in parse_order(text).doubt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8oz lid 3 ctn thanks", [3]),  # the unit written
        ("napkin 5 pcs only pls", [5]),  # pieces written
        ("burger box 300", [300]),  # a count of pieces
        ("4 cartons of 1000ml box and 2 of the 750ml", [4, 2]),  # the unit of the line before
        ("三个汉堡盒", [3]),  # 个: pieces said
    ],
)
def test_a_count_with_its_unit_or_a_large_count_keeps_its_reading(text, expected):
    assert quantities(text) == expected


# ----------------------------------------------- a straw of a kind we do not sell asks


@pytest.mark.parametrize(
    "text",
    [
        "3000 boba straws pls",
        "straw (the wide ones) 5k",
        "need jumbo straw 2000 for the smoothies",
        "plastic straw 1 ctn",
        "straw besar 2 karton",
        "珍珠奶茶吸管两箱",
        "粗吸管五千支",
    ],
)
def test_a_straw_of_another_kind_is_asked_about(text):
    assert asks(text)
    assert "a straw kind to confirm" in parse_order(text).doubt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("paper straw 5000", [5000]),
        ("straws 2 ctn and large bags 500", [2, 500]),  # large is the bags'
        ("no plastic straw pls, paper straw 5000", [5000]),  # the other kind said no to
        ("tak nak straw plastik, straw kertas 5000", [5000]),
        ("吸管五千支", [5000]),
    ],
)
def test_our_straw_and_other_products_sizes_keep_their_reading(text, expected):
    assert quantities(text) == expected


# ------------------------------------ product words as voice-to-text and fast thumbs write them


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eight ounce cops one thousand", [("cup", 1000, "8 oz")]),
        ("16oz kups 2k pls", [("cup", 2000, "16 oz")]),
        ("8oz lidz 1000", [("lid", 1000, "8 oz")]),
    ],
)
def test_a_misheard_or_misspelt_product_word_is_read(text, expected):
    assert items_of(text) == expected


def test_the_right_spelling_keeps_its_reading():
    assert items_of("16oz cups 2k pls") == [("cup", 2000, "16 oz")]


# ------------------------------- 'lid also 1k the sip one': the kind after the quantity


def lines(text: str) -> list[tuple[str, int, str, str | None]]:
    """(product, quantity, unit, size) of every line, [] when the parser doubts the message."""
    parsed = parse_order(text)
    return [] if parsed.doubt else [(i.product, i.quantity, i.unit, i.size) for i in parsed.items]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "8oz cup 2k, lid also 2k the sip one",
            [("cup", 2000, "pcs", "8 oz"), ("lid sip", 2000, "pcs", "8 oz")],
        ),
        (
            "16oz cold cup 1 ctn, lid also 1 ctn the dome",
            [("cold cup", 1, "carton", "16 oz"), ("lid dome", 1, "carton", "16 oz")],
        ),
        (
            "bag 300 the small, napkin also 5000 the 2 ply",
            [("bag small", 300, "pcs", None), ("napkin two-ply", 5000, "pcs", None)],
        ),
    ],
)
def test_a_product_then_also_then_a_quantity_of_a_kind_is_one_line(text, expected):
    assert lines(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare quantity after the product named with also: one line, as before
        (
            "12oz cup 1k, lid also 1k",
            [("cup", 1000, "pcs", "12 oz"), ("lid", 1000, "pcs", "12 oz")],
        ),
        # the companion without a quantity of its own still takes the line before's
        (
            "12oz cup 1000 and the lids",
            [("cup", 1000, "pcs", "12 oz"), ("lid", 1000, "pcs", "12 oz")],
        ),
    ],
)
def test_a_companion_keeps_its_reading(text, expected):
    assert lines(text) == expected


# ------------------------------------ one pack or carton and, in brackets, the pieces it holds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin 1 pkt (5000pcs) thanks", [5000]),
        ("1 ctn (1000 pcs) 8oz lid", [1000]),
        ("wooden cutlery one pack (500 sets) pls", [500]),
    ],
)
def test_one_pack_with_its_pieces_in_brackets_is_those_pieces(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "napkin 2 pkt (5000pcs)",  # 5000 in each, or in all?
        "straw 1 pkt 5000pcs",  # no brackets: two numbers for one line
    ],
)
def test_more_packs_or_a_count_outside_brackets_still_asks(text):
    assert asks(text)


# --------------------------------------- '12/16安士盖': a lid for both sizes, not a date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/16安士盖两千个", [("lid", 2000, "12 oz")]),
        ("杯盖 12/16安士 一千个", [("lid", 1000, "12 oz")]),
    ],
)
def test_a_slash_size_in_chinese_is_the_lid_of_both_sizes(text, expected):
    assert items_of(text) == expected


def test_a_date_is_still_no_quantity():
    assert items_of("deliver 12/6 pls, cups 12oz 1000") == [("cup", 1000, "12 oz")]
    assert items_of("12/6送，12安士杯子一千个") == [("cup", 1000, "12 oz")]


# ------------------------------------- a phone number right after a Chinese word is cut out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("纸杯两千个，餐巾纸一箱。有事打8123 4567", [2000, 1]),
        ("吸管五千支，电话91234567，谢谢", [5000]),
    ],
)
def test_a_phone_number_after_chinese_is_no_quantity(text, expected):
    assert quantities(text) == expected


def test_a_quantity_after_chinese_is_still_read():
    assert quantities("纸杯要8000个") == [8000]


# ------------------------------------- Malay chat spellings of 'like last time' are a repeat


@pytest.mark.parametrize(
    "text",
    [
        "order mcm biasa ye",
        "nak order spt minggu lps",
        "hantar sama mcm hr tu boleh?",
    ],
)
def test_a_malay_repeat_in_chat_spelling_is_the_last_order(text):
    parsed = parse_order(text)
    assert parsed.repeat_last and not parsed.items


def test_a_malay_question_with_mcm_is_no_repeat():
    assert not parse_order("mcm mana nak order?").repeat_last


# ------------------------------ a correction in Chinese or 'change to' after the only quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("餐巾纸三箱，不好意思，改成两箱", [2]),
        ("12oz lid 800, sorry 改 1000", [1000]),
        ("1000ml box 600 pcs. sorry change to 900", [900]),
    ],
)
def test_a_correction_of_the_only_quantity_replaces_it(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "napkin 2 ctn, straw 1 ctn, 不好意思，改成3箱",  # which line?
        "cup 1000, 改天再订盖子",  # 改天 (another day) is no correction
    ],
)
def test_a_correction_that_names_no_line_of_two_still_asks(text):
    assert asks(text)


# --------------------------------- 'tak jadi' (not after all) takes a quantity back


def test_tak_jadi_then_a_quantity_replaces_the_one_before():
    assert lines("8oz lid 4 ctn, eh tak jadi, 3 ctn cukup") == [("lid", 3, "carton", "8 oz")]


@pytest.mark.parametrize(
    "text",
    [
        "8oz lid 4 ctn, eh tak jadi",  # taken back with nothing in its place
        "napkin 5000 x jadi",
    ],
)
def test_tak_jadi_without_a_new_quantity_asks(text):
    assert asks(text)


def test_cukup_is_no_product_word():
    assert lines("napkin 2 ctn cukup") == [("napkin", 2, "carton", None)]


def test_a_small_number_beside_no_product_is_not_a_small_count():
    # a signature's number is "a line without a product" (a doubt a model's reading answers)
    assert "a small count" not in parse_order("straw 5000 pls, thanks Ah Seng from Kopi 7").doubt
