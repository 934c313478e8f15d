"""Reads that several callers need: the API, the dashboard, the benchmark.

The query patterns (session lookup, message history, top users, session timeline,
intent analysis) and the analytics that read the per-day aggregates instead of the messages.
"""

import datetime as dt
import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import psycopg
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.backends.utils import CursorWrapper
from django.db.models import Exists, JSONField, Model, OuterRef, QuerySet, Sum
from django.db.models.base import ModelState
from django.db.models.expressions import Col
from django.db.models.query import ModelIterable
from django.db.models.signals import post_init, pre_init
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone
from psycopg import pq
from psycopg.types.json import JsonbLoader

from conversations import pgarrays
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    PurgeRun,
    UserInteractionSummary,
)

Statements = Sequence[tuple[str, Sequence[Any]]]


# ------------------------------------------------------------------ the query patterns
# The hot reads run as server-side prepared statements: the SQL is compiled by the ORM once per
# shape, planned by PostgreSQL once per connection, and rows become model instances through the
# model's own from_db and field converters. Profiled on the benchmark, this removes the ORM's
# per-call compilation, the server's re-planning and Django's Python timestamptz loader, which
# together made these reads 2.5-4x slower than raw psycopg (see README, Performance).


class _PreparedCursor(ServerBindingCursor):
    """Django's server-binding cursor that prepares every statement it executes."""

    def execute(self, query, params=None, *, prepare=None, binary=None):  # type: ignore[override]
        return super().execute(query, params, prepare=True, binary=binary)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    compiler: SQLCompiler
    names: list[str]  # attnames of a model's columns, in order; empty for values() reads
    converters: dict  # Django's per-column converters still needed after loading
    native_json: bool  # jsonb columns are plain JSONFields: psycopg decodes them


class _PreparedRead:
    """A queryset shape compiled once, executed as a prepared statement with fresh parameters.

    `build(*params)` returns the queryset; the compiled SQL must take exactly `params`, in order
    (checked when compiling), so only plain filters of scalar values belong here, one per
    .filter() call (filter(a=1, b=2) orders its conditions by name).
    """

    def __init__(self, build: Callable[..., QuerySet]) -> None:
        self.build = build
        self._compiled: dict[int, _Compiled] = {}

    def _compile(self, params: tuple, limit: int) -> _Compiled:
        queryset = self.build(*params)[:limit]
        compiler = queryset.query.get_compiler(using=DEFAULT_DB_ALIAS)
        sql, compiled_params = compiler.as_sql()
        if tuple(compiled_params) != params:
            raise ValueError(f"prepared read takes {compiled_params!r}, not {params!r}")
        names: list[str] = []
        if queryset._iterable_class is ModelIterable:
            select = compiler.select
            names = [select[i][0].target.attname for i in compiler.klass_info["select_fields"]]
        converters = compiler.get_converters([col for col, _, _ in compiler.select])
        json_positions = {pos for pos, item in converters.items() if _is_plain_json(*item)}
        native_json = json_positions == set(converters)
        if native_json:
            converters = {}
        compiled = _Compiled(sql, compiler, names, converters, native_json)
        self._compiled[limit] = compiled
        return compiled

    def _run(self, params: tuple, limit: int, before: Statements) -> tuple[_Compiled, list]:
        compiled = self._compiled.get(limit) or self._compile(params, limit)
        with _cursor(compiled.native_json) as cursor:
            if before:
                with pipeline():
                    for sql, args in before:
                        cursor.execute(sql, args)
                    cursor.execute(compiled.sql, params)
            else:
                cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.converters:
            rows = list(compiled.compiler.apply_converters(rows, compiled.converters))
        return compiled, rows

    def rows(self, params: tuple, limit: int, before: Statements = ()) -> list:
        return self._run(params, limit, before)[1]

    def objects(self, params: tuple, limit: int, before: Statements = ()) -> list:
        """Model instances; `before`: statements run first, in the same round trip."""
        compiled, rows = self._run(params, limit, before)
        return _instances(compiled.compiler.query.model, compiled.names, rows)


def _is_plain_json(converters: list, expression: Any) -> bool:
    """A JSONField column read as is (no custom decoder, no key transform)."""
    field = getattr(expression, "output_field", None)
    return (
        isinstance(expression, Col)
        and isinstance(field, JSONField)
        and field.decoder is None
        and converters == [field.from_db_value]
    )


# psycopg's own timestamptz loader (its C implementation when installed). Django registers a
# Python subclass that re-stamps every value with the connection's time zone; our connections are
# in UTC (Django sets it), so psycopg's values are the same instants, ten times faster to load.
_TIMESTAMPTZ_LOADER = psycopg.adapters.get_loader(
    psycopg.adapters.types["timestamptz"].oid, pq.Format.TEXT
)


