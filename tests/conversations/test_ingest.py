"""The webhook inbox and its ingester: the POST only commits the notification; `ingest_webhooks`
(conversations.whatsapp.ingest) stores it in batches, exactly once, and never loses one.

The suite stores inline (WHATSAPP_INGEST_INLINE=1); these tests switch it off to queue, then drain
as the ingester, the beat task or the command would. Tests that use threads or a second process
use `transactional_db`, so every transaction commits for real, as in production.
"""

import datetime as dt
import io
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection, connections
from django.db.models import Sum
from django.test import Client
from django_celery_beat.models import PeriodicTask

from conversations import services
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    UserIdentity,
    UserInteractionSummary,
    WebhookInbox,
)
from conversations.whatsapp import identity, ingest, tasks
from tests.conversations.whatsapp_support import FIXTURE_TIME, post, queued_tasks, text_payload
from tests.factories import OutletContactFactory
from tria import schedules
from tria.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent.parent
PROCESS = "conversations.tasks.process_inbound_messages"
MINUTE = 60
QUEUED = {"queued": 1}
WAIT_SECONDS = 20.0  # a guard against hanging, never an assertion about speed


@pytest.fixture
def queue_mode(settings) -> None:
    """The webhook only commits to the inbox, as in production next to an ingester."""
    settings.WHATSAPP_INGEST_INLINE = False


@pytest.fixture
def broker(redis_client) -> Callable[[], list[tuple[str, tuple]]]:
    """Tasks go to the real Redis broker instead of running, so the test sees what was queued."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield lambda: queued_tasks(redis_client)
    celery_app.conf.task_always_eager = previous


def _drain_command(*args: str) -> str:
    out = io.StringIO()
    call_command("ingest_webhooks", "--once", *args, stdout=out)
    return out.getvalue()


def _queue(client: Client, payload: dict[str, Any]) -> None:
    response = post(client, payload)
    assert (response.status_code, response.json()) == (200, QUEUED)


def _wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.02)


def _user(wa_id: str) -> str:
    return identity.pseudonymize_phone(wa_id)


# ------------------------------------------------------------------ queue, then drain


@pytest.mark.django_db
def test_a_queued_notification_waits_in_the_inbox_until_the_ingester_stores_it(
    client, queue_mode, broker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as on_commit:
        response = post(client, text_payload("400 boxes for 10 inch pizzas", wa_id="6591230001"))

    assert (response.status_code, response.json()) == (200, QUEUED)
    assert WebhookInbox.objects.count() == 1
    assert not ConversationMessage.objects.exists()
    assert (on_commit, broker()) == ([], [])

    with django_capture_on_commit_callbacks(execute=True):
        output = _drain_command()

    message = ConversationMessage.objects.select_related("session").get()
    assert message.content == "400 boxes for 10 inch pizzas"
    assert message.session.message_count == 1
    assert message.session.user_id == _user("6591230001")
    assert UserInteractionSummary.objects.get(user_id=_user("6591230001")).total_messages == 1
    assert not WebhookInbox.objects.exists()
    assert "1 messages" in output
    assert broker() == [(PROCESS, ([message.pk],))]


@pytest.mark.django_db
@pytest.mark.parametrize("batch", [[], ["--batch", "1"]], ids=["one-batch", "two-batches"])
def test_a_notification_delivered_twice_is_stored_once_and_reported_as_a_duplicate(
    client, queue_mode, batch
):
    payload = text_payload("400 boxes please", wa_message_id="wamid.twice")
    _queue(client, payload)
    _queue(client, payload)

    output = _drain_command(*batch)

    assert ConversationMessage.objects.get().wa_message_id == "wamid.twice"
    assert ConversationSession.objects.get().message_count == 1
    assert UserInteractionSummary.objects.get().total_messages == 1
    assert "1 messages, 1 duplicates" in output
    assert not WebhookInbox.objects.exists()


# ------------------------------------------------------------------ a batch == one by one

A, B, C, D, E = "6591230001", "6591230002", "6591230003", "6591230004", "6591230005"
SGT_2350 = FIXTURE_TIME + (13 * 60 + 50) * MINUTE  # 23:50 in Singapore, the same day


def _before() -> list[dict[str, Any]]:
    """What C and D said earlier: C 10 minutes before the batch, D an hour before it."""
    return [
        text_payload("hello again", at=FIXTURE_TIME - 10 * MINUTE, wa_id=C, wa_message_id="w.c0"),
        text_payload("morning", at=FIXTURE_TIME - 60 * MINUTE, wa_id=D, wa_message_id="w.d0"),
    ]


def _batch() -> list[dict[str, Any]]:
    """Many users; B twice 38 minutes apart, E twice 35 minutes apart across local midnight;
    C joins its open session; D's session went idle, so D starts a new one."""
    at = FIXTURE_TIME
    return [
        text_payload("400 boxes", at=at, wa_id=A, wa_message_id="w.a1"),
        text_payload("10 inch", at=at + 1 * MINUTE, wa_id=A, wa_message_id="w.a2"),
        text_payload("hi", at=at + 2 * MINUTE, wa_id=B, wa_message_id="w.b1"),
        text_payload("and 200 cups", at=at + 3 * MINUTE, wa_id=C, wa_message_id="w.c1"),
        text_payload("new order", at=at + 4 * MINUTE, wa_id=D, wa_message_id="w.d1"),
        text_payload("still there?", at=at + 40 * MINUTE, wa_id=B, wa_message_id="w.b2"),
        text_payload("late one", at=SGT_2350, wa_id=E, wa_message_id="w.e1"),
        text_payload("after midnight", at=SGT_2350 + 35 * MINUTE, wa_id=E, wa_message_id="w.e2"),
    ]


