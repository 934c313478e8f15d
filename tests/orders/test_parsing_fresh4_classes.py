"""fresh4's classes (issue 19, fifth round): Singlish shorthand for a second size and a remark
about what came last time inside an order. Sentences written for this file, not taken from any
evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import items_of

# ---------------------------------------------------------------- "750 also 600": a second size


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("500ml bowl 300 pcs, 750 also 300 pcs", "500 ml", "750 ml"),
        ("12oz cup 1000, 16 also 500", "12 oz", "16 oz"),
        ("1000ml takeaway container 200 pcs; 650 also 400 pcs", "1000 ml", "650 ml"),
    ],
)
def test_a_bare_number_then_also_is_a_second_size_of_the_same_product(text, first, second):
    got = items_of(text)
    assert [size for _, _, size in got] == [first, second]
    assert got[0][0] == got[1][0]  # the same product, in the unit of the line before


def test_also_without_a_size_on_the_line_before_stays_unread():
    # no size to borrow: "300 also 200" is no size, so the parser must not invent one
    parsed = parse_order("paper bag 300, 300 also 200")
    assert all(item.size is None for item in parsed.items)


# ---------------------------------------------------------------- what came last time


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("paper bowl 800 pls, last time only got 600 hor", 800),
        ("straw 2000 leh last time sent 1500 only, this time count properly", 2000),
        ("napkin 3000, last time came 2500 sia", 3000),
    ],
)
def test_what_came_last_time_is_a_remark_not_a_second_quantity(text, quantity):
    got = items_of(text)
    assert [q for _, q, _ in got] == [quantity]


def test_a_quantity_without_last_time_is_still_two_numbers_in_doubt():
    assert parse_order("paper bowl 800 only got 600").doubt


# ------------------------------------------------ a plan for later, a forwarded document


@pytest.mark.parametrize(
    "text",
    [
        "got 12oz hot cups? might order 3000 next week",
        "maybe get 500 kraft bowls after CNY",
        "we are thinking of getting 2 ctn napkins, what brand?",
    ],
)
def test_a_plan_for_later_is_no_order_at_once(text):
    assert items_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Fwd: INV-7781\n8oz lid 1000 x 0.03 = 30.00\nTotal 30.00",
        "FW: DO-2207 paper straw x 5000, when will this come?",
        "Forwarded message: receipt - napkin 3 ctn, paid already",
    ],
)
def test_a_forwarded_invoice_or_delivery_order_is_no_order_at_once(text):
    assert items_of(text) == []


def test_a_forwarded_list_of_items_is_still_an_order():
    got = items_of("Fwd: from my boss\n- 12oz paper cup 1000\n- 12oz lid 1000")
    assert [q for _, q, _ in got] == [1000, 1000]


# ---------------------------------------------------------------- Chinese: time, payment, cutlery


def test_a_delivery_time_before_a_chinese_comma_keeps_the_items_after_it():
    got = items_of("后天下午三点前送到，500ml餐盒四百个，12安士纸杯一千个")
    assert [(q, size) for _, q, size in got] == [(400, "500 ml"), (1000, "12 oz")]


def test_an_address_after_songdao_is_still_cut_out():
    # the postal code after the comma is no quantity
    got = items_of("纸袋五百个，送到宏茂桥3道,560123")
    assert [q for _, q, _ in got] == [500]


def test_payment_as_usual_is_no_repeat_of_the_last_order():
    parsed = parse_order("8安士杯盖 3箱，付款照旧月结")
    assert not parsed.repeat_last and not parsed.doubt
    assert [(item.quantity, item.unit) for item in parsed.items] == [(3, "carton")]


def test_zhaojiu_alone_is_still_a_repeat():
    assert parse_order("照旧，谢谢").repeat_last


def test_wooden_fork_and_spoon_set_is_the_wooden_cutlery_set():
    got = items_of("木叉勺套装 三百")
    assert got == [("wooden cutlery set", 300, None)]
