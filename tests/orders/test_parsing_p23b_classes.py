"""fresh60's classes (p23b): messages typed fast by people who type badly.

Chinese in traditional characters ("紙巾", "兩箱") is read as the simplified the lexicon knows
(before, "紙巾兩箱" was dropped and only the line before it ordered, a wrong order). A Chinese
input method's homophone for a product word ("纸被" for 纸杯, "西管" for 吸管, "参具" for 餐具,
"汉堡和" for 汉堡盒 before a number, "大包盒" for 打包盒, "安士概" for 安士盖) is that word.
Malay number words written as said or short ("lima pulh", "tiga ratos", "sribu") are the numbers
(before, "dua ratus lima pulh" ordered 205). English product words and units slipped ("lidd",
"stra", "crtn", "papercup") and a number glued to its size or unit ("14inch", "8inci", "1karton",
"16ox") read right; "wk" is a week. A line with no product word in the size of the line before
("8oz cup 1000, 8oz 1000") asks: the same product twice, or another whose word was slipped
(before, the cup was ordered twice, a wrong order). Sentences written for this file, not taken
from any evaluation set.
"""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------- Chinese: traditional characters, input-method slips


def test_traditional_characters_read_as_the_simplified_product_words():
    assert items_of("紙杯八安士三箱，紙巾兩箱") == [
        ("paper cup", 3, "8 oz"),
        ("napkin", 2, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16安士纸被三百个", [("paper cup", 300, "16 oz")]),
        ("麻烦西管两千支", [("straw", 2000, None)]),
        ("木头参具一千套", [("wooden cutlery set", 1000, None)]),
        ("汉堡和四百个", [("burger box", 400, None)]),
        ("1000毫升大包盒二百个", [("takeaway box", 200, "1000 ml")]),
        ("纸斤三箱", [("napkin", 3, None)]),
    ],
)
def test_an_input_methods_homophone_of_a_product_word_is_that_product(text, expected):
    assert items_of(text) == expected


def test_a_homophone_of_lid_after_a_size_is_a_lid_but_about_is_no_lid():
    assert items_of("12安士杯三百，12安士概三百") == [("cup", 300, "12 oz"), ("lid", 300, "12 oz")]
    # "大概" (about) stays "about": no lid
    assert "lid" not in " ".join(p for p, _, _ in items_of("纸巾大概两箱"))


# ------------------------------------------- Malay number words slipped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cawan 8oz tiga ratus lima pulh", [350]),
        ("beg kertas besar empat ratos", [400]),
        ("straw sribu", [1000]),
        ("napkin dua ribu lima ratos", [2500]),
    ],
)
def test_malay_number_words_written_as_said_or_short_are_the_numbers(text, expected):
    assert quantities(text) == expected


# ------------------------------------------- English product words and units slipped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8oz cup 600 n lidd 600", [("cup", 600, "8 oz"), ("lid", 600, "8 oz")]),
        ("stra 3ctn thx", [("straw", 3, None)]),
        ("napkins 4crtn", [("napkin", 4, None)]),
        ("12oz papercup 900", [("paper cup", 900, "12 oz")]),
    ],
)
def test_product_words_and_units_with_a_letter_slipped_read_right(text, expected):
    assert items_of(text) == expected


def test_a_carton_misspelt_and_glued_to_its_number_is_a_carton():
    parsed = parse_order("napkins 4crtn")
    assert [(item.quantity, item.unit) for item in parsed.items] == [(4, "carton")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kotak pizza 12inci 150", [("pizza box", 150, "12 inch")]),
        ("12ox cold cup 700", [("cold cup", 700, "12 oz")]),
    ],
)
def test_a_number_glued_to_its_size_word_is_the_size(text, expected):
    assert items_of(text) == expected


def test_a_number_glued_to_karton_counts_cartons():
    parsed = parse_order("tisu 3karton")
    assert [(item.product, item.quantity, item.unit) for item in parsed.items] == [
        ("napkin", 3, "carton")
    ]


def test_a_full_stop_glued_to_the_next_sentences_size_keeps_the_size():
    assert items_of("hi its anna.10inch pizza box finish, 1ctn pls") == [
        ("pizza box", 1, "10 inch")
    ]


def test_a_product_that_ran_out_is_still_the_product():
    assert items_of("the 1000ml box run out, send 2 ctn") == [("box", 2, "1000 ml")]


def test_the_week_written_short_names_the_order_to_repeat():
    assert parse_order("pls repeat order last wk").repeat_last


# ------------------------------------------- a size said again with no product: ask


def test_a_line_in_the_size_before_with_no_product_word_asks():
    assert asks("16oz cup 500, 16oz 500")
    assert asks("8安士杯二百，8安士棍二百")
    # another size still takes the product of the line before
    assert quantities("16oz cup 500, 12oz 300") == [500, 300]
