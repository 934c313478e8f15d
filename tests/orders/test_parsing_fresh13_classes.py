"""fresh13's classes (issue 19, regular customers): a repeat of the last order changed by an amount
the message does not write, an address ended by a colon with no space after it in Chinese, Malay
'tutup' as a lid, and goods 'yang saya order' (ordered before) in Malay (wrong orders before); then
a message that only says 'as usual'. Sentences written for this file, not taken from any
evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of

# ------------------------------------------------ a repeat changed by an unwritten amount


@pytest.mark.parametrize(
    "text",
    [
        "Same order as last week, just more napkins",
        "like last time but fewer straws pls",
        "和上次一样，杯子多一点",
        "macam biasa tapi lebih cawan 12oz",
        "same as usual but double the lids",
    ],
)
def test_a_repeat_changed_by_an_amount_not_written_asks(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert parsed.doubt


@pytest.mark.parametrize(
    "text",
    [
        "same as last time, nothing more",
        "跟上次一样，多谢",
        "ulang order macam minggu lepas, tak ada tambah apa-apa",
        "macam biasa ya, lebih kurang sama",
        "same order as last week please",
    ],
)
def test_a_plain_repeat_or_a_negated_change_stays_a_repeat(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert not parsed.doubt


# ---------------------------------------------- an address's colon without a space (Chinese)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "送到淡滨尼 Blk 88 #03-21：吸管三千支，纸巾两千张",
            [("straw", 3000, None), ("napkin", 2000, None)],
        ),
        ("送到 Blk 7 #01-05：12寸披萨盒两百个", [("pizza box", 200, "12 inch")]),
    ],
)
def test_items_after_an_address_and_a_colon_without_a_space_are_read(text, expected):
    assert items_of(text) == expected


def test_an_address_alone_still_orders_nothing():
    assert parse_order("地址：Blk 45 Jurong West St 2").is_empty


# ------------------------------------------------------------------ Malay 'tutup' is a lid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cawan 8oz 1500, tutup pun sama banyak", [("cup", 1500, "8 oz"), ("lid", 1500, "8 oz")]),
        ("tutup 12oz dua karton", [("lid", 2, "12 oz")]),
        (
            "cawan kertas 12oz 500 dengan tutup 500",
            [("paper cup", 500, "12 oz"), ("sip lid", 500, "12 oz")],
        ),
    ],
)
def test_tutup_beside_goods_is_a_lid(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kedai kami tutup hari Ahad, hantar Isnin",
        "penutup ni tak boleh tutup cawan 16oz dengan ketat",
        "warung tutup 3 hari sebab cuti",
        "minggu depan tutup sebab renovation",
    ],
)
def test_tutup_that_closes_something_is_no_lid(text):
    parsed = parse_order(text)
    assert all(item.product != "lid" for item in parsed.items)
    assert asks(text)


# --------------------------------------------------- goods ordered before (Malay) are no order


@pytest.mark.parametrize(
    "text",
    [
        "Tisu 2 karton yang saya order semalam dah hantar ke?",
        "kotak pizza 8 inci 300 yang kami pesan hari Jumaat bila sampai?",
    ],
)
def test_goods_the_customer_ordered_before_are_a_question_not_an_order(text):
    assert asks(text)


def test_an_order_with_yang_that_is_no_earlier_order_stays_an_order():
    assert items_of("nak order cawan 12oz 3 karton, yang biasa punya") == [("cup", 3, "12 oz")]


# ------------------------------------------------------------- a message that only says 'as usual'


@pytest.mark.parametrize(
    "text",
    ["uncle as usual ya", "Hi boss, as usual pls, thanks!", "வழக்கம் போலவே அனுப்புங்க அக்கா"],
)
def test_a_bare_as_usual_is_a_repeat(text):
    parsed = parse_order(text)
    assert parsed.repeat_last
    assert not parsed.doubt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkins 3000, delivery time as usual", [("napkin", 3000, None)]),
        ("burger box 400, pay by PayNow as usual", [("burger box", 400, None)]),
    ],
)
def test_as_usual_beside_items_is_a_remark(text, expected):
    parsed = parse_order(text)
    assert not parsed.repeat_last
    assert items_of(text) == expected
