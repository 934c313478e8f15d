"""Staff group chats pasted whole (orders/parsing/chats.py), session 9, p21a: the final list read
when the chat states it plainly, after its last turn or in a manager's last turn; a chat whose
turns only agree or only name another number, or say no in Chinese, asks. Sentences written for
this file."""

import pytest

from orders.intents import classify_intent
from orders.intents.labels import ORDER_PLACEMENT
from orders.parsing import PASTED_CHAT, parse_order
from tests.orders.parsing_support import asks, items_of, quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hui Min: 8oz cup 3000, napkins 2000\nBala: cancel the cups, still got 2 ctn upstairs\n"
            "Hui Min: ok\n\n"
            "so pls send 2000 napkins only",
            [("napkin", 2000, None)],
        ),
        (
            "[14:02] Rahim: straw 3 ctn\n[14:05] Joanne: no need straw, napkin 2 ctn\n"
            "[14:06] Rahim: ok\nFinal: napkin 2 ctn",
            [("napkin", 2, None)],
        ),
        (
            "Kok Wai: burger box 800\nSuriani: make it 600 lah\nKok Wai: ok 600\n——\n"
            "麻烦送汉堡盒600个",
            [("burger box", 600, None)],
        ),
    ],
)
def test_the_lines_after_a_pasted_chat_s_last_turn_are_its_final_list(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Irfan: large bag 1000\nCheryl: nvm the bags, got 3 ctn in store\n"
            "Irfan: ok, wooden cutlery then?\n"
            "Boss Tan: ok wooden cutlery 300 sets, send Mon",
            [300],
        ),
        (
            "美华：吸管两箱\n阿强：吸管还有，不用\n美华：好，那餐巾纸两箱\n经理：就餐巾纸两箱",
            [2],
        ),
        (
            "Zainab: cawan 12oz 2000\nLee: cukup la, 1000 je\nZainab: ok\n"
            "Fadil (supervisor): cawan 12oz 1000",
            [1000],
        ),
    ],
)
def test_a_manager_s_last_turn_in_a_pasted_chat_is_its_final_list(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a turn that only names another number, and nobody settles it
        "Beng: napkin 1 ctn\nHarjit: 3 ctn lah\nBeng: up to supplier",
        "阿芳：外卖盒要五百个\n小陈：八百吧\n阿芳：你们决定",
        # a turn that only agrees, and a staff member's last turn that is no final list
        "Rina: 12oz cup 2000\nMarcus: ok\nRina: 12oz lid 2000 also",
    ],
)
def test_a_pasted_chat_whose_turns_only_agree_or_counter_asks_without_a_final_list(text):
    assert asks(text)
    assert PASTED_CHAT in parse_order(text).doubt


@pytest.mark.parametrize(
    ("adds", "sums_up"),
    [
        # the manager adds to the chat rather than sums it up
        (
            "Ali: napkin 2 ctn, straw 1 ctn\nMei: +1\nManager: also straw 1 ctn",
            "Ali: napkin 2 ctn, straw 1 ctn\nMei: +1\nManager: straw 1 ctn",
        ),
        # the closing line names goods nobody in the chat talked about
        (
            "Ali: napkin 2 ctn\nMei: cancel the napkins\nAli: ok\n\nso 500 burger boxes pls",
            "Ali: napkin 2 ctn, burger box 800\nMei: cancel the napkins\nAli: ok\n\n"
            "so 500 burger boxes pls",
        ),
    ],
)
def test_a_final_list_that_adds_to_the_chat_asks_where_one_that_sums_it_up_is_read(adds, sums_up):
    assert asks(adds)
    assert not asks(sums_up)


def test_a_pasted_chat_with_its_final_list_read_is_an_order_not_a_cancellation():
    text = (
        "Sofia: straw 2 ctn, napkin 1 ctn\nDev: cancel the straws\nSofia: ok\nManager: napkin 1 ctn"
    )
    assert classify_intent(text).intent == ORDER_PLACEMENT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Xavier: 500ml bowl 400\nNoor: +1\nXavier: 1000ml bowl 200 also\n"
            "Noor: 1000ml no need\nSupervisor: ok order 500ml x 400",
            [("bowl", 400, "500 ml")],
        ),
        (
            "Priscilla: 16oz cup 1000\nHamid: cancel, 12oz cup better\nPriscilla: ok\n\n"
            "so pls send 12oz x 1500",
            [("cup", 1500, "12 oz")],
        ),
    ],
)
def test_a_size_named_alone_in_a_chat_s_final_list_is_the_goods_the_chat_named_with_it(
    text, expected
):
    assert items_of(text) == expected


def test_a_size_the_chat_named_with_two_products_stays_a_question_where_one_product_is_read():
    two = "Ian: 12oz cup 1000, 12oz lid 1000\nRoz: cancel the cups\nIan: ok\n\nso 12oz x 1000"
    one = "Ian: 12oz cup 1000, 8oz lid 1000\nRoz: cancel the lids\nIan: ok\n\nso 12oz x 1000"
    assert asks(two)
    assert items_of(one) == [("cup", 1000, "12 oz")]


# ------------------------------------------------------------- fresh48's three classes


@pytest.mark.parametrize(
    "text",
    [
        "Cawan 8oz sudah habis, hantar 1500 secepat mungkin ya",
        "tolong hantar straw 2 karton secepat yang mungkin",
    ],
)
def test_malay_as_fast_as_possible_is_no_unsure_customer_where_maybe_alone_is(text):
    assert not asks(text)
    assert asks(
        text.replace("secepat yang mungkin", "mungkin").replace("secepat mungkin", "mungkin")
    )


@pytest.mark.parametrize(
    "text",
    [
        "last month order repeat can?",
        "போன வாரம் அனுப்புன order அப்படியே repeat பண்ணுங்க",
        "last week order repeat, thanks boss",
    ],
)
def test_an_earlier_order_then_repeat_is_the_last_order(text):
    assert parse_order(text).repeat_last
    assert not parse_order(text).doubt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pls send 3000 cold cups for our weekend promo", [("cold cup", 3000, None)]),
        (
            "need wooden cutlery 400 sets for the wedding buffet",
            [("wooden cutlery set", 400, None)],
        ),
    ],
)
def test_an_occasion_the_goods_are_for_is_no_product_word(text, expected):
    assert items_of(text) == expected