def _outcome() -> dict[str, list]:
    """Everything a user or the dashboard sees of the stored messages, without generated ids."""
    sessions = ConversationSession.objects.all()
    starts = {s.session_id: (s.user_id, s.start_time) for s in sessions}
    return {
        "sessions": sorted(
            (s.user_id, s.start_time, s.end_time, s.last_activity_at, s.message_count, s.outlet_id)
            for s in sessions
        ),
        "messages": sorted(
            (m.wa_message_id, starts[m.session_id], m.role, m.content, m.timestamp)
            for m in ConversationMessage.objects.all()
        ),
        "summaries": sorted(
            (
                u.user_id,
                u.total_conversations,
                u.total_messages,
                u.first_interaction,
                u.last_interaction,
                u.outlet_id,
            )
            for u in UserInteractionSummary.objects.all()
        ),
        "day_stats": sorted(
            DailyIntentStat.objects.values_list("day", "role", "intent")
            .annotate(n=Sum("message_count"))
            .order_by()
        ),
        "identities": sorted(UserIdentity.objects.values_list("user_id", "last_inbound_at")),
    }


def _forget_everything() -> None:
    for model in (ConversationSession, UserInteractionSummary, DailyIntentStat, UserIdentity):
        model.objects.all().delete()


@pytest.mark.django_db
def test_one_batch_of_many_users_stores_exactly_what_posting_one_by_one_stores(client, settings):
    contact = OutletContactFactory(phone=f"+{A}")  # A's new sessions take A's outlet
    for payload in _before():
        assert post(client, payload).json()["messages"] == 1
    settings.WHATSAPP_INGEST_INLINE = False
    for payload in _batch():
        _queue(client, payload)
    assert ingest.drain() == ingest.IngestResult(notifications=8, messages=8)  # one batch
    batched = _outcome()

    _forget_everything()
    settings.WHATSAPP_INGEST_INLINE = True
    for payload in _before() + _batch():
        assert post(client, payload).json()["messages"] == 1
    one_by_one = _outcome()

    for key in batched:
        assert batched[key] == one_by_one[key], key
    sessions = {(s[0], s[1]): s for s in batched["sessions"]}
    assert len(sessions) == 8  # A 1, B 2, C 1, D 2, E 2
    d_before = sessions[(_user(D), dt.datetime.fromtimestamp(FIXTURE_TIME - 60 * MINUTE, dt.UTC))]
    assert d_before[2] == d_before[3]  # closed at its last activity
    c_session = sessions[(_user(C), dt.datetime.fromtimestamp(FIXTURE_TIME - 10 * MINUTE, dt.UTC))]
    assert (c_session[2], c_session[4]) == (None, 2)
    a_session = sessions[(_user(A), dt.datetime.fromtimestamp(FIXTURE_TIME, dt.UTC))]
    assert a_session[5] == contact.outlet_id
    totals = {s[0]: (s[1], s[2]) for s in batched["summaries"]}
    assert totals == {
        _user(A): (1, 2),
        _user(B): (2, 2),
        _user(C): (1, 2),
        _user(D): (2, 2),
        _user(E): (2, 2),
    }
    assert [(day.isoformat(), n) for day, _, _, n in batched["day_stats"]] == [
        ("2026-01-01", 9),
        ("2026-01-02", 1),
    ]


# ------------------------------------------------------------------ failures


