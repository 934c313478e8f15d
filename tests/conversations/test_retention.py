"""The retention purge (conversations.retention.purging): what goes when, the export, the lock,
resuming."""

import datetime as dt
import errno
import gzip
import json
import threading

import psycopg
import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.db import OperationalError, connection
from django_celery_beat.models import PeriodicTask

from conversations import selectors, services
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    PurgeRun,
    UserInteractionSummary,
    WebhookInbox,
)
from conversations.retention import exports, purging, tasks
from orders.models import Order
from tests.factories import MessageFactory, OutletFactory, SessionFactory, SummaryFactory
from tria import schedules
from tria.celery import app as celery_app

NOW = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


class FullDiskStorage(FileSystemStorage):
    """A storage whose disk is full: every write fails."""

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")


class TruncatingStorage(FileSystemStorage):
    """A storage that silently keeps only the first half of what it is given."""

    def _save(self, name, content):
        data = content.read()
        return super()._save(name, ContentFile(data[: len(data) // 2]))


@pytest.fixture(autouse=True)
def export_dir(settings, tmp_path):
    """Exports go to a fresh directory per test (through the real FileSystemStorage)."""
    settings.STORAGES = {
        **settings.STORAGES,
        purging.EXPORT_STORAGE: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "exports")},
        },
    }
    return tmp_path / "exports"


def use_export_backend(settings, backend: type, location) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        purging.EXPORT_STORAGE: {
            "BACKEND": f"{backend.__module__}.{backend.__qualname__}",
            "OPTIONS": {"location": str(location)},
        },
    }


def message_created(at: dt.datetime, **fields) -> ConversationMessage:
    with time_machine.travel(at, tick=False):
        return MessageFactory(**fields)


def purge_at(at: dt.datetime = NOW, **options) -> purging.PurgeResult:
    with time_machine.travel(at, tick=False):
        return purging.purge(**options)


def age_messages(days: int) -> None:
    """Backdate every message (test setup for the threaded tests, which avoid time travel)."""
    ConversationMessage.objects.update(created_at=dt.datetime.now(dt.UTC) - days * DAY)


def summary_row(summary: UserInteractionSummary) -> dict:
    row = UserInteractionSummary.objects.values(*exports.SUMMARY_FIELDS).get(pk=summary.pk)
    return {k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in row.items()}


# ------------------------------------------------------------------ what goes when


@pytest.mark.django_db
def test_messages_go_90_days_after_creation_and_not_an_hour_sooner():
    kept = message_created(NOW - 89 * DAY - dt.timedelta(hours=23))
    at_90_days = message_created(NOW - 90 * DAY)
    past_90_days = message_created(NOW - 90 * DAY - dt.timedelta(seconds=1))

    result = purge_at(NOW)

    remaining = set(ConversationMessage.objects.values_list("pk", flat=True))
    assert remaining == {kept.pk}
    assert {at_90_days.pk, past_90_days.pk}.isdisjoint(remaining)
    assert result.messages == 2


@pytest.mark.django_db
def test_a_set_aside_webhook_notification_goes_by_the_messages_rule():
    def set_aside() -> WebhookInbox:
        return WebhookInbox.objects.create(
            body='{"from": "6591234567"}', attempts=5, last_error="ValueError at x.py:1"
        )

    kept, due = set_aside(), set_aside()
    WebhookInbox.objects.filter(pk=kept.pk).update(received_at=NOW - 89 * DAY)
    WebhookInbox.objects.filter(pk=due.pk).update(received_at=NOW - 90 * DAY)

    assert purge_at(NOW, dry_run=True).inbox == 1
    assert WebhookInbox.objects.count() == 2  # a dry run deletes nothing
    result = purge_at(NOW)

    assert list(WebhookInbox.objects.values_list("pk", flat=True)) == [kept.pk]
    assert "whatsapp_webhook_inbox=1;" in result.summary_line()
    assert PurgeRun.objects.get(pk=result.run_id).inbox_deleted == 1


@pytest.mark.django_db
def test_summaries_go_730_days_after_the_last_interaction():
    active = SummaryFactory(last_interaction=NOW - 729 * DAY)
    SummaryFactory(last_interaction=NOW - 730 * DAY)
    SummaryFactory(last_interaction=NOW - 731 * DAY)

    result = purge_at(NOW)

    assert list(UserInteractionSummary.objects.values_list("pk", flat=True)) == [active.pk]
    assert result.summaries == 2


