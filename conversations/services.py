"""Recording conversations: the one place that writes sessions, messages, summaries and day stats.

Every edge (webhook, API, assistant, benchmark) calls these functions, so the counters stay right:
- session.message_count, summary.total_messages/total_conversations and the day stats are changed
  by database-side increments and upserts, never read-modify-write in Python;
- a user's session is chosen under a per-user advisory lock, so concurrent webhooks for one user
  join one session;
- an inbound WhatsApp message id is unique in the database, so a redelivery is stored once.
"""

import datetime as dt
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.db.models import F, JSONField
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from conversations import identity, selectors
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    DeliveryStatus,
    Role,
    UserIdentity,
    UserInteractionSummary,
)

logger = logging.getLogger(__name__)
LOCAL_TZ = ZoneInfo("Asia/Singapore")


@dataclass(frozen=True)
class InboundResult:
    message: ConversationMessage
    created: bool


# ------------------------------------------------------------------ sessions


_LOCK_USER_SQL = "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))"


def lock_user(user_id: str) -> None:
    """Serialise session choice for one user until the transaction ends (erasure takes it too)."""
    with connection.cursor() as cursor:
        cursor.execute(_LOCK_USER_SQL, [user_id])


# lock_user for several users: give them in user_id order, so two batches never deadlock.
_LOCK_USERS_SQL = (
    "SELECT count(pg_advisory_xact_lock(hashtextextended(u, 0))) FROM unnest(%s::varchar[]) AS u"
)


def _assign_sessions(
    arrivals: Sequence[tuple[str, dt.datetime]], state: selectors.InboundState
) -> tuple[list[ConversationSession], list[ConversationSession]]:
    """The session of each (user_id, timestamp), in arrival order: the user's open session, or a
    new one after SESSION_IDLE_MINUTES of silence (closing the old one at its last activity); a
    new session takes the outlet of the sender's contact when it is the only one.

    Call inside a transaction holding the users' locks. Returns (one session per arrival, the new
    sessions); the closed ones are saved here, the new ones are not.
    """
    idle = dt.timedelta(minutes=settings.SESSION_IDLE_MINUTES)
    current = dict(state.open_sessions)
    last_activity = {user_id: s.last_activity_at for user_id, s in current.items()}
    closed: list[ConversationSession] = []
    new: list[ConversationSession] = []
    assigned: list[ConversationSession] = []
    for user_id, at in arrivals:
        session = current.get(user_id)
        if session is None or at - last_activity[user_id] > idle:
            if session is not None:
                session.end_time = last_activity[user_id]
                if not session._state.adding:
                    closed.append(session)
            session = ConversationSession(user_id=user_id, start_time=at, last_activity_at=at)
            current[user_id] = session
            new.append(session)
        last_activity[user_id] = max(last_activity.get(user_id, at), at)
        assigned.append(session)
    _close_sessions(closed)
    for session in new:
        outlets = state.contact_outlets.get(session.user_id, set())
        session.outlet_id = next(iter(outlets)) if len(outlets) == 1 else None
    return assigned, new


def _close_sessions(sessions: Sequence[ConversationSession]) -> None:
    if not sessions:
        return
    ordered = sorted(sessions, key=lambda s: s.session_id)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE conversation_sessions AS s SET end_time = v.end_time, updated_at = now()"
            " FROM unnest(%s::uuid[], %s::timestamptz[]) AS v(session_id, end_time)"
            " WHERE s.session_id = v.session_id",
            [[s.session_id for s in ordered], [s.end_time for s in ordered]],
        )


def _count_new_sessions(sessions: Sequence[ConversationSession]) -> None:
    """Add new sessions to their users' summaries (total_conversations, outlet)."""
    per_user: dict[str, SummaryDelta] = {}
    for s in sessions:
        was = per_user.get(s.user_id)
        per_user[s.user_id] = SummaryDelta(
            s.user_id,
            conversations=(was.conversations if was else 0) + 1,
            first=min(was.first, s.start_time) if was else s.start_time,
            last=max(was.last, s.start_time) if was else s.start_time,
            outlet_id=s.outlet_id or (was.outlet_id if was else None),
        )
    _upsert_summaries(per_user.values())