@pytest.mark.django_db
def test_a_notification_that_is_not_json_is_set_aside_without_holding_back_the_others(
    client, queue_mode, caplog
):
    _queue(client, text_payload("first", wa_id=A, wa_message_id="w.first"))
    bad = WebhookInbox.objects.create(body='{"from": "6591230009", "text": "Mei Ling: 300 cups')
    _queue(client, text_payload("second", wa_id=B, wa_message_id="w.second"))

    result = ingest.drain()

    assert (result.messages, result.failed) == (2, 1)
    assert sorted(ConversationMessage.objects.values_list("wa_message_id", flat=True)) == [
        "w.first",
        "w.second",
    ]
    bad.refresh_from_db()
    assert bad.attempts == 1
    assert bad.last_error.startswith("JSONDecodeError")
    assert "Mei Ling" not in bad.last_error and "6591230009" not in bad.last_error
    assert "JSONDecodeError" in caplog.text  # the failure is logged, by class only
    assert "Mei Ling" not in caplog.text and "6591230009" not in caplog.text
    assert ingest.backlog().pending == 1

    for _ in range(django_settings.WEBHOOK_INGEST_MAX_ATTEMPTS - 1):
        assert ingest.drain().failed == 1
    assert ingest.drain() == ingest.IngestResult()  # set aside: no longer taken

    bad.refresh_from_db()
    assert bad.attempts == django_settings.WEBHOOK_INGEST_MAX_ATTEMPTS
    assert (ingest.backlog().pending, ingest.backlog().failed) == (0, 1)

    assert ingest.retry([bad.pk]) == 1
    bad.refresh_from_db()
    assert (bad.attempts, bad.last_error) == (0, "")
    assert (ingest.backlog().pending, ingest.backlog().failed) == (1, 0)


@pytest.mark.django_db
def test_a_batch_that_fails_half_way_is_rolled_back_and_then_stored_one_by_one(
    client, queue_mode, broker, monkeypatch, django_capture_on_commit_callbacks
):
    for n, wa_id in enumerate([A, A, B]):
        _queue(client, text_payload(f"line {n}", at=FIXTURE_TIME + n, wa_id=wa_id))
    real = services.record_inbound_messages
    # Each call: (messages in it, messages already stored, inbox rows still waiting).
    calls: list[tuple[int, int, int]] = []

    def fails_after_storing_the_first_batch(items):
        calls.append(
            (len(items), ConversationMessage.objects.count(), WebhookInbox.objects.count())
        )
        stored = real(items)
        if len(calls) == 1:
            raise RuntimeError("injected: the connection dropped after the batch was written")
        return stored

    monkeypatch.setattr(services, "record_inbound_messages", fails_after_storing_the_first_batch)
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest.drain()

    # The retry of the first row sees no message of the failed batch and the two other rows
    # still in the inbox (its own row is claimed by its transaction).
    assert calls == [(3, 0, 0), (1, 0, 2), (1, 1, 1), (1, 2, 0)]
    assert (result.notifications, result.messages, result.failed) == (3, 3, 0)
    assert not WebhookInbox.objects.exists()
    sessions = {s.user_id: s.message_count for s in ConversationSession.objects.all()}
    assert sessions == {_user(A): 2, _user(B): 1}
    assert sum(UserInteractionSummary.objects.values_list("total_messages", flat=True)) == 3
    assert DailyIntentStat.objects.aggregate(n=Sum("message_count"))["n"] == 3
    stored = sorted(ConversationMessage.objects.values_list("pk", flat=True))
    queued = sorted(pk for _, (ids,) in broker() for pk in ids)
    assert queued == stored  # the rolled-back batch queued none


# ------------------------------------------------------------------ concurrency


@pytest.mark.django_db(transaction=True)
def test_two_drains_racing_on_the_same_rows_store_every_message_once(queue_mode, broker):
    client = Client()
    users = [A, B, C, D]
    for n in range(40):
        _queue(client, text_payload(f"line {n}", at=FIXTURE_TIME + n, wa_id=users[n % 4]))
    ids = list(WebhookInbox.objects.values_list("pk", flat=True))
    barrier = threading.Barrier(2)
    results: list[ingest.IngestResult] = []
    errors: list[BaseException] = []

    def drain() -> None:
        try:
            barrier.wait()
            results.append(ingest.drain(ids=ids))
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=drain) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(r.notifications for r in results) == 40
    assert sum(r.messages for r in results) == 40
    assert sum(r.duplicates + r.failed for r in results) == 0
    assert ConversationMessage.objects.count() == 40
    assert not WebhookInbox.objects.exists()
    sessions = {s.user_id: s.message_count for s in ConversationSession.objects.all()}
    assert sessions == {_user(u): 10 for u in users}
    summaries = UserInteractionSummary.objects.values_list("total_messages", flat=True)
    assert sorted(summaries) == [10] * 4
    stored = sorted(ConversationMessage.objects.values_list("pk", flat=True))
    assert sorted(pk for _, (ids,) in broker() for pk in ids) == stored


