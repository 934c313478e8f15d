"""`manage.py healthcheck --component ingest|worker|beat`: the containers' healthchecks."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from conversations.models import WebhookInbox

pytestmark = pytest.mark.django_db


def _healthcheck(component: str, *args: str) -> str:
    out = StringIO()
    call_command("healthcheck", "--component", component, *args, stdout=out)
    return out.getvalue().strip()


def _heartbeat_schedule() -> PeriodicTask:
    return PeriodicTask.objects.get(task="ops.tasks.record_worker_heartbeat")


def test_an_empty_inbox_is_a_healthy_ingester():
    assert _healthcheck("ingest") == "ingest: 0 pending, 0 set aside after failing"


def test_a_notification_waiting_too_long_is_an_unhealthy_ingester():
    with time_machine.travel(timezone.now() - dt.timedelta(minutes=10), tick=False):
        WebhookInbox.objects.create(body="{}")
    with pytest.raises(CommandError, match="oldest waiting notification 600 s"):
        _healthcheck("ingest")


def test_beat_that_sent_the_heartbeat_recently_is_healthy():
    PeriodicTask.objects.filter(pk=_heartbeat_schedule().pk).update(
        last_run_at=timezone.now() - dt.timedelta(seconds=90)
    )
    assert _healthcheck("beat") == "beat: sent the worker heartbeat 90 s ago"


@pytest.mark.parametrize(
    ("last_run", "error"),
    [
        (None, "has not sent the worker heartbeat yet"),
        (dt.timedelta(minutes=20), "last sent the worker heartbeat 1200 s ago"),
    ],
)
def test_beat_that_stopped_sending_is_unhealthy(last_run, error):
    at = None if last_run is None else timezone.now() - last_run
    PeriodicTask.objects.filter(pk=_heartbeat_schedule().pk).update(last_run_at=at)
    with pytest.raises(CommandError, match=error):
        _healthcheck("beat")


def test_no_worker_on_this_host_is_an_unhealthy_worker(redis_client):
    with pytest.raises(CommandError, match=r"did not answer a ping within 0\.5 s"):
        _healthcheck("worker", "--timeout", "0.5")
