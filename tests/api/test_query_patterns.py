"""The design's four query patterns, sent verbatim as `query` bodies, return exactly the rows of
the equivalent SQL."""

import datetime as dt

import pytest
from django.db import connection

from conversations.whatsapp.identity import pseudonymize_phone
from tests.factories import MessageFactory, SessionFactory, SummaryFactory

pytestmark = pytest.mark.django_db

DESIGN_USER = "6591234567"  # the design's user_id: a WhatsApp number, stored as its pseudonym


def _sql(query: str, params: list) -> list:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return [row[0] for row in cursor.fetchall()]


def _utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_session_timeline_query(api):
    user_id = pseudonymize_phone(DESIGN_USER)
    for day in (1, 5, 5, 17, 31):
        SessionFactory(user_id=user_id, start_time=_utc(2025, 1, day, 9 + day % 5))
    SessionFactory(user_id=user_id, start_time=_utc(2024, 12, 31, 23, 59))  # before the range
    SessionFactory(user_id=user_id, start_time=_utc(2025, 2, 1, 0, 0))  # end is exclusive
    SessionFactory(start_time=_utc(2025, 1, 10))  # another user
    body = {
        "filters": {
            "user_id": "6591234567",
            "start_time": {"$gte": "2025-01-01T00:00:00", "$lt": "2025-02-01T00:00:00"},
        },
        "order_by": ["-start_time"],
        "limit": 50,
    }
    response = api.post("/api/v1/sessions/query/", body, format="json")
    expected = _sql(
        "SELECT session_id FROM conversation_sessions WHERE user_id = %s"
        " AND start_time >= '2025-01-01T00:00:00+00:00'"
        " AND start_time < '2025-02-01T00:00:00+00:00'"
        " ORDER BY start_time DESC, id LIMIT 50",
        [user_id],
    )
    assert len(expected) == 5
    assert [row["session_id"] for row in response.json()["results"]] == [str(s) for s in expected]


def test_session_timeline_as_a_query_string_gives_the_same_rows(api):
    user_id = pseudonymize_phone(DESIGN_USER)
    for day in (3, 9, 27):
        SessionFactory(user_id=user_id, start_time=_utc(2025, 1, day))
    SessionFactory(user_id=user_id, start_time=_utc(2025, 3, 1))
    params = {
        "user_id": user_id,  # a URL takes the pseudonym, never the phone number
        "start_time__gte": "2025-01-01T00:00:00",
        "start_time__lt": "2025-02-01T00:00:00",
        "order_by": "-start_time",
        "limit": 50,
    }
    via_get = api.get("/api/v1/sessions/", params).json()["results"]
    expected = _sql(
        "SELECT session_id FROM conversation_sessions WHERE user_id = %s"
        " AND start_time >= '2025-01-01T00:00:00Z' AND start_time < '2025-02-01T00:00:00Z'"
        " ORDER BY start_time DESC",
        [user_id],
    )
    assert [row["session_id"] for row in via_get] == [str(s) for s in expected]


def test_message_history_query(api):
    session, other = SessionFactory(), SessionFactory()
    start = _utc(2025, 1, 7, 10)
    for minute in (5, 1, 9, 3, 7, 2):
        MessageFactory(session=session, role="user", timestamp=start + dt.timedelta(minutes=minute))
    for minute in (4, 6):
        MessageFactory(
            session=session, role="assistant", timestamp=start + dt.timedelta(minutes=minute)
        )
    MessageFactory(session=other, role="user", timestamp=start)
    body = {
        "filters": {"session_id": str(session.session_id), "role": "user"},
        "order_by": ["timestamp"],
    }
    response = api.post("/api/v1/messages/query/", body, format="json")
    expected = _sql(
        "SELECT id FROM conversation_messages WHERE session_id = %s AND role = 'user'"
        " ORDER BY timestamp, id LIMIT 50",
        [session.session_id],
    )
    assert len(expected) == 6
    assert [row["id"] for row in response.json()["results"]] == expected


def test_top_users_query(api):
    for total in (3, 9, 10, 11, 25, 40, 10):
        SummaryFactory(total_conversations=total)
    body = {
        "filters": {"total_conversations": {"$gte": 10}},
        "order_by": ["-total_conversations"],
        "limit": 100,
    }
    response = api.post("/api/v1/summaries/query/", body, format="json")
    expected = _sql(
        "SELECT user_id FROM user_interaction_summaries WHERE total_conversations >= 10"
        " ORDER BY total_conversations DESC, id LIMIT 100",
        [],
    )
    assert len(expected) == 5
    assert [row["user_id"] for row in response.json()["results"]] == expected


def test_intent_analysis_query(api):
    cases = [
        ("order_placement", 0.95),
        ("order_placement", 0.8),
        ("order_placement", 0.79),
        ("order_placement", None),
        ("order_confirmation", 0.99),
        ("product_inquiry", 0.9),
        ("order_placement", 0.85),
    ]
    for intent, confidence in cases:
        MessageFactory(intent=intent, confidence=confidence)
    body = {"filters": {"intent": "order_placement", "confidence": {"$gte": 0.8}}}
    response = api.post("/api/v1/messages/query/", body, format="json")
    expected = _sql(
        "SELECT id FROM conversation_messages WHERE intent = 'order_placement'"
        " AND confidence >= 0.8 ORDER BY timestamp, id LIMIT 50",
        [],
    )
    assert len(expected) == 3
    assert [row["id"] for row in response.json()["results"]] == expected
