"""fresh6's classes (issue 19, seventh round): messages that name products and quantities but
are no new order (a stock question, a question about an order already placed, an invoice for
goods, an order on a condition, an addition to an earlier order, damaged goods), one cup for hot
and iced drinks, and the orders around them that must still be read. Sentences written for this
file, not taken from any evaluation set."""

import pytest

from orders.intents import classify_intent
from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------------- one cup for hot and iced drinks


@pytest.mark.parametrize(
    "text",
    [
        "pls send 3000 16oz cups, for our hot drinks and iced drinks",
        "16oz cup 2 ctn for hot coffee n cold brew",
        "16oz杯子两千个，热饮冷饮都用",
        "cawan 16oz 2000 untuk air panas dan air sejuk",
        "16oz cup ரெண்டாயிரம், hot drinks and cold drinks ரெண்டுக்கும்",
        "16oz cup 1 carton for iced tea and hot milo",
    ],
)
def test_one_cup_for_hot_and_cold_drinks_asks_which_cup(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "16oz hot cup 1000, 16oz cold cup 500",
        "16oz热饮纸杯一千个，16oz冷饮杯五百个",
    ],
)
def test_hot_and_cold_cups_each_with_a_quantity_are_still_ordered(text):
    assert len(items_of(text)) == 2


# ------------------------------------------------- a question whether we have the goods


@pytest.mark.parametrize(
    "text",
    [
        "Do you guys have 2000 of the 12oz lids in stock? Just checking.",
        "got stock for 5 ctn napkin or not? next month need",
        "一千个8oz杯子有货吗？",
        "ada stok tak kotak pizza 12 inci 300?",
        "12oz cup 3000 stock இருக்கா?",
    ],
)
def test_a_stock_question_with_a_quantity_asks(text):
    assert asks(text)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("cawan 12oz 1000, penutup tak payah sebab stok masih ada", 1000),
        ("napkin 2 ctn, straw still got stock", 2),
    ],
)
def test_stock_we_still_have_is_no_question(text, quantity):
    assert [q for _, q, _ in items_of(text)] == [quantity]


# ------------------------------------------------- a question about an order already placed


@pytest.mark.parametrize(
    "text",
    [
        "Has my order for 500 burger boxes been processed yet?",
        "the 3 ctn straw order confirm already or not?",
        "我的两箱吸管订单处理了吗？",
        "order saya 2 karton napkin dah confirm ke?",
        "2 carton napkin order confirm ஆச்சா?",
        "any update on our order of 1000 12oz cups",
    ],
)
def test_a_question_about_an_earlier_order_asks(text):
    assert asks(text)


def test_a_new_order_confirmed_by_the_customer_is_read():
    assert [q for _, q, _ in items_of("ok confirm order 12oz cup 2k, 12oz lid 2k")] == [2000, 2000]


# ------------------------------------------------- an invoice or a document about goods


@pytest.mark.parametrize(
    "text",
    [
        "Can you resend the invoice for the 300 pizza boxes? Finance lost it",
        "pls send again the bill for 2 ctn cups",
        "请重发那500个汉堡盒的发票",
        "boleh hantar semula invois untuk 500 kotak burger?",
    ],
)
def test_an_invoice_for_goods_asks(text):
    assert asks(text)


def test_an_invoice_address_after_an_order_is_no_doubt():
    got = items_of("12oz paper cups 2000, invoice to accounts@example.com pls")
    assert [q for _, q, _ in got] == [2000]


# ------------------------------------------------- an order on a condition


@pytest.mark.parametrize(
    "text",
    [
        "If the 1000ml box can fit 2 portions then we will take 500",
        "kalau harga ok nanti kami order 3000 cawan",
        "如果价格合适就要三千个杯子",
        "if the lid fits our cup we'll order 2000",
    ],
)
def test_an_order_on_a_condition_asks(text):
    assert asks(text)


def test_if_can_before_an_order_is_still_an_order():
    assert [q for _, q, _ in items_of("if can send tmr 1k 16oz hot cup pls")] == [1000]


