"""fresh30's zh, ms and ta classes, and the older sets' zh/ms/ta misses (issue 19, p19x).

- Dates and hours in Malay, Tamil and Chinese ("12 Oktober", "11hb", "2-4 petang", "28ஆம் தேதி",
  "(நவம்பர் 9)", "10-12 மணிக்குள்", "10 manikku", "3-5点") are no quantities (before, each was a
  line without a product, and the order asked).
- Tamil's "no" right between two quantities ("straw 2 இல்ல 3 carton") joins two readings and asks
  (before, the second was ordered as a correction: a wrong order).
- Goods used up with no count ("纸巾用完了") are why the order is made, no earlier order's count.
- A lid named by the cup it is for in Chinese ("冷饮杯的圆顶盖") is one product, not two.
- A price agreed in Malay, Tamil or Chinese ("setuju dgn harga tu", "விலை சரி", "报价可以") is no
  question about the price; "ambil", "tambah", "dah", "cuba" are no product words.
- A quantity of "yours" ("yg awak punya", "உங்களோடது") after a sentence on another shop's product
  is of that product, and so is a quantity after a sentence that is nothing but one product's name
  ("Beg kertas kecil yg kraft. 800 keping") or says in Tamil that it ran out ("தீர்ந்து போச்சு");
  "bukan yg putih" (not the white) is a kind said no to.
- A sum of money in Chinese or Tamil ("预算一百块", "三百元", "60 வெள்ளி") is no quantity.
- "1000ml纸盒" is a box of 1000ml (before, "纸" glued to the size and the size was lost).
- Tamil words: "டப்பா" (a tub) is the takeaway box, "ஸ்பூன் ஃபோர்க் செட்" the cutlery set, and
  "லிட்டில்" (Little India) no lid.
- Corrections: "……不对，写错了，要五箱" (no, written wrong, five cartons) and "— eh silap, penutup
  1000" after a dash read the new quantity; "Maaf lewat balas" (sorry for the late reply) is no
  correction.
- A line of only the other kind ("..., yang putih 100" after "kotak pizza 10 inci kraft 300") takes
  the size of the line before (before, no size, and the order asked).
- Goods "tinggal sikit" (few left) give the next sentence's quantity its product, as "habis" does.
- The number of a Chinese road or floor ("勿洛北3道", "5楼") is no quantity.
- "kotak bungkus" (a box to pack food in) is the takeaway box, no pack of boxes.
- "order baru, bukan yg semalam" (a new order, not yesterday's): the "not" changes nothing.
- An order on the condition of our stock only ("Kalau ada stok, ...", "stock இருந்தா ...", "如果有货")
  is an order, unless the message says what to do if not.
- A head count in the heading of a list ("..., 200 பேருக்கு:", "Majlis, 150 orang:") is no line and
  no doubt; a head count beside an item ("napkin cukup untuk 150 orang") still asks.
- The service or the driver praised ("சேவை நல்லா இருந்துச்சு", "服务很好", "Terbaik!") is a rating,
  and the delivery words of a rating ("driver sampai awal") ask nothing about a delivery.
- Another supplier's goods faulted before an order of ours ("别家的纸杯会漏", "supplier lama",
  "பழைய supplier") are no complaint to us; cartons of the goods in a photo ("照片里的一样，来两箱")
  are an order placed (which goods is asked).
- Packets of straws ("paper straw 3 packet") are a shop's packets, confirmed, as napkins' are
  (before, 3 cartons: a wrong order).

Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import ORDER_PLACEMENT, RATING, classify_intent
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- dates and hours in Malay and Tamil


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Straw kertas 3 karton, untuk majlis 14 Ogos", [("straw paper", 3, None)]),
        ("Cawan 8oz 2000. Hantar tarikh 5 ya", [("cup", 2000, "8 oz")]),
        ("Napkin 1 karton, boleh hantar 23 hb?", [("napkin", 1, None)]),
        ("Kotak burger 300, hantar Khamis 3-5 petang", [("burger box", 300, None)]),
        ("பிறந்தநாள் விழா (ஜூலை 14):\n12oz cup 800", [("cup", 800, "12 oz")]),
        ("napkin 3000, 15ஆம் தேதிக்குள் வேணும்", [("napkin", 3000, None)]),
        ("burger box 400, வியாழன் 2-4 மணிக்கு கொண்டு வாங்க", [("burger box", 400, None)]),
        ("750ml box 300 venum, saayangaalam 5 manikku", [("box", 300, "750 ml")]),
        ("8寸披萨盒两箱，周五下午3-5点送", [("pizza box", 2, "8 inch")]),
    ],
)
def test_a_date_or_an_hour_in_malay_tamil_or_chinese_is_no_quantity(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- one quantity or the other, in Tamil


@pytest.mark.parametrize(
    "text",
    ["straw 2 இல்ல 3 carton", "16oz cold cup 1 carton இல்லை 2 carton", "8oz cup 1000 இல்ல 2000"],
)
def test_tamil_no_between_two_quantities_asks(text):
    assert asks(text)


# ------------------------------------------- goods run out, then the order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("吸管用完了，送三箱", [("straw", 3, None)]),
        ("开张第一天汉堡盒就用完了！再要五百个", [("burger box", 500, None)]),
    ],
)
def test_goods_used_up_without_a_count_are_why_the_order_is_made(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a lid named by its cup, in Chinese


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("冷饮杯的圆顶盖 三千个", [("cold cup dome lid", 3000, None)]),
        ("16安士热饮杯用的盖子一箱", [("hot cup lid", 1, "16 oz")]),
    ],
)
def test_a_lid_named_by_the_cup_it_is_for_is_one_product(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a price agreed, in Malay, Tamil and Chinese


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Setuju dengan harga itu. Hantar 2 karton straw", [("straw", 2, None)]),
        ("விலை சரி. burger box 500 அனுப்புங்க", [("burger box", 500, None)]),
        ("报价可以，8寸披萨盒三百个", [("pizza box", 300, "8 inch")]),
    ],
)
def test_a_price_agreed_is_no_question(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- Malay verbs of taking and adding


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kami ambil 2 karton cawan 8oz", [("cup", 2, "8 oz")]),
        ("Beg kertas besar dah habis. Nak tambah 300 keping", [("paper bag large", 300, None)]),
    ],
)
def test_malay_verbs_of_taking_and_adding_are_no_product_words(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- another shop's goods named, ours wanted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cawan 12oz dalam gambar ni kedai lain punya, nak yang awak punya. 3 karton",
            [("cup", 3, "12 oz")],
        ),
        ("இது வேற supplier-ஓட napkin. உங்களோடது 2 carton அனுப்புங்க", [("napkin", 2, None)]),
        (
            "The burger box in the photo is from our old supplier. Yours, 400 pcs",
            [("burger box", 400, None)],
        ),
    ],
)
def test_a_quantity_of_yours_is_of_the_product_named_before(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a product's name alone, then its quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beg kertas kecil yg kraft. 800 keping", [("paper bag small kraft", 800, None)]),
        (
            "Kotak pizza 10 inci kraft, bukan yg putih. 2 karton",
            [("pizza box kraft", 2, "10 inch")],
        ),
        ("napkin தீர்ந்து போச்சு. 4 carton அனுப்புங்க", [("napkin", 4, None)]),
    ],
)
def test_a_sentence_that_only_names_a_product_gives_the_next_its_product(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a budget or a sum of money is no quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这次预算只有两百块，要八安士纸杯一千个", [("paper cup", 1000, "8 oz")]),
        ("总共三百元以内，汉堡盒五百个", [("burger box", 500, None)]),
        ("பட்ஜெட் 60 வெள்ளி, napkin 1 carton போதும்", [("napkin", 1, None)]),
    ],
)
def test_a_sum_of_money_in_chinese_or_tamil_is_no_quantity(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a paper box glued to its size


def test_a_paper_box_glued_to_its_size_keeps_the_size():
    assert items_of("750ml纸盒两百个") == [("box", 200, "750 ml")]


# ------------------------------------------- Tamil product words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1000ml டப்பா 600 வேணும்", [("box", 600, "1000 ml")]),
        ("மர ஸ்பூன் ஃபோர்க் செட் 800", [("wooden cutlery set", 800, None)]),
        ("பெரிய பை 500, லிட்டில் இந்தியா கடைக்கு அனுப்புங்க", [("large bag", 500, None)]),
    ],
)
def test_tamil_words_for_a_tub_and_a_spoon_and_fork_set_and_little_is_no_lid(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- corrections in Chinese and Malay


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("吸管三箱……不对，写错了，要五箱", [("straw", 5, None)]),
        (
            "Cawan 8oz 1000, penutup 500 — eh silap, penutup 1000",
            [("cup", 1000, "8 oz"), ("lid", 1000, "8 oz")],
        ),
    ],
)
def test_a_quantity_corrected_in_chinese_or_after_a_dash_in_malay(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- an apology for the message, in Malay


def test_a_malay_apology_for_the_late_message_is_no_correction():
    assert items_of("Maaf lewat balas. Straw kertas 2 karton") == [("straw paper", 2, None)]


# ------------------------------------------- the other kind, the same size


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kotak pizza 10 inci kraft 300, yang putih 100",
            [("pizza box kraft", 300, "10 inch"), ("white pizza box", 100, "10 inch")],
        ),
        (
            "10寸白色披萨盒两百个，牛皮的一百个",
            [("white pizza box", 200, "10 inch"), ("kraft pizza box", 100, "10 inch")],
        ),
    ],
)
def test_a_line_of_the_other_kind_takes_the_size_of_the_line_before(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- goods left few, in Malay


def test_goods_said_to_be_few_left_in_malay_give_the_next_sentence_its_product():
    assert items_of("Bang, baru perasan beg kertas kecil tinggal sikit. Hantar 2 karton") == [
        ("paper bag small", 2, None)
    ]


# ------------------------------------------- a Chinese address's numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们在勿洛北3道，要12安士纸杯两千个", [("paper cup", 2000, "12 oz")]),
        ("店在5楼，汉堡盒三百个", [("burger box", 300, None)]),
    ],
)
def test_the_number_of_a_chinese_road_or_floor_is_no_quantity(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a box to pack food in, in Malay


def test_a_malay_box_for_packing_food_is_no_pack_of_boxes():
    assert items_of("Kotak bungkus 750ml 600 biji") == [("takeaway box", 600, "750 ml")]


# ------------------------------------------- a new order, not yesterday's


def test_an_order_said_to_be_new_not_yesterdays_is_no_change():
    assert items_of("Tambah stok straw 2 karton. Ini order baru, bukan tambah yg semalam") == [
        ("straw", 2, None)
    ]


# ------------------------------------------- a condition on our stock only


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kalau ada stok, kotak burger 300 hantar esok", [("burger box", 300, None)]),
        ("stock இருந்தா napkin 2 carton அனுப்புங்க", [("napkin", 2, None)]),
        ("如果有货，木餐具一箱", [("wooden cutlery", 1, None)]),
    ],
)
def test_an_order_on_the_condition_of_our_stock_is_an_order(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- a head count heading a list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Majlis kesyukuran, 150 orang:\nkotak 750ml 200\nnapkin 1000",
            [("box", 200, "750 ml"), ("napkin", 1000, None)],
        ),
        (
            "பிறந்தநாள் party, 80 பேருக்கு:\nburger box 100\n8oz cup 100",
            [("burger box", 100, None), ("cup", 100, "8 oz")],
        ),
    ],
)
def test_a_head_count_heading_a_list_is_no_line_nor_doubt(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- the service praised, in Tamil, Chinese and Malay


@pytest.mark.parametrize(
    "text",
    [
        "சேவை ரொம்ப அருமை, thanks anna",
        "你们的服务非常好，谢谢",
        "Driver pagi tadi sampai awal, terbaik!",
    ],
)
def test_the_service_or_the_driver_praised_is_a_rating(text):
    assert classify_intent(text).intent == RATING


# ------------------------------------------- another supplier faulted, then our goods ordered


@pytest.mark.parametrize(
    "text",
    [
        "别家的纸杯会漏，试试你们的，12安士纸杯两千个",
        "Beg supplier lama selalu koyak. Cuba yang awak punya, beg besar 500 keping",
        "வேற கடை bag damaged ஆகுது. உங்க large bag 500",
        "和照片里的一样，送三箱",
    ],
)
def test_an_order_after_another_suppliers_goods_or_a_photo_is_an_order_placed(text):
    assert classify_intent(text).intent == ORDER_PLACEMENT


# ------------------------------------------- a packet of straws


def test_packets_of_straws_are_confirmed_not_ordered_as_cartons():
    assert asks("paper straw 3 packet")
