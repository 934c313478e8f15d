"""Session 9, p21c: the Chinese, Malay and Tamil classes of fresh13, fresh15, fresh16, fresh21 and
fresh22 that were asked about or dropped: a question about delivery before the lines, a shop's
number in its address, a quantity corrected with an apology in Tamil or "不对，是 ...", the cup's
lid in Malay, "one more order:" as a heading, "both, each" in Tamil, lids matched to the cups in
Chinese. Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import items_of, quantities

# ------------------------------------------- a delivery question, a shop number: no address


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kami baru buka kedai di Tampines, boleh hantar ke sini? Nak cawan 8oz dua ribu.",
            [2000],
        ),
        ("can deliver to Yishun or not? need napkin 3 ctn", [3]),
        ("boleh hantar ke Yishun? nak napkin 3 karton", [3]),
    ],
)
def test_a_question_about_delivery_ends_before_the_lines_that_follow_it(text, expected):
    assert [quantity for _, quantity, _ in items_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beg kertas kecil 3 karton. Kedai no 7, Jalan Besar", [(3, "carton")]),
        ("napkin 2 ctn, shop no. 15 Joo Chiat", [(2, "carton")]),
    ],
)
def test_the_number_of_a_shop_in_its_address_is_no_line_of_the_order(text, expected):
    parsed = parse_order(text)
    assert parsed.doubt == ""
    assert [(item.quantity, item.unit) for item in parsed.items] == expected


# ------------------------------------------- a quantity corrected in Chinese and Tamil


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("汉堡盒五百，不对，是六百", 600),
        ("8oz கப் 2 carton, மன்னிச்சுக்கோங்க, 3 carton", 3),
        ("napkin 2 carton, மன்னிக்கவும், 3 carton", 3),
    ],
)
def test_a_quantity_taken_back_with_an_apology_or_no_it_is_is_replaced(text, expected):
    assert [quantity for _, quantity, _ in items_of(text)] == [expected]
    # "sorry, change it to 3 cartons" after two lines: of which line? (fresh17's guard)
    assert items_of("cup 2 carton, lid 1 carton, மன்னிக்கவும், 3 carton ஆக மாற்றுங்க") == []


# ------------------------------------------- product words and headings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tudung cawan 8oz tiga ribu", [("lid", 3000, "8 oz")]),
        ("Penutup cawan 12oz 500 keping", [("lid", 500, "12 oz")]),
    ],
)
def test_the_lid_of_a_cup_in_malay_is_a_lid_not_a_cup_and_a_lid(text, expected):
    assert items_of(text) == expected


def test_one_more_order_with_a_colon_heads_its_lines_and_alone_is_the_last_order_again():
    parsed = parse_order("再来一单：汉堡盒三箱")
    assert (parsed.doubt, parsed.repeat_last) == ("", False)
    assert [(item.product, item.quantity, item.unit) for item in parsed.items] == [
        ("burger box", 3, "carton")
    ]
    assert parse_order("再来一单").repeat_last


def test_to_pack_a_dish_in_malay_names_no_pack_of_goods():
    assert [q for _, q, _ in items_of("untuk bungkus nasi ayam, kotak 1000ml 600 keping")] == [600]


def test_lids_matched_to_the_cups_quantities_in_chinese_are_a_lid_for_every_cup_line():
    assert items_of("8oz杯一千，12oz杯五百，盖子照杯子的数量配") == [
        ("cup", 1000, "8 oz"),
        ("cup", 500, "12 oz"),
        ("lid", 1000, "8 oz"),
        ("lid", 500, "12 oz"),
    ]


def test_both_each_in_tamil_orders_every_product_named_in_that_quantity():
    assert items_of("12oz cup, lid ரெண்டும் தலா 2000") == [
        ("cup", 2000, "12 oz"),
        ("lid", 2000, "12 oz"),
    ]


# ------------------------------------------- another product, as many as the only line before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin 3000, straw pun sama banyak", [("napkin", 3000, None), ("straw", 3000, None)]),
        (
            "Kotak burger 400, beg kertas besar pun sama banyak",
            [("burger box", 400, None), ("paper bag large", 400, None)],
        ),
        ("汉堡盒五百个，纸巾也一样多", [("burger box", 500, None), ("napkin", 500, None)]),
    ],
)
def test_another_product_as_many_as_the_only_line_before_takes_its_pieces(text, expected):
    assert items_of(text) == expected


def test_as_many_as_several_lines_or_as_many_cartons_or_as_one_size_still_asks_which():
    assert items_of("napkin 2000, tissue 1000, straw pun sama banyak") == []
    # a carton of napkins holds another count
    assert items_of("cup 2 ctn, napkin same amount") == []
    # a count of one size of its product (as fresh12's guard "12oz cup 1000, napkins same amount")
    assert items_of("kotak pizza 12 inci 200, beg kertas besar sama banyak") == []
    assert items_of("napkin 3000, straw same amount") == [
        ("napkin", 3000, None),
        ("straw", 3000, None),
    ]


# ------------------------------------------- goods left for a later order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12oz cup 2000, lid அடுத்த தடவை order பண்றேன்", [("cup", 2000, "12 oz")]),
        ("12oz杯两千个，盖子下次再订", [("cup", 2000, "12 oz")]),
        ("napkin 5 ctn, straw nanti kami order lain kali", [("napkin", 5, None)]),
        ("burger box 300. the lids I order later", [("burger box", 300, None)]),
    ],
)
def test_goods_left_for_a_later_order_are_no_line_of_this_one(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a lid named by the cup it fits


@pytest.mark.parametrize(
    "text",
    [
        "Cawan kertas panas 12oz 500, penutup yang muat cawan tu 500",
        "12oz hot cup 500, sip lid that fits the cup 500",
        "12安士热饮纸杯五百个，盖子五百个（热杯用的）",
    ],
)
def test_a_lid_that_fits_the_cup_before_it_is_that_cups_lid(text):
    assert [(quantity, size) for _, quantity, size in items_of(text)] == [
        (500, "12 oz"),
        (500, "12 oz"),
    ]
    assert parse_order(text).items[1].product in {"sip lid", "hot cup lid", "cup sip lid"}


# ------------------------------------------- a price in cents recalled in brackets


def test_a_price_in_cents_only_recalled_in_brackets_is_no_question_but_one_asked_is():
    assert quantities("nak straw 3000 (harga masih 2 sen kan?)") == [3000]
    assert quantities("burger box 400 (still 14 cents right?)") == [400]
    assert "a question" in parse_order("napkin 3000 (harga 2 sen?)").doubt


# ------------------------------------------- the usual count said to compare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("汉堡盒三箱，平时两箱而已", [3]),
        ("Kotak burger 3 karton, biasanya 2 karton je", [3]),
        ("napkin 5 carton, வழக்கமா 3 carton தான்", [5]),
    ],
)
def test_the_usual_count_said_beside_the_line_to_compare_is_no_line(text, expected):
    assert quantities(text) == expected


# ------------------------------------------- "a" before an order in Tamil


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("நாளை ஒரு பிறந்தநாள் order இருக்கு, burger box 400 வேணும்", [400]),
        ("வெள்ளிக்கிழமை ஒரு function order இருக்கு. napkin 2 carton", [2]),
    ],
)
def test_one_before_an_order_in_tamil_is_the_article_not_a_count(text, expected):
    assert quantities(text) == expected
    assert quantities("ஒரு பெட்டி order பண்ணுங்க napkin") == [1]  # one box: a count