# ------------------------------------------------- items added to an earlier order


@pytest.mark.parametrize(
    "text",
    [
        "Order semalam boleh tambah 500 cawan 12oz?",
        "yesterday's order can add 2 ctn napkin?",
        "早上的单再加两箱吸管",
        "the order this morning, can add 1 more ctn straw",
    ],
)
def test_an_addition_to_an_earlier_order_asks(text):
    assert asks(text)


# ------------------------------------------------- goods that came earlier, damaged


@pytest.mark.parametrize(
    "text",
    [
        "நேத்து வந்த pizza box-ல முப்பது கிழிஞ்சு போச்சு",
        "the 12oz cups that came yesterday, 40 were cracked",
        "kotak yang sampai semalam 20 pecah",
        "昨天送来的餐盒有二十个压扁了",
        "burger box 20 odanju pochu",
    ],
)
def test_damaged_goods_of_an_earlier_delivery_ask(text):
    assert asks(text)


# ------------------------------------------------- a correction later in the message


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        ("We need five hundred 8oz lids. Actually, make that seven hundred.", [700]),
        ("8oz cups - 1000\n8oz lids - 1000\nsorry, make the lids 1500", [1000, 1500]),
        ("kotak pizza 12 inci 300. eh silap, make it 350", [350]),
        ("16oz cold cup 4000, sorry typo 3000 only", [3000]),
        ("straw need 4k abt there, nvm just make it 5k", [5000]),
        ("napkin மூணு carton வேணும், இல்ல இல்ல நாலு carton", [4]),
    ],
)
def test_a_correction_later_in_the_message_replaces_the_quantity_it_names(text, quantities):
    assert [q for _, q, _ in items_of(text)] == quantities


@pytest.mark.parametrize(
    "text",
    [
        # two lines name cups: which one is corrected?
        "12oz cup 1000 and 12oz cup 500, sorry make the cups 2000",
        # "make that" after two quantities of one line
        "kraft bag 500 and small 300 pcs. sorry wait, make the bowls 200",
    ],
)
def test_a_correction_that_fits_no_single_line_asks(text):
    assert asks(text)


# ------------------------------------------------- repeats that say nothing changes


@pytest.mark.parametrize(
    "text",
    [
        "same like last order bro, no change",
        "same as last week, nothing to change",
        "照上回的单，不变",
        "sama macam order minggu lepas, tak ubah apa",
        "boss adhe order thirumba anuppunga pls",
    ],
)
def test_a_repeat_that_changes_nothing_is_a_repeat(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert parsed.doubt == ""


def test_a_repeat_with_a_change_is_still_asked_about():
    assert parse_order("same as last time but change the cups to 3000").doubt


# ------------------------------------------------- a lid with a straw opening


def test_a_lid_with_a_straw_opening_is_a_sip_lid():
    assert items_of("12oz杯子五百个，吸管口的盖子五百个") == [
        ("cup", 500, "12 oz"),
        ("sip lid", 500, "12 oz"),
    ]


# ------------------------------------------------- numbers around the items


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        ("this fri morning 8 to 10 can, napkin 3000 pls", [3000]),
        ("pagi 9-11 hantar, cawan 8oz 1000", [1000]),
        ("நாளைக்கு ஒன்பது மணிக்கு 12oz cup ரெண்டாயிரம் அனுப்புங்க", [2000]),
        ("Please send 200 white 12 inch pizza boxes to 8 Club St, #01-02", [200]),
    ],
)
def test_a_time_or_an_address_around_the_items_is_no_quantity(text, quantities):
    assert [q for _, q, _ in items_of(text)] == quantities


@pytest.mark.parametrize(
    "text",
    [
        "12 inch box 200 can? 10 inch white box also 200",
        "8oz cup 1000 ok? the 12oz oso 500",
    ],
)
def test_a_question_tail_ends_an_item(text):
    assert len(items_of(text)) == 2


