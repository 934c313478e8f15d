"""The intent classifier: what a message is about, and how sure we are."""

import pytest

from orders import intents


def test_the_design_message_is_an_order_placement_with_high_confidence():
    result = intents.classify_intent("Hi, we need 400 boxes for 10 inch pizzas")
    assert result.intent == intents.ORDER_PLACEMENT
    assert result.confidence >= 0.9


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("make it 500", intents.ORDER_CHANGE),
        ("cancel that", intents.ORDER_CANCEL),
        ("where is my order?", intents.ORDER_STATUS),
        ("when will the delivery arrive", intents.DELIVERY_QUERY),
        ("can you send the invoice", intents.INVOICE_QUERY),
        ("do you have 14 inch pizza boxes?", intents.PRODUCT_QUESTION),
        ("Good morning!", intents.GREETING),
        ("the cups arrived crushed, very disappointed", intents.COMPLAINT),
        ("5 stars", intents.RATING),
        ("thanks", intents.OTHER),
        ("取消订单", intents.ORDER_CANCEL),
        ("Bila boleh hantar?", intents.DELIVERY_QUERY),
    ],
)
def test_each_intent_is_recognised(text, intent):
    assert intents.classify_intent(text).intent == intent


def test_a_bare_digit_is_a_confident_rating_only_after_we_asked_for_one():
    assert intents.classify_intent("4", awaiting_rating=True) == intents.IntentResult(
        intents.RATING, 0.99
    )
    assert intents.classify_intent("4").confidence < 0.9


def test_a_greeting_that_carries_an_order_is_an_order():
    assert intents.classify_intent("hello! 300 12oz cups pls").intent == intents.ORDER_PLACEMENT


def test_confidence_is_lower_when_two_intents_compete():
    clear = intents.classify_intent("please send the invoice")
    mixed = intents.classify_intent("wrong invoice sent, when will the delivery arrive?")
    assert 0 <= mixed.confidence < clear.confidence <= 1


def test_gibberish_is_other_with_middling_confidence():
    assert intents.classify_intent("asdfgh") == intents.IntentResult(intents.OTHER, 0.5)


@pytest.mark.parametrize("text", ["yes", "Yes please", "ok confirm", "boleh", "好的"])
def test_affirmative_replies_are_recognised(text):
    assert intents.is_affirmative(text)
    assert not intents.is_negative(text)


@pytest.mark.parametrize("text", ["no", "nope, wrong one", "tidak"])
def test_negative_replies_are_recognised(text):
    assert intents.is_negative(text)
    assert not intents.is_affirmative(text)


@pytest.mark.parametrize(
    ("text", "choice"), [("2", 2), ("the first one", 1), ("#3", 3), ("option 1", 1)]
)
def test_a_choice_among_offered_options_is_read(text, choice):
    assert intents.parse_choice(text, option_count=3) == choice


def test_a_choice_outside_the_options_is_none():
    assert intents.parse_choice("7", option_count=3) is None
