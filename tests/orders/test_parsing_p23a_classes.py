"""Corrections inside one message (p23a, read from fresh57-63).

The customer writes a quantity and takes it back in the same message. A cry of dismay before the
apology ("aiyo salah", "aiya sorry make it ...") is filler, as "ah" and "eh" were; "sorry I mean
2 ctn" names the number meant; a Chinese word right before the number ("要900个，不好意思打错，
是600个") no longer hides it from the correction; a correction that names its line may follow a
spaced hyphen (" - sorry, lids make it 900") or open with "wait ah" and end with "enough" ("wait
ah, napkin 1 ctn enough", before: a second napkin line, a wrong order); "Correction - 4 cartons,
not 5" gives the new number and the one it takes back, which must be the only quantity before it.
Where two quantities could be the one meant the parser still asks. Sentences written for this
file, not taken from any evaluation set."""

import pytest

from tests.orders.parsing_support import asks, quantities

# ------------------------------------------- a cry of dismay before the correction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8oz cup 2000, aiyo salah, 2500. straw 2500 also", [2500, 2500]),
        ("napkin 3000, alamak sorry, 4000", [4000]),
        ("10 inch pizza box 200pcs. Aiyah sorry make it 250pcs", [250]),
    ],
)
def test_a_cry_of_dismay_before_the_apology_still_corrects_the_quantity(text, expected):
    assert quantities(text) == expected


def test_sorry_i_mean_names_the_number_meant_for_the_line_before():
    assert quantities("Pls send 4 ctn 750ml box, sorry I mean 3 ctn. Also 2 ctn napkins") == [3, 2]


def test_a_chinese_word_right_before_the_number_does_not_hide_its_correction():
    assert quantities("纸巾要两千，不好意思打错，是三千") == [3000]


# ------------------------------------------- a correction that names its line


def test_a_correction_after_a_spaced_hyphen_names_its_line():
    assert quantities("8oz cups 1500, 8oz lids 1500 - sorry, lids make it 900") == [1500, 900]


def test_wait_ah_and_enough_correct_the_named_line_instead_of_adding_one():
    text = "napkin 2 ctn, 12oz cup 4 ctn. Wait ah, napkin 1 ctn enough"
    assert quantities(text) == [1, 4]


def test_a_chinese_apology_that_names_its_line_and_says_gai_corrects_that_line():
    assert quantities("纸巾三箱，小纸袋五百。不好意思，纸巾改两箱") == [2, 500]
    # the same product on two lines: which one? the parser asks
    assert asks("纸巾三箱，纸巾两箱。不好意思，纸巾改一箱")


# ------------------------------------------- the new number, then the one taken back


def test_a_correction_that_says_which_number_it_takes_back_replaces_only_that_number():
    assert quantities("Can send 6 cartons of 16oz lids tmr? Correction - 5 cartons, not 6.") == [5]
    # a number never written, or one of two quantities: which line? the parser asks
    assert asks("Can send 6 cartons of 16oz lids tmr? Correction - 5 cartons, not 7.")
    assert asks("napkin 3 ctn, 16oz lids 3 ctn. Correction - 2 cartons, not 3.")


# ------------------------------------------- a placed order made smaller


def test_a_quantity_of_todays_placed_order_said_no_to_and_a_smaller_one_enough_is_a_change():
    # "in today's order, not 4 cartons of napkins: 3 are enough": no new order of 3 cartons
    assert asks("இன்னைக்கு ஆர்டர்ல napkin 4 ctn வேண்டாம், 3 ctn போதும்")


# ------------------------------------------- the shop named with its outlet or its district


def test_a_shop_introduced_with_its_town_and_outlet_number_orders_no_line_of_that_number():
    text = "Hello, Kopi Corner Bedok 2 here. Pls send 2 ctn 12oz cups and 1 ctn napkins"
    assert quantities(text) == [2, 1]


def test_a_shop_signed_after_a_dash_with_a_comma_before_its_district_is_no_line():
    text = "Morning! 8oz cups x 800 and napkins x 3000 pls - Salad Bowl Co, Novena"
    assert quantities(text) == [800, 3000]