@pytest.mark.django_db
def test_sessions_are_never_deleted_and_keep_their_message_count():
    with time_machine.travel(NOW - 200 * DAY, tick=False):
        session = services.open_session(user_id="u" * 64)
        for text in ("Hi, 400 pizza boxes please", "and 200 cups", "thanks"):
            services.record_message(session=session, role="user", content=text)
        empty = SessionFactory()

    result = purge_at(NOW)

    assert not ConversationMessage.objects.filter(session=session).exists()
    session.refresh_from_db()
    assert session.message_count == 3
    assert ConversationSession.objects.filter(pk=empty.pk).exists()
    assert result.orphaned_sessions == 1
    assert "(never deleted; 1 orphaned)" in result.summary_line()


@pytest.mark.django_db
def test_an_order_keeps_its_row_when_the_message_that_placed_it_is_purged():
    message = message_created(NOW - 100 * DAY)
    order = Order.objects.create(
        number="SO-0001", outlet=OutletFactory(), session=message.session, source_message=message
    )

    purge_at(NOW)

    order.refresh_from_db()
    assert order.source_message is None
    assert order.session_id == message.session_id


# ------------------------------------------------------------------ the export


@pytest.mark.django_db
def test_the_export_holds_exactly_the_deleted_summaries_as_they_were():
    outlet = OutletFactory()
    due = [
        SummaryFactory(
            last_interaction=NOW - 800 * DAY,
            outlet=outlet,
            total_conversations=12,
            total_messages=80,
            common_intents={"order_placement": 9, "greeting": 3},
            preferred_language="zh",
            avg_satisfaction=4.5,
            satisfaction_count=2,
            metadata={"tier": "gold"},
        ),
        SummaryFactory(last_interaction=NOW - 731 * DAY),
    ]
    SummaryFactory(last_interaction=NOW - 10 * DAY)
    expected = [summary_row(s) for s in sorted(due, key=lambda s: s.pk)]

    result = purge_at(NOW)

    rows = exports.read_export(storages[purging.EXPORT_STORAGE], result.export_file)
    assert rows == expected
    assert result.export_file == f"user_summaries_2026-11-24_run{result.run_id}.jsonl.gz"
    assert not UserInteractionSummary.objects.filter(pk__in=[s.pk for s in due]).exists()
    assert PurgeRun.objects.get(pk=result.run_id).export_file == result.export_file


@pytest.mark.django_db
def test_the_export_file_is_gzip_json_lines_one_summary_per_line(export_dir):
    SummaryFactory.create_batch(3, last_interaction=NOW - 900 * DAY)

    result = purge_at(NOW)

    with gzip.open(export_dir / result.export_file, "rt") as lines:
        parsed = [json.loads(line) for line in lines]
    assert len(parsed) == 3
    assert {"user_id", "last_interaction", "common_intents"} <= set(parsed[0])


@pytest.mark.django_db
def test_a_run_with_nothing_to_export_writes_no_file(export_dir):
    message_created(NOW - 95 * DAY)

    result = purge_at(NOW)

    assert result.messages == 1
    assert result.export_file == ""
    assert not export_dir.exists() or not any(export_dir.iterdir())


@pytest.mark.django_db
def test_an_export_that_cannot_be_written_deletes_nothing(settings, tmp_path):
    use_export_backend(settings, FullDiskStorage, tmp_path)
    message_created(NOW - 95 * DAY)
    SummaryFactory(last_interaction=NOW - 800 * DAY)

    with pytest.raises(purging.ExportError, match="No space left on device"):
        purge_at(NOW)

    assert ConversationMessage.objects.count() == 1
    assert UserInteractionSummary.objects.count() == 1
    run = PurgeRun.objects.get()
    assert run.outcome == PurgeRun.Outcome.FAILED
    assert "No space left on device" in run.error
    assert (run.messages_deleted, run.summaries_deleted) == (0, 0)


@pytest.mark.django_db
def test_an_export_that_reads_back_different_deletes_nothing_and_is_removed(settings, tmp_path):
    use_export_backend(settings, TruncatingStorage, tmp_path)
    message_created(NOW - 95 * DAY)
    SummaryFactory.create_batch(50, last_interaction=NOW - 800 * DAY)

    with pytest.raises(purging.ExportError, match="failed its check: its SHA-256 differs"):
        purge_at(NOW)

    assert ConversationMessage.objects.count() == 1
    assert UserInteractionSummary.objects.count() == 50
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_a_summary_whose_user_comes_back_during_the_purge_is_kept(monkeypatch):
    returning = SummaryFactory(last_interaction=NOW - 800 * DAY)
    SummaryFactory(last_interaction=NOW - 800 * DAY)
    real_export = purging._export_due_summaries

    def export_then_user_writes(*args):
        export = real_export(*args)
        services.open_session(user_id=returning.user_id)  # a new interaction, now
        return export

    monkeypatch.setattr(purging, "_export_due_summaries", export_then_user_writes)
    result = purge_at(NOW)

    assert list(UserInteractionSummary.objects.values_list("pk", flat=True)) == [returning.pk]
    assert (result.summaries_exported, result.summaries) == (2, 1)


