"""fresh5's classes (issue 19, sixth round): Singlish remarks and kinds around an order, a range
written as two number words, damaged goods counted, Malay "yang" and repeat orders in Malay and
Tamil. Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import classify_intent
from orders.parsing import parse_order
from tests.orders.parsing_support import items_of

# ------------------------------------------------- a question after the order's full stop


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("kraft bowl 500 pcs. u guys got bamboo straw? if dont have nvm", 500),
        ("Napkins 4000. Do you sell paper plates? If not, never mind.", 4000),
        ("12oz cup 1500. any chance you carry cup holders? if no then ok", 1500),
        ("burger box 300. btw u all sell plastic bag? if cannot nvm", 300),
    ],
)
def test_a_product_question_after_a_full_stop_orders_nothing_more(text, quantity):
    got = items_of(text)
    assert [q for _, q, _ in got] == [quantity]


# ------------------------------------------------- what came last time, without a number


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("kraft bag 500, last time the straws bend easily", 500),
        ("1000ml box 2 ctn pls, last delivery the lids all cannot close properly", 2),
        ("餐巾纸两箱，上次的盖子太松", 2),
        ("pizza box 12 inch 200, last round the box abit thin", 200),
    ],
)
def test_a_remark_about_an_earlier_delivery_is_no_line_of_the_order(text, quantity):
    got = items_of(text)
    assert [q for _, q, _ in got] == [quantity]


def test_the_lids_same_as_last_time_are_still_a_companion():
    assert parse_order("12oz cup 500 and the lids same as last time").doubt


# ------------------------------------------------- one kind chosen against another


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("16oz cup 2 ctn, the cold one not the hot one", "cold"),
        ("10 inch pizza box 200, white not kraft", "white"),
        ("pls send 22oz cup 1 ctn, the clear one lah not the paper one", "clear"),
    ],
)
def test_the_kind_wanted_against_another_is_read_not_a_negation(text, kind):
    got = items_of(text)
    assert len(got) == 1
    assert kind in got[0][0].split()


def test_a_kind_only_refused_stays_a_doubt():
    assert parse_order("12oz cup 500, not the plastic one").doubt


# ------------------------------------------------- two number words in a row are a range


@pytest.mark.parametrize(
    "text",
    [
        "napkin two three carton pls",
        "cawan 8oz dua tiga karton",
        "straw moonu naalu carton anuppunga",
        "吸管两三箱",
    ],
)
def test_two_digit_words_in_a_row_are_two_quantities_not_their_sum(text):
    assert items_of(text) == []
    assert parse_order(text).doubt


def test_a_tens_word_and_a_digit_word_are_still_one_number():
    assert items_of("twenty two 8 inch pizza box") == [("pizza box", 22, "8 inch")]


# ------------------------------------------------- damaged goods counted, additions


@pytest.mark.parametrize(
    "text",
    [
        "the 12 inch boxes reached all wet, 40 of them cannot use",
        "750ml box came yesterday, 50 pcs cracked",
        "cawan 16oz semalam 200 biji rosak",
        "today order add 2 more ctn straw can",
        "our earlier order tambah 500 cups",
    ],
)
def test_a_count_of_damaged_goods_or_an_addition_is_no_new_order(text):
    assert items_of(text) == []


def test_a_count_of_them_without_damage_is_still_the_order():
    assert items_of("I'd like 8 inch pizza boxes, 250 of them") == [("pizza box", 250, "8 inch")]


def test_a_count_of_them_after_a_quantity_is_part_of_it_or_more_so_asked():
    assert parse_order("paper bag large 500, 100 of them small").doubt


# ------------------------------------------------- Malay "yang", repeats in Malay and Tamil


def test_malay_yang_and_a_size_is_the_product_of_the_line_before():
    got = items_of("cawan kertas 12oz lima ratus, yang 16oz tiga ratus")
    assert [(q, size) for _, q, size in got] == [(500, "12 oz"), (300, "16 oz")]
    assert got[0][0] == got[1][0]


@pytest.mark.parametrize(
    "text",
    [
        "sama macam last order, hantar pagi",
        "pona thadava maathiriye anuppunga",
        "pona vaaram madhiri anupunga",
        "போன வாரம் வாங்குன மாதிரியே அனுப்புங்க",
    ],
)
def test_a_repeat_of_the_last_order_in_malay_and_tamil(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert not parsed.items


# ------------------------------------------------- intents: the same classes, classified


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # fewer goods than ordered or billed
        ("you guys sent 300 straws only, we ordered 600", "complaint"),
        ("semalam hantar 200 kotak je, kami order 400", "complaint"),
        ("上次只送了三百个盖子，我们订的是六百个", "complaint"),
        ("yesterday came 2 ctn napkin, invoice say 3 leh", "complaint"),
        ("நேத்து 300 straw தான் வந்துச்சு, 600 order பண்ணோம்", "complaint"),
        # an order planned for later
        ("next month then order 5000 straws, now still have", "other"),
        ("bulan depan baru order 3000 napkin", "other"),
        ("下个月再订一千个盖子", "other"),
        ("Friday 才 order 2 ctn straw", "other"),
        ("We will order around 500 burger boxes after the promo starts.", "other"),
        ("அடுத்த மாசம் 500 box order பண்ணுவோம்", "other"),
        # an addition or change to today's order
        ("today order add 2 more ctn straw can", "order_change"),
        ("today order cup 改 2 ctn", "order_change"),
        # whether the order stands or has gone out
        ("is today's order still on?", "order_status"),
        ("我的订单出货了没有？", "order_status"),
        # a stock question, a score out of ten
        ("1000ml box got stock or not? need next week", "product_question"),
        ("delivery uncle very fast, 9/10", "rating"),
        # thanks before the arrival, damage on arrival, an order with "once it comes, call"
        ("thank you, the straws reached", "other"),
        ("cawan semua kemek bila sampai tadi", "complaint"),
        ("napkin 3 carton, வந்ததும் கால் பண்ணுங்க", "order_placement"),
        # an order, then a question about a product we may not sell
        ("Napkins 4000. Do you sell paper plates? If not, never mind.", "order_placement"),
        # "send" and "hantar" are order verbs too: no past time, no "only", no complaint
        ("pls send 500 cups, we order 1000 napkins too", "order_placement"),
    ],
)
def test_the_classes_get_their_intent(text, intent):
    assert classify_intent(text).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "next month then order 5000 straws, now still have",
        "bulan depan baru order 3000 napkin",
        "下个月再订一千个盖子",
        "Friday 才 order 2 ctn straw",
        "அடுத்த மாசம் 500 box order பண்ணுவோம்",
        "yesterday came 2 ctn napkin, invoice say 3 leh",
    ],
)
def test_a_plan_or_a_short_delivery_is_no_order_even_if_the_parser_reads_it(text):
    assert items_of(text) == []


@pytest.mark.parametrize(
    "text",
    ["12oz cup 500, and 2 more ctn napkin", "need 2 extra ctn straw", "napkin 2 lagi karton"],
)
def test_a_unit_after_more_or_extra_is_still_the_unit(text):
    # was read as 2 pieces: a wrong order
    assert [i.unit for i in parse_order(text).items][-1] == "carton"
