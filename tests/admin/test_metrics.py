"""/metrics: protected by a bearer token or an internal address; our data-health gauges."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from conversations.models import ConversationMessage, WebhookInbox
from tests.factories import MessageFactory, SessionFactory

OUTSIDE = "203.0.113.7"
TOKEN = "metrics-test-token-0123456789"


def _gauges(body: bytes) -> dict[str, float]:
    return {
        sample.name: sample.value
        for family in text_string_to_metric_families(body.decode())
        for sample in family.samples
        if sample.name.startswith("tria_")
    }


def test_an_outside_address_without_a_token_gets_401_saying_what_is_needed(db, client):
    response = client.get("/metrics", REMOTE_ADDR=OUTSIDE)
    assert response.status_code == 401
    assert "Bearer <METRICS_TOKEN>" in response.json()["detail"]


@override_settings(METRICS_TOKEN=TOKEN)
def test_a_wrong_token_gets_403(db, client):
    response = client.get("/metrics", REMOTE_ADDR=OUTSIDE, HTTP_AUTHORIZATION="Bearer nope")
    assert response.status_code == 403
    assert response.json() == {"detail": "invalid metrics token"}


def test_a_bearer_token_is_refused_when_none_is_configured(db, client):
    response = client.get("/metrics", REMOTE_ADDR=OUTSIDE, HTTP_AUTHORIZATION="Bearer ")
    assert response.status_code == 403


@override_settings(METRICS_TOKEN=TOKEN)
def test_the_right_token_reads_the_metrics_from_anywhere(db, client):
    response = client.get("/metrics", REMOTE_ADDR=OUTSIDE, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "django_http_requests_total_by_method_total" in body
    assert "tria_messages_past_retention" in body


@pytest.mark.parametrize("address", ["127.0.0.1", "10.20.30.40", "192.168.1.9"])
def test_an_internal_address_reads_the_metrics_without_a_token(db, client, address):
    assert client.get("/metrics", REMOTE_ADDR=address).status_code == 200


def test_a_request_relayed_by_a_proxy_is_not_internal(db, client):
    response = client.get("/metrics", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=OUTSIDE)
    assert response.status_code == 401


def test_the_gauges_report_retention_scrubbing_and_orphans(db, client, redis_client):
    now = timezone.now()
    old = MessageFactory(timestamp=now - dt.timedelta(days=100))
    ConversationMessage.objects.filter(pk=old.pk).update(created_at=now - dt.timedelta(days=100))
    MessageFactory(pii_scrubbed=True)
    SessionFactory()  # never had a message
    gauges = _gauges(client.get("/metrics").content)
    assert gauges["tria_messages_stored"] == 2
    assert gauges["tria_messages_past_retention"] == 1
    assert gauges["tria_messages_unscrubbed"] == 1
    assert gauges["tria_messages_unscrubbed_overdue"] == 1
    assert gauges["tria_pii_scrub_completion_ratio"] == 0.5
    assert gauges["tria_oldest_unscrubbed_message_age_seconds"] == pytest.approx(
        100 * 86400, abs=120
    )
    assert gauges["tria_orphaned_sessions"] == 1
    assert gauges["tria_last_purge_timestamp_seconds"] == 0
    assert gauges["tria_celery_heartbeat_age_seconds"] == -1
    assert gauges["tria_data_health_up"] == 1


def test_the_inbox_gauges_report_waiting_and_set_aside_notifications(db, client, redis_client):
    now = timezone.now()
    for age, attempts in [(90, 0), (5, 2), (3600, settings.WEBHOOK_INGEST_MAX_ATTEMPTS)]:
        with time_machine.travel(now - dt.timedelta(seconds=age), tick=False):
            WebhookInbox.objects.create(body="{}", attempts=attempts)
    with time_machine.travel(now, tick=False):
        gauges = _gauges(client.get("/metrics").content)
    assert gauges["tria_webhook_inbox_pending"] == 2
    assert gauges["tria_webhook_inbox_oldest_age_seconds"] == 90
    assert gauges["tria_webhook_inbox_failed"] == 1


def test_an_empty_inbox_reports_zeros_and_each_gauge_says_what_it_counts(db, client, redis_client):
    body = client.get("/metrics").content.decode()
    inbox = {
        family.name: (family.documentation, family.samples[0].value)
        for family in text_string_to_metric_families(body)
        if family.name.startswith("tria_webhook_inbox_")
    }
    assert sorted(inbox) == [
        "tria_webhook_inbox_failed",
        "tria_webhook_inbox_oldest_age_seconds",
        "tria_webhook_inbox_pending",
    ]
    assert all(len(doc) > 20 and value == 0 for doc, value in inbox.values())
