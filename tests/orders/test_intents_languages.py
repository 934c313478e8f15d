"""The intent classifier on classes of phrasing in English/Singlish, Malay, Chinese and Tamil,
with sentences written for this file (not taken from the evaluation sets)."""

import pytest

from orders import intents


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # where is the delivery
        ("lorry reach yet? we open at 10", intents.DELIVERY_QUERY),
        ("barang belum sampai lagi", intents.DELIVERY_QUERY),
        ("lori dah keluar?", intents.DELIVERY_QUERY),
        ("driver otw already?", intents.DELIVERY_QUERY),
        ("货还没到，请帮忙查一下", intents.DELIVERY_QUERY),
        ("டெலிவரி இன்னும் வரவில்லை", intents.DELIVERY_QUERY),
        # where is the order (status)
        ("pesanan kami sampai mana dah?", intents.ORDER_STATUS),
        ("上周的订单在哪里？", intents.ORDER_STATUS),
        ("நேற்றைய ஆர்டர் எங்கே?", intents.ORDER_STATUS),
        # invoices (but "invoice to <email>" inside an order is a billing line)
        ("pls send me the bill for november", intents.INVOICE_QUERY),
        ("resit untuk bayaran semalam?", intents.INVOICE_QUERY),
        ("请开收据", intents.INVOICE_QUERY),
        ("இந்த மாத பில் வேண்டும்", intents.INVOICE_QUERY),
        # cancellations
        ("batalkan semua pesanan minggu ni", intents.ORDER_CANCEL),
        ("明天的货取消", intents.ORDER_CANCEL),
        ("நாளைய டெலிவரி ரத்து", intents.ORDER_CANCEL),
        # changes
        ("ubah kuantiti cawan jadi 800", intents.ORDER_CHANGE),
        ("纸巾改为三箱", intents.ORDER_CHANGE),
        ("lids from 500 to 700 please", intents.ORDER_CHANGE),
        ("மூடி எண்ணிக்கையை மாற்றுங்கள்", intents.ORDER_CHANGE),
        # complaints
        ("half the bags koyak, cannot use", intents.COMPLAINT),
        ("these straws are too soft, can we exchange them?", intents.COMPLAINT),
        ("the dome lids don't fit the PET cups", intents.COMPLAINT),
        ("纸袋太薄了，一提就破", intents.COMPLAINT),
        ("கப்புகள் ஒழுகுகின்றன", intents.COMPLAINT),
        # ratings written as messages
        ("four stars, good service", intents.RATING),
        ("empat bintang", intents.RATING),
        ("四星，送货很快", intents.RATING),
        ("ஐந்து நட்சத்திரம்", intents.RATING),
        # questions about a product (a product named, a question, no order verb)
        ("are your kraft bags strong enough for 2 bottles?", intents.PRODUCT_QUESTION),
        ("the dome lid fit 12oz cup or not", intents.PRODUCT_QUESTION),
        ("beg kertas boleh tahan berat ke?", intents.PRODUCT_QUESTION),
        ("纸吸管能用多久？", intents.PRODUCT_QUESTION),
        ("மூடி 8oz கப்புக்கு சரியா?", intents.PRODUCT_QUESTION),
    ],
)
def test_each_intent_in_every_language(text, intent):
    assert intents.classify_intent(text).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "need some dome lids, can send today?",  # product + order verb, no quantity: ask
        "8oz x 3k",  # size and quantity without the product: ask which
        "napkin 1k, invoice to accounts@example.org",  # a billing line in an order
        "burger box 500, call me when reach",  # a delivery instruction in an order
        "got kraft bag or not? want 600",  # a question, then the order
        "ada jual straw kertas? nak 2 karton",
        "பை கொஞ்சம் தேவை",
        "8oz cup 1500 வேண்டும்",
    ],
)
def test_orders_with_questions_or_instructions_around_them_are_orders(text):
    assert intents.classify_intent(text).intent == intents.ORDER_PLACEMENT


def test_a_tamil_rule_word_inside_a_number_word_does_not_count():
    # "ரத்து" (cancel) is the end of "ஆயிரத்து" (one thousand and ...)
    result = intents.classify_intent("12oz கப் ஆயிரத்து இருநூறு")
    assert result.intent == intents.ORDER_PLACEMENT


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("the 500 cups you sent yesterday, 50 were cracked", intents.COMPLAINT),
        ("we received 2 ctn napkins instead of 3", intents.COMPLAINT),
        ("why charge me for 3 ctn when only 2 came", intents.COMPLAINT),
        ("we ordered 1000 cups on monday, when coming?", intents.DELIVERY_QUERY),
        ("我们上周订了两千个杯子，还没收到", intents.DELIVERY_QUERY),
        ("Pesanan 500 cawan semalam belum sampai", intents.DELIVERY_QUERY),
        ("நேற்று 1000 கப் ஆர்டர் செய்தேன், இன்னும் வரவில்லை", intents.DELIVERY_QUERY),
        ("thanks for the 300 pizza boxes, all good", intents.OTHER),
        ("收到了两箱吸管，谢谢", intents.OTHER),
        ("dah terima 2 karton napkin, terima kasih", intents.OTHER),
        ("Please deliver the 1000 cups to our Bedok outlet instead", intents.ORDER_CHANGE),
    ],
)
def test_items_of_an_order_already_placed_or_delivered_are_no_new_order(text, intent):
    assert intents.classify_intent(text).intent == intent


def test_thanks_for_the_last_delivery_then_an_order_is_an_order():
    text = "Thanks for the fast delivery! Pls send 500 12oz cups"
    assert intents.classify_intent(text).intent == intents.ORDER_PLACEMENT


EVERYDAY = [
    ("hi there, anyone?", intents.GREETING),
    ("selamat pagi", intents.GREETING),
    ("早上好", intents.GREETING),
    ("வணக்கம் சார்", intents.GREETING),
    ("ok noted", intents.OTHER),
    ("好的，谢谢", intents.OTHER),
    ("சரி நன்றி", intents.OTHER),
    ("order ORD-2026-0101 confirmed?", intents.ORDER_STATUS),
    ("订单确认了吗？", intents.ORDER_STATUS),
    ("pesanan saya dah confirm?", intents.ORDER_STATUS),
    ("என் ஆர்டர் உறுதி செய்யப்பட்டதா?", intents.ORDER_STATUS),
    ("几点送货？", intents.DELIVERY_QUERY),
    ("எப்போது டெலிவரி?", intents.DELIVERY_QUERY),
    ("how much do we owe you", intents.INVOICE_QUERY),
    ("请发一下这个月的账单", intents.INVOICE_QUERY),
    ("有没有16盎司的杯盖？", intents.PRODUCT_QUESTION),
    ("22oz கப் இருக்கிறதா?", intents.PRODUCT_QUESTION),
    ("不要了，取消吧", intents.ORDER_CANCEL),
    ("ஆர்டரை கேன்சல் செய்யுங்கள்", intents.ORDER_CANCEL),
    ("make it 2000 instead", intents.ORDER_CHANGE),
    ("tukar napkin jadi 3 karton", intents.ORDER_CHANGE),
    ("the straws are bad quality", intents.COMPLAINT),
    ("送来的盒子破了", intents.COMPLAINT),
    ("கப் உடைந்து வந்தது", intents.COMPLAINT),
    ("给五星", intents.RATING),
    ("5 நட்சத்திரம்", intents.RATING),
]


@pytest.mark.parametrize(("text", "intent"), EVERYDAY)
def test_everyday_messages_in_every_language(text, intent):
    assert intents.classify_intent(text).intent == intent
