"""Language detection (conversations/language.py) for the languages our customers write in."""

import pytest

from conversations import language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hi, we need 400 boxes for 10 inch pizzas", "en"),
        ("我们需要400个10寸披萨盒", "zh"),
        ("Tolong hantar 5 karton cawan kertas esok", "ms"),
        ("எனக்கு 400 பெட்டிகள் வேண்டும்", "ta"),
    ],
)
def test_english_chinese_malay_and_tamil_are_detected(text, code):
    detected = language.detect_language(text)
    assert detected.code == code
    assert detected.confidence >= 0.5


@pytest.mark.parametrize("text", ["ok", "5", "👍", "yes"])
def test_a_message_too_short_to_tell_keeps_the_session_language(text):
    assert language.detect_language(text, fallback="zh") == language.DetectedLanguage("zh", 0.0)


def test_without_a_fallback_short_messages_default_to_english():
    assert language.detect_language("ok").code == "en"


def test_the_detector_is_built_once_and_reused():
    assert language.get_detector() is language.get_detector()
