"""Retention: conversation data is deleted when its time is up (messages 90 days, summaries 730).

The rules
- A message is deleted RETENTION_MESSAGES_DAYS (90) after its created_at. It is due when
  created_at <= now - 90 days: 89 days 23 hours old stays, 90 days old goes.
- A user's summary is deleted RETENTION_SUMMARIES_DAYS (730) after its last_interaction, by the
  same rule. A user who writes again moves last_interaction forward and keeps the summary.
- Before anything is deleted, every due summary is exported, scrubbed, as gzip JSON Lines (one
  row per line, every column; conversations.retention.exports), one file per run named by date,
  through the storage "retention_exports" (a local directory, RETENTION_EXPORT_DIR, or S3; see
  settings). The file is written, read back and checked (SHA-256, row count and ids). If the
  export fails, no message and no summary is deleted and the purge fails loudly. Which file holds
  which user is recorded with the file (ExportFileUser), for the erasure.
- A summary that changes after it was exported (its user came back during the run) is not deleted;
  the next run exports it again if it is still due. Every deleted summary is in a file as it was
  when it was deleted (its metadata scrubbed).
- A user's encrypted phone number (UserIdentity) goes when none of their messages is left and
  their last inbound message is due by the messages' rule (conversations.retention.leftovers).
- A notification still in the webhook inbox (one set aside after failing: it holds a raw phone
  number and message) goes by the messages' rule, from its received_at.
- Sessions are never deleted: they are metadata without content, and their message_count stays as
  history (as do the summaries' totals and the daily intent stats). Sessions that never had a
  message ("orphaned") are counted and reported, not deleted. Staff's private notes on a session
  (SessionNote: staff text, not the customer's) stay with it; a GDPR erasure deletes them.
- A row that points at a purged row with on_delete=SET_NULL (an order's source_message) keeps its
  row and loses the link. Any other kind of reference stops the purge before it deletes anything.

How it runs
- One purge at a time: a PostgreSQL session advisory lock. A second purge says so and does nothing.
- Rows go in batches of RETENTION_BATCH_SIZE, each batch its own short transaction. Ingestion never
  touches expired rows, so it never waits for the purge; the purge waits at most LOCK_WAIT for a row
  another transaction holds, then runs that batch again with FOR UPDATE SKIP LOCKED and leaves the
  row for the next run. An interrupted purge keeps what it committed; the next run continues.
- Every run is a PurgeRun row: running, then success or failed (with the reason). Its counters grow
  in the same transaction as each batch, so even a killed run tells what it deleted. A dry run is
  recorded as dry_run with the counts it would delete, and changes nothing else.
"""

import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import OperationalError, connection, models, transaction
from django.utils import timezone

from conversations import selectors
from conversations.models import (
    ConversationMessage,
    PurgeRun,
    UserInteractionSummary,
    WebhookInbox,
)
from conversations.retention import cold_storage, exports, leftovers

logger = logging.getLogger(__name__)

EXPORT_STORAGE = "retention_exports"
EXPORT_FILE_MODE = 0o640
LOCK_NOT_AVAILABLE = "55P03"  # SQLSTATE of lock_timeout
# Session advisory lock, two-key form ("tria", "purg" in ASCII): that key space never overlaps the
# single-key per-user locks of conversations.services.
LOCK_KEYS = (1953655137, 1886745191)


class RetentionError(Exception):
    """The purge could not do its work; nothing after the failing step was deleted."""


class ExportError(RetentionError):
    """The summaries' export could not be written or verified; nothing was deleted."""