def test_a_product_asked_about_before_its_quantity_is_no_companion():
    parsed = parse_order("500 16oz paper cups, do you have lids? 300 lids pls")
    assert [i.quantity for i in parsed.items] == [500, 300]


# ------------------------------------------------- an instruction to the driver


@pytest.mark.parametrize(
    "text",
    [
        "1000ml box 400 pcs. driver pls dun ring the doorbell, call me",
        "napkin 2 ctn, jangan letak depan pintu",
    ],
)
def test_a_delivery_instruction_with_dun_is_no_change_of_the_order(text):
    assert items_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "8oz lids 1k, not the flat ones",
        "16oz cold cup 2k, dun send wrong one ah",
    ],
)
def test_a_negation_about_the_goods_still_asks(text):
    assert asks(text)


# ------------------------------------------------- the next item written before its quantity


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("12oz cup 3ctn 12oz lid oso 3ctn tq", ["cup", "lid"]),
        ("kraft bag 2 ctn napkin also 2 ctn", ["kraft bag", "napkin"]),
    ],
)
def test_a_product_after_a_quantity_belongs_to_the_next_quantity(text, products):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [i.product for i in parsed.items] == products


# ------------------------------------------------- a Tamil box after a number is a carton


@pytest.mark.parametrize(
    ("text", "cartons"),
    [
        ("12oz cup மூணு பெட்டி அனுப்புங்க", [3]),
        ("wooden cutlery oru petti, napkin rendu petti", [1, 2]),
    ],
)
def test_a_tamil_box_after_a_number_is_a_carton(text, cartons):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(i.quantity, i.unit) for i in parsed.items] == [(n, "carton") for n in cartons]


# ------------------------------------------------- a kind of the product the sentence before named


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Our napkins are almost finished. 5000 of the 2-ply please.", "napkin two-ply"),
        ("Running out of paper bags. 800 of the large ones pls", "bag large"),
    ],
)
def test_a_kind_alone_takes_the_product_of_the_sentence_before(text, product):
    assert [p for p, _, _ in items_of(text)] == [product]


# ------------------------------------------------- what such messages are about (intents)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Has my order for 500 burger boxes been processed yet?", "order_status"),
        ("order saya 2 karton napkin dah confirm ke?", "order_status"),
        ("Do you guys have 2000 of the 12oz lids in stock? Just checking.", "product_question"),
        ("Order semalam boleh tambah 500 cawan 12oz?", "order_change"),
        ("Can you resend the invoice for the 300 pizza boxes? Finance lost it", "invoice_query"),
        ("last week order 1000 cups only came 800 leh", "complaint"),
        ("the 8oz lid dont fit our cup, 2 ctn all wasted", "complaint"),
        ("kedai tutup pada hari Deepavali, 3 hari", "other"),
        ("we closed for 5 days over new year, after that then tell u the order", "other"),
        ("下个礼拜我们装修，到时再通知你", "other"),
        ("கடை ரெண்டு நாள் லீவு, அப்புறம் order பண்றோம்", "other"),
        ("from next month our new address is 5 Changi South Lane, pls update", "other"),
    ],
)
def test_a_message_about_items_that_is_no_new_order_gets_its_intent(text, intent):
    assert classify_intent(text).intent == intent


def test_a_closing_time_is_still_a_delivery_question():
    assert classify_intent("what time the driver reach? we close at 4pm").intent == "delivery_query"


# ------------------------------------------------- beyond fresh6's wording: more that must ask


