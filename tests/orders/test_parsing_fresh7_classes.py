"""fresh7's classes (issue 19, eighth round): a raise of today's order in spoken Tamil and a
Chinese order on a condition for next month (wrong orders before, now questions), an address that
ends at a colon before the items, and the plain orders that were asked about: clock times, PO
numbers and signatures around the items, 'two and a half thousand', corrections after a dash or
with 'bukan' / 'தப்பா', a sip lid 'for the same cup', 'not the kraft' after 'white', what is still
in stock after a question mark or '还有', a size said no to. Sentences written for this file, not
taken from any evaluation set."""

import pytest

from orders.intents import classify_intent
from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------------- more or fewer of an order already placed


@pytest.mark.parametrize(
    "text",
    [
        "காலையில போட்ட order-ல napkin ஒரு carton கூட்டுங்க",
        "இன்னைக்கு order-ல 12oz cup ஐநூறு குறைங்க",
        "today order la straw 2 carton koottunga",
    ],
)
def test_a_raise_or_cut_of_an_order_placed_asks_and_is_a_change(text):
    assert asks(text)
    assert classify_intent(text).intent == "order_change"


@pytest.mark.parametrize(
    "text",
    [
        "hari ni punya order tambah 2 karton straw",
        "今天的单加两箱吸管",
        "今天的订单再多加一箱餐巾纸",
    ],
)
def test_an_addition_to_todays_order_in_malay_and_chinese_asks(text):
    assert asks(text)


# ------------------------------------------------- an order on a condition, for later


@pytest.mark.parametrize(
    "text",
    [
        "这个汉堡盒能装双层汉堡吗？能装的话下礼拜订三百个",
        "10寸披萨盒有白色的吗？有的话要五百个",
        "下个月订两千个12oz杯子",
        "下次再订一箱吸管",
        "if the box can take soup, next month we order 2 ctn",
        "kalau boleh masuk microwave, bulan depan order 2 karton",
        "microwave-ல வைக்கலாமா? அடுத்த மாசம் 2 carton order பண்றோம்",
    ],
)
def test_an_order_on_a_condition_or_for_next_month_asks(text):
    assert asks(text)


def test_a_plain_chinese_order_is_still_read():
    assert quantities("12安士杯子两千个，盖子两千个") == [2000, 2000]


# ------------------------------------------------- an address that ends at a colon


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pls deliver to Blk 88 Tampines Ave 4 #02-11: napkin 3000, straw 2000", [3000, 2000]),
        ("hantar ke 12 Jalan Besar: kotak pizza 8 inci tiga ratus, napkin seribu", [300, 1000]),
    ],
)
def test_the_items_after_an_address_and_a_colon_are_all_read(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text", ["Attn: Mary Tan, 12oz cup 2000", "Deliver to: Marys Cafe, 12oz cup 2000"]
)
def test_a_label_with_a_colon_is_still_cut_with_its_name(text):
    assert items_of(text) == [("cup", 2000, "12 oz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "hantar ke Blk 7 Bedok South Ave 3 #04-12 - cawan 8oz seribu, penutup 8oz seribu",
            [1000, 1000],
        ),
        ("deliver to 3 Mount Sophia Hill napkin 4000, straw 1000", [4000, 1000]),
        ("send to 10 Club St pls 12 inch pizza box 300, 14 inch 100", [300, 100]),
        ("Blk 30 Marine Terrace #01-01 kraft bag small 500 and large 250", [500, 250]),
    ],
)
def test_the_items_right_after_an_address_are_all_read(text, expected):
    # before, the whole clause after "hantar ke" / "deliver to" / "Blk" was cut: a partial order
    assert quantities(text) == expected


def test_an_address_without_goods_after_it_is_still_cut():
    assert quantities("12oz cup 2000, deliver to 8 Jalan Kayu tmr morning 10 to 11") == [2000]


