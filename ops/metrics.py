"""/metrics for Prometheus: django-prometheus's request and database metrics plus our gauges.

Access: `Authorization: Bearer <METRICS_TOKEN>`, or a direct request (no X-Forwarded-For, so not
relayed by a proxy) from METRICS_ALLOWED_NETWORKS. Anything else gets 401/403 with a JSON reason.

The data-health gauges are computed from the database at scrape time (ops.dashboard),
so every gunicorn worker reports the same values; so are the webhook inbox gauges
(conversations.whatsapp.ingest.backlog). django-prometheus's own counters are per
process unless PROMETHEUS_MULTIPROC_DIR is set (then they are merged, as its exporter does).
"""

import hmac
import ipaddress
import logging
import os
from collections.abc import Iterator

import prometheus_client
from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from redis import RedisError

from conversations import audit
from conversations.models import ConversationSession, DailyIntentStat
from conversations.whatsapp import ingest
from ops import dashboard, health

logger = logging.getLogger(__name__)


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)


class DataHealthCollector(Collector):
    """The dashboard's data-health and today's volume numbers, as gauges."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            yield from self._data_health()
            yield from self._today()
            yield from self._inbox()
            up = 1
        except DatabaseError:
            logger.warning("metrics: the database could not be read")
            up = 0
        yield _gauge("tria_data_health_up", "1 when the data-health gauges could be read", up)
        yield from self._heartbeat()

    def _data_health(self) -> Iterator[GaugeMetricFamily]:
        h = dashboard.data_health()
        age = h.oldest_unscrubbed_age
        purge = h.last_purge
        yield _gauge("tria_messages_stored", "Messages stored", h.messages_total)
        yield _gauge(
            "tria_messages_past_retention",
            "Messages older than RETENTION_MESSAGES_DAYS still stored",
            h.messages_past_retention,
        )
        yield _gauge(
            "tria_summaries_past_retention",
            "Summaries idle longer than RETENTION_SUMMARIES_DAYS still stored",
            h.summaries_past_retention,
        )
        yield _gauge("tria_messages_unscrubbed", "Messages not yet PII-scrubbed", h.unscrubbed)
        yield _gauge(
            "tria_messages_unscrubbed_overdue",
            "Unscrubbed messages older than PII_SCRUB_MAX_AGE_HOURS",
            h.unscrubbed_overdue,
        )
        yield _gauge(
            "tria_pii_scrub_completion_ratio",
            "Share of stored messages already scrubbed (1 when none are stored)",
            1.0 if h.scrub_completion is None else h.scrub_completion,
        )
        yield _gauge(
            "tria_oldest_unscrubbed_message_age_seconds",
            "Age of the oldest unscrubbed message (0 when none)",
            0 if age is None else age.total_seconds(),
        )
        yield _gauge("tria_orphaned_sessions", "Sessions with no message", h.orphaned_sessions)
        yield _gauge("tria_flagged_sessions", "Sessions flagged for follow-up", h.flagged_sessions)
        yield _gauge(
            "tria_last_purge_timestamp_seconds",
            "Start of the last retention purge (0 when none ran)",
            purge.started_at.timestamp() if purge else 0,
        )
        yield _gauge(
            "tria_last_purge_success",
            "1 when the last retention purge succeeded",
            1 if purge and purge.outcome == purge.Outcome.SUCCESS else 0,
        )

    def _today(self) -> Iterator[GaugeMetricFamily]:
        today = dashboard.local_today()
        period = dashboard.Period(today, today)
        sessions = ConversationSession.objects.filter(
            start_time__gte=period.start, start_time__lt=period.end
        ).aggregate(n=Count("id"), users=Count("user_id", distinct=True))
        messages = sum(
            DailyIntentStat.objects.filter(day=today).values_list("message_count", flat=True)
        )
        yield _gauge("tria_sessions_today", "Sessions started today (Singapore)", sessions["n"])
        yield _gauge("tria_active_users_today", "Users with a session today", sessions["users"])
        yield _gauge("tria_messages_today", "Messages recorded today (Singapore)", messages)

    def _inbox(self) -> Iterator[GaugeMetricFamily]:
        backlog = ingest.backlog()
        yield _gauge(
            "tria_webhook_inbox_pending",
            "Webhook notifications accepted and waiting for the ingester",
            backlog.pending,
        )
        yield _gauge(
            "tria_webhook_inbox_oldest_age_seconds",
            "How long the oldest waiting webhook notification has waited (0 when none)",
            backlog.oldest_seconds,
        )
        yield _gauge(
            "tria_webhook_inbox_failed",
            "Webhook notifications set aside after WEBHOOK_INGEST_MAX_ATTEMPTS failures",
            backlog.failed,
        )

    def _heartbeat(self) -> Iterator[GaugeMetricFamily]:
        try:
            age = health.heartbeat_age()
        except RedisError:
            age = None
        yield _gauge(
            "tria_celery_heartbeat_age_seconds",
            "Seconds since a Celery worker last wrote its heartbeat (-1 when unknown)",
            -1 if age is None else age,
        )


_tria_registry = prometheus_client.CollectorRegistry(auto_describe=False)
_tria_registry.register(DataHealthCollector())


def _django_registry() -> prometheus_client.CollectorRegistry:
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        registry = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return prometheus_client.REGISTRY


def _internal(request: HttpRequest) -> bool:
    """A direct request from METRICS_ALLOWED_NETWORKS: never one relayed by a proxy (it has an
    X-Forwarded-For, or comes from TRUSTED_PROXIES), where every client would look internal."""
    if "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    if audit.is_trusted_proxy(address):
        return False
    networks = (ipaddress.ip_network(n, strict=False) for n in settings.METRICS_ALLOWED_NETWORKS)
    return any(address in network for network in networks)


def refusal(request: HttpRequest) -> JsonResponse | None:
    """None when the request may read the metrics, else the 401/403 response."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        expected = settings.METRICS_TOKEN
        if not token.isascii():  # compare_digest would raise on it: a 500 instead of a 401
            return JsonResponse({"detail": "the metrics token is not readable"}, status=401)
        if scheme.lower() == "bearer" and expected and hmac.compare_digest(token, expected):
            return None
        return JsonResponse({"detail": "invalid metrics token"}, status=403)
    if _internal(request):
        return None
    return JsonResponse(
        {"detail": "metrics need 'Authorization: Bearer <METRICS_TOKEN>' or an internal address"},
        status=401,
    )


@never_cache
@require_safe
def metrics_view(request: HttpRequest) -> HttpResponse:
    denied = refusal(request)
    if denied is not None:
        return denied
    body = prometheus_client.generate_latest(
        _django_registry()
    ) + prometheus_client.generate_latest(_tria_registry)
    return HttpResponse(body, content_type=prometheus_client.CONTENT_TYPE_LATEST)
