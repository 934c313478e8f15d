"""fresh14's classes (issue 19): a Tamil number and a half before a thousand or a hundred
("ஒன்றரை ஆயிரம்", 1500; before, 1000: a wrong order); another size of the same product in the
same amount ("1000ml pun sama", "16oz also same", "16oz的也一样": before, the size joined the line
before and the message was asked about); "one" naming a kind before "x" and a quantity ("10 inch
white one x100": before, one piece times 100, asked); Malay "ktn" (karton written short); packs
and then the pieces of one pack ("10 pkt, 500 pcs one pkt"); and, for the classifier, whether an
order has gone out in Singlish or with Chinese ("send out already or not?", "送了没有").
Sentences written for this file, not taken from any evaluation set."""

import pytest

from orders.intents import classify_intent
from orders.parsing import parse_order
from tests.orders.parsing_support import asks, items_of, quantities

# ------------------------------------------- a Tamil number and a half of a thousand or a hundred


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin ரெண்டரை ஆயிரம் வேணும்", [2500]),
        ("16oz lid ஒன்றரை ஆயிரம் அனுப்புங்க", [1500]),
        ("straw moonarai aayiram", [3500]),
        ("burger box ஒன்றரை நூறு", [150]),
    ],
)
def test_a_tamil_number_and_a_half_of_a_thousand_is_read(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin ஆயிரம்", [1000]),  # a thousand alone
        ("16oz lid ரெண்டாயிரம்", [2000]),
        ("straw ஆயிரத்து ஐநூறு", [1500]),
    ],
)
def test_a_tamil_thousand_without_a_half_keeps_its_reading(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text", ["16oz cup ஒன்றரை மட்டும்", "kraft bag ரெண்டரை போதும்"])
def test_a_tamil_number_and_a_half_of_nothing_asks(text):
    assert asks(text)
    assert "a fraction" in parse_order(text).doubt


# ------------------------------------------- another size of the same product, the same amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "8oz cup 2000 pcs, 12oz cup also same",
            [("cup", 2000, "8 oz"), ("cup", 2000, "12 oz")],
        ),
        (
            "send 300 of the 500ml bowls and the same number of 750ml",
            [("bowl", 300, "500 ml"), ("bowl", 300, "750 ml")],
        ),
        ("16oz杯子一千个，22oz的也一样", [("cup", 1000, "16 oz"), ("cup", 1000, "22 oz")]),
        ("cawan 12oz 800 biji, 16oz pun sama", [("cup", 800, "12 oz"), ("cup", 800, "16 oz")]),
        (
            "8 inch pizza box 100 pcs, 12 inch sama banyak",
            [("pizza box", 100, "8 inch"), ("pizza box", 100, "12 inch")],
        ),
    ],
)
def test_another_size_in_the_same_amount_is_ordered(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "8oz cup 1000, 12oz cup 500, 16oz same amount",  # the amount of which line?
        "12oz cup 2 ctn, straw same amount",  # another product: asked, as before
        "750ml box 900 pcs, 1000ml box",  # no amount said for the other size
    ],
)
def test_a_same_amount_that_is_not_plain_still_asks(text):
    assert asks(text)


def test_also_same_as_last_time_is_no_amount():
    assert (
        "the last order with changes" in parse_order("12oz cup 1000 also same as last time").doubt
    )


# ------------------------------------------- "the white one x100": the one is the product


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "12 inch pizza box x300, the 8 inch one x150",
            [("pizza box", 300, "12 inch"), ("pizza box", 150, "8 inch")],
        ),
        ("12oz cup x 1000, 16oz one x 500", [("cup", 1000, "12 oz"), ("cup", 500, "16 oz")]),
    ],
)
def test_a_kind_named_one_before_times_a_quantity_is_ordered(text, expected):
    assert items_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "12oz cup 1 x 500",  # a digit: one (carton?) times 500, still asked
        "16oz lid one x 2 ctn",  # "one" after a product, no kind: still a count
    ],
)
def test_one_times_a_quantity_without_a_kind_before_still_asks(text):
    assert asks(text)


# ------------------------------------------- "ktn": karton written short


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("penutup 12oz 4 ktn", [("lid", 4, "carton")]),
        ("cawan 16oz - 2 ktn\nstraw - 3000", [("cup", 2, "carton"), ("straw", 3000, "pcs")]),
    ],
)
def test_ktn_is_a_carton(text, expected):
    parsed = parse_order(text)
    assert not parsed.doubt
    assert [(item.product, item.quantity, item.unit) for item in parsed.items] == expected


# ------------------------------------------- packs, then the pieces of one pack


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("serviette 6 pkt, 250 pcs one pkt", [1500]),
        ("wooden spoon 4 bundles, 100pcs/bundle", [400]),
        ("napkin 3 pack 400 pcs each pack pls", [1200]),
    ],
)
def test_packs_then_the_pieces_of_one_pack_are_pieces(text, expected):
    assert quantities(text) == expected


def test_packs_then_pieces_of_another_product_keep_their_reading():
    # the pieces are no pack's: two lines, as before (packets ask since p19t for napkins and p19w
    # for every product: a shop's packet is no carton of ours)
    parsed = parse_order("wooden spoon 8 pkt, 300 pcs straw")
    assert [(item.quantity, item.unit) for item in parsed.items] == [(8, "pack"), (300, "pcs")]


# ------------------------------------------- whether an order has gone out is its status


@pytest.mark.parametrize(
    "text",
    [
        "our order on tuesday sent out liao?",
        "the order this morning send out already or not",
        "昨天的order送了吗",
        "Order pagi tadi 送了没有",
    ],
)
def test_whether_an_order_has_gone_out_is_its_status(text):
    assert classify_intent(text).intent == "order_status"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("send out already the 12oz cup 2 ctn pls", "order_placement"),  # no order asked about
        ("只送了五百个，我们订的是一千个", "complaint"),  # what came, against the order
    ],
)
def test_sending_words_without_an_order_asked_about_keep_their_intent(text, intent):
    assert classify_intent(text).intent == intent
