"""The offline parser on orders as outlets write them (issue 19): languages, numerals, sizes,
contact details, and the doubts that make the assistant ask instead of ordering."""

import pytest

from orders import intents
from orders.parsing import ParsedItem, parse_order


def items(text: str) -> list[tuple]:
    return [(i.product, i.quantity, i.unit, i.size) for i in parse_order(text).items]


def test_a_cup_line_then_a_lid_line_orders_both_and_the_lids_fit_the_cups():
    assert items("boss tmr can send?\n12oz cup 1k\nlid also 1k") == [
        ("cup", 1000, "pcs", "12 oz"),
        ("lid", 1000, "pcs", "12 oz"),
    ]


def test_a_quantity_in_words_after_the_product_is_read_whole():
    assert items("pizza box 12inch 3 hundred, 14inch 1 hundred can or not") == [
        ("pizza box", 300, "pcs", "12 inch"),
        ("pizza box", 100, "pcs", "14 inch"),
    ]


def test_k_quantities_and_two_items_without_separator():
    assert items("napkin 5k straw 1.5k") == [
        ("napkin", 5000, "pcs", None),
        ("straw", 1500, "pcs", None),
    ]


def test_contact_details_are_neither_items_nor_kept_in_the_product():
    text = "my email is jane.doe@example.com and call 91234567, 200 hot cups 16oz"
    assert items(text) == [("hot cup", 200, "pcs", "16 oz")]


def test_an_address_after_the_items_is_not_an_item():
    text = "8oz hot cup 1000, 8oz lid 1000\ndeliver to blk 123 AMK ave 3 #01-45, call 98765432"
    assert items(text) == [("hot cup", 1000, "pcs", "8 oz"), ("sip lid", 1000, "pcs", "8 oz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("要三百个12寸披萨盒", [("pizza box", 300, "pcs", "12 inch")]),
        ("16盎司冷饮杯两千个", [("cold cup", 2000, "pcs", "16 oz")]),
        ("我要订16盎司热饮纸杯1千个", [("hot paper cup", 1000, "pcs", "16 oz")]),
        ("汉堡盒两百五十个", [("burger box", 250, "pcs", None)]),
        ("吸管一箱", [("straw", 1, "carton", None)]),
        ("kotak piza 8 inci seratus", [("pizza box", 100, "pcs", "8 inch")]),
        ("Beg kertas besar dua ratus lima puluh", [("paper bag large", 250, "pcs", None)]),
        ("Tolong hantar seribu lima ratus cawan 12oz", [("cup", 1500, "pcs", "12 oz")]),
        ("14 inch pizza box இருநூறு அனுப்புங்க", [("pizza box", 200, "pcs", "14 inch")]),
        ('12" pizza box 300 pcs', [("pizza box", 300, "pcs", "12 inch")]),
        ("12in pizza box x 3 ctn", [("pizza box", 3, "carton", "12 inch")]),
        ("500ml bowl 200 nos", [("bowl", 200, "pcs", "500 ml")]),
    ],
)
def test_chinese_malay_and_tamil_numbers_and_sizes(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12oz cup 1 or 2 ctn also can, u see how",
        "杯子12oz 大概一两千个吧",
        "Change the 12oz cups in my order to 2000 instead of 1000",
        "how much 1 ctn straw ah",
        "16oz cold cups 1.5k, dome lids same qty as last time",
        "same as last week but add 500 cups",
    ],
)
def test_an_unsure_reading_is_a_doubt_so_the_assistant_asks(text):
    assert parse_order(text).doubt


def test_a_sure_order_has_no_doubt():
    assert parse_order("1000 x 12oz hot cups and 1000 sip lids").doubt == ""


def test_same_as_last_time_in_chinese_malay_and_tamil():
    for text in ("照上次一样再来一份", "Sama macam order minggu lepas", "கடந்த முறை மாதிரியே ஆர்டர்"):
        assert parse_order(text).repeat_last, text


def test_a_digit_right_after_our_which_one_question_is_the_answer_not_a_rating():
    answer = intents.classify_intent("1", awaiting_choice=True)
    assert answer.intent == intents.ORDER_PLACEMENT
    assert intents.classify_intent("1", awaiting_rating=True).intent == intents.RATING


def test_parsed_items_describe_themselves():
    assert ParsedItem("cup", 2, "carton", "12 oz").describe() == "2 cartons of 12oz cup"
