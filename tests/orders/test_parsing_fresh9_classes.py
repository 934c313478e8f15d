"""fresh9's classes (issue 19, tenth round), and "the same amount" in every language (seen by a
user: "penutup sama banyak" was quoted as a product "12oz lid sama banyak"). Sentences written for
this file, not taken from any evaluation set; beside each class, sentences of the same shape that
must keep their old reading."""

import pytest

from orders.intents import classify_intent
from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------------------- the same amount, in every language


@pytest.mark.parametrize(
    "text",
    [
        "tolong hantar cawan 12oz dua ribu, penutup sama banyak",
        "cawan 12oz 2000 dan penutup jumlah yang sama",
        "cawan 12oz 2000, penutup pun sama",
        "12oz 杯子两千个，盖子一样多",
        "12oz杯子两千个，还要同样数量的盖子",
        "12oz 杯子两千个，盖子数量一样",
        "12oz cup ரெண்டாயிரம், மூடி அதே அளவு",
        "12oz cup ரெண்டாயிரம், lid same அளவு அனுப்புங்க",
        "12oz cup rendaayiram, moodi adhe alavu",
        "12oz cup 2000, lid sama banyak",
        "12oz cups 2000 and the same number of lids",
    ],
)
def test_lids_the_same_amount_take_the_cups_quantity_in_every_language(text):
    assert items_of(text) == [("cup", 2000, "12 oz"), ("lid", 2000, "12 oz")]


@pytest.mark.parametrize(
    "text",
    [
        "penutup sama banyak",
        "cawan 12oz, penutup sama banyak",
        "盖子一样多",
        "மூடி அதே அளவு",
        "lid same amount",
    ],
)
def test_the_same_amount_without_an_earlier_quantity_orders_nothing(text):
    assert parse_order(text).is_empty


def test_the_same_amount_after_two_lines_of_the_type_asks_which():
    assert asks("12oz cups 1000, 16oz cups 500, lids same amount")


def test_the_same_amount_as_last_time_asks():
    assert asks("cawan 12oz 1000, penutup sama banyak macam minggu lepas")


def test_the_same_amount_after_one_cup_line_among_other_goods_is_read():
    assert items_of("napkin 5000, 12oz cup 1000, lid same amount") == [
        ("napkin", 5000, None),
        ("cup", 1000, "12 oz"),
        ("lid", 1000, "12 oz"),
    ]


# ------------------------------------------------ goods waited for are an earlier order


@pytest.mark.parametrize(
    "text",
    [
        "When is the lorry coming? Still waiting for the 2 cartons of straws.",
        "masih tunggu 3 karton napkin, bila sampai?",
        "还在等那两箱吸管，几点到？",
    ],
)
def test_goods_the_customer_is_waiting_for_order_nothing(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    ["Pls send 12oz cups 2000, we are waiting", "12oz cups 2000 pls, can wait for next week"],
)
def test_an_order_that_mentions_waiting_is_still_read(text):
    assert items_of(text) == [("cup", 2000, "12 oz")]


# ------------------------------------- "if can" after a question about the goods is a condition


@pytest.mark.parametrize(
    "text",
    [
        "Your 750ml box can hold hot soup or not? If can we order 800",
        "kotak 1000ml boleh masuk microwave tak? kalau boleh ambil 300",
    ],
)
def test_if_can_after_a_question_about_the_goods_asks(text):
    assert asks(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("u guys deliver on sunday? if can send 2 ctn napkin", 2),
        ("napkin 2 ctn, if can send before 10am", 2),
    ],
)
def test_a_polite_if_can_still_orders(text, expected):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(i.quantity, i.unit) for i in parsed.items] == [(expected, "carton")]


# ------------------------------------------- "one, or else two": spoken Tamil and Malay


@pytest.mark.parametrize(
    "text",
    [
        "straw ஒன்னு இல்லன்னா ரெண்டு பெட்டி",
        "cawan 12oz 1 kalau tak 2 karton",
        "1 if not 2 ctn napkin",
    ],
)
def test_one_or_else_two_is_two_quantities(text):
    assert asks(text)


def test_spoken_tamil_one_is_read():
    parsed = parse_order("straw ஒன்னு பெட்டி")
    assert [(i.product, i.quantity, i.unit) for i in parsed.items] == [("straw", 1, "carton")]
    assert not parsed.doubt


# ------------------------------------------------------------ an order placed before


@pytest.mark.parametrize(
    "text",
    [
        "காலையில 500 cup 12oz order போட்டேன், கிடைச்சுதா?",
        "I placed an order for 300 12 inch pizza boxes this morning, got it?",
        "saya dah order 2 karton straw pagi tadi, dah terima ke?",
        "早上下了单，两箱吸管，看到了吗？",
    ],
)
def test_an_order_the_customer_placed_before_orders_nothing(text):
    assert asks(text)


def test_placing_an_order_now_is_read():
    assert items_of("We'd like to place an order: 500 12oz cups") == [("cup", 500, "12 oz")]


# ---------------------------------------------- a phone number that ends the sentence


def test_a_phone_number_before_the_full_stop_is_no_quantity():
    assert items_of("Pls send 400 napkins today. Call Ravi at 8123 4567.") == [
        ("napkin", 400, None)
    ]


