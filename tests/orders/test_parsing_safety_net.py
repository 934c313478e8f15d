"""The safety net (issue 19, third round): what the parser leaves unaccounted for in a message it
reads as an order makes it ask instead of ordering. Sentences written for this file, not taken
from any evaluation set."""

import pytest

from orders import intents
from orders.parsing import parse_order


def items(text: str) -> list[tuple]:
    return [(i.product, i.quantity, i.unit, i.size) for i in parse_order(text).items]


# ---------------------------------------------------------------- a number left unread


@pytest.mark.parametrize(
    "text",
    [
        "napkins 2000, eh, 2500 pcs",
        "straws 4000 ... 4500",
        "12oz cups 600\n700",
    ],
)
def test_a_number_on_a_line_that_gives_no_item_is_asked_about(text):
    parsed = parse_order(text)
    assert parsed.items  # something was read ...
    assert parsed.doubt  # ... but the customer confirms it


# ---------------------------------------------------------------- corrections


@pytest.mark.parametrize(
    "text",
    [
        "16oz cups 500, sorry i mean the cold ones",
        "sleeves 300 oops",
        "kotak pizza 10 inci 80, salah saiz",
        "8oz cups 600 illa 700",
        "纸杯12oz 五百个 说错了",
    ],
)
def test_a_correction_word_makes_the_order_a_question(text):
    assert "a correction" in parse_order(text).doubt


@pytest.mark.parametrize(
    "text",
    [
        "no need lids, just 500 cups 12oz",  # a negation the parser reads, no correction
        "500 cups 12oz, nothing else",
        "12oz cups 500 pls, know you're busy",
    ],
)
def test_ordinary_orders_are_not_taken_for_corrections(text):
    parsed = parse_order(text)
    assert ("cup", 500, "pcs", "12 oz") in items(text)
    assert "a correction" not in parsed.doubt


# ---------------------------------------------------------------- words that change a product


@pytest.mark.parametrize(
    "text",
    [
        "8oz lids 1k, not the flat ones",
        "dome lids 16oz 500, never again the wrong sip ones",
        "paper straws 2000 jangan yang plastik",
    ],
)
def test_a_negating_word_left_in_a_product_phrase_is_asked_about(text):
    assert parse_order(text).doubt


def test_a_malay_question_particle_tak_is_no_negation():
    # "boleh hantar esok tak?": can you deliver tomorrow or not
    parsed = parse_order("nak 300 kotak pizza 12 inci, boleh hantar esok tak")
    assert items("nak 300 kotak pizza 12 inci, boleh hantar esok tak") == [
        ("pizza box", 300, "pcs", "12 inch")
    ]
    assert parsed.doubt == ""


# ---------------------------------------------------------------- recognised spans, no doubt


def test_a_numbered_list_reads_its_items_not_its_line_numbers():
    text = 'order pls\n1. 10" pizza box - 60\n2) napkins x 3000\n3. kraft bag small 400'
    assert items(text) == [
        ("pizza box", 60, "pcs", "10 inch"),
        ("napkin", 3000, "pcs", None),
        ("kraft bag small", 400, "pcs", None),
    ]
    assert parse_order(text).doubt == ""


def test_maybe_is_no_month_and_its_two_quantities_are_asked_about():
    parsed = parse_order("straws maybe 4 or 5 ctn")
    assert "two quantities" in parsed.doubt


def test_a_date_with_a_month_name_is_still_no_quantity():
    assert items("deliver on 3 march pls, 12oz cups 700") == [("cup", 700, "pcs", "12 oz")]


def test_an_address_ends_at_a_full_stop_and_the_items_after_it_are_read():
    text = "this is Kopi Corner, Blk 88 Tampines St 81. need 12oz cups 900, 12oz lids 900"
    assert [(i.quantity, i.size) for i in parse_order(text).items] == [
        (900, "12 oz"),
        (900, "12 oz"),
    ]


def test_a_romanised_tamil_digit_before_nooru_multiplies_it():
    assert items("paper straw rendu nooru venum")[0][1] == 200
    assert items("napkin anju nooru")[0][1] == 500


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("nak 600 cawan 12oz. no tel 9123 4567", 600), ("500 cups 12oz, my no. 8123 4567", 500)],
)
def test_no_for_number_before_a_phone_number_is_no_negation(text, quantity):
    parsed = parse_order(text)
    assert [(i.quantity, i.size) for i in parsed.items] == [(quantity, "12 oz")]
    assert parsed.doubt == ""


