"""The offline parser on classes of phrasing, each with sentences written for this file (not taken
from the evaluation sets): numbers in every language, product words in every language, line
structure, noise around the items, and the readings it must ask about instead of ordering."""

import pytest

from orders.parsing import parse_order


def items(text: str) -> list[tuple]:
    return [(i.product, i.quantity, i.unit, i.size) for i in parse_order(text).items]


def quantities(text: str) -> list[int]:
    return [i.quantity for i in parse_order(text).items]


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("நாப்கின் ஆயிரத்து இருநூறு", 1200),  # joining form of "thousand" + 200
        ("நாப்கின் இருநூற்று எழுபது", 270),  # joining form of "two hundred" + 70
        ("நாப்கின் மூன்று ஆயிரம்", 3000),  # a digit word multiplies "thousand"
        ("நாப்கின் ஆறாயிரம்", 6000),  # a fused thousand
        ("நாப்கின் இரண்டாயிரத்து ஐநூறு", 2500),  # a fused thousand in its joining form
        ("napkin moonu aayiram", 3000),  # romanised
        ("napkin aayirathu anjooru", 1500),  # romanised joining form
    ],
)
def test_tamil_quantities_in_script_and_romanised_are_read_whole(text, quantity):
    assert quantities(text) == [quantity]


def test_a_tamil_number_inside_another_word_is_not_read():
    # "ரத்து" (cancel) ends "ஆயிரத்து", and "ஒரு" starts no number here
    assert parse_order("ஆர்டரை ரத்து செய்யுங்கள்").items == []


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("吸管一千二", 1200),  # spoken short form: the digit is the next place down
        ("吸管三百五", 350),
        ("吸管一千零二十", 1020),  # with 零 the digits are literal
        ("吸管2千5", 2500),
    ],
)
def test_chinese_spoken_short_forms(text, quantity):
    assert quantities(text) == [quantity]


def test_a_chinese_numeral_before_a_size_unit_is_the_size():
    assert items("十四寸披萨盒八十个") == [("pizza box", 80, "pcs", "14 inch")]
    assert items("六安士杯子五百个") == [("cup", 500, "pcs", "6 oz")]


def test_full_width_digits_and_punctuation_read_as_ascii():
    assert items("１２oz杯子３００个（热饮）") == [("cup hot", 300, "pcs", "12 oz")]


def test_a_glued_x_before_a_k_quantity():
    assert items("8oz lid x1.5k") == [("lid", 1500, "pcs", "8 oz")]


# ---------------------------------------------------------------- product words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("வெள்ளை பீட்சா பெட்டிகள் நூறு", [("white pizza box", 100, "pcs", None)]),
        ("காகித கப்புகள் 2 கார்டன்", [("paper cup", 2, "carton", None)]),
        ("சிறிய பைகள் எண்ணூறு", [("small bag", 800, "pcs", None)]),
        ("14 அங்குலம் பெட்டி 60", [("box", 60, "pcs", "14 inch")]),
        ("kaagitha cup periya 500", [("paper cup large", 500, "pcs", None)]),
    ],
)
def test_tamil_product_words_with_their_endings(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("圆顶盖两千个", [("dome lid", 2000, "pcs", None)]),
        ("打包盒七百个", [("takeaway box", 700, "pcs", None)]),
        ("中号纸袋四百个", [("medium paper bag", 400, "pcs", None)]),
    ],
)
def test_chinese_attribute_and_product_words(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("straw 2000 batang", [("straw", 2000, "pcs", None)]),
        ("tisu 800 helai", [("napkin", 800, "pcs", None)]),
        ("bekas bungkus 750ml 450 biji", [("takeaway box", 450, "pcs", "750 ml")]),
        ("tudung kubah 16oz seribu", [("lid dome", 1000, "pcs", "16 oz")]),
    ],
)
def test_malay_classifiers_are_units_and_product_words_translate(text, expected):
    assert items(text) == expected


@pytest.mark.parametrize(
    "text",
    ["spoon & fork sets 300", "set of knife, fork and spoon 300", "wooden spoon fork set 300"],
)
def test_a_cutlery_set_named_by_its_pieces_is_one_item(text):
    assert [(i.product.split()[-2:], i.quantity) for i in parse_order(text).items] == [
        (["cutlery", "set"], 300)
    ]
    assert parse_order(text).doubt == ""


