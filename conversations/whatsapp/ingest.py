"""The webhook inbox: notifications are accepted in one INSERT and stored in batches.

Why: a POST that stored its message and published its Celery task itself cost about 3.9 ms of CPU
(gunicorn and PostgreSQL), which capped a 2-core machine near 500 notifications/s; this way costs
about 1.0–1.1 ms, the POST itself served without Django (tria.wsgi, docs/performance.md). Now the
webhook verifies the signature, commits the raw body to WebhookInbox (`accept`) and answers 200; the
ingester (`manage.py ingest_webhooks`, `run`) claims the oldest rows, stores everything they hold
with services.record_inbound_messages (about a dozen statements per batch, whatever its size) and
deletes them, all in one transaction: a notification is stored exactly once, and one that is
accepted is never lost (it is in PostgreSQL before Meta gets its 200). With WHATSAPP_INGEST_INLINE
the request drains its own row before answering (tests, development).

A batch that fails is retried one notification at a time; a notification that keeps failing is
set aside (transient database errors never count: the ingester waits for the database and tries
again) after WEBHOOK_INGEST_MAX_ATTEMPTS with the error's class and place (never its content),
for staff to retry in the admin. A row set aside loses the WhatsApp profile names its body holds
(contacts[].profile.name: display names, personal data we need only while storing): it may wait up
to RETENTION_MESSAGES_DAYS, and a retry stores its messages without them. What the erasure and a
retry need (wa_id, user_id, username, the messages) stays. The beat task `drain_webhook_inbox`
stores rows that waited longer than WEBHOOK_INBOX_STALE_SECONDS: a missing ingester delays
replies, it loses nothing.
"""

import datetime as dt
import json
import logging
import threading
import time
import traceback
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psycopg
from django.conf import settings
from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    close_old_connections,
    connection,
    transaction,
)
from django.db.models import Min
from django.utils import timezone

from conversations import services
from conversations.models import WebhookInbox
from conversations.whatsapp import payloads, storing
from conversations.whatsapp.storing import IngestResult

logger = logging.getLogger(__name__)

# A lock timeout, a deadlock, a dropped or terminated connection, a database restarting: errors of
# the database, not of a notification, so they never count towards setting a notification aside.
TRANSIENT_DB_ERRORS = (OperationalError, InterfaceError)

# The claim: the rows are deleted in the batch's transaction, so that a stored row is gone when
# the batch commits and back when it rolls back; SKIP LOCKED lets several ingesters (and the
# beat's drain) take disjoint batches. By ids (inline, the one-by-one retry) or the oldest `limit`.
_CLAIM_IDS_SQL = (
    "DELETE FROM whatsapp_webhook_inbox WHERE id IN ("
    " SELECT id FROM whatsapp_webhook_inbox WHERE id = ANY(%s) AND attempts < %s"
    " ORDER BY id FOR UPDATE SKIP LOCKED)"
    " RETURNING id, body, received_at"
)
_CLAIM_OLDEST_SQL = (
    "DELETE FROM whatsapp_webhook_inbox WHERE id IN ("
    " SELECT id FROM whatsapp_webhook_inbox WHERE attempts < %s AND received_at <= %s"
    " ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED)"
    " RETURNING id, body, received_at"
)
_ALWAYS = dt.datetime.max.replace(tzinfo=dt.UTC)  # no received_before: every row


_ACCEPT_SQL = (
    "INSERT INTO whatsapp_webhook_inbox (received_at, body, attempts, last_error)"
    " VALUES (%s, %s, 0, '') RETURNING id"
)


def accept(body: str) -> int:
    """Commit a verified notification's raw JSON to the inbox; its row id. One statement in
    autocommit: the webhook's whole database work (no ORM save, signals or auditlog here)."""
    with connection.cursor() as cursor:
        cursor.execute(_ACCEPT_SQL, [timezone.now(), body])
        return cursor.fetchone()[0]