def open_session(
    *, user_id: str, start_time: dt.datetime | None = None, **fields: Any
) -> ConversationSession:
    """Create a session directly (API): counts it in the user's summary."""
    start = start_time or timezone.now()
    with transaction.atomic():
        fields.setdefault("last_activity_at", start)
        session = ConversationSession.objects.create(user_id=user_id, start_time=start, **fields)
        _upsert_summary(user_id, start, conversations=1, messages=0, outlet_id=session.outlet_id)
    return session


def flag_session(session: ConversationSession, reason: str) -> None:
    ConversationSession.objects.filter(pk=session.pk).update(
        flagged_for_followup=True, flag_reason=reason[:200], updated_at=timezone.now()
    )
    session.flagged_for_followup, session.flag_reason = True, reason[:200]


def unflag_session(session: ConversationSession) -> None:
    ConversationSession.objects.filter(pk=session.pk).update(
        flagged_for_followup=False, flag_reason="", updated_at=timezone.now()
    )
    session.flagged_for_followup, session.flag_reason = False, ""


# ------------------------------------------------------------------ messages


@dataclass(frozen=True)
class Inbound:
    """One message a WhatsApp user sent us (the webhook's parse of it), to be stored."""

    phone: str
    content: str
    timestamp: dt.datetime
    wa_message_id: str | None = None
    message_type: str = "text"
    context: dict[str, Any] | None = None


def record_inbound_message(
    *,
    phone: str,
    content: str,
    timestamp: dt.datetime,
    wa_message_id: str | None = None,
    message_type: str = "text",
    context: dict | None = None,
) -> InboundResult:
    """Store one user's WhatsApp message once (record_inbound_messages of one).

    Raises identity.InvalidPhoneNumber when `phone` is not a phone number.
    """
    item = Inbound(phone, content, timestamp, wa_message_id, message_type, context)
    try:
        (result,) = record_inbound_messages([item])
    except IntegrityError:
        # Only a wamid stored by a writer that does not take the user's lock gets here.
        existing = ConversationMessage.objects.filter(wa_message_id=wa_message_id).first()
        if not wa_message_id or existing is None:
            raise
        return InboundResult(existing, False)
    if result is None:
        raise identity.InvalidPhoneNumber("the sender is not a phone number")
    return result


def record_inbound_messages(items: Sequence[Inbound]) -> list[InboundResult | None]:
    """Store users' WhatsApp messages in one transaction; enqueue the new ones' processing on
    commit. One result per item, in order: None when the sender is not a phone number.

    Each wamid is stored once: a redelivery (already stored, or twice in `items`) answers the
    stored message with created=False. The senders' advisory locks are taken first, in user_id
    order, so concurrent batches for one user join one session and see each other's wamids.
    Everything is set-based: a batch costs about a dozen statements whatever its size.
    """
    senders = _senders({item.phone for item in items})
    results: list[InboundResult | None] = [None] * len(items)
    valid = [(i, item) for i, item in enumerate(items) if senders[item.phone]]
    if not valid:
        return results
    with transaction.atomic(savepoint=False):  # inside a drain's batch: no savepoint round trips
        users = sorted({senders[item.phone][0] for _, item in valid})
        wamids = [item.wa_message_id for _, item in valid if item.wa_message_id]
        state = selectors.inbound_state(users, wamids, before=[(_LOCK_USERS_SQL, [users])])
        known = _stored_messages(state.stored)
        fresh: list[tuple[int, Inbound]] = []
        repeats: list[tuple[int, str]] = []
        batch_wamids: set[str] = set()
        for i, item in valid:
            wamid = item.wa_message_id
            if wamid and wamid in known:
                results[i] = InboundResult(known[wamid], False)
            elif wamid and wamid in batch_wamids:
                repeats.append((i, wamid))
            else:
                fresh.append((i, item))
                if wamid:
                    batch_wamids.add(wamid)
        messages = _insert_inbound(fresh, senders, state)
        for (i, _), message in zip(fresh, messages, strict=True):
            results[i] = InboundResult(message, True)
        by_wamid = {m.wa_message_id: m for m in messages if m.wa_message_id}
        for i, wamid in repeats:
            results[i] = InboundResult(by_wamid[wamid], False)
        ids = [m.pk for m in messages]
        transaction.on_commit(lambda: _enqueue_processing(ids))
    return results