@pytest.mark.django_db(transaction=True)
def test_two_ingesters_taking_the_oldest_rows_at_once_store_every_message_once(queue_mode, broker):
    """What lets several `ingest_webhooks` run: each claims its own oldest rows (SKIP LOCKED)."""
    client = Client()
    users = [A, B, C, D]
    for n in range(60):
        _queue(client, text_payload(f"tray {n}", at=FIXTURE_TIME + n, wa_id=users[n % 4]))
    barrier = threading.Barrier(2)
    results: list[ingest.IngestResult] = []
    errors: list[BaseException] = []

    def ingester() -> None:
        try:
            barrier.wait()
            while (stored := ingest.drain(limit=7)).notifications:
                results.append(stored)
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ingester) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(r.messages for r in results) == 60
    assert sum(r.duplicates + r.failed for r in results) == 0
    assert not WebhookInbox.objects.exists()
    contents = ConversationMessage.objects.values_list("content", flat=True)
    assert sorted(contents) == sorted(f"tray {n}" for n in range(60))
    sessions = {s.user_id: s.message_count for s in ConversationSession.objects.all()}
    assert sessions == {_user(u): 15 for u in users}
    stored = sorted(ConversationMessage.objects.values_list("pk", flat=True))
    assert sorted(pk for _, (ids,) in broker() for pk in ids) == stored


# ------------------------------------------------------------------ beat, loop, command


@pytest.mark.django_db
def test_the_beat_task_leaves_a_fresh_notification_and_stores_it_once_it_is_stale(
    client, queue_mode
):
    _queue(client, text_payload("waiting for the ingester", wa_message_id="w.waiting"))
    received_at = WebhookInbox.objects.get().received_at
    stale = dt.timedelta(seconds=django_settings.WEBHOOK_INBOX_STALE_SECONDS)

    with time_machine.travel(received_at + stale - dt.timedelta(seconds=1), tick=False):
        assert tasks.drain_webhook_inbox.delay().get()["messages"] == 0
    assert WebhookInbox.objects.exists()
    assert not ConversationMessage.objects.exists()

    with time_machine.travel(received_at + stale + dt.timedelta(seconds=1), tick=False):
        assert tasks.drain_webhook_inbox.delay().get()["messages"] == 1
    assert ConversationMessage.objects.get().wa_message_id == "w.waiting"
    assert not WebhookInbox.objects.exists()


@pytest.mark.django_db
def test_the_beat_task_stores_the_stale_notification_and_leaves_the_fresh_one_to_the_ingester(
    client, queue_mode
):
    _queue(client, text_payload("waited too long", wa_message_id="w.stale"))
    stale_at = WebhookInbox.objects.get().received_at
    _queue(client, text_payload("just arrived", wa_message_id="w.fresh"))
    WebhookInbox.objects.filter(body__contains="w.fresh").update(
        received_at=stale_at + dt.timedelta(seconds=20)
    )
    stale = dt.timedelta(seconds=django_settings.WEBHOOK_INBOX_STALE_SECONDS)

    with time_machine.travel(stale_at + stale + dt.timedelta(seconds=1), tick=False):
        result = tasks.drain_webhook_inbox.delay().get()

    assert result["messages"] == 1
    assert ConversationMessage.objects.get().wa_message_id == "w.stale"
    assert "w.fresh" in WebhookInbox.objects.get().body  # it waits for the ingester


@pytest.mark.django_db(transaction=True)
def test_the_running_ingester_stores_a_notification_posted_after_it_started_and_stops_when_told(
    queue_mode, broker
):
    stop = threading.Event()
    outcome: dict[str, Any] = {}

    def ingester() -> None:
        try:
            outcome["result"] = ingest.run(stop, poll_seconds=0.01)
        except BaseException as exc:  # reported by the test, not lost in the thread
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=ingester)
    thread.start()
    try:
        _queue(Client(), text_payload("posted while it runs", wa_message_id="w.live"))
        _wait_until(ConversationMessage.objects.filter(wa_message_id="w.live").exists)
    finally:
        stop.set()
        thread.join(WAIT_SECONDS)

    assert not thread.is_alive()
    assert "error" not in outcome
    assert (outcome["result"].notifications, outcome["result"].messages) == (1, 1)
    assert not WebhookInbox.objects.exists()


