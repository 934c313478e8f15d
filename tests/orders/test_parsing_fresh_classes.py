"""Classes of phrasing found among the fresh set's misses (issue 19, second round), each tested
with sentences written for this file, not taken from any evaluation set."""

import pytest

from orders import intents
from orders.parsing import parse_order


def items(text: str) -> list[tuple]:
    return [(i.product, i.quantity, i.size) for i in parse_order(text).items]


# ---------------------------------------------------------------- a product question after an item


@pytest.mark.parametrize(
    "text",
    [
        "pls send 500 16oz paper cups. do you have the matching sleeves?",
        "need 500 16oz paper cups tmr, btw you got bamboo straws?",
        "500 16oz paper cups pls! oh ya do you sell 22oz cups?",
    ],
)
def test_a_question_about_another_product_after_an_item_orders_only_the_item(text):
    assert items(text) == [("paper cup", 500, "16 oz")]
    assert parse_order(text).doubt == ""


def test_a_question_with_its_own_quantity_is_still_read():
    # "...? and 200 lids?" carries a quantity: it is a line of the order, not a product question
    parsed = parse_order("500 16oz paper cups, do you have lids? 200 lids pls")
    assert [i.quantity for i in parsed.items] == [500, 200]
    assert "lid" in parsed.items[1].product


# ---------------------------------------------------------------- ply is no quantity


@pytest.mark.parametrize(
    "text",
    [
        "3 ply napkins 4000",
        "serviette 3-ply 4000 pcs",
        "tisu tiga lapis empat ribu keping",
        "三层纸巾四千张",
    ],
)
def test_how_many_layers_a_napkin_has_is_not_the_quantity(text):
    (item,) = parse_order(text).items
    assert item.quantity == 4000
    assert "three-ply" in item.product
    # a search for "three-ply napkin" would find the 2-ply napkin by its name: asked about
    assert parse_order(text).doubt == "a ply to confirm"


@pytest.mark.parametrize(
    "text", ["2 ply napkin 6000", "napkin dua lapis enam ribu", "双层纸巾六千张"]
)
def test_a_two_ply_napkin_is_ordered_without_a_question(text):
    parsed = parse_order(text)
    assert [(i.quantity, "two-ply" in i.product) for i in parsed.items] == [(6000, True)]
    assert parsed.doubt == ""


# ---------------------------------------------------------------- Malay particles


@pytest.mark.parametrize(
    "text",
    [
        "burger box 600 pcs, takeaway box 750ml pun 600 pcs",
        "burger box 600 pcs, takeaway box 750ml lagi 600 pcs",
    ],
)
def test_the_malay_particles_pun_and_lagi_name_no_product(text):
    assert [i.product for i in parse_order(text).items] == ["burger box", "takeaway box"]


# ---------------------------------------------------------------- Tamil case endings, changes


def test_an_english_word_with_a_tamil_case_ending_is_the_word():
    assert items("napkin-ஐ 3000 அனுப்புங்க") == [("napkin", 3000, None)]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("நேற்றைய order-ல straw 800 ஆக மாத்துங்க", intents.ORDER_CHANGE),
        ("napkin அளவை 2000 ஆக மாற்றவும்", intents.ORDER_CHANGE),
        ("ubah straw kertas jadi 800 batang", intents.ORDER_CHANGE),
    ],
)
def test_a_change_of_an_order_in_tamil_or_malay_is_a_change_and_a_doubt(text, intent):
    assert intents.classify_intent(text).intent == intent
    assert "a change" in parse_order(text).doubt


# ---------------------------------------------------------------- materials we must confirm


@pytest.mark.parametrize(
    "text",
    [
        "plastic forks 800 pcs",
        "sudu plastik 800",
        "knife plastic 800 pcs",
        "plastic cutlery 800 sets",
    ],
)
def test_plastic_cutlery_is_asked_about_not_ordered_as_the_wooden_set(text):
    assert parse_order(text).doubt == "a material to confirm"


def test_plastic_cups_need_no_confirmation_of_material():
    assert parse_order("plastic cups 16oz 800").doubt == ""


# ---------------------------------------------------------------- intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # has the order been confirmed
        ("has our order from yesterday evening been processed?", intents.ORDER_STATUS),
        ("is my order for friday confirmed?", intents.ORDER_STATUS),
        ("pesanan kami semalam dah disahkan?", intents.ORDER_STATUS),
        # contact and account messages
        ("hello, this is Mei Ling, pls save my number", intents.OTHER),
        ("hi boss, new manager at the Tampines branch, I will order from now", intents.OTHER),
        ("ini nombor baru saya untuk order", intents.OTHER),
        ("你好，这是我的新号码", intents.OTHER),
        # a damaged delivery in spoken Tamil
        ("பெட்டிகள் எல்லாம் நசுங்கிப் போச்சு", intents.COMPLAINT),
        ("வந்த பை கிழிஞ்சு இருக்கு", intents.COMPLAINT),
    ],
)
def test_status_contact_and_damage_messages_in_every_language(text, intent):
    assert intents.classify_intent(text).intent == intent


# ---------------------------------------------------------------- dev batch 6's classes


@pytest.mark.parametrize(
    "text",
    ["wooden cutlery no stock? then 400 forks, plastic also can", "cutlery set 300, 要 plastic 的"],
)
def test_plastic_named_anywhere_in_a_cutlery_order_is_asked_about(text):
    assert "a material to confirm" in parse_order(text).doubt


def test_plastic_cups_next_to_cutlery_need_no_confirmation_of_material():
    assert (
        "a material to confirm" not in parse_order("cutlery set 300, plastic cups 16oz 500").doubt
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # an arrival acknowledged with thanks (a question mark makes it a question again)
        ("monday's order reached liao, thanks ah", intents.OTHER),
        ("barang dah sampai, terima kasih encik", intents.OTHER),
        ("货收到了，谢谢老板", intents.OTHER),
        ("the straws reached already? thanks", intents.DELIVERY_QUERY),
        # damage to goods that already came is a complaint, not a delivery question
        ("cawan yang sampai pagi tadi banyak yang pecah", intents.COMPLAINT),
        ("the lids that came on tuesday are cracked", intents.COMPLAINT),
    ],
)
def test_arrivals_thanked_or_found_damaged_are_no_delivery_questions(text, intent):
    assert intents.classify_intent(text).intent == intent
