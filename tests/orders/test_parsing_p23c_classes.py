"""Session 9, p23c: voice messages turned into text by speech-to-text (fresh64): the homophones of
an order ("tree hundred", "the ship lids", "12 once cup", "clam shell", the Malay
"auns" and "ons") and the run-on clauses of a message with no punctuation (the speaker introducing
herself before the order, the usual delivery time after it, lids said no to, "both kraft" saying
again the kind of every line). Sentences written for this file, not taken from any evaluation
set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import items_of

# ------------------------------------------------------------------- homophones of an order


def test_tree_before_hundred_is_the_number_three():
    assert items_of("please send ten inch pizza box tree hundred") == [
        ("pizza box", 300, "10 inch")
    ]


def test_the_ship_lids_are_sip_lids_and_to_ship_lids_stays_a_verb():
    assert items_of("8 oz paper cups 1000 and the ship lids 1000")[1] == ("sip lid", 1000, "8 oz")
    assert "ship" in parse_order("can you ship lids 8oz 1000").items[0].product


def test_once_after_a_size_number_before_a_cup_is_an_ounce_and_before_you_a_conjunction():
    assert items_of("send 3 carton 8 once paper cup") == [("paper cup", 3, "8 oz")]
    parsed = parse_order("8oz cup 500 once you ready send")
    assert [item.size for item in parsed.items] == ["8 oz"]


def test_a_malay_ounce_spelled_auns_or_ons_is_a_size():
    assert items_of("cawan kertas 16 auns dua karton")[0][2] == "16 oz"
    assert items_of("cawan 8 ons lima ratus") == [("cup", 500, "8 oz")]


def test_a_clamshell_said_as_two_words_is_one_product():
    assert items_of("clam shell 2 carton napkins 1 carton") == [
        ("clamshell", 2, None),
        ("napkin", 1, None),
    ]


# ------------------------------------------------------------------- run-on clauses


@pytest.mark.parametrize(
    "text",
    [
        "hello it's Ravi from the noodle stall at Bedok we need 12 oz cups 1000",
        "hi this is Mei from the cafe at Jurong point I want 12 oz cups 1000",
    ],
)
def test_a_speaker_introduction_before_the_want_is_no_product(text):
    assert items_of(text) == [("cup", 1000, "12 oz")]


def test_the_usual_delivery_time_after_the_lines_is_no_repeat_and_no_line():
    assert items_of("8 oz hot cups 500 and the sip lids 500 the usual delivery time ok") == [
        ("hot cup", 500, "8 oz"),
        ("sip lid", 500, "8 oz"),
    ]


def test_lids_said_no_to_without_a_comma_are_a_clause_of_their_own():
    assert items_of("2 carton 8 oz paper cup ah the lid no need still have") == [
        ("paper cup", 2, "8 oz")
    ]


def test_both_of_a_kind_said_again_at_the_end_closes_the_list_and_a_new_kind_is_kept():
    assert items_of("white 10 inch pizza box 200 and 12 inch 100 both white") == [
        ("white pizza box", 200, "10 inch"),
        ("pizza box", 100, "12 inch"),
    ]
    parsed = parse_order("10 inch pizza box 200 and 12 inch 100 both white")
    assert "white" in parsed.items[1].product
