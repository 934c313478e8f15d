"""/health/: PostgreSQL, Redis, a Celery worker's heartbeat and the webhook inbox's lag; 200 when
all are well, else 503."""

import datetime as dt
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
import time_machine
from celery.exceptions import AlwaysEagerIgnored
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from conversations.models import WebhookInbox
from ops import health, tasks
from tria.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]


def _health(client) -> tuple[int, dict]:
    response = client.get("/health/")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


@pytest.fixture
def heartbeat(redis_client):
    """A worker ran the heartbeat task just now (eagerly, through the real task)."""
    tasks.record_worker_heartbeat.delay()


def test_all_dependencies_well_is_200_ok(db, client, heartbeat):
    status, body = _health(client)
    assert status == 200
    assert body["status"] == "ok"
    assert body["failing"] == []
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "postgres": True,
        "redis": True,
        "celery": True,
        "ingest": True,
    }
    assert body["checks"]["ingest"]["detail"] == "0 pending, 0 set aside after failing"


def test_a_stopped_postgresql_is_503_naming_it(db, client, heartbeat):
    wrong = {**settings.DATABASES["default"], "HOST": "127.0.0.1", "PORT": "5999"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Django warns that DATABASES is overridden
        with override_settings(DATABASES={**settings.DATABASES, "default": wrong}):
            status, body = _health(client)
    assert status == 503
    assert body["failing"] == ["ingest", "postgres"]
    assert body["checks"]["ingest"]["detail"] == "inbox unknown: database unreachable"
    assert body["checks"]["postgres"] == {
        "ok": False,
        "ms": body["checks"]["postgres"]["ms"],
        "detail": "unreachable",
    }
    assert "5999" not in str(body)


def test_a_stopped_redis_is_503_and_the_worker_state_is_unknown(db, client, heartbeat):
    with override_settings(REDIS_URL="redis://127.0.0.1:6999/0"):
        status, body = _health(client)
    assert status == 503
    assert body["failing"] == ["celery", "redis"]
    assert body["checks"]["celery"]["detail"] == "heartbeat unknown: Redis unreachable"


def test_no_worker_heartbeat_is_503(db, client, redis_client):
    status, body = _health(client)
    assert status == 503
    assert body["failing"] == ["celery"]
    assert body["checks"]["celery"]["detail"] == "no worker heartbeat yet"


def test_a_stale_heartbeat_is_503(db, client, redis_client):
    health.record_heartbeat(now=time.time() - 600)
    status, body = _health(client)
    assert status == 503
    assert body["checks"]["celery"]["detail"].startswith("last worker heartbeat 600 s ago")


def _inbox_row(received_at: dt.datetime, attempts: int = 0) -> WebhookInbox:
    with time_machine.travel(received_at, tick=False):
        return WebhookInbox.objects.create(body="{}", attempts=attempts)


def test_a_notification_waiting_past_the_limit_is_503_asking_whether_the_ingester_runs(
    db, client, heartbeat
):
    now = timezone.now()
    _inbox_row(now - dt.timedelta(seconds=300))
    _inbox_row(now - dt.timedelta(seconds=10))
    with time_machine.travel(now, tick=False):
        status, body = _health(client)
    assert status == 503
    assert body["failing"] == ["ingest"]
    assert body["checks"]["ingest"]["detail"] == (
        "oldest waiting notification 300 s (limit 120 s): "
        "is `manage.py ingest_webhooks` running? 2 pending, 0 set aside after failing"
    )


def test_notifications_within_the_limit_keep_health_green(db, client, heartbeat):
    now = timezone.now()
    _inbox_row(now - dt.timedelta(seconds=settings.WEBHOOK_INBOX_MAX_LAG_SECONDS))
    with time_machine.travel(now, tick=False):
        status, body = _health(client)
    assert status == 200
    assert body["checks"]["ingest"] == {
        "ok": True,
        "ms": body["checks"]["ingest"]["ms"],
        "detail": "1 pending (oldest 120 s), 0 set aside after failing",
    }


def test_set_aside_notifications_are_reported_but_do_not_fail_health(db, client, heartbeat):
    now = timezone.now()
    _inbox_row(now - dt.timedelta(hours=5), attempts=settings.WEBHOOK_INGEST_MAX_ATTEMPTS)
    _inbox_row(now - dt.timedelta(seconds=3))
    with time_machine.travel(now, tick=False):
        status, body = _health(client)
    assert status == 200
    assert body["checks"]["ingest"]["detail"] == (
        "1 pending (oldest 3 s), 1 set aside after failing"
    )


def test_an_unreadable_inbox_fails_the_check_with_a_short_detail(db, client, heartbeat):
    with connection.cursor() as cursor:  # undone with the test's transaction
        cursor.execute("ALTER TABLE whatsapp_webhook_inbox RENAME TO inbox_away")
    status, body = _health(client)
    assert status == 503
    assert body["failing"] == ["ingest"]
    assert body["checks"]["ingest"]["detail"] == "inbox unknown: database error"


def test_beat_schedules_the_heartbeat_after_migrate(db):
    task = PeriodicTask.objects.get(name="tria: worker heartbeat")
    assert task.task == "ops.tasks.record_worker_heartbeat"
    assert (task.interval.every, task.interval.period) == (
        settings.HEALTH_HEARTBEAT_SECONDS,
        "seconds",
    )
    assert task.enabled


def test_a_real_worker_turns_health_green(db, client, redis_client, tmp_path):
    """A Celery worker process consumes the heartbeat task from Redis; health goes 200."""
    assert _health(client)[0] == 503
    log = tmp_path / "worker.log"
    command = [sys.executable, "-m", "celery", "-A", "tria", "worker", "--pool", "solo"]
    command += ["--without-gossip", "--without-mingle", "--loglevel", "WARNING"]
    with log.open("wb") as output:
        worker = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", AlwaysEagerIgnored)  # we want the real broker
                celery_app.send_task("ops.tasks.record_worker_heartbeat")
            deadline = time.monotonic() + 60
            while _health(client)[0] != 200 and time.monotonic() < deadline:
                time.sleep(0.5)
            status, body = _health(client)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    assert status == 200, log.read_text()
    assert body["checks"]["celery"]["detail"].startswith("last worker heartbeat")