@contextmanager
def pipeline() -> Iterator[None]:
    """Send the statements of the block in one round trip (psycopg pipeline mode); their
    results, and any error, arrive at the end of the block, as Django's exceptions."""
    db = connections[DEFAULT_DB_ALIAS]
    db.ensure_connection()
    with db.wrap_database_errors, db.connection.pipeline():
        yield


def _cursor(native_json: bool) -> CursorWrapper:
    """A prepared-statement cursor on Django's connection, wrapped like any Django cursor
    (query logging, execute wrappers, error translation, broken-transaction checks)."""
    db = connections[DEFAULT_DB_ALIAS]  # once: each `connection.x` is a thread-local lookup
    db.close_if_health_check_failed()
    db.ensure_connection()
    with db.wrap_database_errors:
        raw = _PreparedCursor(db.connection)
        if db.timezone_name == "UTC":
            raw.adapters.register_loader("timestamptz", _TIMESTAMPTZ_LOADER)
        if native_json:
            raw.adapters.register_loader("jsonb", JsonbLoader)
        return db._prepare_cursor(raw)


def _instances(model: type[Model], names: list[str], rows: list[tuple]) -> list:
    """Model instances of complete rows: Model.__init__ minus its per-field loop and signals
    when nobody listens to pre_init/post_init (a third of the cost of a 100-row read)."""
    if (
        pre_init.has_listeners(model)
        or post_init.has_listeners(model)
        or names != [f.attname for f in model._meta.concrete_fields]
    ):
        return [model.from_db(DEFAULT_DB_ALIAS, names, row) for row in rows]
    instances = []
    for row in rows:
        instance = model.__new__(model)
        instance.__dict__.update(zip(names, row, strict=True))
        state = instance._state = ModelState()
        state.adding, state.db = False, DEFAULT_DB_ALIAS
        instances.append(instance)
    return instances


def _uuid(value: UUID | str) -> UUID:
    """A session_id from the caller; a malformed one is a ValueError (the API answers 404)."""
    return value if isinstance(value, UUID) else UUID(str(value))


_SESSION_BY_ID = _PreparedRead(
    lambda sid: ConversationSession.objects.filter(session_id=sid).order_by()
)
_SESSION_HISTORY = _PreparedRead(
    lambda sid: ConversationMessage.objects.filter(session_id=sid).order_by("timestamp", "id")
)
_TOP_USERS = _PreparedRead(
    lambda n: UserInteractionSummary.objects.filter(total_conversations__gte=n).order_by(
        "-total_conversations", "id"
    )
)
_INTENT_DISTRIBUTION = _PreparedRead(
    lambda first_day: (
        DailyIntentStat.objects.filter(day__gte=first_day)
        .values_list("intent")
        .annotate(total=Sum("message_count"))
        .order_by()
    )
)
_SESSION_TIMELINE = _PreparedRead(
    lambda user_id, start, end: (
        ConversationSession.objects.filter(user_id=user_id)
        .filter(start_time__gte=start)
        .filter(start_time__lt=end)
        .order_by("-start_time")
    )
)
_INTENT_CONFIDENCE = _PreparedRead(
    lambda intent, confidence: (
        ConversationMessage.objects.filter(intent=intent)
        .filter(confidence__gte=confidence)
        .order_by("timestamp", "id")
    )
)


def session_by_id(session_id: UUID | str) -> ConversationSession | None:
    """One session by its session_id (the single-session lookup)."""
    found = _SESSION_BY_ID.objects((_uuid(session_id),), 1)
    return found[0] if found else None


def session_history(session_id: UUID | str, limit: int = 100) -> list[ConversationMessage]:
    """A session's messages in order (timestamp, id), at most `limit`."""
    return _SESSION_HISTORY.objects((_uuid(session_id),), limit)


def top_users(min_conversations: int = 10, limit: int = 100) -> list[UserInteractionSummary]:
    """Summaries with at least `min_conversations`, most conversations first."""
    return _TOP_USERS.objects((min_conversations,), limit)


def intent_distribution(days: int = 30) -> dict[str, int]:
    """Messages per intent over the last `days` Singapore days, today included.

    Reads DailyIntentStat (kept exact at ingestion), so the cost does not grow with messages.
    """
    first_day = timezone.localdate() - dt.timedelta(days=days - 1)
    rows = _INTENT_DISTRIBUTION.rows((first_day,), 1000)
    return {intent: total for intent, total in rows if total}


def session_timeline(
    user_id: str, start: dt.datetime, end: dt.datetime, limit: int = 50
) -> list[ConversationSession]:
    """A user's sessions that started in [start, end), newest first."""
    return _SESSION_TIMELINE.objects((user_id, start, end), limit)


def intent_confidence(
    intent: str = "order_placement", min_confidence: float = 0.8, limit: int = 100
) -> list[ConversationMessage]:
    """Messages with `intent` and confidence >= `min_confidence`, oldest first."""
    return _INTENT_CONFIDENCE.objects((intent, float(min_confidence)), limit)


