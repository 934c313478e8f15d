"""Bulk recording by COPY stores what bulk_create stored and keeps every counter exact."""

import datetime as dt

import pytest
from django.db import IntegrityError

from conversations import services
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    UserInteractionSummary,
)

pytestmark = pytest.mark.django_db

# 23:30 UTC is 07:30 the next day in Singapore: the day stats must use the Singapore day.
LATE_UTC = dt.datetime(2026, 11, 19, 23, 30, tzinfo=dt.UTC)


def _session(user: str, start: dt.datetime = LATE_UTC) -> ConversationSession:
    return services.open_session(user_id=user * 64, start_time=start)


def _message(session: ConversationSession, i: int, **fields) -> ConversationMessage:
    fields.setdefault("timestamp", LATE_UTC + dt.timedelta(minutes=i))
    fields.setdefault("role", "user")
    fields.setdefault("content", f"m{i}")
    return ConversationMessage(session=session, **fields)


def test_bulk_messages_are_stored_with_ids_and_every_field():
    session = _session("a")
    created = services.bulk_record_messages(
        [
            _message(
                session,
                0,
                intent="order_placement",
                confidence=0.9,
                context={"channel": "whatsapp", "items": [{"sku": "PB-10", "qty": 400}]},
                embedding_vector=[0.25, -1.5],
                wa_message_id="wamid.bulk.1",
            ),
            _message(session, 1, role="assistant", content='Confirmed ✅ 400 x 10" box'),
        ]
    )
    assert all(m.pk and not m._state.adding for m in created)
    first, second = (ConversationMessage.objects.get(pk=m.pk) for m in created)
    assert first.context == {"channel": "whatsapp", "items": [{"sku": "PB-10", "qty": 400}]}
    assert first.embedding_vector == [0.25, -1.5]
    assert (first.intent, first.confidence, first.wa_message_id) == (
        "order_placement",
        0.9,
        "wamid.bulk.1",
    )
    assert second.content == 'Confirmed ✅ 400 x 10" box'
    assert (second.role, second.context, second.message_type) == ("assistant", {}, "text")
    assert first.created_at == created[0].created_at


def test_values_are_prepared_by_their_fields_as_bulk_create_did():
    session = _session("a")
    (message,) = services.bulk_record_messages([_message(session, 0, confidence="0.75")])
    assert ConversationMessage.objects.get(pk=message.pk).confidence == 0.75


def test_one_value_needing_its_field_among_values_that_do_not_is_prepared_alone():
    session = _session("a")
    given = [_message(session, 0, confidence=0.5), _message(session, 1, confidence="0.25")]
    stored = services.bulk_record_messages(given)
    confidences = ConversationMessage.objects.filter(pk__in=[m.pk for m in stored])
    assert sorted(confidences.values_list("confidence", flat=True)) == [0.25, 0.5]


def test_counters_of_several_sessions_users_and_days_are_exact():
    a1, a2, b = _session("a"), _session("a"), _session("b")
    messages = [_message(a1, i) for i in range(3)] + [_message(a2, 10)]
    messages += [_message(b, i, timestamp=LATE_UTC - dt.timedelta(hours=2)) for i in range(2)]
    services.bulk_record_messages(messages)
    counts = dict(ConversationSession.objects.values_list("session_id", "message_count"))
    assert (counts[a1.session_id], counts[a2.session_id], counts[b.session_id]) == (3, 1, 2)
    a2.refresh_from_db()
    assert a2.last_activity_at == LATE_UTC + dt.timedelta(minutes=10)
    summary = UserInteractionSummary.objects.get(user_id="a" * 64)
    assert (summary.total_messages, summary.total_conversations) == (4, 2)
    assert summary.last_interaction == LATE_UTC + dt.timedelta(minutes=10)
    days = dict(DailyIntentStat.objects.values_list("day", "message_count"))
    assert days == {dt.date(2026, 11, 20): 4 + 2}


def test_a_second_bulk_adds_to_the_counts():
    session = _session("a")
    services.bulk_record_messages([_message(session, i) for i in range(2)])
    services.bulk_record_messages([_message(session, i) for i in range(5)])
    session.refresh_from_db()
    assert session.message_count == 7
    assert UserInteractionSummary.objects.get().total_messages == 7


def test_a_duplicate_whatsapp_id_rolls_back_the_whole_bulk():
    session = _session("a")
    services.bulk_record_messages([_message(session, 0, wa_message_id="wamid.dup")])
    with pytest.raises(IntegrityError):
        services.bulk_record_messages(
            [_message(session, 1), _message(session, 2, wa_message_id="wamid.dup")]
        )
    session.refresh_from_db()
    assert ConversationMessage.objects.count() == 1
    assert session.message_count == 1
    assert UserInteractionSummary.objects.get().total_messages == 1
    assert sum(DailyIntentStat.objects.values_list("message_count", flat=True)) == 1


def test_a_confidence_outside_zero_to_one_stores_nothing():
    session = _session("a")
    with pytest.raises(IntegrityError):
        services.bulk_record_messages([_message(session, 0), _message(session, 1, confidence=1.5)])
    assert ConversationMessage.objects.count() == 0
    session.refresh_from_db()
    assert session.message_count == 0


def test_a_message_of_an_unsaved_session_is_refused():
    unsaved = ConversationSession(user_id="z" * 64, start_time=LATE_UTC, last_activity_at=LATE_UTC)
    with pytest.raises(ValueError):
        services.bulk_record_messages([_message(unsaved, 0)])
    assert ConversationMessage.objects.count() == 0
