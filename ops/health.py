"""Health: is PostgreSQL answering, is Redis answering, is a Celery worker alive, is the webhook
inbox being drained?

Three endpoints for three questions: /health/live (the process answers; no dependency: restart
it when this fails), /health/ready (PostgreSQL and Redis answer, so this web process can take
requests and webhooks; the worker and the inbox are reported, never failed on: a stopped worker
must not take the web out of a load balancer) and /health/ (the full report, 503 when anything
is wrong: for people and monitoring).

The worker proves it is alive by running `ops.tasks.record_worker_heartbeat`, which Celery beat
schedules every HEALTH_HEARTBEAT_SECONDS; the check accepts a heartbeat up to
HEALTH_HEARTBEAT_MAX_AGE_SECONDS old. Each check opens its own short-timeout connection, so a
stopped dependency answers within seconds instead of waiting on a pool, and no URL or password is
ever echoed: only the state and the time the check took.

The inbox check reads conversations.whatsapp.ingest.backlog() through Django's connection, and only
once the
PostgreSQL check has answered (so it never waits on the pool of a stopped database). It fails
when the oldest notification has waited longer than WEBHOOK_INBOX_MAX_LAG_SECONDS: customers are
waiting for replies. Notifications set aside after failing are reported, not failed on: staff
retry them in the admin.
"""

import logging
import time
from dataclasses import asdict, dataclass

import psycopg
import redis
from django.conf import settings
from django.db import DatabaseError, transaction
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from conversations.whatsapp import ingest

logger = logging.getLogger(__name__)

HEARTBEAT_KEY = "tria:health:celery-heartbeat"
TIMEOUT_SECONDS = 2


@dataclass(frozen=True)
class Check:
    ok: bool
    ms: float
    detail: str = ""


def _redis_client() -> redis.Redis:
    return redis.Redis.from_url(
        settings.REDIS_URL, socket_connect_timeout=TIMEOUT_SECONDS, socket_timeout=TIMEOUT_SECONDS
    )


def record_heartbeat(now: float | None = None) -> None:
    """Called by the worker: the time it last ran a task."""
    _redis_client().set(HEARTBEAT_KEY, f"{now if now is not None else time.time():.3f}")


def heartbeat_age() -> float | None:
    """Seconds since the last worker heartbeat; None when there has never been one."""
    raw = _redis_client().get(HEARTBEAT_KEY)
    return None if raw is None else max(0.0, time.time() - float(raw))


def _conninfo() -> str:
    db = settings.DATABASES["default"]
    return psycopg.conninfo.make_conninfo(
        dbname=db["NAME"],
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        connect_timeout=TIMEOUT_SECONDS,
    )


def check_postgres() -> Check:
    started = time.perf_counter()
    try:
        with psycopg.connect(_conninfo()) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error:
        return Check(False, _ms(started), "unreachable")
    return Check(True, _ms(started))


def check_redis() -> Check:
    started = time.perf_counter()
    try:
        _redis_client().ping()
    except redis.RedisError:
        return Check(False, _ms(started), "unreachable")
    return Check(True, _ms(started))


def check_celery() -> Check:
    started = time.perf_counter()
    try:
        age = heartbeat_age()
    except redis.RedisError:
        return Check(False, _ms(started), "heartbeat unknown: Redis unreachable")
    if age is None:
        return Check(False, _ms(started), "no worker heartbeat yet")
    limit = settings.HEALTH_HEARTBEAT_MAX_AGE_SECONDS
    if age > limit:
        return Check(
            False, _ms(started), f"last worker heartbeat {age:.0f} s ago (limit {limit} s)"
        )
    return Check(True, _ms(started), f"last worker heartbeat {age:.0f} s ago")


def check_ingest(database_ok: bool = True) -> Check:
    started = time.perf_counter()
    if not database_ok:
        return Check(False, _ms(started), "inbox unknown: database unreachable")
    try:
        with transaction.atomic():  # one snapshot for the counts; a savepoint if nested
            backlog = ingest.backlog()
    except DatabaseError as exc:
        logger.warning("health: the webhook inbox could not be read (%s)", type(exc).__name__)
        return Check(False, _ms(started), "inbox unknown: database error")
    age, limit = backlog.oldest_seconds, settings.WEBHOOK_INBOX_MAX_LAG_SECONDS
    if age > limit:
        return Check(
            False,
            _ms(started),
            f"oldest waiting notification {age:.0f} s (limit {limit} s): "
            f"is `manage.py ingest_webhooks` running? {_inbox_counts(backlog, oldest=False)}",
        )
    return Check(True, _ms(started), _inbox_counts(backlog, oldest=True))


def _inbox_counts(backlog: ingest.Backlog, *, oldest: bool) -> str:
    age = f" (oldest {backlog.oldest_seconds:.0f} s)" if oldest and backlog.pending else ""
    return f"{backlog.pending} pending{age}, {backlog.failed} set aside after failing"


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def run_checks() -> dict[str, Check]:
    postgres = check_postgres()
    return {
        "postgres": postgres,
        "redis": check_redis(),
        "celery": check_celery(),
        "ingest": check_ingest(postgres.ok),
    }


@never_cache
@require_safe
def health_view(request: HttpRequest) -> JsonResponse:
    """200 with {"status": "ok"} when every dependency is well, else 503 naming the failing ones."""
    checks = run_checks()
    failing = sorted(name for name, check in checks.items() if not check.ok)
    if failing:
        logger.warning("health check failing: %s", ", ".join(failing))
    body = {
        "status": "fail" if failing else "ok",
        "failing": failing,
        "checks": {name: asdict(check) for name, check in checks.items()},
    }
    return JsonResponse(body, status=503 if failing else 200)


@never_cache
@require_safe
def live_view(request: HttpRequest) -> JsonResponse:
    """200 while the process answers; it consults no dependency."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def ready_view(request: HttpRequest) -> JsonResponse:
    """200 when PostgreSQL and Redis answer, else 503 naming them; the worker heartbeat and the
    inbox lag are reported under "reported" without failing readiness."""
    postgres = check_postgres()
    required = {"postgres": postgres, "redis": check_redis()}
    reported = {"celery": check_celery(), "ingest": check_ingest(postgres.ok)}
    failing = sorted(name for name, check in required.items() if not check.ok)
    if failing:
        logger.warning("readiness check failing: %s", ", ".join(failing))
    body = {
        "status": "fail" if failing else "ok",
        "failing": failing,
        "checks": {name: asdict(check) for name, check in required.items()},
        "reported": {name: asdict(check) for name, check in reported.items()},
    }
    return JsonResponse(body, status=503 if failing else 200)
