"""fresh8's classes (issue 19, ninth round): spoken Tamil hundreds before another number
('இருநூத்தி அம்பது' is 250, not 50), a bare count 'of the ... ones' after a carton line (pieces,
not 150 cartons) and a daily usage figure in Chinese (wrong orders before); then the plain orders
that were asked about: repeats of the last order in new phrasings, 'no change' in Malay, an apology
after a corrected quantity, lids 'for the cups' in Tamil's dative, and a unit-only quantity after
a sentence that says the goods run low. Sentences written for this file, not taken from any
evaluation set."""

import pytest

from orders.intents import classify_intent
from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------------------------------ spoken Tamil hundreds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin இருநூத்தி அம்பது அனுப்புங்க", [250]),
        ("straw ஐநூத்தி இருபது", [520]),
        ("8oz cup நூத்து அம்பது, 8oz lid நூத்து அம்பது", [150, 150]),
    ],
)
def test_a_spoken_tamil_hundred_joins_the_number_after_it(text, expected):
    assert quantities(text) == expected


# ------------------------------------------------- a bare count after a line in cartons


def test_a_large_count_of_the_other_size_after_a_carton_line_is_pieces():
    parsed = parse_order("2 cartons of the 12 inch pizza boxes and 300 of the 14 inch ones")
    assert [(i.quantity, i.unit) for i in parsed.items] == [(2, "carton"), (300, "pcs")]


def test_a_small_count_after_a_carton_line_still_takes_the_cartons():
    parsed = parse_order("5 cartons of napkins and 3 of straws")
    assert [(i.quantity, i.unit) for i in parsed.items] == [(5, "carton"), (3, "carton")]


# ------------------------------------------------------------ a usage figure is no order


@pytest.mark.parametrize(
    "text",
    [
        "你们的纸杯装热汤会不会漏？我们一个月大约用五千个。",
        "外卖盒可以微波吗？我们一天差不多用三百个",
    ],
)
def test_how_many_a_shop_uses_a_day_or_month_in_chinese_orders_nothing(text):
    assert asks(text)


# --------------------------------------------------------------- repeats of the last order


@pytest.mark.parametrize(
    "text",
    [
        "today order follow last time can",
        "this month order follow previous month ok",
        "同上回的订单一模一样，下午送",
        "அதே order தான் அனுப்புங்க",
        "கடந்த order மறுபடி போடுங்க",
        "pona order thirumba podunga",
        "Order macam biasa, jangan ubah apa-apa",
    ],
)
def test_a_repeat_of_the_last_order_in_new_phrasings_is_read(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert not parsed.doubt


@pytest.mark.parametrize(
    "text", ["Order macam dulu, takde ubah", "ulang order, tak payah ubah apa-apa"]
)
def test_no_change_in_malay_is_no_order_change(text):
    assert classify_intent(text).intent != "order_change"


def test_a_change_in_malay_still_doubts_the_repeat():
    assert asks("Order macam dulu tapi ubah straw jadi 3000")


# ------------------------------------------------------ an apology after a corrected number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin 2000 no 3000, sorry typo", [3000]),
        ("12oz cup 500 eh no 600 oops", [600]),
    ],
)
def test_an_apology_that_ends_a_correction_is_part_of_it(text, expected):
    assert quantities(text) == expected


def test_an_apology_before_more_text_still_asks():
    assert asks("pizza box 300 no 400, sorry 12 inch not 10 inch")


# --------------------------------------------------------- lids for the cups, in Tamil


def test_lids_for_the_cups_in_the_tamil_dative_are_one_product():
    assert items_of("8oz hot cup-க்கு sip lid ஆயிரம் அனுப்புங்க") == [("hot cup sip lid", 1000, "8 oz")]


# ------------------------------------- a unit-only quantity after "we are running low on X"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We're running out of paper bags. Can send 5 cartons?", ("paper bag", 5, "carton")),
        ("Napkins finished already. 3 ctn pls", ("napkin", 3, "carton")),
    ],
)
def test_a_unit_only_quantity_takes_the_product_that_runs_low(text, expected):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(i.product, i.quantity, i.unit) for i in parsed.items] == [expected]


def test_a_unit_only_quantity_after_a_damage_report_orders_nothing():
    assert parse_order("The burger boxes came crushed. 3 cartons").items == []


# ------------------------------------------------------------------------------- intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Has yesterday's order for the napkins been confirmed?", "order_status"),
        ("the order we send this morning got received or not?", "order_status"),
        ("服务不错，打个八分", "rating"),
        ("老板早，最近生意好吗？", "greeting"),
    ],
)
def test_status_rating_and_greeting_phrasings(text, intent):
    assert classify_intent(text).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "Heads up, we are closed from 3 to 5 Jan for a kitchen renovation, will order after",
        "Kedai tutup bulan depan 3 hari, lepas tu baru saya order",
        "Saya cuti dua minggu, nanti supervisor yang order",
        "புது branch திறக்கிறோம், அப்ப order நிறைய இருக்கும்",
        "我们月底搬到 Tampines, new address later send",
    ],
)
def test_a_shop_away_or_moving_and_an_order_later_is_no_order_now(text):
    assert classify_intent(text).intent == "other"


def test_a_count_with_the_price_we_were_quoted_orders_nothing():
    text = "The bill has 500 napkins at $0.02 each, we were quoted $0.015, pls check"
    assert asks(text)
    assert classify_intent(text).intent != "order_placement"


@pytest.mark.parametrize(
    "text",
    [
        "the napkin come 3 ctn but 2 ctn all wet, how ah",
        "Pesanan semalam cawan 12oz patut 1000, yang datang cuma 500",
        "invoice-ல 3 பெட்டி, ஆனா 2 பெட்டி தான் வந்தது",
    ],
)
def test_fewer_or_damaged_cartons_than_ordered_is_a_complaint_and_no_order(text):
    assert asks(text)
    assert classify_intent(text).intent == "complaint"


def test_send_some_over_in_chinese_is_an_order_to_ask_about():
    text = "盖子不够了，送点来"
    assert classify_intent(text).intent == "order_placement"
    assert asks(text)