def _senders(phones: Iterable[str]) -> dict[str, tuple[str, str] | None]:
    """phone -> (user_id, E.164 number), or None when it is not a phone number."""
    found: dict[str, tuple[str, str] | None] = {}
    for phone in phones:
        try:
            found[phone] = (identity.pseudonymize_phone(phone), identity.normalize_phone(phone))
        except identity.InvalidPhoneNumber:
            found[phone] = None
    return found


def _stored_messages(stored: dict[str, int]) -> dict[str, ConversationMessage]:
    """wamid -> the stored message (a redelivery's answer); no query when there is none."""
    if not stored:
        return {}
    by_id = ConversationMessage.objects.in_bulk(list(stored.values()))
    return {wamid: by_id[pk] for wamid, pk in stored.items()}


def _insert_inbound(
    fresh: Sequence[tuple[int, Inbound]],
    senders: dict[str, tuple[str, str] | None],
    state: selectors.InboundState,
) -> list[ConversationMessage]:
    """Insert new inbound messages (sessions chosen or opened, counters, identities)."""
    if not fresh:
        return []
    arrivals = [(senders[item.phone][0], item.timestamp) for _, item in fresh]
    sessions, new_sessions = _assign_sessions(arrivals, state)
    ConversationSession.objects.bulk_create(new_sessions)
    messages = [
        ConversationMessage(
            session=session,
            role=Role.USER,
            content=item.content,
            timestamp=item.timestamp,
            wa_message_id=item.wa_message_id,
            message_type=item.message_type,
            context=item.context or {},
        )
        for (_, item), session in zip(fresh, sessions, strict=True)
    ]
    _copy_messages(messages)
    with selectors.pipeline():  # the counter writes in one round trip
        _count_bulk(messages, {s.session_id: s.user_id for s in sessions})
        _count_new_sessions(new_sessions)
        _remember_identities([(senders[item.phone], item.timestamp) for _, item in fresh])
    return messages


def record_message(
    *,
    session: ConversationSession,
    role: str,
    content: str,
    timestamp: dt.datetime | None = None,
    **fields: Any,
) -> ConversationMessage:
    """Store one message in a session, keeping the counters right (API, assistant)."""
    with transaction.atomic():
        message = _insert_message(
            session=session,
            role=role,
            content=content,
            timestamp=timestamp or timezone.now(),
            **fields,
        )
        _count_messages([message], session.user_id)
    return message


def bulk_record_messages(messages: Sequence[ConversationMessage]) -> list[ConversationMessage]:
    """Insert unsaved messages (`session` set) in one transaction; update each counter once.

    The rows go in by COPY, ids drawn from the table's sequence first (bulk_create's multi-row
    INSERT was 8x slower than COPY on 1,000 messages); the counters are a few set-based
    statements that lock sessions, then summaries, then day stats, each in key order.
    """
    if not messages:
        return []
    users = {m.session.session_id: m.session.user_id for m in messages}
    if any(m.session.pk is None for m in messages):
        raise ValueError("bulk_record_messages: a message's session is not saved")
    with transaction.atomic():
        _copy_messages(messages)
        _count_bulk(messages, users)
    return list(messages)


def delete_message(message: ConversationMessage) -> None:
    """Delete one message (API) and take it off its session's and user's counts."""
    with transaction.atomic():
        session = message.session
        message.delete()
        ConversationSession.objects.filter(pk=session.pk).update(
            message_count=Greatest(F("message_count") - 1, 0)
        )
        UserInteractionSummary.objects.filter(user_id=session.user_id).update(
            total_messages=Greatest(F("total_messages") - 1, 0)
        )


