"""/health/live (the process answers) and /health/ready (PostgreSQL and Redis; the worker and
the inbox reported, never failed on), next to the full report at /health/."""

import datetime as dt
import warnings

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from conversations.models import WebhookInbox

pytestmark = pytest.mark.django_db


def _get(client, path: str) -> tuple[int, dict]:
    response = client.get(path)
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, response.json()


def _stopped_postgres():
    wrong = {**settings.DATABASES["default"], "HOST": "127.0.0.1", "PORT": "5999"}
    return override_settings(DATABASES={**settings.DATABASES, "default": wrong})


def test_live_is_200_even_with_postgresql_and_redis_stopped(client):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Django warns that DATABASES is overridden
        with _stopped_postgres(), override_settings(REDIS_URL="redis://127.0.0.1:6999/0"):
            assert _get(client, "/health/live") == (200, {"status": "ok"})


def test_ready_is_200_without_a_worker_and_with_a_lagging_inbox_and_reports_both(
    client, redis_client
):
    with time_machine.travel(timezone.now() - dt.timedelta(minutes=10), tick=False):
        WebhookInbox.objects.create(body="{}")
    status, body = _get(client, "/health/ready")
    full_status, _ = _get(client, "/health/")
    assert (status, body["status"], body["failing"]) == (200, "ok", [])
    assert set(body["checks"]) == {"postgres", "redis"}
    assert body["reported"]["celery"]["detail"] == "no worker heartbeat yet"
    assert body["reported"]["ingest"]["detail"].startswith("oldest waiting notification 600 s")
    assert full_status == 503  # the full report still fails on them


def test_ready_is_503_when_postgresql_is_stopped(client, redis_client):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _stopped_postgres():
            status, body = _get(client, "/health/ready")
    assert status == 503
    assert body["failing"] == ["postgres"]
    assert "5999" not in str(body)


def test_ready_is_503_when_redis_is_stopped(client):
    with override_settings(REDIS_URL="redis://127.0.0.1:6999/0"):
        status, body = _get(client, "/health/ready")
    assert status == 503
    assert body["failing"] == ["redis"]


def test_the_probes_answer_over_plain_http_behind_ssl_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/live").status_code == 200
    assert client.get("/health/ready").status_code in (200, 503)
    assert client.get("/admin/login/").status_code == 301
