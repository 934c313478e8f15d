"""python manage.py healthcheck --component ingest|worker|beat: exit 0 when the component does
its job, else 1 with one line saying why. The container healthchecks of docker-compose.yml.

- ingest: PostgreSQL answers and the webhook inbox is drained (its oldest waiting notification
  is younger than WEBHOOK_INBOX_MAX_LAG_SECONDS), as /health/ judges it;
- worker: the Celery worker of this host (celery@<hostname>) answers a ping through the broker;
- beat: beat dispatches its schedule: the worker-heartbeat task was sent within
  HEALTH_BEAT_MAX_AGE_SECONDS (django-celery-beat writes last_run_at every few minutes).
"""

import socket
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from ops import health
from tria.celery import app

HEARTBEAT_TASK = "ops.tasks.record_worker_heartbeat"


def check_ingest() -> str:
    postgres = health.check_postgres()
    if not postgres.ok:
        raise CommandError(f"ingest: PostgreSQL {postgres.detail}")
    inbox = health.check_ingest()
    if not inbox.ok:
        raise CommandError(f"ingest: {inbox.detail}")
    return f"ingest: {inbox.detail}"


def check_worker(timeout: float) -> str:
    node = f"celery@{socket.gethostname()}"
    replies = app.control.ping(destination=[node], timeout=timeout)
    if not any(node in reply for reply in replies):
        raise CommandError(f"worker: {node} did not answer a ping within {timeout:g} s")
    return f"worker: {node} answers"


def check_beat() -> str:
    task = PeriodicTask.objects.filter(task=HEARTBEAT_TASK, enabled=True).first()
    if task is None:
        raise CommandError("beat: the worker-heartbeat schedule is missing or disabled")
    if task.last_run_at is None:
        raise CommandError("beat: has not sent the worker heartbeat yet")
    age = (timezone.now() - task.last_run_at).total_seconds()
    limit = settings.HEALTH_BEAT_MAX_AGE_SECONDS
    if age > limit:
        raise CommandError(f"beat: last sent the worker heartbeat {age:.0f} s ago (limit {limit})")
    return f"beat: sent the worker heartbeat {age:.0f} s ago"


class Command(BaseCommand):
    help = "Exit 0 when the ingester, a Celery worker or beat does its job (container healthcheck)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--component", required=True, choices=["ingest", "worker", "beat"])
        parser.add_argument(
            "--timeout", type=float, default=5.0, help="worker: seconds to wait for the ping"
        )

    def handle(self, *args: Any, component: str, timeout: float, **options: Any) -> None:
        if component == "ingest":
            line = check_ingest()
        elif component == "worker":
            line = check_worker(timeout)
        else:
            line = check_beat()
        self.stdout.write(line)