def delete_session(session: ConversationSession) -> None:
    """Delete a session (API) with its messages and take both off the user's summary."""
    with transaction.atomic():
        _, deleted = ConversationSession.objects.filter(pk=session.pk).delete()
        messages = deleted.get(ConversationMessage._meta.label, 0)
        UserInteractionSummary.objects.filter(user_id=session.user_id).update(
            total_conversations=Greatest(F("total_conversations") - 1, 0),
            total_messages=Greatest(F("total_messages") - messages, 0),
        )


def _insert_message(
    *, session: ConversationSession, role: str, content: str, timestamp: dt.datetime, **fields: Any
) -> ConversationMessage:
    return ConversationMessage.objects.create(
        session=session, role=role, content=content, timestamp=timestamp, **fields
    )


def _count_messages(messages: Sequence[ConversationMessage], user_id: str) -> None:
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
    _upsert_summary(user_id, last, conversations=0, messages=len(messages), first=first)
    _bump_day_stats(Counter((_local_day(m.timestamp), m.role, m.intent) for m in messages))


def _copy_messages(messages: Sequence[ConversationMessage]) -> None:
    """COPY unsaved messages into their table; sets pk, created_at and _state as a save would."""
    fields = ConversationMessage._meta.concrete_fields
    now = timezone.now()
    db = connections[DEFAULT_DB_ALIAS]
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('conversation_messages', 'id'))"
            " FROM generate_series(1, %s)",
            [len(messages)],
        )
        for message, (pk,) in zip(messages, cursor.fetchall(), strict=True):
            message.pk, message.created_at = pk, now
        columns = ", ".join(db.ops.quote_name(f.column) for f in fields)
        plan = [(f.attname, _copy_adapter(f, db)) for f in fields]
        sql = f"COPY conversation_messages ({columns}) FROM STDIN"
        with db.wrap_database_errors, cursor.cursor.copy(sql) as copy:
            for message in messages:
                values = message.__dict__
                copy.write_row([adapt(values[name]) for name, adapt in plan])
    for message in messages:
        message._state.adding, message._state.db = False, db.alias


# Values of these types go to COPY as they are; anything else through the field's own
# get_db_prep_save (arrays, naive datetimes, strings for numbers...), as bulk_create does.
_COPY_AS_IS: dict[str, tuple[type, ...]] = {
    "BigAutoField": (int,),
    "ForeignKey": (UUID,),
    "CharField": (str,),
    "TextField": (str,),
    "FloatField": (float,),
    "BooleanField": (bool,),
    "DateTimeField": (dt.datetime,),
}


def _copy_adapter(field: Any, db: Any) -> Callable[[Any], Any]:
    """value -> what COPY gets for this field (the field's own preparation when in doubt)."""
    as_is = _COPY_AS_IS.get(field.get_internal_type(), ())
    if isinstance(field, JSONField) and field.encoder is None:
        return lambda value: None if value is None else json.dumps(value)

    def adapt(value: Any) -> Any:
        if value is None or (type(value) in as_is and getattr(value, "tzinfo", 1) is not None):
            return value
        return field.get_db_prep_save(value, db)

    return adapt