# ---------------------------------------------------------------- a quantity corrected at once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kraft bag large 600 no sorry 700 pls", ("kraft bag large", 700, "pcs", None)),
        ("16oz cold cups 1500 ah no wait 1800", ("cold cup", 1800, "pcs", "16 oz")),
        ("14寸披萨盒一百五，不对，两百个", ("pizza box", 200, "pcs", "14 inch")),
        ("straw kertas 4000, eh silap, 4500", ("straw paper", 4500, "pcs", None)),
        ("napkins 3 ctn sorry 4", ("napkin", 4, "carton", None)),
        ('10" pizza box 80 lah, 哦不对 90', ("pizza box", 90, "pcs", "10 inch")),
    ],
)
def test_a_quantity_corrected_right_after_it_is_written_takes_the_correction(text, expected):
    parsed = parse_order(text)
    assert items(text) == [expected]
    assert parsed.doubt == ""


@pytest.mark.parametrize(
    "text",
    [
        "paper straw oru carton illa rendu carton",  # Tamil "illa" here joins two readings
        "cups 12oz 1000, maybe 1500, see how",
        "napkin 2 ctn, not sure",
        "8oz lids 500, theriyala",
        "餐巾纸五千张，不确定",
    ],
)
def test_an_unsure_customer_is_asked(text):
    assert parse_order(text).doubt


# ---------------------------------------------------------------- fresh2's other classes


@pytest.mark.parametrize(
    "text",
    [
        "16oz的杯子两千个，盖子还有不用",
        "nak straw kertas 3000, napkin masih ada stok",
        "12oz cups 1500 pls, lids still got stock",
    ],
)
def test_a_product_said_to_be_in_stock_or_not_needed_is_not_ordered(text):
    parsed = parse_order(text)
    assert len(parsed.items) == 1
    assert "lid" not in parsed.items[0].product and "napkin" not in parsed.items[0].product
    assert parsed.doubt == ""


def test_untuk_between_two_products_is_for():
    assert items("nak penutup untuk cawan 16oz, dua ribu") == [("cup lid", 2000, "pcs", "16 oz")]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("napkin நூற்றைம்பது", 150), ("straw ஆயிரத்தைநூறு", 1500), ("cup 12oz முந்நூற்றைம்பது", 350)],
)
def test_two_tamil_number_words_written_as_one_are_added(text, quantity):
    assert parse_order(text).items[0].quantity == quantity


# ---------------------------------------------------------------- development batch 7's classes


def test_then_separates_two_items():
    assert items("8oz cup 1500 then the lid also 1500") == [
        ("cup", 1500, "pcs", "8 oz"),
        ("lid", 1500, "pcs", "8 oz"),
    ]


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("paper straws 4000 - sorry, 6000 - and napkins 5000", 6000),
        ("burger boxes, 400 pcs. Actually no, make that 450.", 450),
        ("汉堡盒一百个，不是，一百五十个", 150),
    ],
)
def test_a_correction_between_dashes_full_stops_or_after_bu_shi_is_read(text, quantity):
    parsed = parse_order(text)
    assert parsed.items[0].quantity == quantity
    assert parsed.doubt == ""


def test_a_sentence_starting_with_no_leaves_that_product_out_without_a_doubt():
    parsed = parse_order("Order: 12oz cups x 1000, 12oz lids x 1000. No straws this time.")
    assert [i.product for i in parsed.items] == ["cup", "lid"]
    assert parsed.doubt == ""


def test_a_chinese_clock_time_is_no_quantity():
    parsed = parse_order("750毫升外卖盒三百个，后天下午三点送")
    assert items("750毫升外卖盒三百个，后天下午三点送") == [("takeaway box", 300, "pcs", "750 ml")]
    assert parsed.doubt == ""


def test_plastic_only_remarked_after_a_wooden_order_is_no_doubt():
    assert parse_order("wooden cutlery 600 set, plastic ones too flimsy").doubt == ""
    assert parse_order("wooden cutlery 600 set, plastic spoon 200").doubt


# ---------------------------------------------------------------- intents of batch 7's classes


@pytest.mark.parametrize(
    "text",
    [
        "napkins 3000, eh wait make it 4000",
        "kraft bag small 800 no sorry 900 pls",
        "the cups last time got leak, anyway this round 12oz cup 2000",
        "last order all wet, this time pizza box 12 inch 300",
    ],
)
def test_a_new_order_with_its_own_correction_or_after_a_remark_is_an_order(text):
    assert intents.classify_intent(text).intent == "order_placement"


@pytest.mark.parametrize(
    "text",
    [
        "invoice says 5 cartons but we only got 4",
        "the bill shows 2000 cups but i only received 1500",
    ],
)
def test_fewer_goods_than_billed_is_a_complaint(text):
    assert intents.classify_intent(text).intent == "complaint"


@pytest.mark.parametrize(
    "text", ["has our order been shipped?", "order semalam dah hantar ke belum", "我的货发了吗"]
)
def test_whether_an_order_has_gone_out_is_its_status(text):
    assert intents.classify_intent(text).intent == "order_status"


def test_a_wet_delivery_in_spoken_tamil_is_a_complaint():
    assert intents.classify_intent("வந்த napkin எல்லாம் ஈரமா இருக்கு").intent == "complaint"