# ------------------------------------------------- numbers around the items that are no quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("need 8oz cups 1500, we close at 22:00 so come earlier", [1500]),
        ("1 ctn napkin pls, shop opens 10:30 tmr", [1]),
        ("kraft bag small 400 pcs. PO number is 55120, thanks", [400]),
        ("Can I order 250 large paper bags and 250 small ones? Account no is 5521.", [250, 250]),
        ("customer ID: 8812, napkin 3000", [3000]),
        ("Napkins 2000\nRegards, Mei (Bean There, 3 Mount Sophia Hill)", [2000]),
        ("pizza box 12 inch 250. Thanks! Dev, 8 Robertson Quay", [250]),
    ],
)
def test_times_references_and_signatures_are_no_quantities(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("need one and a half thousand paper straws", 1500),
        ("three and a half thousand napkins pls", 3500),
        ("kraft bags, 2 and a half hundred", 250),
    ],
)
def test_and_a_half_thousand_is_one_number(text, expected):
    assert quantities(text) == [expected]


# ------------------------------------------------- a correction written at once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("straw 2000... bukan, 3000", 3000),
        ("napkin 500 — sorry, 800", 800),
        ("14 inch pizza box 200 – 不对, 250", 250),
        ("12oz cup 700 — தப்பா எழுதிட்டேன், 900 வேணும்", 900),
    ],
)
def test_a_quantity_taken_back_after_a_dash_or_in_malay_or_tamil(text, expected):
    assert quantities(text) == [expected]


def test_a_later_correction_that_names_a_size_replaces_that_line():
    text = "8oz cup 1000, 12oz cup 500, oops make the 12oz one 800 pls"
    assert quantities(text) == [1000, 800]


# ------------------------------------------------- a lid for the cup of the line before


@pytest.mark.parametrize(
    "text",
    [
        "12oz cold cup 2000, dome lid 2000 for the same cups",
        "cawan sejuk 12oz dua ribu, penutup dome untuk cawan itu dua ribu",
        "12安士冷饮杯两千个，配吸饮的盖子两千个",
    ],
)
def test_a_lid_for_the_cup_before_takes_its_size(text):
    read = items_of(text)
    assert len(read) == 2
    assert read[1][2] == "12 oz"
    assert "cup" not in read[1][0].split()


# ------------------------------------------------- a kind said no to against the kind chosen


def test_not_the_other_kind_after_the_kind_chosen_is_read():
    assert quantities("kraft 10 inch pizza box 400. The plain brown ones, not the white.") == [400]


def test_not_a_kind_without_another_kind_named_still_asks():
    assert asks("10 inch pizza box 400, not the kraft")


# ------------------------------------------------- what is still in stock is not ordered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("can send 3 ctn 16oz cold cups? straws we still got a lot", [3]),
        ("8oz lid 2000个, cup 还有", [2000]),
        ("napkin 5000 only, straw 还有。", [5000]),
        ("750ml box 800 pcs, the 1000ml one dun need this round", [800]),
        ("1000ml box 600 pcs, 750 dun need", [600]),
    ],
)
def test_what_the_customer_still_has_or_does_not_need_is_not_ordered(text, expected):
    assert quantities(text) == expected


def test_a_number_said_no_to_with_a_product_still_asks():
    assert asks("cups 500, lids 500 no need")


# ------------------------------------------------- a repeat that changes nothing


@pytest.mark.parametrize(
    "text",
    ["போன தடவை மாதிரியே போடுங்க, எதுவும் மாத்த வேண்டாம்", "same as last time, ஒன்னும் மாத்த வேணாம்"],
)
def test_a_tamil_repeat_that_changes_nothing_is_the_last_order(text):
    parsed = parse_order(text)
    assert parsed.repeat_last and not parsed.doubt
    assert classify_intent(text).intent == "order_placement"


def test_a_tamil_change_is_still_a_change():
    assert asks("இன்னைக்கு order-ல napkin 3000 ஆக மாத்துங்க")