# ------------------------------ a bare quantity after a sentence that says what is needed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Need straws. 5k. Paper ones.", [("straw", 5000, None)]),
        ("Running out of burger boxes. 600 pls.", [("burger box", 600, None)]),
    ],
)
def test_a_bare_quantity_takes_the_product_the_sentence_before_needs(text, expected):
    assert items_of(text) == expected


def test_a_bare_number_after_a_damage_report_orders_nothing():
    assert parse_order("The burger boxes came crushed. 50.").is_empty


# ------------------------------------------ a correction in sets, after 'sorry typo'


def test_a_set_count_corrected_after_sorry_typo_is_the_later_one():
    assert items_of("wooden cutlery 800 sets, sorry typo 1800 sets") == [
        ("wooden cutlery set", 1800, None)
    ]


def test_an_apology_for_something_else_still_asks():
    assert asks("cutlery set 800, sorry for the late order")


# ------------------------------------ a block number and a Singapore town are an address


@pytest.mark.parametrize(
    "text",
    [
        "Hi this is Ken from the cafe at 45 Tiong Bahru, need 3000 straws",
        "hello, Siti from the stall at 512 Ang Mo Kio, need 3000 straws",
    ],
)
def test_a_block_number_before_a_town_is_no_quantity(text):
    assert quantities(text) == [3000]


def test_a_town_without_a_block_number_keeps_the_quantity_before_it():
    assert [i.quantity for i in parse_order("500 cups for bedok").items] == [500]


# --------------------------------------------- Malay: goods still in stock, cutlery words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Straw kertas 3000 sahaja, napkin ada lagi", [("straw paper", 3000, None)]),
        ("cawan 12oz 2000, penutup masih cukup", [("cup", 2000, "12 oz")]),
    ],
)
def test_goods_still_in_stock_are_no_line_in_malay(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Nak set kutleri kayu 2 karton", 2), ("sudu garfu kayu 500 set", 500)],
)
def test_malay_cutlery_words_name_the_wooden_cutlery(text, expected):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(i.quantity, "cutlery" in i.product) for i in parsed.items] == [(expected, True)]


# ------------------------------------------------------------- spoken Tamil, fused


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin நூத்தம்பது", [150]),
        ("straw இருநூத்தம்பது அனுப்புங்க", [250]),
        ("straw நூத்தி அம்பது", [150]),
    ],
)
def test_a_hundred_fused_with_fifty_is_read(text, expected):
    assert quantities(text) == expected


# -------------------------------- "no need, N" corrects the quantity; a kind said no to


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12oz cup முன்னூறு வேணும். வேண்டாம், நானூறு போதும்", [400]),
        ("straw 500 tak payah, 600", [600]),
    ],
)
def test_no_need_then_a_number_corrects_the_quantity(text, expected):
    assert quantities(text) == expected


def test_a_product_said_no_to_is_still_no_line():
    assert items_of("12oz cup 500, lid வேண்டாம்") == [("cup", 500, "12 oz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kraft 12 inch pizza box முன்னூறு, white இல்ல", ("kraft pizza box", 300, "12 inch")),
        ("white pizza box 10 inch 300, bukan kraft", ("white pizza box", 300, "10 inch")),
    ],
)
def test_the_other_kind_said_no_to_in_tamil_or_malay_is_read(text, expected):
    assert items_of(text) == [expected]


def test_two_kinds_with_their_own_quantities_are_both_read():
    assert quantities("kraft pizza box 10 inch 300, white 200") == [300, 200]


def test_the_items_after_a_town_address_and_a_colon_are_read():
    assert quantities("hantar ke 12 Toa Payoh: kotak pizza 8 inci tiga ratus, napkin seribu") == [
        300,
        1000,
    ]


# ------------------------------------------- what a message naming goods is about (intent)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Is the driver on the way? Still waiting for the 4 cartons of napkins.", "delivery_query"),
        ("I placed an order for 300 napkins this morning, did you get it?", "order_status"),
        ("காலையில 500 cup order போட்டேன், கிடைச்சுதா?", "order_status"),
        ("Yesterday order 的 napkin 3 ctn 处理了没有?", "order_status"),
        ("the 12oz lids 1 ctn cannot close properly, all leak", "complaint"),
        ("上礼拜送来的12oz纸杯有五十多个是裂的", "complaint"),
        ("订了三箱吸管，只收到两箱", "complaint"),
        ("வந்த lid எல்லாம் fit ஆகல, ஆயிரம் waste", "complaint"),
        ("以后订货找我女儿，电话9123 4567", "other"),
        ("இனிமே order என் அக்கா போடுவாங்க, நம்பர் 8123 4567", "other"),
        ("一箱纸巾是几张？两千张吗？", "product_question"),
        ("Satu karton cawan ada berapa biji? 1000 ke?", "product_question"),
    ],
)
def test_a_message_naming_goods_that_is_no_new_order_gets_its_intent(text, intent):
    assert classify_intent(text).intent == intent
    assert asks(text)


@pytest.mark.parametrize(
    "text", ["Need 500 napkins, we are waiting", "以后也请送这个牌子的纸杯，12oz 两千个"]
)
def test_an_order_that_talks_of_waiting_or_later_orders_stays_an_order(text):
    assert classify_intent(text).intent == "order_placement"
