"""/health/: PostgreSQL, Redis and a Celery worker's heartbeat; 200 when all are well, else 503."""

import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from celery.exceptions import AlwaysEagerIgnored
from django.conf import settings
from django.test import override_settings
from django_celery_beat.models import PeriodicTask

from tria import health, tasks
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
    }


def test_a_stopped_postgresql_is_503_naming_it(db, client, heartbeat):
    wrong = {**settings.DATABASES["default"], "HOST": "127.0.0.1", "PORT": "5999"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Django warns that DATABASES is overridden
        with override_settings(DATABASES={**settings.DATABASES, "default": wrong}):
            status, body = _health(client)
    assert status == 503
    assert body["failing"] == ["postgres"]
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


def test_beat_schedules_the_heartbeat_after_migrate(db):
    task = PeriodicTask.objects.get(name="tria: worker heartbeat")
    assert task.task == "tria.tasks.record_worker_heartbeat"
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
                celery_app.send_task("tria.tasks.record_worker_heartbeat")
            deadline = time.monotonic() + 60
            while _health(client)[0] != 200 and time.monotonic() < deadline:
                time.sleep(0.5)
            status, body = _health(client)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    assert status == 200, log.read_text()
    assert body["checks"]["celery"]["detail"].startswith("last worker heartbeat")