def test_spoons_and_forks_without_set_stay_a_doubt():
    assert parse_order("spoons and forks 300").doubt


def test_lids_for_cups_are_one_item_of_lids_with_the_head_noun_last():
    order = parse_order("lids for the 16oz PET cups, 900")
    assert [(i.product, i.quantity, i.size) for i in order.items] == [("pet cup lid", 900, "16 oz")]
    assert order.doubt == ""


# ---------------------------------------------------------------- line structure


def test_a_bulleted_list_with_colons_is_one_item_a_line_and_no_range():
    text = "Order:\n- 8oz lids: 2,400\n- 12oz cups: 1,800\n- napkins: 6000"
    order = parse_order(text)
    assert [(i.product, i.quantity) for i in order.items] == [
        ("lid", 2400),
        ("cup", 1800),
        ("napkin", 6000),
    ]
    assert order.doubt == ""


def test_a_real_range_is_still_two_quantities():
    assert parse_order("12oz cups 2000-2500 pcs").doubt


def test_the_matching_lids_named_without_a_quantity_follow_the_cups():
    assert items("450 cups 8oz with lids") == [
        ("cup", 450, "pcs", "8 oz"),
        ("lid", 450, "pcs", "8 oz"),
    ]
    assert items("3 ctn 12oz hot cups plus the lids") == [
        ("hot cup", 3, "carton", "12 oz"),
        ("sip lid", 3, "carton", "12 oz"),  # the hot cups' lid
    ]


def test_lids_of_another_size_named_without_a_quantity_are_asked_about():
    assert parse_order("8oz cups 450, and 12oz lids").doubt


def test_another_product_named_without_a_quantity_is_asked_about_never_merged():
    order = parse_order("burger box 400, and napkins")
    assert [i.product for i in order.items] == ["burger box", "napkin"]
    assert order.doubt


def test_each_gives_every_product_named_the_quantity():
    assert items("8oz cups and lids, 700 each") == [
        ("cup", 700, "pcs", "8 oz"),
        ("lid", 700, "pcs", "8 oz"),
    ]


def test_an_item_of_attributes_only_takes_the_type_of_the_next_item():
    assert items("we want 120 big and 340 small paper bags") == [
        ("big bag", 120, "pcs", None),
        ("small paper bag", 340, "pcs", None),
    ]


def test_n_of_after_a_carton_line_counts_cartons():
    assert items("4 ctn of burger boxes and 2 of napkins") == [
        ("burger box", 4, "carton", None),
        ("napkin", 2, "carton", None),
    ]
    assert items("1200 of the large bags") == [("large bag", 1200, "pcs", None)]


# ---------------------------------------------------------------- noise around the items


@pytest.mark.parametrize(
    "text",
    [
        "14 inch pizza box 120 pcs, PO no. 55821",
        "14 inch pizza box 120 pcs. ref: 7731",
        "14 inch pizza box 120 pcs for ORD-2026-0099 top up",
        "14 inch pizza box 120 pcs, deliver to 5 Jurong West St 91 S640005",
        "14 inch pizza box 120 pcs, invoice to finance@example.org attn Mr Lim",
    ],
)
def test_references_postal_codes_and_billing_lines_are_not_items(text):
    assert items(text) == [("pizza box", 120, "pcs", "14 inch")]


@pytest.mark.parametrize(
    "text",
    ["napkin 900, straw dun need", "napkin 900, straw tak nak", "napkin 900, straw வேண்டாம்"],
)
def test_a_line_the_customer_does_not_want_is_dropped(text):
    assert items(text) == [("napkin", 900, "pcs", None)]


# ---------------------------------------------------------------- repeats and doubts


@pytest.mark.parametrize(
    "text",
    [
        "like last month's order pls",
        "our regular order, thanks",
        "macam biasa ye boss",
        "ulang pesanan minggu lepas",
        "照旧，谢谢",
        "老样子",
        "முந்தைய ஆர்டர் போலவே அனுப்புங்கள்",
        "last time maathiri anuppunga",
    ],
)
def test_same_as_last_time_in_many_phrasings(text):
    order = parse_order(text)
    assert order.repeat_last and not order.items and order.doubt == ""


@pytest.mark.parametrize(
    "text",
    ["like last week, plus 300 straws", "our regular order but no need napkins"],
)
def test_a_repeat_with_changes_is_a_doubt(text):
    assert parse_order(text).doubt


