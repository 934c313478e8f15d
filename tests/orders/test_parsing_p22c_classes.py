"""Session 9, p22c: the Chinese, Malay, Tamil and mixed classes of fresh52, fresh53 and fresh56
that were asked about or ordered wrong: "paper bag" in Tamil letters, a quantity taken back with
"啊不对" or after Tamil's "send", an earlier order repeated in Tamil and Chinese, "as before"
closing a list, keycap emoji numbering a list, "PO号", the weather and "这个" beside an order, a
shop's block in its name or after its town, "- 500 sets" after a product, an ounce size alone on
its line. Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import classify_intent
from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------------------------- "பேக்" is a bag in Tamil letters


def test_a_paper_bag_written_in_tamil_letters_is_a_bag_and_a_bakery_no_bag():
    assert items_of("சின்ன பேப்பர் பேக் எழுநூறு, பெரிய பேப்பர் பேக் முந்நூறு") == [
        ("small paper bag", 700, None),
        ("large paper bag", 300, None),
    ]
    assert items_of("பேக்கரி 8oz கப் 500") == [("cup", 500, "8 oz")]


def test_a_bag_after_a_sized_box_takes_neither_the_box_nor_its_size():
    parsed = parse_order("1000ml பாக்ஸ் இரண்டு carton, பெரிய பேப்பர் பேக் நானூறு")
    assert [(item.product, item.size) for item in parsed.items] == [
        ("box", "1000 ml"),
        ("large paper bag", None),
    ]


# ---------------------------------------------------------------- a quantity taken back at once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8安士纸杯四千个，啊不对，三千个就好", [3000]),
        ("1000ml box 4 ctn... 啊不对, 3 ctn 就好", [3]),
        ("napkin 3 carton அனுப்புங்க... இல்ல, 2 carton போதும்", [2]),
    ],
)
def test_a_quantity_taken_back_with_ah_no_or_after_send_keeps_the_later_number(text, expected):
    assert quantities(text) == expected


# ------------------------------------------------------------- an earlier order sent again


@pytest.mark.parametrize(
    "text",
    [
        "போன மாசம் order பண்ணினதே திரும்ப அனுப்புங்க",
        "கடந்த மாதம் ஆர்டர் செய்தது போலவே அனுப்புங்கள்",
        "老板，再发上次那样的货，谢谢",
    ],
)
def test_the_goods_of_an_earlier_order_sent_again_repeat_the_last_order(text):
    parsed = parse_order(text)
    assert parsed.repeat_last and parsed.doubt == ""


# ------------------------------------------------------------- "as before" closing a list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12oz hot cup 2 karton\npenutup sip 2 karton\nsama macam dulu\nterima kasih", [2, 2]),
        ("8安士纸杯 两箱\n盖子 两箱\n跟之前一样的款", [2, 2]),
        ("12oz கப் இரண்டு கார்டன்\nமூடி இரண்டு கார்டன்\nமுன்பு போலவே", [2, 2]),
        ("burger box 3 ctn\nnapkin 2 ctn\nsame as before ok thanks", [3, 2]),
    ],
)
def test_as_before_on_the_line_after_a_list_is_a_note_on_the_goods(text, expected):
    parsed = parse_order(text)
    assert not parsed.repeat_last
    assert quantities(text) == expected


def test_as_before_stays_a_repeat_above_a_list_after_one_line_or_saying_more():
    assert parse_order("sama macam dulu ya boss").repeat_last
    for text in (
        "same as before\nburger box 3 ctn\nnapkin 2 ctn",
        "burger box 3 ctn\nnapkin 2 ctn\nthe rest same as before",
        "burger box 3 ctn\nsame as before",
    ):
        assert asks(text), text
    # the Malay "as before" closing a list, read by the rule that makes the lines above an order
    assert quantities("cawan 8oz 2 karton\npenutup 2 karton\nmacam dulu") == [2, 2]


# -------------------------------------------------------------- numbers that are no quantities


def test_keycap_emoji_numbering_a_list_are_no_quantities():
    assert items_of("下单\n1️⃣ 8安士纸杯 4箱\n2️⃣ 吸管 1箱") == [
        ("paper cup", 4, "8 oz"),
        ("straw", 1, None),
    ]


def test_a_po_number_written_with_hao_is_no_line():
    assert quantities("PO号 B-4410\n吸管 三千支\n餐巾纸 两千张") == [3000, 2000]


def test_the_block_in_a_coffee_shops_name_is_no_quantity():
    assert quantities("我们是宏茂桥328咖啡店，12安士纸杯两箱") == [2]


def test_a_shop_signed_with_its_town_and_block_after_the_lines_is_no_line():
    assert quantities("burger box 400, napkin 2000. Nasi lemak stall, Bedok 216") == [400, 2000]


# ----------------------------------------------------------------- small talk beside the order


def test_the_weather_and_this_week_beside_an_order_name_no_kind_nor_piece():
    assert quantities("12oz cold cup 两箱, dome lid 两箱, 这个礼拜天气很热") == [2, 2]


# ----------------------------------------------------------- "- 500 sets" counts the line's sets


def test_sets_after_a_dash_count_the_product_named_before_the_dash():
    assert items_of("napkin - 3000\nwooden cutlery - 400 sets") == [
        ("napkin", 3000, None),
        ("wooden cutlery set", 400, None),
    ]


# ------------------------------------------------------------- an ounce size alone on its line


@pytest.mark.parametrize(
    "text",
    ["16oz 1500\n12oz cup 500", "16oz ஆயிரம்\n12oz கப் ஐநூறு\nநன்றி"],
)
def test_an_ounce_size_alone_on_its_line_above_a_cup_line_asks(text):
    assert asks(text)
    # under a heading that names the product, the sizes alone are its lines
    assert quantities("cups:\n16oz 1500\n12oz 500") == [1500, 500]


# ------------------------------------------------------------------ what a message is about


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # the delivery or the driver praised, with thanks
        ("这次送货很快，谢谢你们", "rating"),
        ("Driver tadi sopan sangat, terima kasih", "rating"),
        ("Barang sampai awal pagi, puas hati", "rating"),
        ("பொருள் எல்லாம் நேரத்துக்கு வந்துச்சு, நன்றி", "rating"),
        # whether the order placed was received or sent
        ("早上发的单你们收到了吗？", "order_status"),
        ("this morning 的 order 有 receive 吗?", "order_status"),
        ("காலையில போட்ட ஆர்டர் அனுப்பிட்டீங்களா?", "order_status"),
        ("Pesanan pagi tadi dah kirim ke belum", "order_status"),
        # a lid that does not fit, goods that leak, goods left at the wrong door
        ("Tudung yang sampai tadi tak muat cawan 16oz kami", "complaint"),
        ("750ml பாக்ஸ்ல சாம்பார் கசியுது", "complaint"),
        ("司机把货放到别人店了", "complaint"),
        # whether the goods will hold, asked before buying
        ("你们的纸碗装汤会不会漏？", "product_question"),
        ("Cawan kertas ni bocor tak kalau isi air panas?", "product_question"),
    ],
)
def test_praise_a_received_question_a_fault_and_a_will_it_hold_question_are_read_as_such(
    text, intent
):
    assert classify_intent(text).intent == intent