@pytest.mark.parametrize(
    "text",
    [
        # the customer holds the order to check first
        "8oz cup 1000 pcs, hold on, boss say wait",
        "8oz杯子一千个，等一下，我问问老板",
        "cawan 8oz 1000, tunggu jap saya tanya bos dulu",
        "8oz cup ஆயிரம், கொஞ்சம் இருங்க boss கிட்ட கேட்டுட்டு சொல்றேன்",
        # a quantity said no to
        "pls don't send the 300 pizza boxes tomorrow",
        "明天的三百个披萨盒不要送了",
        "நாளைக்கு 300 pizza box அனுப்ப வேண்டாம்",
        "jangan hantar 300 kotak pizza esok",
        # a quantity of an earlier week or delivery
        "the 500 burger boxes we got last week were too small",
        "上个礼拜的500个汉堡盒太小了",
        "bulan lepas ambil 3000 cawan, bulan ni kurang sikit kot",
        # one item or another
        "12oz cup 2000 or 16oz cup 1500, which one cheaper?",
        "either 2 or 3 ctn napkin, up to you",
        # an item on a condition
        "16oz cup 1000, if got cold cup better",
        "pizza box 12 inch 300 but if no stock then 10 inch",
        # no order of these goods: a quote, a sample, a refund, a rate of use
        "quotation for 5000 paper straws pls",
        "报价：五千支纸吸管",
        "sebut harga untuk 5000 straw kertas",
        "sample 50 pcs 16oz cold cup can?",
        "refund for the 2 carton cups that were wet",
        "our kitchen uses 200 boxes a day, how long will 2 ctn last",
    ],
)
def test_more_messages_that_are_no_plain_order_ask(text):
    assert asks(text)


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        ("kotak 1000ml 2 karton, kotak 750ml tak payah", [2]),
        ("12oz cup 1000 can or not, lids 1000", [1000, 1000]),
        ("餐巾纸两箱，付款还是PayNow", [2]),
    ],
)
def test_the_orders_beside_them_are_still_read(text, quantities):
    assert [q for _, q, _ in items_of(text)] == quantities


@pytest.mark.parametrize(
    "text",
    [
        # a unit whose number of pieces the catalogue does not say
        "12oz cup 20 sleeves",
        "纸杯12oz三包",
        "cawan 12oz 5 bungkus",
        "paper bag 1 bale",
        # a number beside words that are no product
        "we have 20 staff now, need napkin 5000",
        "table 12 ordered 5 burgers lol, anyway burger box 300",
        # a repeat with something declined
        "same as last time but no straws",
        "sama macam order lepas, tapi tak nak straw",
        "跟上次一样，不要吸管",
    ],
)
def test_a_unit_a_line_or_a_repeat_to_confirm_asks(text):
    assert asks(text)


def test_a_repeat_with_no_changes_is_a_repeat():
    parsed = parse_order("same as last time, no changes")
    assert parsed.repeat_last
    assert parsed.doubt == ""


@pytest.mark.parametrize(
    "text",
    [
        "12oz lid 2k... hmm 2.5k la",
        "12oz杯子每间分店一千个，我们有三间",
        "cawan 12oz 1000 setiap cawangan, ada 3 cawangan",
        "16oz cold cup 500 per outlet",
    ],
)
def test_a_hesitation_or_a_quantity_per_outlet_asks(text):
    assert asks(text)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("我们上个礼拜订的两箱吸管确认了吗？", "order_status"),
        ("போன வாரம் அனுப்பின order கிடைச்சுதா?", "order_status"),
        ("order-ல cup ஆயிரம்-ஐ ரெண்டாயிரம்-ஆ ஆக்குங்க", "order_change"),
        ("delivery super, பத்துக்கு பத்து மார்க்", "rating"),
        ("明天帮我送五箱餐巾纸过来", "order_placement"),
        ("12oz cup ஆயிரம், 8oz cup ஐநூறு. காலை 10 மணிக்குள்ள வந்தா போதும்", "order_placement"),
        ("早安老板，吃饱了吗", "greeting"),
    ],
)
def test_more_intents_of_fresh6s_classes(text, intent):
    assert classify_intent(text).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "kalau boleh saya nak order 500 cawan 12oz",
        "if can we will take 12oz cup 1000",
        "dont forget 12oz lid 1000 also",
    ],
)
def test_a_polite_if_or_a_dont_forget_is_no_condition_nor_a_no(text):
    assert len(items_of(text)) == 1
