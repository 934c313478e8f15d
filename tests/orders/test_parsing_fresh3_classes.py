"""fresh3's classes (issue 19, fourth round): a message that is not an order must not become one
even when it names products and numbers; Singlish and Tamil phrasings. Sentences written for this
file, not taken from any evaluation set."""

import pytest

from orders import intents
from orders.parsing import parse_order


def would_order(text: str) -> bool:
    """The assistant orders at once only when items were read and nothing is in doubt."""
    parsed = parse_order(text)
    return bool(parsed.items or parsed.repeat_last) and not parsed.doubt


# ---------------------------------------------------------------- how many a carton holds


@pytest.mark.parametrize(
    "text",
    [
        "how many napkins inside 1 carton ah?",
        "1 ctn of 8oz lids got how many pcs?",
        "一箱吸管有多少支？",
        "两箱盖子大概几个？",
        "napkin oru carton la evlo pieces?",
        "ஒரு carton cup ல எத்தனை இருக்கும்?",
    ],
)
def test_a_question_about_how_many_a_carton_holds_is_no_order(text):
    assert not would_order(text)


# ---------------------------------------------------------------- an addition or a change


@pytest.mark.parametrize(
    "text",
    [
        "pls add 2 ctn napkin to my order this morning",
        "can add another 500 straws into yesterday order?",
        "nethu order la 12oz cup 3 carton ah maathidunga",
        "lid 1000 ku maatrunga pls",
    ],
)
def test_an_addition_to_or_change_of_a_placed_order_is_no_new_order(text):
    assert not would_order(text)


@pytest.mark.parametrize(
    "text",
    [
        "12oz cup 2 carton venum, mathiyam kulla anuppunga",
        "napkin 5000 mattum podhum",
        "add 8oz lids 1000 pls",
        "上次的盖子有几个裂了。这次14寸披萨盒两百个",
    ],
)
def test_orders_that_look_alike_are_still_orders(text):
    assert would_order(text)


# ---------------------------------------------------------------- Singlish: times and fillers


def items(text: str) -> list[tuple]:
    return [(i.product, i.quantity, i.unit, i.size) for i in parse_order(text).items]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("b4 11 pls send 3 ctn napkin", 3),
        ("napkin 3 ctn, reach bef 9 can?", 3),
        ("aft 2 then send napkin 3 ctn ok", 3),
    ],
)
def test_b4_bef_aft_before_a_number_is_a_time(text, quantity):
    assert [(product, qty) for product, qty, _, _ in items(text)] == [("napkin", quantity)]
    assert not parse_order(text).doubt


def test_help_arrange_is_no_product_word():
    parsed = parse_order("16oz cold cup 1 thousand, 12oz cold cup 500 pls help arrange")
    assert [(i.quantity, i.size) for i in parsed.items] == [(1000, "16 oz"), (500, "12 oz")]
    assert all("arrange" not in i.product for i in parsed.items)


# ---------------------------------------------------------------- times and Tamil hundreds


@pytest.mark.parametrize(
    "text",
    [
        "deliver 9-11am pls: 12oz cups 800",
        "12oz cups 800, come between 3 to 6pm",
        "12oz cups 800 saayangalam 4 mani kku",
    ],
)
def test_a_span_of_hours_and_mani_are_times(text):
    assert [(i.quantity, i.size) for i in parse_order(text).items] == [(800, "12 oz")]


@pytest.mark.parametrize(
    ("word", "quantity"),
    [("arunooru", 600), ("ezhunooru", 700), ("ennooru", 800), ("naalaayiram", 4000)],
)
def test_romanised_tamil_hundreds_and_thousands(word, quantity):
    assert [i.quantity for i in parse_order(f"anna napkin {word} venum").items] == [quantity]


# ---------------------------------------------------------------- a remark before the items


@pytest.mark.parametrize(
    "text",
    [
        "Your driver came very late on Monday, the kitchen had to wait. "
        "This week 14 inch pizza box 200",
        "上个礼拜的司机很晚才到。这次14寸披萨盒两百个",
    ],
)
def test_a_remark_ended_by_a_full_stop_is_no_part_of_the_next_item(text):
    parsed = parse_order(text)
    assert [(i.product, i.quantity, i.size) for i in parsed.items] == [
        ("pizza box", 200, "14 inch")
    ]
    assert not parsed.doubt


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("napkin 4000, eh tak, 3500 je", 3500), ("straw 2 ctn... tak, 3 ctn saja", 3)],
)
def test_malay_tak_between_two_quantities_takes_the_first_back(text, quantity):
    parsed = parse_order(text)
    assert [i.quantity for i in parsed.items] == [quantity]
    assert not parsed.doubt


# ---------------------------------------------------------------- intents and a Chinese repeat


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how many straws inside one carton ah?", "product_question"),
        ("一包餐巾纸大概有多少张？", "product_question"),
        ("napkin oru carton la evlo irukum?", "product_question"),
        ("pls add 2 more ctn napkin to our order this morning", "order_change"),
        ("nethu order la lid 1000 ah maathidunga", "order_change"),
        ("kelmarin punya order dah hantar ke?", "order_status"),
        ("நேற்று order பண்ணது அனுப்பிட்டீங்களா?", "order_status"),
        ("வந்த napkin எல்லாம் நனைஞ்சு இருக்கு", "complaint"),
    ],
)
def test_intents_of_fresh3_classes(text, intent):
    assert intents.classify_intent(text).intent == intent


@pytest.mark.parametrize(
    "text", ["司机的电话是多少？", "shop open at what time, how many staff there?"]
)
def test_how_many_about_something_else_is_no_product_question(text):
    assert intents.classify_intent(text).intent != "product_question"


@pytest.mark.parametrize("text", ["和上星期订的一样就好", "照上个月一样，谢谢"])
def test_the_same_as_an_earlier_week_or_month_is_a_repeat(text):
    parsed = parse_order(text)
    assert parsed.repeat_last and not parsed.items and not parsed.doubt


# ---------------------------------------------------------------- an address after the items


@pytest.mark.parametrize(
    "text",
    [
        "Tolong hantar napkin 3000 ke Jalan Besar 88? Tel 9123 4567",
        "can send napkin 3000 to 21 Tampines Street 4 pls",
    ],
)
def test_items_before_an_address_clause_are_kept_and_its_numbers_are_not(text):
    parsed = parse_order(text)
    assert [(i.product, i.quantity) for i in parsed.items] == [("napkin", 3000)]
    assert not parsed.doubt


def test_a_romanised_tamil_run_on_with_a_time_gives_each_item():
    parsed = parse_order(
        "akka inniku kadaiku straw rendaayiram venum appuram 8oz cup naalu carton um venum "
        "kaalaila pathu mani kulla vantha pothum"
    )
    assert [(i.product, i.quantity, i.unit, i.size) for i in parsed.items] == [
        ("straw", 2000, "pcs", None),
        ("cup", 4, "carton", "8 oz"),
    ]
    assert not parsed.doubt