def _count_bulk(messages: Sequence[ConversationMessage], users: dict[UUID, str]) -> None:
    """Add inserted messages (any sessions, any users) to every counter, set-based."""
    per_session: Counter[UUID] = Counter()
    latest: dict[UUID, dt.datetime] = {}
    for m in messages:
        per_session[m.session_id] += 1
        latest[m.session_id] = max(latest.get(m.session_id, m.timestamp), m.timestamp)
    span: dict[str, list] = {}  # user_id -> [messages, first, last]
    for m in messages:
        row = span.setdefault(users[m.session_id], [0, m.timestamp, m.timestamp])
        row[0], row[1], row[2] = row[0] + 1, min(row[1], m.timestamp), max(row[2], m.timestamp)
    ids = sorted(per_session)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM conversation_sessions WHERE session_id = ANY(%s::uuid[])"
            " ORDER BY session_id FOR NO KEY UPDATE",
            [ids],
        )
        cursor.execute(
            "UPDATE conversation_sessions AS s SET message_count = s.message_count + v.n,"
            " last_activity_at = GREATEST(s.last_activity_at, v.latest), updated_at = now()"
            " FROM unnest(%s::uuid[], %s::int[], %s::timestamptz[]) AS v(session_id, n, latest)"
            " WHERE s.session_id = v.session_id",
            [ids, [per_session[i] for i in ids], [latest[i] for i in ids]],
        )
    _upsert_summaries(
        SummaryDelta(u, messages=span[u][0], first=span[u][1], last=span[u][2]) for u in span
    )
    _bump_day_stats(Counter((_local_day(m.timestamp), m.role, m.intent) for m in messages))


def _local_day(at: dt.datetime) -> dt.date:
    return at.astimezone(LOCAL_TZ).date()


