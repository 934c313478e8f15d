"""The beat rows (django-celery-beat): the daily retention purge, the PII scrub and the
webhook inbox's safety net (every minute).

ensure_schedules() creates or updates them by name, idempotently. The data migration
conversations.0003_retention_schedules runs it with its historical models, and
`manage.py setup_tria` runs it again so the times follow the settings (RETENTION_PURGE_HOUR,
PII_SCRUB_INTERVAL_MINUTES). Staff see and change the rows in the admin; a job they paused
stays paused.
"""

from zoneinfo import ZoneInfo

from django.apps import apps as django_apps
from django.apps.registry import Apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.utils import timezone

PURGE_TASK = "conversations.tasks.purge_expired_conversations"
SCRUB_TASK = "conversations.tasks.scrub_pending_pii"
PURGE_SCHEDULE = "retention: purge expired conversations"
SCRUB_SCHEDULE = "privacy: scrub pending PII"
INBOX_TASK = "conversations.tasks.drain_webhook_inbox"
INBOX_SCHEDULE = "webhook: store notifications the ingester left waiting"
SCHEDULE_TZ = ZoneInfo("Asia/Singapore")


def ensure_schedules(apps: Apps | None = None) -> None:
    """Create or update the two beat rows by name (idempotent): the daily purge at
    RETENTION_PURGE_HOUR:00 Asia/Singapore and the PII scrub every PII_SCRUB_INTERVAL_MINUTES.

    Called by a data migration (with its historical `apps`) and by `manage.py setup_tria`. The times
    come from the settings; a job that staff disabled in the admin stays disabled.
    """
    registry = apps or django_apps
    hour = settings.RETENTION_PURGE_HOUR
    if not 0 <= hour <= 23:
        raise ImproperlyConfigured(f"RETENTION_PURGE_HOUR must be 0-23, got {hour}")
    with transaction.atomic():
        crontab = _crontab(registry.get_model("django_celery_beat", "CrontabSchedule"), hour)
        intervals = registry.get_model("django_celery_beat", "IntervalSchedule")
        interval = _interval(intervals, settings.PII_SCRUB_INTERVAL_MINUTES)
        task_model = registry.get_model("django_celery_beat", "PeriodicTask")
        _upsert_periodic_task(
            task_model,
            PURGE_SCHEDULE,
            PURGE_TASK,
            crontab=crontab,
            description="Deletes messages and summaries past retention (conversations.retention).",
        )
        _upsert_periodic_task(
            task_model,
            SCRUB_SCHEDULE,
            SCRUB_TASK,
            interval=interval,
            description="Scrubs PII from messages past the grace period (conversations.pii).",
        )
        _upsert_periodic_task(
            task_model,
            INBOX_SCHEDULE,
            INBOX_TASK,
            interval=_interval(intervals, 1),
            description="Stores webhook notifications waiting longer than"
            " WEBHOOK_INBOX_STALE_SECONDS: the safety net when no ingester runs"
            " (conversations.ingest).",
        )
        registry.get_model("django_celery_beat", "PeriodicTasks").objects.update_or_create(
            ident=1, defaults={"last_update": timezone.now()}
        )


def _crontab(model: type[models.Model], hour: int) -> models.Model:
    fields = {
        "minute": "0",
        "hour": str(hour),
        "day_of_week": "*",
        "day_of_month": "*",
        "month_of_year": "*",
        "timezone": SCHEDULE_TZ,
    }
    return model.objects.filter(**fields).order_by("id").first() or model.objects.create(**fields)


def _interval(model: type[models.Model], minutes: int) -> models.Model:
    fields = {"every": minutes, "period": "minutes"}
    return model.objects.filter(**fields).order_by("id").first() or model.objects.create(**fields)


def _upsert_periodic_task(
    model: type[models.Model],
    name: str,
    task: str,
    *,
    description: str,
    crontab: models.Model | None = None,
    interval: models.Model | None = None,
) -> None:
    model.objects.update_or_create(
        name=name,
        defaults={
            "task": task,
            "crontab": crontab,
            "interval": interval,
            "solar": None,
            "clocked": None,
            "one_off": False,
            "description": description,
        },
        create_defaults={
            "task": task,
            "crontab": crontab,
            "interval": interval,
            "description": description,
            "enabled": True,
        },
    )
