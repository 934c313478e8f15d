"""Recording conversations: the one place that writes sessions, messages, summaries and day stats.

Every edge (webhook, API, assistant, benchmark) calls these functions, so the counters stay right:
- session.message_count, summary.total_messages/total_conversations and the day stats are changed
  by database-side increments and upserts, never read-modify-write in Python;
- a user's session is chosen under a per-user advisory lock, so concurrent webhooks for one user
  join one session;
- an inbound WhatsApp message id is unique in the database, so a redelivery is stored once.
"""

import datetime as dt
import functools
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


def _lock_user(user_id: str) -> None:
    """Serialise session choice for one user until the transaction ends."""
    with connection.cursor() as cursor:
        cursor.execute(_LOCK_USER_SQL, [user_id])


def _outlet_for_new_session(user_id: str) -> int | None:
    """The outlet of the sender's contact when it is the only one."""
    from orders.models import OutletContact

    outlet_ids = list(
        OutletContact.objects.filter(phone_hash=user_id).values_list("outlet_id", flat=True)[:2]
    )
    return outlet_ids[0] if len(outlet_ids) == 1 else None


def get_or_open_session(user_id: str, at: dt.datetime) -> tuple[ConversationSession, bool]:
    """The user's open session, or a new one after SESSION_IDLE_MINUTES of silence.

    Call inside a transaction. Closing the old session sets its end_time to its last activity.
    """
    idle = dt.timedelta(minutes=settings.SESSION_IDLE_MINUTES)
    # The user's lock, then the read (a fresh snapshot after the lock), in one round trip.
    latest = selectors.latest_open_session(user_id, before=[(_LOCK_USER_SQL, [user_id])])
    if latest is not None and at - latest.last_activity_at <= idle:
        return latest, False
    if latest is not None:
        ConversationSession.objects.filter(pk=latest.pk).update(end_time=latest.last_activity_at)
    session = ConversationSession.objects.create(
        user_id=user_id,
        outlet_id=_outlet_for_new_session(user_id),
        start_time=at,
        last_activity_at=at,
    )
    _upsert_summary(user_id, at, conversations=1, messages=0, outlet_id=session.outlet_id)
    return session, True


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


def record_inbound_message(
    *,
    phone: str,
    content: str,
    timestamp: dt.datetime,
    wa_message_id: str | None = None,
    message_type: str = "text",
    context: dict | None = None,
) -> InboundResult:
    """Store a user's WhatsApp message once, in their session; enqueue its processing on commit."""
    if wa_message_id:
        existing = selectors.message_by_wa_id(wa_message_id)
        if existing is not None:
            return InboundResult(existing, False)
    user_id = identity.pseudonymize_phone(phone)
    try:
        with transaction.atomic():
            session, _ = get_or_open_session(user_id, timestamp)
            message = _insert_inbound(
                session,
                phone,
                content=content,
                timestamp=timestamp,
                wa_message_id=wa_message_id,
                message_type=message_type,
                context=context or {},
            )
            transaction.on_commit(lambda: _enqueue_processing(message.pk))
    except IntegrityError:
        # The same wamid committed by a concurrent delivery: everything above is rolled back
        # (no savepoint round trips on the common path), and the stored message is the answer.
        existing = ConversationMessage.objects.filter(wa_message_id=wa_message_id).first()
        if not wa_message_id or existing is None:
            raise
        return InboundResult(existing, False)
    return InboundResult(message, True)


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
    user_ids = sorted(span)
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
        cursor.execute(
            "INSERT INTO user_interaction_summaries (user_id, total_conversations,"
            " total_messages, common_intents, preferred_language, satisfaction_count,"
            " last_interaction, first_interaction, metadata, created_at, updated_at)"
            " SELECT v.user_id, 0, v.n, '{}', '', 0, v.last, v.first, '{}', now(), now()"
            " FROM unnest(%s::varchar[], %s::int[], %s::timestamptz[], %s::timestamptz[])"
            "   AS v(user_id, n, first, last) ORDER BY v.user_id"
            " ON CONFLICT (user_id) DO UPDATE SET"
            " total_messages = user_interaction_summaries.total_messages + EXCLUDED.total_messages,"
            " last_interaction = GREATEST(user_interaction_summaries.last_interaction,"
            "   EXCLUDED.last_interaction),"
            " first_interaction = LEAST(user_interaction_summaries.first_interaction,"
            "   EXCLUDED.first_interaction),"
            " updated_at = now()",
            [user_ids, *([span[u][k] for u in user_ids] for k in range(3))],
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


def _upsert_summary(
    user_id: str,
    at: dt.datetime,
    *,
    conversations: int,
    messages: int,
    first: dt.datetime | None = None,
    outlet_id: int | None = None,
) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            _SUMMARY_UPSERT_SQL, [user_id, outlet_id, conversations, messages, at, first or at]
        )


def _remember_identity(user_id: str, phone: str, at: dt.datetime) -> None:
    """Keep the encrypted number (to reply) and the last inbound time (24-hour window)."""
    with connection.cursor() as cursor:
        cursor.execute(_IDENTITY_SQL, [user_id, identity.encrypt_phone(phone), at])


