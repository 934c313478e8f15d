"""fresh33 and fresh34's classes (issue 19): head counts around the items ("Bedok wedding, 250
pax: ...", "lebih kurang 120 orang", "40桌大概400人": before, the count was read as a line without a
product and the order asked) are no lines, nor is the heading of a list ("For the dinner on Fri:");
one per person for one exact head count is that many ("1 cup and 1 lid per guest" for 300 guests);
a span of days ("12-13 Sep", "3、4号"), a hall number and a budget ("预算300块") are no quantities,
nor are hours in Chinese ("三个小时": before, 小 was read as "small" and 个 as pieces, a wrong order
from a question).
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------- head counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hi, for the Sentosa team dinner on Friday, 250 pax:\n"
            "- 750ml boxes x 250\n- napkins x 500",
            [("box", 250, "750 ml"), ("napkin", 500, None)],
        ),
        (
            "Got 2 seminars this week (Raffles 80 pax + Novena 120 pax). "
            "12oz hot cup 400, sip lid 400",
            [("hot cup", 400, "12 oz"), ("sip lid", 400, "12 oz")],
        ),
        (
            "Majlis tahlil malam Jumaat, lebih kurang 120 orang. Nak kotak 750ml 150, napkin 300",
            [("box", 150, "750 ml"), ("napkin", 300, None)],
        ),
        (
            "寿宴，40桌大概400人。1000毫升盒四百个，纸巾两千张",
            [("box", 400, "1000 ml"), ("napkin", 2000, None)],
        ),
        (
            "கோவில் அன்னதானம், சுமார் 500 பேர். 750ml box 500, napkin 1000",
            [("box", 500, "750 ml"), ("napkin", 1000, None)],
        ),
        (
            "need burger box 300 and napkins 600, 3 stalls x 100 customers",
            [("burger box", 300, None), ("napkin", 600, None)],
        ),
    ],
)
def test_a_head_count_around_the_items_is_no_line(text, expected):
    assert items_of(text) == expected


def test_a_head_count_inside_a_line_of_goods_leaves_the_goods_quantity():
    assert items_of("8oz cups 1200 for about 600 guests") == [("cup", 1200, "8 oz")]


def test_goods_wanted_only_for_a_head_count_still_ask():
    assert asks("napkins enough for 150 pax, and 750ml box 150")
    assert parse_order("cups for 300 pax pls").is_empty


# ------------------------------------------- one per person


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Staff townhall 300 guests. 1 x 8oz cup and 1 lid per guest, 2 napkins each",
            [("cup", 300, "8 oz"), ("lid", 300, "8 oz"), ("napkin", 600, None)],
        ),
        (
            "Gathering 120 orang, setiap orang 1 kotak 1000ml dan 1 cutlery set",
            [("box", 120, "1000 ml"), ("cutlery set", 120, None)],
        ),
        ("生日会150位客人，每人一个750毫升盒", [("box", 150, "750 ml")]),
    ],
)
def test_one_per_person_is_the_head_count(text, expected):
    assert items_of(text) == expected


def test_one_per_person_of_an_approximate_or_second_count_asks():
    assert items_of("300 pax, 1 x 8oz cup per person") == [("cup", 300, "8 oz")]
    assert asks("About 300 pax, 1 x 8oz cup per person")
    assert asks("Two lunches (80 pax and 120 pax), 1 box 750ml per person")


def test_cartons_per_person_are_not_multiplied():
    assert asks("200 pax, each pax 1 cup, napkin 1 ctn") is False
    assert items_of("200 pax, each pax 1 12oz cup, napkin 1 ctn")[-1] == ("napkin", 1, None)


# ------------------------------------------- spans of days, halls, budgets, hours


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "paper straw 5000, 16oz cold cup 2000 - food fair 20-22 Nov",
            [("paper straw", 5000, None), ("cold cup", 2000, "16 oz")],
        ),
        ("burger box 2 karton, karnival sekolah 5-6 Ogos", [("burger box", 2, None)]),
        ("纸巾3000张，3、4号的活动", [("napkin", 3000, None)]),
        (
            "1000ml box 600, 750ml box 300 for hall 402",
            [("box", 600, "1000 ml"), ("box", 300, "750 ml")],
        ),
        ("汉堡盒三百个，预算300块", [("burger box", 300, None)]),
    ],
)
def test_days_halls_and_budgets_are_no_quantities(text, expected):
    assert items_of(text) == expected


def test_hours_in_chinese_are_no_quantity():
    assert parse_order("你们的纸杯装热汤可以放三个小时吗？").is_empty


# ------------------------------------------- the last order again, nothing changed


@pytest.mark.parametrize(
    "text",
    [
        "和上次一样送过来，没有改动",
        "麻烦再送一次上次的订单",
        "போன வாரம் மாதிரியே அனுப்புங்க, எந்த மாற்றமும் இல்லை",
    ],
)
def test_the_last_order_with_no_change_is_a_repeat(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert not parsed.doubt


# ------------------------------------------- products described, second-language spellings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cover in a message of cups is a lid
        (
            "12oz paper cup 1000 and the cover 1000",
            [("paper cup", 1000, "12 oz"), ("sip lid", 1000, "12 oz")],
        ),
        (
            "cawan kertas 8oz 500, tutupnya 500",
            [("paper cup", 500, "8 oz"), ("sip lid", 500, "8 oz")],
        ),
        (
            "老板叫我订12盎司纸杯五百个，配这个杯的盖子五百个",
            [("paper cup", 500, "12 oz"), ("sip lid", 500, "12 oz")],
        ),
        (
            "12oz paper cup 800, அந்த cup-க்கு மூடி 800",
            [("paper cup", 800, "12 oz"), ("sip lid", 800, "12 oz")],
        ),
        # phonetic and second-language spellings
        ("kotak 750ml dua karten", [("box", 2, "750 ml")]),
        ("牛皮纸代大的三百个", [("kraft paper bag large", 300, None)]),
        ("木刀叉三百套", [("wooden cutlery set", 300, None)]),
        ("beg kertas, besar punya 300", [("paper bag large", 300, None)]),
        # the pieces of the set, counted in sets
        ("the wooden fork and spoon one, 800 set", [("wooden cutlery set", 800, None)]),
    ],
)
def test_products_described_or_spelt_by_ear_are_read(text, expected):
    assert items_of(text) == expected


def test_a_container_to_take_home_in_malay_is_a_takeaway_box():
    item = parse_order("nak wadah makanan bawa pulang 1000ml, lapan ratus biji").items[0]
    assert {"container", "takeaway"} <= set(item.product.split())
    assert (item.quantity, item.size) == (800, "1000 ml")


def test_a_lid_with_a_drinking_hole_is_a_sip_lid():
    parsed = parse_order("16oz hot cup 500, tutupnya yang rata ada lubang minum 500")
    assert not parsed.doubt
    assert "sip" in parsed.items[1].product.split()


def test_the_bigger_one_is_big():
    assert items_of("paper bag small 300 and the bigger one 200") == [
        ("paper bag small", 300, None),
        ("big bag", 200, None),
    ]


# ------------------------------------------- a second-language writer's order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kindly send to us burger box 600pcs", [("burger box", 600, None)]),
        (
            "i want order the kraft paper bag, the small one. 3 carton pls",
            [("kraft paper bag small", 3, None)],
        ),
        ("Sorry for disturb boss. 12oz cup 1000 pcs", [("cup", 1000, "12 oz")]),
        ("12oz杯子两千个，快用完了", [("cup", 2000, "12 oz")]),
    ],
)
def test_a_second_language_order_is_read(text, expected):
    assert items_of(text) == expected


# ------------------------------------------- goods still to be confirmed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Confirmed for Saturday: 300 x 750ml boxes, 300 cutlery sets. Paper bags TBC, "
            "will let you know",
            [("box", 300, "750 ml"), ("cutlery set", 300, None)],
        ),
        (
            "先下确定的：汉堡盒三百个。纸巾还在等客户确认，之后再说",
            [("burger box", 300, None)],
        ),
        (
            "Kotak burger 300 ye. Straw tunggu client confirm, nanti saya mesej",
            [("burger box", 300, None)],
        ),
    ],
)
def test_goods_still_to_be_confirmed_are_not_ordered_yet(text, expected):
    assert items_of(text) == expected


def test_goods_still_to_be_confirmed_with_a_count_ask():
    assert asks("burger box 300. Napkins 600 still TBC")


def test_what_is_confirmed_already_listed_after_a_colon_is_an_order():
    assert items_of("these confirm already: 200 burger box, 200 napkin") == [
        ("burger box", 200, None),
        ("napkin", 200, None),
    ]


def test_a_place_named_in_chinese_is_no_kind_of_goods():
    assert items_of("8安士热杯3箱，8安士盖子3箱，送加冷") == [
        ("hot cup", 3, "8 oz"),
        ("sip lid", 3, "8 oz"),
    ]
