"""The recording services keep every counter right, whichever edge calls them."""

import datetime as dt

import pytest
from django.utils import timezone

from conversations import services
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    UserIdentity,
    UserInteractionSummary,
)
from conversations.whatsapp import identity
from tests.factories import OutletContactFactory

pytestmark = pytest.mark.django_db

PHONE = "+6591234567"


def _inbound(content: str = "Hi", at: dt.datetime | None = None, wamid: str | None = None):
    return services.record_inbound_message(
        phone=PHONE, content=content, timestamp=at or timezone.now(), wa_message_id=wamid
    )


def test_first_message_opens_a_session_and_a_summary_under_the_pseudonym():
    result = _inbound("Hi, we need 400 boxes for 10 inch pizzas", wamid="wamid.1")
    session = ConversationSession.objects.get()
    summary = UserInteractionSummary.objects.get()
    assert result.created
    assert session.user_id == identity.pseudonymize_phone(PHONE) == summary.user_id
    assert PHONE not in session.user_id
    assert (session.message_count, summary.total_messages, summary.total_conversations) == (1, 1, 1)


def test_the_phone_number_is_kept_only_encrypted():
    _inbound()
    stored = UserIdentity.objects.get()
    assert PHONE not in stored.phone_encrypted
    assert identity.decrypt_phone(stored.phone_encrypted) == PHONE


def test_same_wamid_twice_is_stored_once_and_counted_once():
    first = _inbound(wamid="wamid.same")
    second = _inbound(wamid="wamid.same")
    assert not second.created
    assert second.message.pk == first.message.pk
    assert ConversationMessage.objects.count() == 1
    assert ConversationSession.objects.get().message_count == 1


def test_a_known_contact_gives_the_new_session_its_outlet():
    contact = OutletContactFactory(phone=PHONE)
    session = _inbound().message.session
    assert session.outlet_id == contact.outlet_id


def test_a_number_with_two_outlets_gets_no_outlet_until_it_chooses():
    OutletContactFactory(phone=PHONE)
    OutletContactFactory(phone=PHONE)
    assert _inbound().message.session.outlet_id is None


def test_bulk_recording_updates_each_session_and_summary_once():
    a = services.open_session(user_id="a" * 64)
    b = services.open_session(user_id="b" * 64)
    now = timezone.now()
    messages = [
        ConversationMessage(session=s, role="user", content=str(i), timestamp=now)
        for i, s in enumerate([a, a, a, b])
    ]
    services.bulk_record_messages(messages)
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.message_count, b.message_count) == (3, 1)
    assert UserInteractionSummary.objects.get(user_id="a" * 64).total_messages == 3
    assert UserInteractionSummary.objects.get(user_id="b" * 64).total_conversations == 1


def test_deleting_a_message_takes_it_off_the_counts():
    message = _inbound().message
    services.delete_message(message)
    assert ConversationSession.objects.get().message_count == 0
    assert UserInteractionSummary.objects.get().total_messages == 0


def test_an_intent_is_counted_on_the_session_the_summary_and_the_day():
    message = _inbound("400 pizza boxes please").message
    services.set_message_intent(message, "order_placement", 0.95)
    services.set_message_intent(message, "order_placement", 0.95)  # twice: counted once
    session = ConversationSession.objects.get()
    summary = UserInteractionSummary.objects.get()
    assert session.intents["primary"] == "order_placement"
    assert session.intents["counts"] == {"order_placement": 1}
    assert summary.common_intents == {"order_placement": 1}
    stats = {s.intent: s.message_count for s in DailyIntentStat.objects.filter(role="user")}
    assert stats == {"": 0, "order_placement": 1}


def test_day_stats_use_the_singapore_day():
    late_evening_utc = dt.datetime(2026, 11, 23, 17, 30, tzinfo=dt.UTC)  # 01:30 on the 24th in SG
    _inbound(at=late_evening_utc)
    assert DailyIntentStat.objects.get().day == dt.date(2026, 11, 24)


def test_ratings_are_averaged_in_the_summary():
    _inbound()
    user_id = identity.pseudonymize_phone(PHONE)
    services.record_satisfaction(user_id, 5)
    services.record_satisfaction(user_id, 4)
    summary = UserInteractionSummary.objects.get()
    assert summary.avg_satisfaction == pytest.approx(4.5)
    assert summary.satisfaction_count == 2


def test_a_rating_outside_one_to_five_is_refused():
    with pytest.raises(ValueError, match="between 1 and 5"):
        services.record_satisfaction("a" * 64, 6)


def test_language_is_recorded_on_message_session_and_summary():
    message = _inbound("我们需要400个披萨盒").message
    services.set_message_language(message, "zh")
    assert ConversationMessage.objects.get().language == "zh"
    assert ConversationSession.objects.get().language == "zh"
    assert UserInteractionSummary.objects.get().preferred_language == "zh"


def test_small_talk_does_not_displace_the_sessions_primary_intent():
    greeting = _inbound("Hello").message
    services.set_message_intent(greeting, "greeting", 0.9)
    assert ConversationSession.objects.get().intents["primary"] == "greeting"
    order = _inbound("400 pizza boxes please").message
    services.set_message_intent(order, "order_placement", 0.95)
    rating = _inbound("5").message
    services.set_message_intent(rating, "rating", 0.99)
    intents = ConversationSession.objects.get().intents
    assert (intents["primary"], intents["confidence"]) == ("order_placement", 0.95)
    assert intents["counts"] == {"greeting": 1, "order_placement": 1, "rating": 1}