@dataclasses.dataclass(frozen=True)
class Policy:
    messages_days: int
    summaries_days: int
    batch_size: int

    @classmethod
    def from_settings(
        cls,
        messages_days: int | None = None,
        summaries_days: int | None = None,
        batch_size: int | None = None,
    ) -> "Policy":
        """The settings' policy, with any value given here instead; every value must be >= 1."""
        policy = cls(
            messages_days=_given_or(messages_days, settings.RETENTION_MESSAGES_DAYS),
            summaries_days=_given_or(summaries_days, settings.RETENTION_SUMMARIES_DAYS),
            batch_size=_given_or(batch_size, settings.RETENTION_BATCH_SIZE),
        )
        for field in dataclasses.fields(policy):
            value = getattr(policy, field.name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise RetentionError(f"{field.name} must be a whole number >= 1, got {value!r}")
        return policy


def _given_or(value: int | None, default: int) -> int:
    return default if value is None else value


@dataclasses.dataclass
class PurgeResult:
    """What one purge did (or, for a dry run, would do); summary_line() is the operator's line."""

    dry_run: bool = False
    skipped: bool = False  # another purge held the lock
    messages: int = 0
    summaries: int = 0
    summaries_exported: int = 0
    inbox: int = 0
    identities: int = 0  # encrypted phone numbers with nothing left to reply to
    orphaned_sessions: int = 0
    export_file: str = ""
    export_sha256: str = ""
    seconds: float = 0.0
    run_id: int | None = None

    def summary_line(self) -> str:
        if self.skipped:
            return "purge skipped: another purge is running; nothing was done"
        verb = "would delete" if self.dry_run else "deleted"
        export = "none"
        if self.dry_run:
            export = "none (dry run)"
        elif self.export_file:
            export = (
                f"{self.export_file} ({self.summaries_exported} rows, "
                f"sha256 {self.export_sha256[:16]})"
            )
        return (
            f"purge{' (dry run)' if self.dry_run else ''}: {verb} "
            f"conversation_messages={self.messages} "
            f"user_interaction_summaries={self.summaries} "
            f"conversation_sessions=0 (never deleted; {self.orphaned_sessions} orphaned); "
            f"export: {export}; whatsapp_webhook_inbox={self.inbox};"
            f" user_identities={self.identities}; {self.seconds:.1f}s"
        )


@dataclasses.dataclass(frozen=True)
class Batch:
    picked: int  # rows the batch selected (0: nothing left)
    deleted: int
    last_key: Any  # where the next batch starts


# ------------------------------------------------------------------ the purge


def purge(
    *,
    dry_run: bool = False,
    messages_days: int | None = None,
    summaries_days: int | None = None,
    batch_size: int | None = None,
    export_dir: str | None = None,
) -> PurgeResult:
    """Delete what is past retention (see the module's rules); the command and the task call this.

    Raises RetentionError (ExportError when the export failed) after recording the failed run.
    """
    policy = Policy.from_settings(messages_days, summaries_days, batch_size)
    storage = _export_storage(export_dir)
    started = time.monotonic()
    with _purge_lock() as acquired:
        if not acquired:
            logger.info("retention purge skipped: another purge holds the lock")
            return PurgeResult(dry_run=dry_run, skipped=True)
        result = _run(policy, dry_run, storage, started)
    logger.info("retention %s", result.summary_line())
    return result


def _export_storage(export_dir: str | None) -> Storage:
    if export_dir:
        return FileSystemStorage(location=export_dir, file_permissions_mode=EXPORT_FILE_MODE)
    return storages[EXPORT_STORAGE]


@contextmanager
def _purge_lock() -> Iterator[bool]:
    """Hold the purge's advisory lock for the block; yields False when another purge holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", LOCK_KEYS)
        acquired = bool(cursor.fetchone()[0])
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", LOCK_KEYS)


def _run(policy: Policy, dry_run: bool, storage: Storage, started: float) -> PurgeResult:
    now = timezone.now()
    _close_interrupted_runs(now)
    outcome = PurgeRun.Outcome.DRY_RUN if dry_run else PurgeRun.Outcome.RUNNING
    run = PurgeRun.objects.create(outcome=outcome)
    result = PurgeResult(dry_run=dry_run, run_id=run.pk)
    try:
        if dry_run:
            _count_due(policy, now, result)
        else:
            _purge_due(policy, now, storage, run, result)
        result.orphaned_sessions = selectors.orphaned_sessions()
    except Exception as exc:
        result.seconds = time.monotonic() - started
        _finish(run, result, PurgeRun.Outcome.FAILED, error=_one_line(exc))
        if isinstance(exc, RetentionError):
            raise
        raise RetentionError(_one_line(exc)) from exc
    result.seconds = time.monotonic() - started
    _finish(run, result, PurgeRun.Outcome.DRY_RUN if dry_run else PurgeRun.Outcome.SUCCESS)
    return result


def _close_interrupted_runs(now: dt.datetime) -> None:
    """A run still 'running' while we hold the lock died mid-way (killed, machine lost)."""
    PurgeRun.objects.filter(outcome=PurgeRun.Outcome.RUNNING).update(
        outcome=PurgeRun.Outcome.FAILED,
        finished_at=now,
        error="interrupted: the process ended before the purge finished",
    )


def _finish(run: PurgeRun, result: PurgeResult, outcome: str, error: str = "") -> None:
    PurgeRun.objects.filter(pk=run.pk).update(
        outcome=outcome,
        finished_at=timezone.now(),
        messages_deleted=result.messages,
        summaries_deleted=result.summaries,
        inbox_deleted=result.inbox,
        orphaned_sessions=result.orphaned_sessions,
        export_file=result.export_file,
        error=error,
    )


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    reason = text[0] if text else type(exc).__name__
    if not isinstance(exc, RetentionError):
        reason = f"{type(exc).__name__}: {reason}"
    return reason[:500]


def _count_due(policy: Policy, now: dt.datetime, result: PurgeResult) -> None:
    result.messages = selectors.messages_past_retention(now, policy.messages_days)
    result.summaries = selectors.summaries_past_retention(now, policy.summaries_days)
    cutoff = selectors.message_retention_cutoff(now, policy.messages_days)
    result.inbox = WebhookInbox.objects.filter(received_at__lte=cutoff).count()


def _purge_due(
    policy: Policy, now: dt.datetime, storage: Storage, run: PurgeRun, result: PurgeResult
) -> None:
    """Export the due summaries, then delete due messages and the exported summaries in batches."""
    message_sql = _batch_sql(ConversationMessage, MESSAGES_DOOMED)  # checks references first
    summary_sql = _batch_sql(UserInteractionSummary, SUMMARIES_DOOMED)
    summary_cutoff = selectors.summary_retention_cutoff(now, policy.summaries_days)
    export = _export_due_summaries(summary_cutoff, storage, now, run.pk)
    if export is not None:
        result.export_file, result.export_sha256 = export.name, export.sha256
        result.summaries_exported = len(export.versions)
        with transaction.atomic():
            PurgeRun.objects.filter(pk=run.pk).update(export_file=export.name)
            exports.record_export_users(export.name, export.users)
    message_cutoff = selectors.message_retention_cutoff(now, policy.messages_days)
    for batch in _message_batches(message_sql, message_cutoff, policy.batch_size, run.pk):
        result.messages += batch.deleted
    result.inbox = _purge_inbox(message_cutoff)
    result.identities = leftovers.purge_identities(message_cutoff)
    if export is not None:
        for ids, versions in _chunks(export.versions, policy.batch_size):
            params = [ids, versions, summary_cutoff]
            result.summaries += _delete_batch(
                summary_sql, params, run.pk, "summaries_deleted"
            ).deleted


def _purge_inbox(cutoff: dt.datetime) -> int:
    """Delete inbox rows received at or before `cutoff` (none an ingester holds right now)."""
    with transaction.atomic():
        due = WebhookInbox.objects.filter(received_at__lte=cutoff)
        ids = list(due.select_for_update(skip_locked=True).values_list("id", flat=True))
        deleted, _ = WebhookInbox.objects.filter(id__in=ids).delete()
    return deleted


def _message_batches(
    sql: dict[bool, str], cutoff: dt.datetime, batch_size: int, run_id: int
) -> Iterator[Batch]:
    """Delete batch after batch in created_at order, each from where the last ended."""
    after: Any = "-infinity"
    while True:
        batch = _delete_batch(sql, [after, cutoff, batch_size], run_id, "messages_deleted")
        if not batch.picked:
            return
        yield batch
        after = batch.last_key


def _chunks(
    versions: dict[int, dt.datetime], size: int
) -> Iterator[tuple[list[int], list[dt.datetime]]]:
    ids = list(versions)
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        yield chunk, [versions[i] for i in chunk]


# ------------------------------------------------------------------ batched deletes
# A batch first runs without row locks (FOR UPDATE would write every row twice: twice the WAL
# and half the speed, bench/purge_bench.py). Nothing in ingestion touches expired rows, so a
# batch rarely meets a lock; when one waits LOCK_WAIT for a row another transaction holds, the
# batch is rolled back and run again with FOR UPDATE SKIP LOCKED, leaving that row for next time.

LOCK_WAIT = "200ms"
# Due messages in created_at order (conv_msg_created_idx), from where the last batch ended
# (keyset: no rescan of the dead index entries the previous batches left).
MESSAGES_DOOMED = (
    "SELECT t.id, t.created_at AS key FROM conversation_messages t"
    " WHERE t.created_at >= %s AND t.created_at <= %s ORDER BY t.created_at LIMIT %s"
)
# The exported summaries of one batch that are still due and unchanged since the export.
SUMMARIES_DOOMED = (
    "SELECT t.id, t.id AS key FROM user_interaction_summaries t"
    " JOIN unnest(%s::bigint[], %s::timestamptz[]) AS e(id, updated_at)"
    " ON e.id = t.id AND e.updated_at = t.updated_at WHERE t.last_interaction <= %s"
)


def _delete_batch(sql: dict[bool, str], params: list[Any], run_id: int, counter: str) -> Batch:
    """One batch in one short transaction, counted on the run; SKIP LOCKED if a row is held."""
    try:
        return _run_batch(sql[False], params, run_id, counter, lock_wait=LOCK_WAIT)
    except OperationalError as exc:
        if getattr(exc.__cause__, "sqlstate", None) != LOCK_NOT_AVAILABLE:
            raise
    logger.info("retention purge: a row is locked; this batch skips locked rows")
    return _run_batch(sql[True], params, run_id, counter, lock_wait=None)


def _run_batch(
    sql: str, params: list[Any], run_id: int, counter: str, lock_wait: str | None
) -> Batch:
    with transaction.atomic(), connection.cursor() as cursor:
        if lock_wait:
            cursor.execute("SELECT set_config('lock_timeout', %s, true)", [lock_wait])
        cursor.execute(sql, params)
        batch = Batch(*cursor.fetchone())
        if batch.deleted:
            cursor.execute(
                f"UPDATE purge_runs SET {counter} = {counter} + %s WHERE id = %s",  # noqa: S608
                [batch.deleted, run_id],
            )
    return batch


def _batch_sql(model: type[models.Model], doomed: str) -> dict[bool, str]:
    """{skip_locked: SQL} deleting the rows `doomed` selects (alias t: id, key), first unlinking
    the rows that refer to them (SET_NULL); returns (picked, deleted, last key)."""
    unlinks = "".join(
        f", unlink_{n} AS (UPDATE {_qn(ref_table)} SET {_qn(column)} = NULL"  # noqa: S608
        f" WHERE {_qn(column)} IN (SELECT id FROM doomed))"
        for n, (ref_table, column) in enumerate(_set_null_references(model))
    )
    table = _qn(model._meta.db_table)
    tail = (
        f"{unlinks}, gone AS (DELETE FROM {table} t USING doomed d WHERE t.id = d.id"  # noqa: S608
        " RETURNING t.id) SELECT (SELECT count(*) FROM doomed), (SELECT count(*) FROM gone),"
        " (SELECT max(key) FROM doomed)"
    )
    return {
        False: f"WITH doomed AS ({doomed}){tail}",
        True: f"WITH doomed AS ({doomed} FOR UPDATE OF t SKIP LOCKED){tail}",
    }


def _set_null_references(model: type[models.Model]) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to `model`; refuses any that is not SET_NULL on id."""
    references = []
    for rel in model._meta.related_objects:
        where = f"{rel.related_model._meta.label}.{rel.field.name}"
        if rel.on_delete is not models.SET_NULL or rel.field.target_field.column != "id":
            raise RetentionError(
                f"{where} refers to {model._meta.label} in a way the purge cannot follow"
                " (only on_delete=SET_NULL to its id); nothing was deleted"
            )
        references.append((rel.related_model._meta.db_table, rel.field.column))
    return references


def _qn(name: str) -> str:
    return connection.ops.quote_name(name)


# ------------------------------------------------------------------ the export


def _export_due_summaries(
    cutoff: dt.datetime, storage: Storage, now: dt.datetime, run_id: int
) -> exports.Export | None:
    """Every due summary, scrubbed, in one verified file (conversations.retention.exports)."""
    try:
        return exports.export_due_summaries(cutoff, storage, now, run_id)
    except cold_storage.ColdStorageError as exc:
        raise ExportError(f"export of user summaries: {exc}") from exc
