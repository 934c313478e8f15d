"""The measured operations: each through our code (selectors, services) and in raw psycopg 3.

Raw: one psycopg connection, autocommit, server-side prepared statements, the same columns and
the same rows as our side; COPY for the insert. Both sides run against the same bench database.
"""

import datetime as dt
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
from django.db import connection
from django.utils import timezone

from bench.measure import Timing, compare
from conversations import selectors, services
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    UserInteractionSummary,
)

LOCAL_TZ = ZoneInfo("Asia/Singapore")


def _columns(model) -> str:
    return ", ".join(f'"{f.column}"' for f in model._meta.concrete_fields)


SESSION_COLS = _columns(ConversationSession)
MESSAGE_COLS = _columns(ConversationMessage)
SUMMARY_COLS = _columns(UserInteractionSummary)

RAW_SQL = {
    "session_lookup": f"SELECT {SESSION_COLS} FROM conversation_sessions WHERE session_id = %s",
    "history_100": f"SELECT {MESSAGE_COLS} FROM conversation_messages WHERE session_id = %s"
    " ORDER BY timestamp, id LIMIT 100",
    "top_users": f"SELECT {SUMMARY_COLS} FROM user_interaction_summaries"
    " WHERE total_conversations >= %s ORDER BY total_conversations DESC, id LIMIT 100",
    "intent_distribution_30d": "SELECT intent, count(*) FROM conversation_messages"
    " WHERE timestamp >= %s GROUP BY intent",
    "session_timeline": f"SELECT {SESSION_COLS} FROM conversation_sessions WHERE user_id = %s"
    " AND start_time >= %s AND start_time < %s ORDER BY start_time DESC LIMIT 50",
    "intent_confidence": f"SELECT {MESSAGE_COLS} FROM conversation_messages"
    " WHERE intent = %s AND confidence >= %s ORDER BY timestamp, id LIMIT 100",
}


@dataclass
class Fixtures:
    """Arguments drawn from the seeded data (the same for both sides, round by round)."""

    session_ids: list[uuid.UUID]
    long_session_ids: list[uuid.UUID]
    timelines: list[tuple[str, dt.datetime, dt.datetime]]
    bulk_sessions: list[ConversationSession]


def load_fixtures(rng: random.Random) -> Fixtures:
    ids = list(ConversationSession.objects.values_list("session_id", flat=True))
    long_ids = list(
        ConversationSession.objects.filter(message_count__gte=100).values_list(
            "session_id", flat=True
        )
    )
    users = list(
        UserInteractionSummary.objects.filter(total_conversations__gte=3).values_list(
            "user_id", "first_interaction", "last_interaction"
        )
    )
    timelines = []
    for user_id, first, last in rng.sample(users, min(200, len(users))):
        span = (last - first) / 3
        timelines.append((user_id, first + span, last + dt.timedelta(seconds=1)))
    bulk = list(ConversationSession.objects.order_by("?")[:10])
    return Fixtures(
        session_ids=rng.sample(ids, min(1000, len(ids))),
        long_session_ids=rng.sample(long_ids, min(200, len(long_ids))),
        timelines=timelines,
        bulk_sessions=bulk,
    )


def raw_connection() -> psycopg.Connection:
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params["prepare_threshold"] = 0  # every statement prepared on first use
    return psycopg.connect(**params, autocommit=True)


def _raw_query(conn: psycopg.Connection, sql: str) -> Callable[[tuple], list[tuple]]:
    def run(args: tuple) -> list[tuple]:
        with conn.cursor() as cursor:
            cursor.execute(sql, args, prepare=True)
            return cursor.fetchall()

    return run


def first_local_day(days: int) -> dt.datetime:
    """Midnight (Asia/Singapore) starting the last `days` days, today included."""
    today = timezone.now().astimezone(LOCAL_TZ).date()
    return dt.datetime.combine(today - dt.timedelta(days=days - 1), dt.time(), tzinfo=LOCAL_TZ)


def read_operations(
    conn: psycopg.Connection, fx: Fixtures
) -> list[tuple[str, Callable, Callable, list, int]]:
    """(name, ours, raw, arguments, runs) for the six reads."""
    raw = {name: _raw_query(conn, sql) for name, sql in RAW_SQL.items()}
    return [
        (
            "session_lookup",
            lambda sid: selectors.session_by_id(sid),
            lambda sid: raw["session_lookup"]((sid,)),
            fx.session_ids,
            300,
        ),
        (
            "history_100",
            lambda sid: selectors.session_history(sid, limit=100),
            lambda sid: raw["history_100"]((sid,)),
            fx.long_session_ids,
            200,
        ),
        (
            "top_users",
            lambda n: selectors.top_users(min_conversations=n, limit=100),
            lambda n: raw["top_users"]((n,)),
            [10],
            200,
        ),
        (
            "intent_distribution_30d",
            lambda days: selectors.intent_distribution(days),
            lambda days: raw["intent_distribution_30d"]((first_local_day(days),)),
            [30],
            50,
        ),
        (
            "session_timeline",
            lambda t: selectors.session_timeline(t[0], t[1], t[2], limit=50),
            lambda t: raw["session_timeline"](t),
            fx.timelines,
            300,
        ),
        (
            "intent_confidence",
            lambda t: selectors.intent_confidence(t[0], t[1], limit=100),
            lambda t: raw["intent_confidence"](t),
            [("order_placement", 0.8)],
            200,
        ),
    ]