# ------------------------------------------------------------------ one at a time, resuming


@pytest.mark.django_db
def test_a_purge_while_another_holds_the_lock_does_nothing_and_says_so():
    message_created(NOW - 95 * DAY)
    other = psycopg.connect(
        dbname=connection.settings_dict["NAME"], host="127.0.0.1", user="postgres"
    )
    try:
        other.execute("SELECT pg_advisory_lock(%s, %s)", purging.LOCK_KEYS)
        result = purge_at(NOW)
    finally:
        other.close()

    assert result.skipped
    assert result.summary_line() == "purge skipped: another purge is running; nothing was done"
    assert ConversationMessage.objects.count() == 1
    assert not PurgeRun.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_purges_at_once_one_deletes_the_other_stands_aside(monkeypatch):
    MessageFactory.create_batch(6)
    age_messages(days=100)
    first_batch_done, release = threading.Event(), threading.Event()
    real_batch = purging._delete_batch

    def pause_after_first_batch(*args):
        deleted = real_batch(*args)
        if threading.current_thread().name == "first-purge" and not first_batch_done.is_set():
            first_batch_done.set()
            release.wait(timeout=60)
        return deleted

    monkeypatch.setattr(purging, "_delete_batch", pause_after_first_batch)
    results: dict[str, purging.PurgeResult] = {}

    def first_purge() -> None:
        try:
            results["first"] = purging.purge(batch_size=2)
        finally:
            connection.close()

    thread = threading.Thread(target=first_purge, name="first-purge")
    thread.start()
    assert first_batch_done.wait(timeout=60)
    second = purging.purge(batch_size=2)
    release.set()
    thread.join(timeout=60)

    assert second.skipped
    assert results["first"].messages == 6
    assert not ConversationMessage.objects.exists()
    assert PurgeRun.objects.get().outcome == PurgeRun.Outcome.SUCCESS


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_purge_keeps_what_it_committed_and_the_next_run_finishes(monkeypatch):
    MessageFactory.create_batch(5)
    age_messages(days=100)
    recent = MessageFactory()
    calls = 0
    real_batch = purging._delete_batch

    def fail_on_second_batch(*args):
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OperationalError("server closed the connection unexpectedly")
        return real_batch(*args)

    monkeypatch.setattr(purging, "_delete_batch", fail_on_second_batch)
    with pytest.raises(purging.RetentionError, match="server closed the connection"):
        purging.purge(batch_size=2)

    assert ConversationMessage.objects.count() == 4  # the first batch of 2 is gone for good
    failed = PurgeRun.objects.get()
    assert (failed.outcome, failed.messages_deleted) == (PurgeRun.Outcome.FAILED, 2)
    assert "server closed the connection" in failed.error

    monkeypatch.undo()
    result = purging.purge(batch_size=2)

    assert result.messages == 3
    assert list(ConversationMessage.objects.values_list("pk", flat=True)) == [recent.pk]
    assert PurgeRun.objects.order_by("id").last().outcome == PurgeRun.Outcome.SUCCESS


@pytest.mark.django_db(transaction=True)
def test_a_message_another_transaction_holds_is_left_for_next_time_not_waited_for():
    MessageFactory.create_batch(4)
    age_messages(days=100)
    held = ConversationMessage.objects.order_by("id")[1]
    other = psycopg.connect(
        dbname=connection.settings_dict["NAME"], host="127.0.0.1", user="postgres"
    )
    try:
        other.execute("SELECT id FROM conversation_messages WHERE id = %s FOR UPDATE", [held.pk])
        result = purging.purge(batch_size=2)
    finally:
        other.close()

    assert result.messages == 3
    assert list(ConversationMessage.objects.values_list("pk", flat=True)) == [held.pk]
    assert purging.purge().messages == 1


@pytest.mark.django_db
def test_a_run_left_running_by_a_killed_process_is_marked_failed_by_the_next_one():
    killed = PurgeRun.objects.create(outcome=PurgeRun.Outcome.RUNNING, messages_deleted=5000)

    purge_at(NOW)

    killed.refresh_from_db()
    assert killed.outcome == PurgeRun.Outcome.FAILED
    assert killed.error.startswith("interrupted")
    assert killed.messages_deleted == 5000