def _bump_day_stats(counts: Counter[tuple[dt.date, str, str]]) -> None:
    rows = sorted((day, role, intent, n) for (day, role, intent), n in counts.items() if n)
    if not rows:
        return
    days, roles, intents, ns = (list(col) for col in zip(*rows, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(_DAY_STATS_SQL, [settings.DAY_STATS_SHARDS, days, roles, intents, ns])


@dataclass(frozen=True)
class SummaryDelta:
    """What to add to one user's summary (the row is created when missing)."""

    user_id: str
    first: dt.datetime
    last: dt.datetime
    conversations: int = 0
    messages: int = 0
    outlet_id: int | None = None


def _upsert_summary(
    user_id: str,
    at: dt.datetime,
    *,
    conversations: int,
    messages: int,
    first: dt.datetime | None = None,
    outlet_id: int | None = None,
) -> None:
    _upsert_summaries([SummaryDelta(user_id, first or at, at, conversations, messages, outlet_id)])


def _upsert_summaries(deltas: Iterable[SummaryDelta]) -> None:
    """Add to users' summaries in one statement, in user_id order (lock order)."""
    rows = sorted(deltas, key=lambda d: d.user_id)
    if not rows:
        return
    columns = ("user_id", "outlet_id", "conversations", "messages", "first", "last")
    with connection.cursor() as cursor:
        cursor.execute(_SUMMARIES_UPSERT_SQL, [[getattr(d, c) for d in rows] for c in columns])


def _remember_identities(arrivals: Sequence[tuple[tuple[str, str], dt.datetime]]) -> None:
    """Keep each sender's encrypted number (to reply) and last inbound time (24-hour window)."""
    latest: dict[str, tuple[str, dt.datetime]] = {}
    for (user_id, e164), at in arrivals:
        if user_id not in latest or at > latest[user_id][1]:
            latest[user_id] = (e164, at)
    users = sorted(latest)
    with connection.cursor() as cursor:
        cursor.execute(
            _IDENTITIES_SQL,
            [
                users,
                [identity.encrypt_phone(latest[u][0]) for u in users],
                [latest[u][1] for u in users],
            ],
        )


# The counter statements of the one-at-a-time helpers above.
_SESSION_COUNT_SQL = (
    "UPDATE conversation_sessions SET message_count = message_count + %s,"
    " last_activity_at = GREATEST(last_activity_at, %s), updated_at = now()"
    " WHERE session_id = %s"
)
# The shard is this connection's (pg_backend_pid() % DAY_STATS_SHARDS): see DailyIntentStat.
_DAY_STATS_SQL = (
    "INSERT INTO daily_intent_stats (day, role, intent, message_count, shard)"
    " SELECT *, pg_backend_pid() %% %s"
    " FROM unnest(%s::date[], %s::varchar[], %s::varchar[], %s::int[])"
    " ON CONFLICT (day, role, intent, shard) DO UPDATE"
    " SET message_count = daily_intent_stats.message_count + EXCLUDED.message_count"
)
_IDENTITIES_SQL = (
    "INSERT INTO user_identities (user_id, phone_encrypted, last_inbound_at, created_at)"
    " SELECT v.user_id, v.phone_encrypted, v.at, now()"
    " FROM unnest(%s::varchar[], %s::text[], %s::timestamptz[]) AS v(user_id, phone_encrypted, at)"
    " ON CONFLICT (user_id) DO UPDATE SET"
    " last_inbound_at = GREATEST(user_identities.last_inbound_at, EXCLUDED.last_inbound_at)"
)
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


def _enqueue_processing(message_ids: Sequence[int]) -> None:
    """One processing task per message, published in one Redis pipeline (kombu's
    Producer.batch: half the CPU of one publish at a time)."""
    from conversations import tasks
    from tria.celery import app

    if not message_ids:
        return
    with app.producer_or_acquire() as producer, producer.batch():
        for message_id in message_ids:
            tasks.process_inbound_message.apply_async((message_id,), producer=producer)


# ------------------------------------------------------------------ understanding


def set_message_language(message: ConversationMessage, language: str) -> None:
    """Record a detected language on the message, its session and the user's summary."""
    with transaction.atomic():
        ConversationMessage.objects.filter(pk=message.pk).update(language=language)
        ConversationSession.objects.filter(session_id=message.session_id).update(
            language=language, updated_at=timezone.now()
        )
        UserInteractionSummary.objects.filter(user_id=message.session.user_id).update(
            preferred_language=language, updated_at=timezone.now()
        )
    message.language = language


def set_message_intent(message: ConversationMessage, intent: str, confidence: float) -> None:
    """Record an intent on the message; add it to the session's intents, the user's
    common_intents and the day stats (moving the message out of its previous intent bucket)."""
    with transaction.atomic():
        previous = (
            ConversationMessage.objects.select_for_update()
            .values_list("intent", flat=True)
            .get(pk=message.pk)
        )
        ConversationMessage.objects.filter(pk=message.pk).update(
            intent=intent, confidence=confidence
        )
        if previous != intent:
            day = _local_day(message.timestamp)
            _bump_day_stats(
                Counter({(day, message.role, previous): -1, (day, message.role, intent): 1})
            )
            _count_intent(message, intent, confidence)
    message.intent, message.confidence = intent, confidence


# Small talk does not name what a session is about; it becomes primary only when nothing else has.
MINOR_INTENTS = ("greeting", "rating", "other", "")


def _count_intent(message: ConversationMessage, intent: str, confidence: float) -> None:
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


# ------------------------------------------------------------------ replies and delivery status


def reply(
    session: ConversationSession,
    text: str,
    *,
    intent: str,
    confidence: float = 1.0,
    interactive: dict | None = None,
) -> ConversationMessage:
    """Store the assistant's reply in the session and send it to WhatsApp once committed.

    `interactive` is a Cloud API `interactive` object (buttons or a list); `text` is its body.
    """
    context = {"interactive": interactive} if interactive else {}
    with transaction.atomic():
        message = record_message(
            session=session,
            role=Role.ASSISTANT,
            content=text,
            intent=intent,
            confidence=confidence,
            message_type="interactive" if interactive else "text",
            context=context,
        )
        transaction.on_commit(lambda: _enqueue_send(message.pk))
    return message


def _enqueue_send(message_id: int) -> None:
    from conversations import tasks

    tasks.send_whatsapp_message.delay(message_id)


_STATUS_RANK = {
    DeliveryStatus.PENDING: 0,
    DeliveryStatus.SENT: 1,
    DeliveryStatus.DELIVERED: 2,
    DeliveryStatus.READ: 3,
    DeliveryStatus.FAILED: 4,
}


@dataclass(frozen=True)
class StatusChange:
    """A WhatsApp status for one of our outbound messages (a webhook status notification)."""

    wa_message_id: str
    status: str
    at: dt.datetime
    errors: tuple[dict, ...] = ()


def update_delivery_status(
    wa_message_id: str, status: str, at: dt.datetime, errors: Iterable[dict] | None = None
) -> bool:
    """Move an outbound message's status forward (update_delivery_statuses of one).

    Returns False when the message is unknown or the status would go backwards.
    """
    change = StatusChange(wa_message_id, status, at, tuple(errors or ()))
    return update_delivery_statuses([change]) == 1


def update_delivery_statuses(changes: Iterable[StatusChange]) -> int:
    """Move outbound messages' statuses forward, sent < delivered < read, failed final, in one
    statement; how many messages moved. Of several changes to one message, the highest wins
    (what applying them one by one gives); Meta's error codes go to context.delivery_errors."""
    best: dict[str, StatusChange] = {}
    for change in changes:
        rank = _STATUS_RANK.get(change.status, 0)
        held = best.get(change.wa_message_id)
        if rank > 0 and (held is None or rank > _STATUS_RANK[held.status]):
            best[change.wa_message_id] = change
    if not best:
        return 0
    rows = sorted(best.values(), key=lambda c: c.wa_message_id)  # lock order
    with connection.cursor() as cursor:
        cursor.execute(
            _STATUSES_SQL,
            [
                [c.wa_message_id for c in rows],
                [c.status for c in rows],
                [_STATUS_RANK[c.status] for c in rows],
                [c.at for c in rows],
                [_error_codes(c.errors) for c in rows],
                sorted(_STATUS_RANK, key=_STATUS_RANK.__getitem__),
            ],
        )
        return cursor.rowcount


def _error_codes(errors: tuple[dict, ...]) -> str | None:
    codes = [e.get("code") for e in errors if isinstance(e, dict)]
    return json.dumps(codes) if errors else None


_STATUSES_SQL = (
    "UPDATE conversation_messages AS m SET delivery_status = v.status,"
    " status_updated_at = v.at,"
    " context = CASE WHEN v.codes IS NULL THEN m.context"
    "   ELSE COALESCE(m.context, '{}'::jsonb)"
    "     || jsonb_build_object('delivery_errors', v.codes::jsonb) END"
    " FROM unnest(%s::varchar[], %s::varchar[], %s::int[], %s::timestamptz[], %s::text[])"
    "   AS v(wa_message_id, status, rank, at, codes)"
    " WHERE m.wa_message_id = v.wa_message_id"
    " AND array_position(%s::varchar[], m.delivery_status::varchar) - 1 < v.rank"  # rank now
)


def record_reaction(
    *, phone: str, target_wa_message_id: str, emoji: str | None, at: dt.datetime
) -> bool:
    """Put a user's reaction on the message it targets: context["reaction"] = {emoji, at}.

    A reaction is not a message: it is not counted and never starts processing. emoji None
    means the user removed it. Redeliveries are harmless and an older reaction arriving late
    never replaces a newer one. False when the target is not a message of this user's chats.
    """
    user_id = identity.pseudonymize_phone(phone)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE conversation_messages SET context = COALESCE(context, '{}'::jsonb)"
            " || jsonb_build_object('reaction', jsonb_build_object('emoji', %s::text,"
            "   'at', %s::text))"
            " WHERE wa_message_id = %s"
            " AND session_id IN (SELECT session_id FROM conversation_sessions WHERE user_id = %s)"
            " AND COALESCE((context->'reaction'->>'at')::timestamptz, '-infinity') <= %s",
            [emoji, at.isoformat(), target_wa_message_id, user_id, at],
        )
        return cursor.rowcount == 1


def mark_processed(message: ConversationMessage) -> bool:
    """Claim an inbound message for processing; False when it was already processed."""
    return (
        ConversationMessage.objects.filter(pk=message.pk, processed_at__isnull=True).update(
            processed_at=timezone.now()
        )
        == 1
    )


def user_identity(user_id: str) -> UserIdentity | None:
    return UserIdentity.objects.filter(user_id=user_id).first()