class InboxWriter:
    """`accept` for the webhook's bare-WSGI fast lane (tria.wsgi): the same INSERT, through a
    psycopg connection of its own per thread (autocommit, the statement prepared once), outside
    Django's connection handling, which that lane never enters (no request signals, no pool
    checkout per request). The connection is opened on first use with Django's parameters."""

    _SQL = (
        "INSERT INTO whatsapp_webhook_inbox (received_at, body, attempts, last_error)"
        " VALUES (now(), %s, 0, '')"
    )

    def __init__(self) -> None:
        self._local = threading.local()
        self._opened: list[psycopg.Connection] = []
        self._lock = threading.Lock()

    def accept(self, body: str) -> None:
        """Commit `body` to the inbox. A connection that died since its last use (a PostgreSQL
        restart) is replaced and the INSERT tried once more: had the first one committed after
        all, the ingester stores the notification once anyway (idempotent on the wamid)."""
        try:
            self._connection().execute(self._SQL, (body,), prepare=True)
        except psycopg.OperationalError:
            self.close()
            self._connection().execute(self._SQL, (body,), prepare=True)

    def _connection(self) -> psycopg.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            params = connection.get_connection_params()
            # psycopg's own cursor (Django's binds client-side, which never prepares)
            params["cursor_factory"] = psycopg.Cursor
            conn = psycopg.connect(**params, autocommit=True)
            self._local.conn = conn
            with self._lock:
                self._opened.append(conn)
        return conn

    def close(self) -> None:
        """Close this thread's connection (the next accept opens another)."""
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            with self._lock:
                self._opened = [c for c in self._opened if c is not conn]
            conn.close()

    def close_all(self) -> None:
        """Close every thread's connection (tests, before the test database goes)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            conn.close()


def drain(
    *,
    limit: int | None = None,
    ids: Sequence[int] | None = None,
    received_before: dt.datetime | None = None,
) -> IngestResult:
    """Store the oldest `limit` pending notifications (or those of `ids`; or only those received
    before `received_before`) in one transaction.

    Rows another drain holds are skipped (SKIP LOCKED). If the batch fails it is retried one
    notification at a time, so one bad notification never holds back the others.
    """
    claim = _Claim(
        ids=None if ids is None else list(ids),
        limit=limit or settings.WEBHOOK_INGEST_BATCH,
        received_before=received_before or _ALWAYS,
    )
    if claim.ids == []:
        return IngestResult()
    try:
        return _store_batch(claim)
    except TRANSIENT_DB_ERRORS:
        raise  # the database, not the notification: nothing is set aside, the caller waits
    except Exception as exc:
        if not claim.claimed:
            raise  # failed before claiming anything: not a notification's fault
        if len(claim.claimed) == 1:
            return _record_failure(claim.claimed[0], exc)
        logger.warning(
            "webhook inbox: a batch of %s failed (%s); storing one by one",
            len(claim.claimed),
            type(exc).__name__,
        )
    result = IngestResult()
    for row_id in claim.claimed:
        try:
            result.add(_store_batch(_Claim(ids=[row_id])))
        except TRANSIENT_DB_ERRORS:
            raise
        except Exception as exc:
            result.add(_record_failure(row_id, exc))
    return result


@dataclass
class _Claim:
    """Which rows a batch takes; `claimed` is filled with their ids as soon as they are taken
    (the batch's rollback puts them back; a failed batch is retried one id at a time)."""

    ids: list[int] | None = None
    limit: int = 0
    received_before: dt.datetime = _ALWAYS
    claimed: list[int] = field(default_factory=list)

    def take(self, cursor) -> list[tuple[int, str, dt.datetime]]:
        attempts = settings.WEBHOOK_INGEST_MAX_ATTEMPTS
        if self.ids is not None:
            cursor.execute(_CLAIM_IDS_SQL, [self.ids, attempts])
        else:
            cursor.execute(_CLAIM_OLDEST_SQL, [attempts, self.received_before, self.limit])
        rows = sorted(cursor.fetchall())
        self.claimed = [row_id for row_id, _, _ in rows]
        return rows


def _store_batch(claim: _Claim) -> IngestResult:
    """Claim, parse and store rows in one statement and one transaction; the order matters:
    identity changes first (so that messages from a new number join the moved user), then
    messages, then what acts on stored messages."""
    result = IngestResult()
    with transaction.atomic():
        with connection.cursor() as cursor:
            rows = claim.take(cursor)
        notifications = [_parse(body, received_at) for _, body, received_at in rows]
        result.notifications = len(rows)
        for notification in notifications:
            storing.change_identities(notification, result)
        storing.store_messages(notifications, result)
        for notification in notifications:
            storing.store_changes(notification, result)
        storing.link_status_recipients(notifications)
        result.statuses = services.update_delivery_statuses(
            services.StatusChange(s.wa_message_id, s.status, s.timestamp, s.errors, s.callback_data)
            for n in notifications
            for s in n.statuses
        )
        for notification in notifications:
            storing.store_reactions(notification, result)
    return result


def _parse(body: str, received_at: dt.datetime) -> payloads.Notification:
    payload = json.loads(body)
    if not isinstance(payload, dict):  # the webhook accepts objects only; an old row, maybe
        return payloads.Notification(skipped=[payloads.Skipped("object", "not-an-object")])
    return payloads.parse_notification(
        payload,
        settings.WHATSAPP_PHONE_NUMBER_ID,
        received_at=received_at,
        max_age=dt.timedelta(days=settings.WHATSAPP_TIMESTAMP_MAX_AGE_DAYS),
        may_hold_nul="\\u0000" in body,  # JSON can carry a NUL only escaped
    )


def _record_failure(row_id: int, exc: Exception) -> IngestResult:
    """Count a failed attempt on the row, with the error's class and place only (no content)."""
    where = ""
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}"
    error = f"{type(exc).__name__}{where}"[:200]
    with transaction.atomic():
        row = WebhookInbox.objects.select_for_update().filter(pk=row_id).first()
        if row is None:  # stored by another drain meanwhile
            return IngestResult()
        row.attempts += 1
        row.last_error = error
        if row.attempts >= settings.WEBHOOK_INGEST_MAX_ATTEMPTS:
            row.body = without_profile_names(row.body)
        row.save(update_fields=["attempts", "last_error", "body"])
    logger.error(
        "webhook inbox: notification %s failed (%s), attempt %s of %s",
        row_id,
        error,
        row.attempts,
        settings.WEBHOOK_INGEST_MAX_ATTEMPTS,
    )
    return IngestResult(failed=1)


