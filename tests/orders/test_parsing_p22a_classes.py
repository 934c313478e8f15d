"""fresh55's classes (p22a): owners who chat, the order inside small talk or a story.

A count of years ("after 2 years of waiting", "genap 5 tahun"), a promotion of the shop's own
("running a 2-for-1 promo", "buy 1 get 1 free") and an hour after "since" ("open since 6") are no
quantities (before, their number was read as a line without a product and the parser asked). A
place named in words before a colon and a list of goods ("send to our new outlet: 200 cups, ...")
ends there: the list is the order (before, the first line was cut with the "address" and the rest
ordered, a wrong order). A message that only complains of goods delivered before ("the bags you
sent last week got torn, 30 pcs cannot use") orders nothing (before, the spoilt count was
ordered). "Buka macam biasa" (open as usual) is the shop's day, no repeat of the last order
(before, goods named without a count and "as usual" ordered the last order again). "No income",
"no time", "no customers" in the story are no word that changes the order, nor are "if not" as
"otherwise", "actually" before a feeling and "instead of work". Staff coming and feasts counted
without the plural's s are head counts; drinks that do not sell and the weather name no kind of
cup; an emoji ends a sentence of small talk; Tamil years and months, and Tamil's and Chinese's
"one" as an article, are no lines; Tamil's "on time" is no cancellation. Sentences written for this
file, not taken from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------- numbers of the story: no quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our stall turns 12 years old this month! 12oz cups 2000 pls", [2000]),
        ("Kedai kami genap 5 tahun minggu ni! Hantar straw 3000 ye", [3000]),
        ("Running a 2-for-1 promo this weekend, send napkins 4000 and 8oz cups 1000", [4000, 1000]),
        ("buy 1 get 1 free deal starting Monday. burger box 600", [600]),
        ("Been open since 6 and so tired already haha. Straws 2000 please", [2000]),
    ],
)
def test_a_count_of_years_a_promotion_or_an_hour_since_is_no_order_line(text, expected):
    assert quantities(text) == expected


def test_a_promotion_is_no_quantity_but_a_count_for_outlets_still_asks():
    assert quantities("doing 1 for 1 promo, 16oz cups 800") == [800]
    # "1000 for 3 outlets" is still two numbers for one line
    assert asks("12oz cups 1000 for 3 outlets")


# ------------------------------------------- a place named before a colon and its list


def test_a_list_after_a_place_named_in_words_and_a_colon_is_the_order():
    text = (
        "Our second shop opens Friday! Please send to the new outlet: 200 burger boxes, "
        "400 small paper bags and 1 carton of napkins. Address coming soon."
    )
    assert items_of(text) == [
        ("burger box", 200, None),
        ("small paper bag", 400, None),
        ("napkin", 1, None),
    ]
    # a label before the colon is still an address ("Deliver to: Mary's Cafe")
    assert quantities("Deliver to: Mary's Cafe, 12oz cups 500") == [500]


# ------------------------------------------- a complaint alone orders nothing


@pytest.mark.parametrize(
    "text",
    [
        "Hi, the small bags you sent last week got torn, 30 pcs cannot use. What to do?",
        "Boss, yesterday the 12oz cups came damaged, 2 ctn cannot use leh",
    ],
)
def test_a_message_that_only_complains_of_goods_delivered_before_orders_nothing(text):
    assert parse_order(text).is_empty
    # a replacement asked for is still read
    assert quantities("the 12oz cups yesterday came wet, pls send 2 ctn again") == [2]


# ------------------------------------------- the shop open as usual: no repeat


def test_a_shop_open_as_usual_repeats_no_order():
    text = "Nak order cawan dan penutup untuk Sabtu, kedai buka macam biasa. Terima kasih"
    assert not parse_order(text).repeat_last
    assert asks(text)
    # an order as usual still repeats the last one
    assert parse_order("hantar order macam biasa ye boss").repeat_last


# ------------------------------------------- "no" in the story


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Whole week raining, no customers at all. Send 8oz cups 1000 pls", [1000]),
        ("so busy no time to eat, straws 5000 and napkins 2000 ok", [5000, 2000]),
    ],
)
def test_no_customers_or_no_time_in_the_story_changes_nothing(text, expected):
    assert quantities(text) == expected


# ------------------------------------------- "if not" as "otherwise", feelings, the owner's day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "napkins 3 ctn, straws 1 ctn. Fun fair tmr, hope can sell, if not we drink it all",
            [3, 1],
        ),
        ("Order early, if not festive week sure kena stuck. 8oz cups 2 ctn", [2]),
    ],
)
def test_if_not_as_otherwise_in_the_story_changes_nothing(text, expected):
    assert quantities(text) == expected


def test_if_not_before_another_count_still_asks():
    assert quantities("Fun fair tmr, if not I eat them myself. napkins 3 ctn") == [3]
    assert asks("napkins 3 ctn, if not 2 ctn also can")


def test_actually_before_a_feeling_corrects_nothing_but_actually_before_a_count_does():
    assert quantities("School holidays over, I actually miss the quiet. Straws 4000 pls") == [4000]
    assert quantities("Straws 4000 pls, actually 5000") == [5000]
    assert asks("Straws 4000 pls. Actually I miss 2 ctn")


def test_instead_of_work_is_the_owners_day_and_no_change():
    assert quantities(
        "12oz lids 2000, 8oz lids 1000. Nice day, should go beach instead of work"
    ) == [
        2000,
        1000,
    ]
    assert asks("12oz lids 2000, 8oz lids 1000 instead of 16oz")


def test_no_time_beside_the_last_order_again_is_no_change_of_it():
    parsed = parse_order("Same as last time pls. Busy week, no time to check the stock")
    assert parsed.repeat_last
    assert not parsed.doubt


# ------------------------------------------- people and feasts counted, no goods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("burger box 300, napkins 2 ctn. Company dinner Friday, 250 staff coming", [300, 2]),
        ("Catering got 3 wedding this Sunday, 1000ml box 5 ctn pls", [5]),
    ],
)
def test_a_count_of_staff_or_of_feasts_is_no_order_line(text, expected):
    assert quantities(text) == expected


# ------------------------------------------- drinks that do not sell, the weather


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rainy week, the iced drinks nobody wants. 12oz hot cups 2000 pls", [2000]),
        ("16oz cold cup 1000, dome lid 1000. Hot drinks nobody buy already", [1000, 1000]),
        ("16oz paper cups 1500 pls, my iced drink sales drop half this month", [1500]),
        ("Panas betul hari ni. Cawan sejuk 16oz 3 karton", [3]),
    ],
)
def test_drinks_that_do_not_sell_or_the_weather_name_no_kind_of_cup(text, expected):
    assert quantities(text) == expected
    # drinks of both kinds for one cup still ask
    assert asks("16oz cups 2000 for our iced latte and hot chocolate")


# ------------------------------------------- an emoji ends the small talk


def test_an_emoji_after_a_sentence_of_small_talk_ends_it_before_the_order():
    text = "The whole week was slow and quiet, nobody came by 😩 Please send 8oz paper cups 1000"
    assert items_of(text) == [("paper cup", 1000, "8 oz")]
    # an emoji between goods and their count ends nothing
    assert items_of("12oz paper cups 🙏 2000 pls") == [("paper cup", 2000, "12 oz")]


# ------------------------------------------- Tamil and Chinese story numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("கடை திறந்து 8 வருஷம் ஆச்சு 🎉 நாப்கின் ரெண்டு கார்டன் அனுப்புங்க", [2]),
        ("தம்பி ஊருக்கு போயிருக்கான், ரெண்டு மாசம் ஆகும். 8oz கப் ஆயிரம் அனுப்புங்க", [1000]),
    ],
)
def test_a_count_of_years_or_months_in_tamil_is_no_order_line(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12oz கப் ஒரு கார்டன். சனிக்கிழமை ஒரு கல்யாணம் இருக்கு, சந்தோஷம்", [1]),
        ("我们店附近开了一个新商场，生意好多了。要小纸袋八百个", [800]),
    ],
)
def test_one_as_the_article_of_a_story_sentence_is_no_unread_line(text, expected):
    assert quantities(text) == expected
    # a "one" before goods is still read
    assert quantities("12oz மூடி ஒரு கார்டன், 12oz கப் ஒரு கார்டன்") == [1, 1]


def test_on_time_in_tamil_is_no_cancellation_but_cancel_still_is():
    assert quantities("8 இஞ்ச் பெட்டி இருநூறு. டிரைவர் நேரத்துக்கு வந்தார், நன்றி") == [200]
    assert asks("8 இஞ்ச் பெட்டி இருநூறு ரத்து பண்ணுங்க")