@pytest.mark.parametrize(
    "text",
    [
        "ஸ்ட்ரா 2 carton விலை?",
        "纸巾两箱价格",
        "napkin 2 karton harga?",
        "please cancel 2 ctn napkins",
        "batalkan napkin 2 karton",
    ],
)
def test_price_questions_and_cancellations_are_never_orders(text):
    assert parse_order(text).doubt


@pytest.mark.parametrize(
    "text",
    [
        "received 4 ctn lids yesterday, thanks",
        "you sent 300 8 inch boxes, we ordered 300 12 inch",
        "收到了三箱纸巾",
        "dah terima 3 karton napkin",
        "நேற்று 500 கப் கிடைத்தது",
    ],
)
def test_items_of_an_earlier_order_are_a_doubt(text):
    assert parse_order(text).doubt


@pytest.mark.parametrize(
    "text",
    [
        "8 inch and 14 inch pizza boxes 250",  # two sizes, one quantity
        "hot and cold cups 16oz 900",  # two values of one attribute
        "about 700 napkins",
        "napkins 700 or so",
        "纸巾大概七百张",
        "napkin lebih kurang 700",
    ],
)
def test_two_kinds_under_one_quantity_and_approximate_quantities_are_doubts(text):
    assert parse_order(text).doubt


def test_each_splits_two_sizes_or_two_attribute_values():
    assert items("8寸和14寸披萨盒各两百个") == [
        ("pizza box", 200, "pcs", "8 inch"),
        ("pizza box", 200, "pcs", "14 inch"),
    ]
    assert items("beg kertas besar dan kecil, 400 setiap jenis") == [
        ("paper bag large", 400, "pcs", None),
        ("paper bag small", 400, "pcs", None),
    ]


def test_a_form_of_address_before_quantity_first_items_is_no_product_word():
    assert items("sis 2 ctn napkin 1 ctn straw") == [
        ("napkin", 2, "carton", None),
        ("straw", 1, "carton", None),
    ]


def test_items_that_only_describe_share_the_product_type_named_once():
    assert items("袋子大号三百个小号六百个") == [
        ("bag large", 300, "pcs", None),
        ("small bag", 600, "pcs", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "paper straws 1200, deliver 20 Feb",
        "paper straws 1200 by March 3rd",
        "paper straws 1200 - need them within 3 days",
        "paper straws 1200 before 9 pls",
        "paper straws 1200 @ $0.012, 10% discount right?",
        "paper straws 1200 for table 12",
        "paper straws 1200, send to outlet 4 on the 2nd",
        "paper straws 1200 on 5/6",
        "吸管一千二百支，明天下午3点前送",
        "straw kertas 1200, hantar sebelum pukul 10",
        "ஸ்ட்ரா 1200, காலை 10 மணிக்குள்",
    ],
)
def test_dates_times_prices_and_places_are_not_quantities(text):
    order = parse_order(text)
    assert [(i.quantity, "straw" in i.product.split()) for i in order.items] == [(1200, True)]
    assert order.doubt == ""


@pytest.mark.parametrize(
    "text", ["burger box 2 x 250", "4x burger box 250", "burger box 250 for 3 shops"]
)
def test_two_numbers_for_one_line_are_a_doubt(text):
    assert parse_order(text).doubt


def test_a_quantity_times_a_size_is_no_doubt():
    assert parse_order('250 x 14" pizza boxes').doubt == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a carton of 8oz lids", [("lid", 1, "carton", "8 oz")]),
        ("need 1 box of napkins", [("napkin", 1, "box", None)]),
        ("napkin sekarton", [("napkin", 1, "carton", None)]),
        ("10吋披萨盒八十个", [("pizza box", 80, "pcs", "10 inch")]),
    ],
)
def test_a_single_unit_written_as_a_word(text, expected):
    order = parse_order(text)
    assert [(i.product, i.quantity, i.unit, i.size) for i in order.items] == expected
    assert order.doubt == ""


@pytest.mark.parametrize(
    "text", ["8oz杯两包半", "half a pack of napkins", "napkin satu setengah bungkus"]
)
def test_part_of_a_unit_is_a_doubt(text):
    # half cartons are read (test_parsing_fresh11_classes.py); a pack's size is not known
    assert parse_order(text).doubt