# ------------------------------------------------- intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("eh the 12oz lid 3 ctn come only 2 ctn leh", "complaint"),
        ("kami order tiga karton straw tapi dapat dua karton je", "complaint"),
        ("order 4 carton napkin but came 3 carton only", "complaint"),
        ("Service memang bagus, driver pun baik. Terima kasih!", "rating"),
        ("昨天下的单处理了没有？", "order_status"),
        ("dome lid ada saiz 16oz tak? kalau ada nak ambil 1 karton", "product_question"),
        ("你们的纸吸管会不会软？不会的话要两箱", "product_question"),
        ("lorry இன்னைக்கு எப்போ வரும்? நாலு மணிக்கு கடை close", "delivery_query"),
        ("我是新来的经理阿明，以后我来订货，麻烦存一下我的电话", "other"),
    ],
)
def test_fresh7_intent_classes(text, intent):
    assert classify_intent(text).intent == intent


def test_an_order_that_says_where_the_invoice_goes_is_an_order():
    text = "8oz cups 3000. Our PO number is 70112, pls send the invoice to our accounts team"
    assert classify_intent(text).intent == "order_placement"
    assert quantities(text) == [3000]


# ------------------------------------------------- our own English variants: plain orders


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi! 8oz cups 2 ctns pls. We are at 3 Everton Park, unit 01-23.", [2]),
        ("napkins 5000, no straws this time", [5000]),
        ("16oz hot cup 1000, no lids", [1000]),
        ("Large bags 250, small bags 500 — same as always, thanks!", [250, 500]),
    ],
)
def test_plain_english_orders_around_an_address_or_a_no_are_read(text, expected):
    assert quantities(text) == expected


def test_no_before_another_kind_after_a_comma_still_asks():
    assert asks("paper bag large 500, no the small one")


@pytest.mark.parametrize(
    "text",
    ["wah lao the straw finish already, send 2 ctn asap pls", "napkin finish liao, 2 ctn pls"],
)
def test_what_ran_out_is_the_product_not_its_words(text):
    (item,) = parse_order(text).items
    assert item.product in {"straw", "napkin"} and item.quantity == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin அஞ்சாயிரம் வேணும், straw வேண்டாம்", 5000),
        ("12oz cup மூணாயிரம் அனுப்புங்க", 3000),
        ("napkin ஒம்பதாயிரம்", 9000),
    ],
)
def test_spoken_tamil_thousands_are_read(text, expected):
    assert quantities(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aiyo forgot to order, need napkin 2 ctn urgent pls", [("napkin", 2, None)]),
        ("straw 1 ctn enough, napkin 2 ctn", [("straw", 1, None), ("napkin", 2, None)]),
        (
            "eh 8oz cup 1000 pcs, then 8oz lid same amount",
            [("cup", 1000, "8 oz"), ("lid", 1000, "8 oz")],
        ),
    ],
)
def test_singlish_remarks_are_no_product_words(text, expected):
    assert items_of(text) == expected


# ------------------------------------------------- our own non-orders that name goods and numbers


@pytest.mark.parametrize(
    "text",
    [
        "we used up 3000 cups last week, business good",
        "12oz cup 2000 yesterday sampai, terima kasih",
        "上个月买的两千个杯子还没用完",
        "我们下礼拜会需要三千个吸管，先跟你说一声",
        "இந்த வாரம் napkin 2000 போதும்னு நினைக்கிறேன், அப்புறம் சொல்றேன்",
        "pls hold the 2 ctn cups, we close for renovation",
        "kotak burger 500 tu dah guna habis minggu ni",
        "napkin 这个月用了两箱",
        "kami rasa bulan ni perlu 2000 cawan je",
        "straw 3 karton, nanti saya confirm balik",
        "8oz cup ஆயிரம் நேத்தே வந்துடுச்சு, thanks",
        "1000 napkin order பண்ணலாமா யோசிக்கிறோம்",
        "next time we order 12oz lids 3000 ok?",
    ],
)
def test_goods_used_came_planned_or_held_are_no_new_order(text):
    assert asks(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("下个礼拜一要：14寸披萨盒一百", [100]),
        ("we ran out yesterday, need 12oz cup 2000 asap", [2000]),
    ],
)
def test_a_delivery_day_or_what_ran_out_still_orders(text, expected):
    assert quantities(text) == expected
