"""Counters kept by the database: session and summary counts, day stats, identities, intents.

Every change is a database-side increment or upsert, never a read-modify-write in Python.
"""

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from conversations import pgarrays
from conversations.models import (
    ConversationMessage,
    UserInteractionSummary,
)
from conversations.whatsapp import identity

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SummaryDelta:
    """What to add to one user's summary (the row is created when missing)."""

    user_id: str
    first: dt.datetime
    last: dt.datetime
    conversations: int = 0
    messages: int = 0
    outlet_id: int | None = None


# Additions to users' summaries, one row per user (SummaryDelta); a missing row is created.
_SUMMARIES_UPSERT_SQL = (
    "INSERT INTO user_interaction_summaries (user_id, outlet_id, total_conversations,"
    " total_messages, common_intents, preferred_language, satisfaction_count,"
    " last_interaction, first_interaction, metadata, created_at, updated_at)"
    " SELECT v.user_id, v.outlet_id, v.conversations, v.messages, '{}', '', 0, v.last, v.first,"
    " '{}', now(), now()"
    " FROM unnest(%s::varchar[], %s::bigint[], %s::int[], %s::int[], %s::timestamptz[],"
    "   %s::timestamptz[]) AS v(user_id, outlet_id, conversations, messages, first, last)"
    " ON CONFLICT (user_id) DO UPDATE SET"
    " total_conversations = user_interaction_summaries.total_conversations"
    "   + EXCLUDED.total_conversations,"
    " total_messages = user_interaction_summaries.total_messages + EXCLUDED.total_messages,"
    " last_interaction = GREATEST(user_interaction_summaries.last_interaction,"
    "   EXCLUDED.last_interaction),"
    " first_interaction = LEAST(user_interaction_summaries.first_interaction,"
    "   EXCLUDED.first_interaction),"
    " outlet_id = COALESCE(EXCLUDED.outlet_id, user_interaction_summaries.outlet_id),"
    " updated_at = now()"
)


def upsert_summary(
    user_id: str,
    at: dt.datetime,
    *,
    conversations: int,
    messages: int,
    first: dt.datetime | None = None,
    outlet_id: int | None = None,
) -> None:
    upsert_summaries([SummaryDelta(user_id, first or at, at, conversations, messages, outlet_id)])


def upsert_summaries(deltas: Iterable[SummaryDelta]) -> None:
    """Add to users' summaries in one statement, in user_id order (lock order)."""
    rows = sorted(deltas, key=lambda d: d.user_id)
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            _SUMMARIES_UPSERT_SQL,
            [
                pgarrays.texts(d.user_id for d in rows),
                pgarrays.integers(d.outlet_id for d in rows),
                pgarrays.integers(d.conversations for d in rows),
                pgarrays.integers(d.messages for d in rows),
                pgarrays.timestamps(d.first for d in rows),
                pgarrays.timestamps(d.last for d in rows),
            ],
        )


# The shard is this connection's (pg_backend_pid() % DAY_STATS_SHARDS): see DailyIntentStat.
_DAY_STATS_SQL = (
    "INSERT INTO daily_intent_stats (day, role, intent, message_count, shard)"
    " SELECT *, pg_backend_pid() %% %s"
    " FROM unnest(%s::date[], %s::varchar[], %s::varchar[], %s::int[])"
    " ON CONFLICT (day, role, intent, shard) DO UPDATE"
    " SET message_count = daily_intent_stats.message_count + EXCLUDED.message_count"
)


def local_day(at: dt.datetime) -> dt.date:
    """The business day (settings.TIME_ZONE, Asia/Singapore) of an instant."""
    return timezone.localtime(at, timezone.get_default_timezone()).date()


