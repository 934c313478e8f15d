"""fresh17, fresh18 and fresh20's classes (issue 19): the lid of the hot paper cups named before it
('16oz hot cup 1 ctn, the lid for it 1 ctn' is their sip lid; before, sip or dome asked); a
quantity corrected with 'sorry ah 改 2000' or in Tamil ('மன்னிக்கவும், 300 ஆக மாற்றுங்க'); a repeat
written 'sama mcm last order', 'same like previous', 'கடைசி order மாதிரியே'; another size 'the same'
('750ml-உம் அதே', 'takeaway' beside a volume being the takeaway box); 'sip lid 12/16' (no date);
a unit price said with the order ('0.45 each', '0.07 kan?') and more of the one product named
before ('600 again', 'another 5 cartons of those'); our product codes ('BX-1000 x 600'); two wrong
orders ('2 cartns' read as 2 sets, '几百个' as 100); Malay chat spellings ('ngan yg kecik'); an
addition to the order placed just now and goods short in a delivery, which are no new order.
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import classify_intent
from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- the lid of the cups named before it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "热饮纸杯16安士两箱，盖子两箱",
            [("hot paper cup", 2, "16 oz"), ("sip lid", 2, "16 oz")],
        ),
        (
            "cawan panas 16oz 1 karton, penutup dia 1 karton",
            [("cup hot", 1, "16 oz"), ("sip lid", 1, "16 oz")],
        ),
        (
            "8oz paper cup 2 ctn + lids for them 2 ctn",
            [("paper cup", 2, "8 oz"), ("sip lid", 2, "8 oz")],
        ),
        (
            "16oz PET cup 2 ctn, the lid for it 2 ctn",
            [("pet cup", 2, "16 oz"), ("cold cup lid", 2, "16 oz")],
        ),
    ],
)
def test_a_lid_after_a_cup_line_of_its_size_is_that_cups_lid(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    ("text", "lid"),
    [
        ("16oz hot cup 1000, lid 16oz dome 1000", "lid dome"),
        ("16oz cold cup 500, flat lid 500", "flat lid"),  # a kind we do not sell stays named
    ],
)
def test_a_lid_of_its_own_kind_keeps_it(text, lid):
    assert [item.product for item in parse_order(text).items][1] == lid


@pytest.mark.parametrize(
    "text",
    [
        "16oz cup 1000, lid 1000",  # hot or cold cups: the lid stays a lid
        "16oz hot cup 1000, 8oz lid 1000",  # another size: no lid of these cups
    ],
)
def test_a_lid_of_no_cup_of_its_kind_and_size_keeps_its_words(text):
    assert [item.product for item in parse_order(text).items][1] == "lid"


# ------------------------------------------- a correction with 改, and in Tamil


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("16oz cup 2000, sorry lah 改 1500", [("cup", 1500, "16 oz")]),
        ("napkin 3 carton, மன்னிக்கவும், 2 carton ஆக மாற்றுங்க", [("napkin", 2, None)]),
        ("straw 4 carton, sorry, 3 carton ஆ மாத்துங்க", [("straw", 3, None)]),
    ],
)
def test_a_quantity_corrected_at_once_is_the_new_one(text, expected):
    assert items_of(text) == expected
    assert classify_intent(text).intent == "order_placement"


@pytest.mark.parametrize(
    "text",
    [
        "12oz cup 2000, lid 2000, sorry ah 改 1500",  # which line?
        "napkin 2 carton, straw 1 carton, மன்னிக்கவும், 3 carton ஆக மாற்றுங்க",
        "12oz cup 3000 ஆக மாத்துங்க",  # no apology: a change of an order placed before
    ],
)
def test_a_correction_of_no_one_line_or_of_an_earlier_order_asks(text):
    assert asks(text)


# ------------------------------------------- the last order again


@pytest.mark.parametrize(
    "text",
    ["sama mcm last order boss", "Same like previous order pls", "கடைசி தடவை மாதிரியே அனுப்புங்க"],
)
def test_more_ways_of_writing_the_last_order_again(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert not parsed.doubt


def test_the_last_order_with_a_change_still_asks():
    assert parse_order("sama mcm last order tapi tambah 500 cawan").doubt


# ------------------------------------------- another size, the same quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "takeaway 750ml 400, 1000ml same qty",
            [("takeaway box", 400, "750 ml"), ("takeaway box", 400, "1000 ml")],
        ),
        (
            "750ml box முன்னூறு, 1000ml-உம் அதே",
            [("box", 300, "750 ml"), ("box", 300, "1000 ml")],
        ),
    ],
)
def test_another_size_said_to_be_the_same_takes_the_quantity(text, expected):
    assert items_of(text) == expected


def test_a_takeaway_container_stays_one_product():
    assert items_of("container 750ml takeaway 500") == [("container takeaway", 500, "750 ml")]


# ------------------------------------------- a lid's two sizes after its name


def test_a_lid_for_two_cup_sizes_is_no_date():
    assert items_of("lid 12/16 2k") == [("lid", 2000, "12 oz")]


def test_a_date_after_a_lid_stays_a_date():
    assert items_of("sip lid 1000 pcs, send on 12/6") == [("sip lid", 1000, None)]


# ------------------------------------------- a unit price, and more of the product named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'We liked the kraft pizza boxes 10" from last month, 0.38 each. Send another 2 ctn',
            [("kraft pizza box", 2, "10 inch")],
        ),
        ("last time the 750ml box 0.18 right, ok send 900 again", [("box", 900, "750 ml")]),
        ("上次的牛皮纸袋大号是0.12一个对吧？再来两箱", [("kraft bag large", 2, None)]),
        ("Hari tu harga straw kertas 0.012 kan? hantar 5000 lagi", [("straw paper", 5000, None)]),
    ],
)
def test_a_price_said_is_no_question_and_more_of_the_product_is_ordered(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Last week's 12oz cups and lids were fine. Send another 2 cartons",  # which product?
        "The delivery was late. Send 500 again",  # no product named
        "12oz cup 0.08 can? 3 ctn",  # a price proposed: agreed first
        "last time 16oz cup 0.09, now why 0.10? 2000 pcs",
    ],
)
def test_more_of_no_one_product_or_a_price_asked_about_asks(text):
    assert asks(text)


def test_a_price_agreed_in_chinese_is_no_question():
    text = "8oz cup 2k, 8oz lid 2k. 价钱 ok, same price"
    assert items_of(text) == [("cup", 2000, "8 oz"), ("lid", 2000, "8 oz")]


# ------------------------------------------- our product codes


def test_our_product_codes_name_the_products():
    text = "PO 8812\n1) CUP-12 x 2000\n2) LID-12 x 2000\n3) PB-10W x 300\n4) BG-L x 500"
    assert items_of(text) == [
        ("hot paper cup", 2000, "12 oz"),
        ("sip lid", 2000, "12 oz"),
        ("white pizza box", 300, "10 inch"),
        ("large kraft paper bag", 500, None),
    ]


@pytest.mark.parametrize("text", ["pls resend INV-20931", "DO-5512 still not here"])
def test_other_references_are_no_products(text):
    assert parse_order(text).items == []


# ------------------------------------------- the two wrong orders


def test_a_carton_misspelt_is_a_carton():
    assert [(i.product, i.quantity, i.unit) for i in parse_order("napkins 3 cartns").items] == [
        ("napkin", 3, "carton")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "wooden cutlery set 2",  # 2 sets or 2 cartons? the set is the product's name
        "straw 几百个",  # a few hundred
        "napkin 十几箱 pls",  # ten-odd cartons
    ],
)
def test_a_count_that_is_no_number_of_pieces_asks(text):
    assert asks(text)


# ------------------------------------------- Malay chat spellings


def test_malay_chat_spellings_are_read():
    assert items_of("nak beg kertas kecik 3 karton ngan yg besar 1 karton") == [
        ("paper bag small", 3, None),
        ("large bag", 1, None),
    ]


# ------------------------------------------- no new order


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("早上下的单再加两箱吸管", "order_change"),
        ("short 一箱 napkin leh, 怎么回事", "complaint"),
        ("barang tak cukup, kurang dua karton straw", "complaint"),
        ("ரெண்டு carton napkin குறைவா வந்துச்சு", "complaint"),
    ],
)
def test_an_addition_to_an_order_or_goods_short_is_no_new_order(text, intent):
    assert asks(text)
    assert classify_intent(text).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("why the lorry so late today", "complaint"),
        ("the 8oz lid dun fit the cup", "complaint"),
        ("Hari Raya kedai tutup seminggu, jangan hantar", "other"),
        ("Saturday got deliver or not?", "delivery_query"),
        ("上个月的账我们已经 PayNow 了", "invoice_query"),
    ],
)
def test_fresh17_intent_classes(text, intent):
    assert classify_intent(text).intent == intent
