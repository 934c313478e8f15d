"""Which language a reply is in (issue 19): the message's when it is detected with confidence,
else the session's (the last confident one), else the outlet's preferred language, else
English."""

import pytest

from conversations.models import ConversationMessage
from orders import assistant
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import PHONE, inbound, load_catalogue, replies_after

pytestmark = pytest.mark.django_db


def customer_of(preferred_language: str) -> None:
    load_catalogue()
    outlet = OutletFactory(name="Napoli Pizza Bar", preferred_language=preferred_language)
    OutletContactFactory(phone=PHONE, outlet=outlet)


def answer(text: str) -> list[str]:
    """What the assistant replies to the customer's `text`."""
    message = inbound(text)
    assistant.handle_inbound(message.pk)
    return [reply.content for reply in replies_after(message)]


def test_a_message_in_chinese_is_answered_in_chinese_though_the_outlet_prefers_malay():
    customer_of("ms")
    confirmation, rating = answer("老板，要四百个10寸披萨盒")
    assert confirmation.startswith('订单已处理！400 x 10" pizza box, kraft 已确认')
    assert rating == "今天的下单体验如何？请给我们打1到5分。"


def test_a_message_too_short_to_tell_is_answered_in_the_session_s_language_not_the_outlet_s():
    customer_of("ms")
    answer("老板，要四百个10寸披萨盒")
    assert answer("hi") == ["您好！请发送您的订单，例如“400个10寸披萨盒”，或询问您的送货和发票。"]
    greeting = ConversationMessage.objects.filter(content="hi").get()
    assert greeting.language == "zh"  # "hi" told nothing: the session's language stands


def test_the_customer_switching_language_switches_the_replies():
    customer_of("en")
    answer("老板，要四百个10寸披萨盒")
    (deliveries,) = answer("Hello, when will my delivery arrive please?")
    assert deliveries.startswith("Your deliveries:\nDO-")
    assert answer("hi") == [
        'Hello! Send me your order, for example "400 x 10-inch pizza boxes", or ask me about '
        "your deliveries and invoices."
    ]


@pytest.mark.parametrize(
    ("preferred", "greeting"),
    [
        ("ta", "வணக்கம்"),
        ("zh-hans", "您好！"),
        ("ms", "Helo!"),
        ("", "Hello!"),  # no preference: English
    ],
)
def test_with_nothing_to_go_on_the_outlet_s_preferred_language_is_used_else_english(
    preferred, greeting
):
    customer_of(preferred)
    (reply,) = answer("hi")
    assert reply.startswith(greeting)


def test_the_holding_reply_after_failed_attempts_is_in_the_outlet_s_preferred_language():
    customer_of("ms")
    message = inbound("hi")

    assistant.hold(message.pk, "previous attempts failed")

    (holding,) = replies_after(message)
    assert holding.content.startswith("Terima kasih, kami telah terima mesej anda.")


def test_the_reply_over_the_hourly_cap_is_in_the_outlet_s_preferred_language(settings):
    settings.ASSISTANT_TURNS_PER_HOUR = 1
    customer_of("ta")
    answer("hi")
    assert answer("hi") == [
        "நன்றி, உங்கள் செய்திகள் எங்களுக்குக் கிடைத்தன. ஒரு சக ஊழியர் அவற்றைப் படித்து விரைவில் தொடர்புகொள்வார்."
    ]
    assert answer("hi") == []  # one polite reply over the cap, not one per message