def bump_day_stats(counts: Counter[tuple[dt.date, str, str]]) -> None:
    rows = sorted((day, role, intent, n) for (day, role, intent), n in counts.items() if n)
    if not rows:
        return
    days, roles, intents, ns = (list(col) for col in zip(*rows, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(
            _DAY_STATS_SQL,
            [
                settings.DAY_STATS_SHARDS,
                pgarrays.dates(days),
                pgarrays.texts(roles),
                pgarrays.texts(intents),
                pgarrays.integers(ns),
            ],
        )


# The counter statements of the one-at-a-time helpers above.
_SESSION_COUNT_SQL = (
    "UPDATE conversation_sessions SET message_count = message_count + %s,"
    " last_activity_at = GREATEST(last_activity_at, %s), updated_at = now()"
    " WHERE session_id = %s"
)


def count_messages(messages: Sequence[ConversationMessage], user_id: str) -> None:
    """Add messages (all of one user) to their sessions, the user's summary and the day stats."""
    per_session: Counter[UUID] = Counter(m.session_id for m in messages)
    latest: dict[UUID, dt.datetime] = {}
    for m in messages:
        latest[m.session_id] = max(latest.get(m.session_id, m.timestamp), m.timestamp)
    with connection.cursor() as cursor:
        for session_id in sorted(per_session):
            cursor.execute(
                _SESSION_COUNT_SQL, [per_session[session_id], latest[session_id], session_id]
            )
    first = min(m.timestamp for m in messages)
    last = max(m.timestamp for m in messages)
    upsert_summary(user_id, last, conversations=0, messages=len(messages), first=first)
    bump_day_stats(Counter((local_day(m.timestamp), m.role, m.intent) for m in messages))


def count_bulk(messages: Sequence[ConversationMessage], users: dict[UUID, str]) -> None:
    """Add inserted messages (any sessions, any users) to every counter, set-based."""
    per: dict[UUID, list] = {}  # session_id -> [messages, first, last]
    days: Counter[tuple[dt.date, str, str]] = Counter()
    zone = timezone.get_default_timezone()
    for m in messages:  # one pass, one dict lookup per message (1,000 in a bulk insert)
        at = m.timestamp
        acc = per.get(m.session_id)
        if acc is None:
            per[m.session_id] = [1, at, at]
        else:
            acc[0] += 1
            if at < acc[1]:
                acc[1] = at
            if at > acc[2]:
                acc[2] = at
        # local_day(at), inlined; a naive timestamp goes through it and fails as it did
        day = at.astimezone(zone).date() if at.tzinfo is not None else local_day(at)
        days[(day, m.role, m.intent)] += 1
    per_session = {session_id: acc[0] for session_id, acc in per.items()}
    latest = {session_id: acc[2] for session_id, acc in per.items()}
    span: dict[str, list] = {}  # user_id -> [messages, first, last]
    for session_id, (n, first, last) in per.items():
        row = span.setdefault(users[session_id], [0, first, last])
        row[0], row[1], row[2] = row[0] + n, min(row[1], first), max(row[2], last)
    ids = sorted(per_session)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM conversation_sessions WHERE session_id = ANY(%s::uuid[])"
            " ORDER BY session_id FOR NO KEY UPDATE",
            [pgarrays.uuids(ids)],
        )
        cursor.execute(
            "UPDATE conversation_sessions AS s SET message_count = s.message_count + v.n,"
            " last_activity_at = GREATEST(s.last_activity_at, v.latest), updated_at = now()"
            " FROM unnest(%s::uuid[], %s::int[], %s::timestamptz[]) AS v(session_id, n, latest)"
            " WHERE s.session_id = v.session_id",
            [
                pgarrays.uuids(ids),
                pgarrays.integers(per_session[i] for i in ids),
                pgarrays.timestamps(latest[i] for i in ids),
            ],
        )
    upsert_summaries(
        SummaryDelta(u, messages=span[u][0], first=span[u][1], last=span[u][2]) for u in span
    )
    bump_day_stats(days)


# A number or BSUID is filled in when missing (a number change replaces it: identities); a
# username follows the latest message that has one.
_IDENTITIES_SQL = (
    "INSERT INTO user_identities (user_id, phone_encrypted, bsuid_encrypted, username_encrypted,"
    " last_inbound_at, created_at)"
    " SELECT v.user_id, v.phone, v.bsuid, v.username, v.at, now()"
    " FROM unnest(%s::varchar[], %s::text[], %s::text[], %s::text[], %s::timestamptz[])"
    "   AS v(user_id, phone, bsuid, username, at)"
    " ON CONFLICT (user_id) DO UPDATE SET"
    " last_inbound_at = GREATEST(user_identities.last_inbound_at, EXCLUDED.last_inbound_at),"
    " phone_encrypted = CASE WHEN user_identities.phone_encrypted = ''"
    "   THEN EXCLUDED.phone_encrypted ELSE user_identities.phone_encrypted END,"
    " bsuid_encrypted = CASE WHEN user_identities.bsuid_encrypted = ''"
    "   THEN EXCLUDED.bsuid_encrypted ELSE user_identities.bsuid_encrypted END,"
    " username_encrypted = COALESCE(NULLIF(EXCLUDED.username_encrypted, ''),"
    "   user_identities.username_encrypted)"
)


def remember_identities(arrivals: Sequence[tuple[Any, dt.datetime]]) -> None:
    """Keep each sender's encrypted number and BSUID (to reply), username and last inbound time
    (24-hour window). `arrivals`: (identities.Resolved, time)."""
    latest: dict[str, tuple[Any, dt.datetime]] = {}
    for who, at in arrivals:
        if who.user_id not in latest or at > latest[who.user_id][1]:
            latest[who.user_id] = (who, at)
    users = sorted(latest)
    if not users:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            _IDENTITIES_SQL,
            [
                pgarrays.texts(users),
                pgarrays.texts(identity.encrypt_for_batch(latest[u][0].e164) for u in users),
                pgarrays.texts(identity.encrypt_for_batch(latest[u][0].bsuid) for u in users),
                pgarrays.texts(identity.encrypt_for_batch(latest[u][0].username) for u in users),
                pgarrays.timestamps(latest[u][1] for u in users),
            ],
        )


