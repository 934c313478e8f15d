"""Sessions as a user lives them on WhatsApp: SESSION_IDLE_MINUTES of silence starts a new one."""

import datetime as dt

import pytest

from conversations import services
from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from tests.conversations.whatsapp_support import FIXTURE_TIME, post, text_payload

pytestmark = pytest.mark.django_db

T0 = dt.datetime.fromtimestamp(FIXTURE_TIME, tz=dt.UTC)
MINUTE = 60


def _send(client, *minutes: int, wa_id: str = "6591230001") -> None:
    for m in minutes:
        response = post(
            client, text_payload(f"message at +{m} min", at=FIXTURE_TIME + m * MINUTE, wa_id=wa_id)
        )
        assert response.status_code == 200


def _sessions() -> list[ConversationSession]:
    return list(ConversationSession.objects.order_by("start_time"))


def test_messages_within_the_idle_time_join_one_open_session(client):
    _send(client, 0, 10, 29)
    [session] = _sessions()
    assert session.message_count == 3
    assert session.end_time is None
    assert session.last_activity_at == T0 + dt.timedelta(minutes=29)


def test_after_thirty_minutes_of_silence_the_next_message_opens_a_new_session(client):
    _send(client, 0, 5, 36)

    old, new = _sessions()
    assert (old.message_count, new.message_count) == (2, 1)
    assert old.end_time == T0 + dt.timedelta(minutes=5)
    assert new.start_time == T0 + dt.timedelta(minutes=36)
    assert new.end_time is None
    assert ConversationMessage.objects.get(content="message at +36 min").session == new


def test_the_summary_counts_conversations_and_messages_across_sessions(client):
    _send(client, 0, 5, 36, 200)

    summary = UserInteractionSummary.objects.get()
    assert (summary.total_conversations, summary.total_messages) == (3, 4)
    assert summary.first_interaction == T0
    assert summary.last_interaction == T0 + dt.timedelta(minutes=200)


def test_silence_is_measured_from_the_last_message_not_the_first(client):
    _send(client, 0, 20, 40, 60)
    [session] = _sessions()
    assert session.message_count == 4


def test_exactly_the_idle_time_still_joins_the_session(client):
    _send(client, 0, 30)
    assert len(_sessions()) == 1


def test_the_idle_time_comes_from_settings(client, settings):
    settings.SESSION_IDLE_MINUTES = 5
    _send(client, 0, 4, 10)
    assert [s.message_count for s in _sessions()] == [2, 1]


def test_a_late_message_older_than_the_last_joins_the_session_without_moving_time_back(client):
    _send(client, 10, 0)
    [session] = _sessions()
    assert session.message_count == 2
    assert session.last_activity_at == T0 + dt.timedelta(minutes=10)


def test_two_users_never_share_a_session(client):
    _send(client, 0, 1)
    _send(client, 2, wa_id="6591230002")
    assert sorted(s.message_count for s in _sessions()) == [1, 2]
    assert UserInteractionSummary.objects.count() == 2


def test_a_new_session_starts_with_no_intents_while_the_old_one_keeps_its_own(client):
    _send(client, 0)
    first = ConversationMessage.objects.select_related("session").get()
    services.set_message_intent(first, "order", 0.9)
    _send(client, 45)

    old, new = _sessions()
    assert old.intents["counts"] == {"order": 1}
    assert new.intents == {}
    assert UserInteractionSummary.objects.get().common_intents == {"order": 1}