def without_profile_names(body: str) -> str:
    """The notification without any contact's profile name (every "profile" object loses its
    "name"); a body that is not JSON, or holds no name, comes back unchanged."""
    try:
        payload = json.loads(body)
    except ValueError:
        return body
    return json.dumps(payload) if _drop_profile_names(payload) else body


def _drop_profile_names(node: object) -> bool:
    """Remove "name" from every "profile" object under `node`, in place; whether one went."""
    dropped = False
    if isinstance(node, dict):
        profile = node.get("profile")
        if isinstance(profile, dict) and "name" in profile:
            del profile["name"]
            dropped = True
        for value in node.values():
            dropped = _drop_profile_names(value) or dropped
    elif isinstance(node, list):
        for value in node:
            dropped = _drop_profile_names(value) or dropped
    return dropped


def drain_all(
    *,
    older_than: dt.timedelta | None = None,
    max_seconds: float = 50.0,
    batch: int | None = None,
) -> IngestResult:
    """Drain batch after batch until no pending row is left (with `older_than`: none received
    longer ago than that; fresher rows are the ingester's), or `max_seconds` have passed:
    `ingest_webhooks --once` and the beat safety net."""
    deadline = time.monotonic() + max_seconds
    total = IngestResult()
    while time.monotonic() < deadline:
        cutoff = None if older_than is None else timezone.now() - older_than
        stored = drain(limit=batch, received_before=cutoff)
        total.add(stored)
        if stored.notifications == 0:
            break
    return total


def run(
    stop: threading.Event, *, poll_seconds: float | None = None, batch: int | None = None
) -> IngestResult:
    """The ingester's loop until `stop` is set: drain the next batch at once after a full one
    (a backlog), else after `poll_seconds`. A database outage is logged and waited out; the
    loop never exits on its own.

    Why wait after a part-filled batch: a batch costs about a dozen statements and a commit
    whatever its size, so an ingester that went straight back for whatever had arrived
    meanwhile stored batches of a few rows under load and spent about half again as much CPU
    per message (bench, issue 21), CPU that the two cores' web workers then lacked. Waiting
    adds at most `poll_seconds` (0.05 s) before a notification is stored."""
    poll = settings.WEBHOOK_INGEST_POLL_SECONDS if poll_seconds is None else poll_seconds
    full = batch or settings.WEBHOOK_INGEST_BATCH
    total = IngestResult()
    backoff = poll
    while not stop.is_set():
        close_old_connections()
        try:
            stored = drain(limit=batch)
        except (DatabaseError, InterfaceError) as exc:
            backoff = min(max(backoff * 2, 0.5), 10.0)
            _discard_dead_connections()
            logger.error(
                "webhook ingester: database error (%s); trying again in %.1f s",
                type(exc).__name__,
                backoff,
            )
            stop.wait(backoff)
            continue
        backoff = poll
        total.add(stored)
        if stored.notifications + stored.failed < full:
            stop.wait(poll)
    return total


def _discard_dead_connections() -> None:
    """After a database error, test the pool's idle connections so that a PostgreSQL restart
    costs one retry, not one per pooled connection (each dead one would double the backoff)."""
    connection.close()
    pool = getattr(connection, "pool", None)  # None with DB_POOL off
    if pool is not None:
        pool.check()


@dataclass(frozen=True)
class Backlog:
    """The inbox as health and metrics see it."""

    pending: int
    oldest_seconds: float
    failed: int

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def backlog() -> Backlog:
    """Rows waiting to be stored, the age of the oldest, and rows set aside after failing."""
    limit = settings.WEBHOOK_INGEST_MAX_ATTEMPTS
    pending = WebhookInbox.objects.filter(attempts__lt=limit)
    oldest = pending.aggregate(oldest=Min("received_at"))["oldest"]
    age = 0.0 if oldest is None else max(0.0, (timezone.now() - oldest).total_seconds())
    return Backlog(
        pending=pending.count(),
        oldest_seconds=round(age, 1),
        failed=WebhookInbox.objects.filter(attempts__gte=limit).count(),
    )


def retry(row_ids: Sequence[int]) -> int:
    """Give set-aside rows their attempts back (admin): the ingester takes them again."""
    return WebhookInbox.objects.filter(pk__in=list(row_ids)).update(attempts=0, last_error="")