# Small talk does not name what a session is about; it becomes primary only when nothing else has.
MINOR_INTENTS = ("greeting", "rating", "other", "")


def count_intent(message: ConversationMessage, intent: str, confidence: float) -> None:
    """Count the intent on the session (design: {"primary", "confidence"} plus counts) and user."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE conversation_sessions SET intents = jsonb_set("
            " CASE WHEN %s::text <> ALL(%s::text[]) OR NOT (intents ? 'primary')"
            "   OR intents->>'primary' = ANY(%s::text[])"
            " THEN COALESCE(intents, '{}'::jsonb) || jsonb_build_object('primary', %s::text,"
            "   'confidence', %s::float8) ELSE intents END,"
            " '{counts}', COALESCE(intents->'counts', '{}'::jsonb) || jsonb_build_object(%s::text,"
            "   COALESCE((intents->'counts'->>%s)::int, 0) + 1)), updated_at = now()"
            " WHERE session_id = %s",
            [
                intent,
                list(MINOR_INTENTS),
                list(MINOR_INTENTS),
                intent,
                confidence,
                intent,
                intent,
                message.session_id,
            ],
        )
        cursor.execute(
            "UPDATE user_interaction_summaries SET common_intents ="
            " COALESCE(common_intents, '{}'::jsonb) || jsonb_build_object(%s::text,"
            "   COALESCE((common_intents->>%s)::int, 0) + 1), updated_at = now()"
            " WHERE user_id = %s",
            [intent, intent, message.session.user_id],
        )


def record_satisfaction(user_id: str, rating: int) -> None:
    """Fold a 1–5 rating into the user's running average, in the database."""
    if not 1 <= rating <= 5:
        raise ValueError("rating must be between 1 and 5")
    UserInteractionSummary.objects.filter(user_id=user_id).update(
        avg_satisfaction=(
            (Coalesce(F("avg_satisfaction"), 0.0) * F("satisfaction_count") + rating)
            / (F("satisfaction_count") + 1.0)
        ),
        satisfaction_count=F("satisfaction_count") + 1,
        updated_at=timezone.now(),
    )