def _insert_inbound(session: ConversationSession, phone: str, **fields: Any) -> ConversationMessage:
    """_insert_message (role user), _count_messages([it]) and _remember_identity as prepared
    statements sent in one round trip: the webhook's hot path (README, Performance)."""
    message = ConversationMessage(session=session, role=Role.USER, **fields)
    message.created_at = timezone.now()
    insert_sql, plan = _inbound_insert()
    at, user_id = message.timestamp, session.user_id
    day_stats = [settings.DAY_STATS_SHARDS, [_local_day(at)], [message.role], [message.intent], [1]]
    with selectors.prepared_cursor() as insert, selectors.prepared_cursor() as counters:
        with selectors.pipeline():
            insert.execute(insert_sql, [adapt(message.__dict__[name]) for name, adapt in plan])
            counters.execute(_SESSION_COUNT_SQL, [1, at, message.session_id])
            counters.execute(_SUMMARY_UPSERT_SQL, [user_id, None, 0, 1, at, at])
            counters.execute(_DAY_STATS_SQL, day_stats)
            counters.execute(_IDENTITY_SQL, [user_id, identity.encrypt_phone(phone), at])
        (message.pk,) = insert.fetchone()
    message._state.adding, message._state.db = False, connection.alias
    return message


@functools.cache
def _inbound_insert() -> tuple[str, list[tuple[str, Callable[[Any], Any]]]]:
    """INSERT of every message column (typed placeholders: the server binds them), and how
    each attribute becomes a parameter (as for COPY)."""
    db = connections[DEFAULT_DB_ALIAS]
    fields = [f for f in ConversationMessage._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(db.ops.quote_name(f.column) for f in fields)
    values = ", ".join(f"%s::{f.db_type(db)}" for f in fields)
    sql = f"INSERT INTO conversation_messages ({columns}) VALUES ({values}) RETURNING id"  # noqa: S608
    return sql, [(f.attname, _copy_adapter(f, db)) for f in fields]


# The counter statements, shared by the one-at-a-time helpers above and _insert_inbound.
_SESSION_COUNT_SQL = (
    "UPDATE conversation_sessions SET message_count = message_count + %s,"
    " last_activity_at = GREATEST(last_activity_at, %s), updated_at = now()"
    " WHERE session_id = %s"
)
_SUMMARY_UPSERT_SQL = (
    "INSERT INTO user_interaction_summaries (user_id, outlet_id, total_conversations,"
    " total_messages, common_intents, preferred_language, satisfaction_count,"
    " last_interaction, first_interaction, metadata, created_at, updated_at)"
    " VALUES (%s, %s, %s, %s, '{}', '', 0, %s, %s, '{}', now(), now())"
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
# The shard is this connection's (pg_backend_pid() % DAY_STATS_SHARDS): see DailyIntentStat.
_DAY_STATS_SQL = (
    "INSERT INTO daily_intent_stats (day, role, intent, message_count, shard)"
    " SELECT *, pg_backend_pid() %% %s"
    " FROM unnest(%s::date[], %s::varchar[], %s::varchar[], %s::int[])"
    " ON CONFLICT (day, role, intent, shard) DO UPDATE"
    " SET message_count = daily_intent_stats.message_count + EXCLUDED.message_count"
)
_IDENTITY_SQL = (
    "INSERT INTO user_identities (user_id, phone_encrypted, last_inbound_at, created_at)"
    " VALUES (%s, %s, %s, now()) ON CONFLICT (user_id) DO UPDATE SET"
    " last_inbound_at = GREATEST(user_identities.last_inbound_at,"
    "   EXCLUDED.last_inbound_at)"
)


def _enqueue_processing(message_id: int) -> None:
    from conversations import tasks

    tasks.process_inbound_message.delay(message_id)


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


def update_delivery_status(
    wa_message_id: str, status: str, at: dt.datetime, errors: Iterable[dict] | None = None
) -> bool:
    """Move an outbound message's status forward (sent < delivered < read; failed is final).

    Returns False when the message is unknown or the status would go backwards.
    """
    if status not in _STATUS_RANK or status == DeliveryStatus.PENDING:
        return False
    lower = [s for s, rank in _STATUS_RANK.items() if rank < _STATUS_RANK[status]]
    if status != DeliveryStatus.FAILED:
        lower = [s for s in lower if s != DeliveryStatus.FAILED]
    updates: dict[str, Any] = {"delivery_status": status, "status_updated_at": at}
    with transaction.atomic():
        query = ConversationMessage.objects.filter(
            wa_message_id=wa_message_id, delivery_status__in=lower
        )
        if errors:
            message = query.select_for_update().first()
            if message is None:
                return False
            codes = [e.get("code") for e in errors if isinstance(e, dict)]
            message.context = {**message.context, "delivery_errors": codes}
            updates["context"] = message.context
        return query.update(**updates) == 1


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