# ------------------------------------------------------------------ dry run, health, policy


@pytest.mark.django_db
def test_dry_run_changes_nothing_and_reports_counts_per_table(export_dir):
    message_created(NOW - 95 * DAY)
    message_created(NOW - 91 * DAY)
    message_created(NOW - 1 * DAY)
    SummaryFactory(last_interaction=NOW - 800 * DAY)
    SessionFactory()

    result = purge_at(NOW, dry_run=True)

    assert (result.messages, result.summaries, result.orphaned_sessions) == (2, 1, 1)
    assert result.summary_line().startswith(
        "purge (dry run): would delete conversation_messages=2 user_interaction_summaries=1 "
        "conversation_sessions=0 (never deleted; 1 orphaned); export: none (dry run);"
    )
    assert ConversationMessage.objects.count() == 3
    assert UserInteractionSummary.objects.count() == 1
    assert not export_dir.exists() or not any(export_dir.iterdir())
    assert PurgeRun.objects.get().outcome == PurgeRun.Outcome.DRY_RUN
    assert selectors.last_purge() is None


@pytest.mark.django_db
def test_retention_health_reads_zero_after_a_purge():
    message_created(NOW - 95 * DAY)
    message_created(NOW - 92 * DAY)
    SummaryFactory(last_interaction=NOW - 800 * DAY)
    with time_machine.travel(NOW, tick=False):
        before = (selectors.messages_past_retention(), selectors.summaries_past_retention())
        purging.purge()
        after = (selectors.messages_past_retention(), selectors.summaries_past_retention())

    assert (before, after) == ((2, 1), (0, 0))
    last = selectors.last_purge()
    assert (last.outcome, last.messages_deleted, last.summaries_deleted) == ("success", 2, 1)
    assert last.started_at == NOW


@pytest.mark.django_db
def test_the_policy_comes_from_the_settings(settings):
    settings.RETENTION_MESSAGES_DAYS = 30
    message_created(NOW - 31 * DAY)

    assert purge_at(NOW).messages == 1


@pytest.mark.django_db
def test_a_policy_below_one_day_is_refused_before_anything_happens():
    message_created(NOW - 95 * DAY)

    with pytest.raises(purging.RetentionError, match="messages_days must be a whole number >= 1"):
        purge_at(NOW, messages_days=0)

    assert ConversationMessage.objects.count() == 1
    assert not PurgeRun.objects.exists()


@pytest.mark.django_db
def test_the_celery_task_runs_the_same_purge():
    MessageFactory.create_batch(2)
    age_messages(days=100)

    line = tasks.purge_expired_conversations.delay().get()

    assert not ConversationMessage.objects.exists()
    assert "deleted conversation_messages=2" in line
    assert selectors.last_purge().outcome == PurgeRun.Outcome.SUCCESS


# ------------------------------------------------------------------ the beat schedule


@pytest.mark.django_db
def test_the_beat_schedules_exist_after_migrate():
    purge = PeriodicTask.objects.get(name=schedules.PURGE_SCHEDULE)
    scrub = PeriodicTask.objects.get(name=schedules.SCRUB_SCHEDULE)

    assert purge.enabled and scrub.enabled
    assert purge.task == "conversations.retention.tasks.purge_expired_conversations"
    assert (purge.crontab.minute, purge.crontab.hour, str(purge.crontab.timezone)) == (
        "0",
        "3",
        "Asia/Singapore",
    )
    assert scrub.task == "conversations.privacy.tasks.scrub_pending_pii"
    assert (scrub.interval.every, scrub.interval.period) == (15, "minutes")
    celery_app.loader.import_default_modules()
    assert {purge.task, scrub.task} <= set(celery_app.tasks)


@pytest.mark.django_db
def test_ensure_schedules_is_idempotent_follows_settings_and_keeps_a_pause(settings):
    PeriodicTask.objects.filter(name=schedules.PURGE_SCHEDULE).update(enabled=False)
    settings.RETENTION_PURGE_HOUR = 4

    schedules.ensure_schedules()
    schedules.ensure_schedules()

    purge = PeriodicTask.objects.get(name=schedules.PURGE_SCHEDULE)
    assert PeriodicTask.objects.filter(name=schedules.SCRUB_SCHEDULE).count() == 1
    assert purge.crontab.hour == "4"
    assert purge.enabled is False
