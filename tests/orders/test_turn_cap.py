"""Issue 18: a per-customer cap on assistant turns per hour (orders.limits)."""

import datetime as dt

import pytest
from django.utils import timezone

from conversations import services
from conversations.models import ConversationMessage, ConversationSession
from orders import limits
from orders.models import Order
from tests.factories import OutletContactFactory
from tests.orders.support import PHONE, assistant_messages, load_catalogue


@pytest.fixture
def ordering_contact(db):
    load_catalogue()
    return OutletContactFactory(phone=PHONE)


def _write(text: str, at: dt.datetime | None = None) -> ConversationMessage:
    return services.record_inbound_message(
        phone=PHONE, content=text, timestamp=at or timezone.now()
    ).message


@pytest.mark.django_db(transaction=True)
def test_beyond_the_hourly_cap_messages_are_stored_flagged_and_answered_once(
    ordering_contact, settings
):
    settings.ASSISTANT_TURNS_PER_HOUR = 2
    first = _write("hello")
    _write("hi again")
    over = [_write("400 boxes for 10 inch pizzas"), _write("and 200 cups 12oz")]

    stored = ConversationMessage.objects.filter(pk__in=[m.pk for m in over])
    assert stored.count() == 2 and all(m.processed_at for m in stored)  # stored, not lost
    assert Order.objects.count() == 0  # no turn: no parsing, no order
    session = ConversationSession.objects.get(session_id=first.session_id)
    assert session.flagged_for_followup and session.flag_reason == limits.CAP_FLAG
    notices = [m for m in assistant_messages(first) if m.intent == "turn_cap"]
    assert len(notices) == 1  # one polite reply, not one per message
    assert "colleague" in notices[0].content


@pytest.mark.django_db(transaction=True)
def test_an_hour_later_the_assistant_answers_again(ordering_contact, settings):
    settings.ASSISTANT_TURNS_PER_HOUR = 1
    earlier = timezone.now() - dt.timedelta(hours=2)
    message = _write("hello", at=earlier)
    ConversationMessage.objects.filter(pk=message.pk).update(processed_at=earlier)

    _write("400 boxes for 10 inch pizzas")

    assert Order.objects.count() == 1
    session = ConversationSession.objects.get(session_id=message.session_id)
    assert not session.flagged_for_followup


@pytest.mark.django_db(transaction=True)
def test_a_cap_of_zero_means_no_cap(ordering_contact, settings):
    settings.ASSISTANT_TURNS_PER_HOUR = 0
    for _ in range(3):
        _write("hello")
    session = ConversationSession.objects.get()
    assert not session.flagged_for_followup