@pytest.mark.django_db(transaction=True)  # run() recycles its connection between batches
def test_the_running_ingester_waits_out_a_database_outage_and_then_stores(
    queue_mode, broker, monkeypatch, caplog
):
    _queue(Client(), text_payload("sent during the outage", wa_message_id="w.outage"))
    real_drain = ingest.drain
    calls: list[int] = []
    stop = threading.Event()

    def drain_after_an_outage(**kwargs: Any) -> ingest.IngestResult:
        calls.append(1)
        if len(calls) == 1:  # injected: PostgreSQL restarting
            raise OperationalError("the database system is shutting down")
        result = real_drain(**kwargs)
        stop.set()
        return result

    monkeypatch.setattr(ingest, "drain", drain_after_an_outage)
    result = ingest.run(stop, poll_seconds=0.01)

    assert len(calls) == 2 and result.messages == 1
    assert ConversationMessage.objects.get().wa_message_id == "w.outage"
    assert "database error (OperationalError)" in caplog.text
    assert "shutting down" not in caplog.text  # the class only, never the server's words


@pytest.mark.parametrize("option", ["--batch", "--poll"])
def test_a_batch_or_poll_of_zero_is_refused_naming_the_option(option):
    with pytest.raises(CommandError, match=option):
        call_command("ingest_webhooks", option, "0")


@pytest.mark.django_db
def test_the_ingester_process_exits_cleanly_on_sigterm():
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    process = subprocess.Popen(
        [sys.executable, "manage.py", "ingest_webhooks", "--poll", "0.05"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},  # the test database, never the dev one
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first_line = process.stdout.readline()
        assert "running" in first_line, process.stderr.read()
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=WAIT_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()

    assert process.returncode == 0, err
    assert out.startswith("webhook inbox: 0 notifications")


@pytest.mark.django_db(transaction=True)
def test_the_drain_runs_each_new_message_s_processing_once_after_it_commits(queue_mode):
    client = Client()
    payload = text_payload("Hi, we need 400 boxes for 10 inch pizzas", wa_message_id="w.once")
    _queue(client, payload)
    assert not ConversationMessage.objects.exists()

    _drain_command()
    _queue(client, payload)  # Meta delivers it again: stored once, processed once
    _drain_command()

    message = ConversationMessage.objects.get(role="user")
    assert message.processed_at is not None
    replies = ConversationMessage.objects.filter(role="assistant")
    assert [r.session_id for r in replies] == [message.session_id]


@pytest.mark.django_db
def test_the_inbox_safety_net_is_scheduled_every_minute():
    row = PeriodicTask.objects.get(name=schedules.INBOX_SCHEDULE)

    assert (row.task, row.enabled) == ("conversations.whatsapp.tasks.drain_webhook_inbox", True)
    assert (row.interval.every, row.interval.period) == (1, "minutes")
    celery_app.loader.import_default_modules()
    assert row.task in celery_app.tasks


@pytest.mark.django_db
def test_item4_transient_database_errors_never_set_a_notification_aside(client, queue_mode):
    """A real lock timeout: another connection holds the sender's lock while the ingester runs."""
    import psycopg

    _queue(client, text_payload("400 boxes", wa_id="6591239904", wa_message_id="w.locked"))
    row = WebhookInbox.objects.get()
    holder = psycopg.connect(
        host=connection.settings_dict["HOST"] or "127.0.0.1",
        port=connection.settings_dict["PORT"] or 5432,
        user=connection.settings_dict["USER"],
        dbname=connection.settings_dict["NAME"],
        autocommit=True,
    )
    try:
        holder.execute("SELECT pg_advisory_lock(hashtextextended(%s, 0))", [_user("6591239904")])
        with connection.cursor() as cursor:
            cursor.execute("SET lock_timeout = '50ms'")
        for _ in range(django_settings.WEBHOOK_INGEST_MAX_ATTEMPTS + 2):
            with pytest.raises(OperationalError):
                ingest.drain()
        row.refresh_from_db()
        assert (row.attempts, row.last_error) == (0, "")
        assert ingest.backlog().failed == 0
    finally:
        holder.close()
        with connection.cursor() as cursor:
            cursor.execute("RESET lock_timeout")

    assert ingest.drain().messages == 1
    assert ConversationMessage.objects.filter(wa_message_id="w.locked").exists()
    assert not WebhookInbox.objects.exists()