# ------------------------------------------------------------------ ingestion
# What services.record_inbound_messages reads once it holds the senders' locks: one round trip.


@dataclass(frozen=True)
class InboundState:
    stored: dict[str, int]  # wamid -> message id, for the wamids already stored
    open_sessions: dict[str, ConversationSession]  # user_id -> their latest open session
    contact_outlets: dict[str, set[int]]  # user_id -> the outlets their number is a contact of


def inbound_state(user_ids: list[str], wamids: list[str], before: Statements = ()) -> InboundState:
    """The stored wamids, open sessions and contact outlets of a batch's senders, read after
    `before` (the senders' locks) in the same round trip: each statement sees what was
    committed when it started, so after the locks."""
    with (
        _cursor(native_json=False) as first,
        _cursor(native_json=False) as stored,
        _cursor(native_json=True) as sessions,
        _cursor(native_json=False) as contacts,
    ):
        with pipeline():
            for sql, args in before:
                first.execute(sql, args)
            stored.execute(_STORED_WAMIDS_SQL, [pgarrays.texts(wamids)])
            sessions.execute(_open_sessions_sql(), [pgarrays.texts(user_ids)])
            contacts.execute(_CONTACT_OUTLETS_SQL, [pgarrays.texts(user_ids)])
        stored_rows, session_rows = stored.fetchall(), sessions.fetchall()
        contact_rows = contacts.fetchall()
    names = [f.attname for f in ConversationSession._meta.concrete_fields]
    outlets: dict[str, set[int]] = {}
    for user_id, outlet_id in contact_rows:
        outlets.setdefault(user_id, set()).add(outlet_id)
    return InboundState(
        stored=dict(stored_rows),
        open_sessions={s.user_id: s for s in _instances(ConversationSession, names, session_rows)},
        contact_outlets=outlets,
    )


_STORED_WAMIDS_SQL = (
    "SELECT wa_message_id, id FROM conversation_messages WHERE wa_message_id = ANY(%s::varchar[])"
)


@functools.cache
def _open_sessions_sql() -> str:
    columns = ", ".join(f.column for f in ConversationSession._meta.concrete_fields)
    return (
        f"SELECT DISTINCT ON (user_id) {columns} FROM conversation_sessions"  # noqa: S608
        " WHERE user_id = ANY(%s::varchar[]) AND end_time IS NULL"
        " ORDER BY user_id, start_time DESC"
    )


# The outlets a number speaks for: only active outlets count (the assistant's rule too,
# services.active_contacts_of); a new session takes the outlet when there is exactly one.
_CONTACT_OUTLETS_SQL = (
    "SELECT c.phone_hash, c.outlet_id FROM outlet_contacts c JOIN outlets o ON o.id = c.outlet_id"
    " WHERE c.phone_hash = ANY(%s::varchar[]) AND o.active"
)


# ------------------------------------------------------------------ retention health
# Retention compliance as numbers anyone can read (dashboard, metrics,
# conversations.retention.purging).


def message_retention_cutoff(
    now: dt.datetime | None = None, days: int | None = None
) -> dt.datetime:
    """Messages created at or before this instant are past retention (RETENTION_MESSAGES_DAYS)."""
    days = settings.RETENTION_MESSAGES_DAYS if days is None else days
    return (now or timezone.now()) - dt.timedelta(days=days)


def summary_retention_cutoff(
    now: dt.datetime | None = None, days: int | None = None
) -> dt.datetime:
    """Summaries whose last_interaction is at or before this instant are past retention."""
    days = settings.RETENTION_SUMMARIES_DAYS if days is None else days
    return (now or timezone.now()) - dt.timedelta(days=days)


def messages_past_retention(now: dt.datetime | None = None, days: int | None = None) -> int:
    """Messages older than the policy: 0 right after a purge (conv_msg_created_idx)."""
    cutoff = message_retention_cutoff(now, days)
    return ConversationMessage.objects.filter(created_at__lte=cutoff).count()


def summaries_past_retention(now: dt.datetime | None = None, days: int | None = None) -> int:
    """User summaries past their deletion date (uis_last_interaction_idx)."""
    cutoff = summary_retention_cutoff(now, days)
    return UserInteractionSummary.objects.filter(last_interaction__lte=cutoff).count()


def orphaned_sessions() -> int:
    """Sessions that never had a message: counted and reported by the purge, never deleted."""
    has_message = ConversationMessage.objects.filter(session_id=OuterRef("session_id"))
    return ConversationSession.objects.filter(message_count=0).exclude(Exists(has_message)).count()


def last_purge() -> PurgeRun | None:
    """The latest retention purge that was not a dry run (running, succeeded or failed)."""
    return (
        PurgeRun.objects.exclude(outcome=PurgeRun.Outcome.DRY_RUN)
        .order_by("-started_at", "-id")
        .first()
    )
