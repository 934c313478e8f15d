"""The design's query patterns return what the ORM returns, in one prepared statement each."""

import datetime as dt
import uuid

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from conversations import selectors, services
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    UserInteractionSummary,
)
from tests.factories import SessionFactory, SummaryFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 20, 4, 0, tzinfo=dt.UTC)


def _fields(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def _messages(session: ConversationSession, count: int, **fields) -> list[ConversationMessage]:
    return services.bulk_record_messages(
        [
            ConversationMessage(
                session=session,
                role="user",
                content=f"message {i}",
                timestamp=NOW + dt.timedelta(seconds=count - i),
                **fields,
            )
            for i in range(count)
        ]
    )


def test_a_session_looked_up_by_id_equals_the_orm_instance():
    session = services.open_session(
        user_id="a" * 64, start_time=NOW, intents={"primary": "greeting"}
    )
    found = selectors.session_by_id(str(session.session_id))
    expected = ConversationSession.objects.get(pk=session.pk)
    assert _fields(found) == _fields(expected)
    assert found.intents == {"primary": "greeting"}
    assert found.start_time.utcoffset() == dt.timedelta(0)
    assert not found._state.adding


def test_an_unknown_session_id_finds_nothing_and_a_malformed_one_is_refused():
    assert selectors.session_by_id(uuid.uuid4()) is None
    with pytest.raises(ValueError, match="badly formed"):
        selectors.session_by_id("not-a-uuid")


def test_history_is_in_time_order_and_limited():
    session = SessionFactory()
    _messages(session, 120, context={"channel": "whatsapp"})
    history = selectors.session_history(session.session_id, limit=100)
    expected = list(
        ConversationMessage.objects.filter(session=session).order_by("timestamp", "id")[:100]
    )
    assert [m.pk for m in history] == [m.pk for m in expected]
    assert [_fields(m) for m in history] == [_fields(m) for m in expected]
    assert history[0].context == {"channel": "whatsapp"}
    assert len(selectors.session_history(session.session_id, limit=5)) == 5


def test_each_pattern_is_one_query(django_assert_num_queries):
    session = SessionFactory()
    _messages(session, 3)
    with django_assert_num_queries(1):
        selectors.session_history(session.session_id)
    with django_assert_num_queries(1):
        selectors.session_by_id(session.session_id)


def test_top_users_have_at_least_n_conversations_most_first():
    for n in (3, 12, 10, 25, 9):
        SummaryFactory(total_conversations=n)
    top = selectors.top_users(min_conversations=10, limit=100)
    assert [s.total_conversations for s in top] == [25, 12, 10]
    assert isinstance(top[0], UserInteractionSummary)


def test_the_intent_distribution_equals_counting_the_messages():
    session = SessionFactory()
    now = timezone.now()
    for intent, count, days_ago in [
        ("order_placement", 4, 0),
        ("greeting", 2, 3),
        ("other", 5, 40),
    ]:
        services.bulk_record_messages(
            [
                ConversationMessage(
                    session=session,
                    role="user",
                    content="x",
                    intent=intent,
                    timestamp=now - dt.timedelta(days=days_ago),
                )
                for _ in range(count)
            ]
        )
    assert selectors.intent_distribution(30) == {"order_placement": 4, "greeting": 2}
    assert selectors.intent_distribution(60) == {"order_placement": 4, "greeting": 2, "other": 5}
    assert DailyIntentStat.objects.count() == 3


def test_the_timeline_is_a_users_sessions_in_range_newest_first():
    user_id = "b" * 64
    starts = [NOW - dt.timedelta(days=d) for d in (1, 5, 10, 40)]
    for start in starts:
        services.open_session(user_id=user_id, start_time=start)
    services.open_session(user_id="c" * 64, start_time=NOW - dt.timedelta(days=2))
    timeline = selectors.session_timeline(user_id, NOW - dt.timedelta(days=30), NOW, limit=50)
    assert [s.start_time for s in timeline] == starts[:3]
    assert len(selectors.session_timeline(user_id, starts[-1], NOW, limit=2)) == 2


def test_intent_confidence_keeps_only_confident_messages_of_the_intent_oldest_first():
    session = SessionFactory()
    _messages(session, 3, intent="order_placement", confidence=0.9)
    _messages(session, 2, intent="order_placement", confidence=0.5)
    _messages(session, 2, intent="greeting", confidence=0.95)
    found = selectors.intent_confidence("order_placement", 0.8, limit=100)
    assert len(found) == 3
    assert all(m.intent == "order_placement" and m.confidence >= 0.8 for m in found)
    assert [m.timestamp for m in found] == sorted(m.timestamp for m in found)


def test_reads_still_work_after_a_rolled_back_transaction():
    session = SessionFactory()
    selectors.session_by_id(session.session_id)
    with pytest.raises(RuntimeError), transaction.atomic():
        selectors.session_by_id(session.session_id)
        raise RuntimeError("rollback")
    assert selectors.session_by_id(session.session_id).pk == session.pk


def test_a_failed_savepoint_does_not_break_later_reads():
    with transaction.atomic():
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT 1/0")
        assert selectors.session_by_id(uuid.uuid4()) is None