def check_same_results(conn: psycopg.Connection, fx: Fixtures) -> None:
    """Both sides return the same rows: the comparison is of the same work."""
    sid = fx.long_session_ids[0]
    ours = [m.pk for m in selectors.session_history(sid, limit=100)]
    theirs = [r[0] for r in _raw_query(conn, RAW_SQL["history_100"])((sid,))]
    assert ours == theirs, "history_100 differs from raw"
    dist = selectors.intent_distribution(30)
    raw = dict(_raw_query(conn, RAW_SQL["intent_distribution_30d"])((first_local_day(30),)))
    assert dist == {k: v for k, v in raw.items() if v}, "day stats differ from the messages"
    ours = [s.pk for s in selectors.top_users(10, 100)]
    theirs = [r[0] for r in _raw_query(conn, RAW_SQL["top_users"])((10,))]
    assert ours == theirs, "top_users differs from raw"


def measure_reads(
    conn: psycopg.Connection, fx: Fixtures, scale_runs: float, min_runs: int
) -> list[Timing]:
    timings = []
    for name, ours, raw, args, runs in read_operations(conn, fx):
        n = max(min_runs, int(runs * scale_runs))
        timings.append(compare(name, ours, raw, args, runs=n, warmup=10))
    return timings


# ------------------------------------------------------------------ bulk insert


def _bulk_items(fx: Fixtures, batch: int, rng: random.Random) -> list[dict[str, Any]]:
    """1,000 new messages over ten sessions of ten users, as validated API input."""
    now = timezone.now()
    sessions = fx.bulk_sessions
    return [
        {
            "session_id": sessions[i % len(sessions)].session_id,
            "role": "user" if i % 2 == 0 else "assistant",
            "content": f"bulk {batch} message {i}: 400 x 10-inch pizza boxes",
            "language": "en",
            "intent": "order_placement" if i % 2 == 0 else "order_confirmation",
            "confidence": round(rng.uniform(0.5, 1.0), 2),
            "timestamp": now + dt.timedelta(milliseconds=i),
        }
        for i in range(1000)
    ]


def _copy_defaults() -> dict[str, Any]:
    """Each inserted column's value when the input does not give it (the model's default)."""
    from bench.seed import _constant_for

    now = timezone.now()
    fields = ConversationMessage._meta.concrete_fields
    given = {"session_id", "role", "content", "timestamp"}
    return {
        f.column: None if f.column in given else _constant_for(f, now)
        for f in fields
        if not f.primary_key
    }


def measure_bulk(conn: psycopg.Connection, fx: Fixtures, runs: int) -> Timing:
    """1,000 messages per call. Inputs are built before the clock starts, for both sides:
    unsaved model instances for the service, tuples for COPY."""
    rng = random.Random(7)
    defaults = _copy_defaults()
    columns = list(defaults)
    sql = f"COPY conversation_messages ({', '.join(columns)}) FROM STDIN"
    sessions = {s.session_id: s for s in fx.bulk_sessions}
    warmup = 2

    def instances(batch: int) -> list[ConversationMessage]:
        messages = []
        for item in _bulk_items(fx, batch, rng):
            session = sessions[item.pop("session_id")]
            messages.append(ConversationMessage(session=session, **item))
        return messages

    def rows(batch: int) -> list[tuple]:
        now = timezone.now()
        return [
            tuple({**item, "created_at": now}.get(c, defaults[c]) for c in columns)
            for item in _bulk_items(fx, batch, rng)
        ]

    ours_inputs = iter([instances(i) for i in range(runs + warmup)])
    raw_inputs = iter([rows(i) for i in range(runs + warmup)])

    def ours(_: Any) -> None:
        services.bulk_record_messages(next(ours_inputs))

    def raw(_: Any) -> None:
        batch = next(raw_inputs)
        with conn.transaction(), conn.cursor() as cursor, cursor.copy(sql) as copy:
            for row in batch:
                copy.write_row(row)

    return compare("bulk_insert_1000", ours, raw, [None], runs=runs, warmup=warmup)
