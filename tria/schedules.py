"""Every Celery beat schedule of the project, defined here and applied one way.

ensure_schedules() creates or updates each beat row (django-celery-beat) by name, idempotently,
with times from the settings. The data migration tria.0006_beat_schedules runs it with its
historical models, and `manage.py setup_tria` runs it again so the rows follow the settings
(RETENTION_PURGE_HOUR, PII_SCRUB_INTERVAL_MINUTES, ASSISTANT_REDRIVE_MINUTES,
DELIVERY_REMINDER_HOUR, HEALTH_HEARTBEAT_SECONDS). Staff see and change the rows in the admin;
a job they paused stays paused. Cron times are in settings.TIME_ZONE (Asia/Singapore).
"""

from dataclasses import dataclass

from django.apps import apps as django_apps
from django.apps.registry import Apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.utils import timezone

PURGE_SCHEDULE = "retention: purge expired conversations"
SCRUB_SCHEDULE = "privacy: scrub pending PII"
INBOX_SCHEDULE = "webhook: store notifications the ingester left waiting"
REDRIVE_SCHEDULE = "orders: redrive unprocessed messages"
OUTBOX_SCHEDULE = "whatsapp: send replies still waiting in the outbox"
HEARTBEAT_SCHEDULE = "tria: worker heartbeat"
REMINDER_SCHEDULE = "orders: remind customers of tomorrow's deliveries"


@dataclass(frozen=True)
class Schedule:
    name: str
    task: str
    description: str
    every: int = 0  # an interval of `every` `period`s, or
    period: str = "minutes"
    daily_hour: int | None = None  # once a day at this hour:00


def schedules() -> list[Schedule]:
    """The beat rows as the settings want them now."""
    hour = settings.RETENTION_PURGE_HOUR
    for name in ("RETENTION_PURGE_HOUR", "DELIVERY_REMINDER_HOUR"):
        if not 0 <= getattr(settings, name) <= 23:
            raise ImproperlyConfigured(f"{name} must be 0-23, got {getattr(settings, name)}")
    return [
        Schedule(
            PURGE_SCHEDULE,
            "conversations.retention.tasks.purge_expired_conversations",
            "Deletes messages and summaries past retention (conversations.retention).",
            daily_hour=hour,
        ),
        Schedule(
            SCRUB_SCHEDULE,
            "conversations.privacy.tasks.scrub_pending_pii",
            "Scrubs PII from messages past the grace period (conversations.privacy).",
            every=settings.PII_SCRUB_INTERVAL_MINUTES,
        ),
        Schedule(
            INBOX_SCHEDULE,
            "conversations.whatsapp.tasks.drain_webhook_inbox",
            "Stores webhook notifications waiting longer than WEBHOOK_INBOX_STALE_SECONDS: the"
            " safety net when no ingester runs (conversations.whatsapp.ingest).",
            every=1,
        ),
        Schedule(
            OUTBOX_SCHEDULE,
            "conversations.whatsapp.tasks.sweep_outbox",
            "Re-enqueues replies waiting over a minute, fails those whose 24-hour window closed and"
            " flags sessions whose reply may not have arrived (conversations.whatsapp.outbox).",
            every=1,
        ),
        Schedule(
            REDRIVE_SCHEDULE,
            "orders.tasks.redrive_unprocessed_messages",
            "Re-enqueues customer messages the assistant never finished (orders.assistant).",
            every=settings.ASSISTANT_REDRIVE_MINUTES,
        ),
        Schedule(
            REMINDER_SCHEDULE,
            "orders.tasks.send_delivery_reminders",
            "Reminds each customer of tomorrow's delivery, once per delivery: free text inside"
            " the 24-hour window, else the approved template (orders.notifications).",
            daily_hour=settings.DELIVERY_REMINDER_HOUR,
        ),
        Schedule(
            HEARTBEAT_SCHEDULE,
            "ops.tasks.record_worker_heartbeat",
            "Tells /health/ that a worker is alive (ops.health).",
            every=settings.HEALTH_HEARTBEAT_SECONDS,
            period="seconds",
        ),
    ]


def ensure_schedules(apps: Apps | None = None) -> None:
    """Create or update every beat row by name (idempotent); see the module docstring."""
    registry = apps or django_apps
    task_model = registry.get_model("django_celery_beat", "PeriodicTask")
    with transaction.atomic():
        for schedule in schedules():
            if schedule.daily_hour is not None:
                crontab = registry.get_model("django_celery_beat", "CrontabSchedule")
                timing = {"crontab": _crontab(crontab, schedule.daily_hour), "interval": None}
            else:
                interval = registry.get_model("django_celery_beat", "IntervalSchedule")
                every = _interval(interval, schedule.every, schedule.period)
                timing = {"crontab": None, "interval": every}
            _upsert_periodic_task(task_model, schedule, **timing)
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
        "timezone": timezone.get_default_timezone(),
    }
    return model.objects.filter(**fields).order_by("id").first() or model.objects.create(**fields)


def _interval(model: type[models.Model], every: int, period: str) -> models.Model:
    fields = {"every": every, "period": period}
    return model.objects.filter(**fields).order_by("id").first() or model.objects.create(**fields)


def _upsert_periodic_task(
    model: type[models.Model],
    schedule: Schedule,
    *,
    crontab: models.Model | None,
    interval: models.Model | None,
) -> None:
    timing = {"task": schedule.task, "crontab": crontab, "interval": interval}
    model.objects.update_or_create(
        name=schedule.name,
        defaults={
            **timing,
            "solar": None,
            "clocked": None,
            "one_off": False,
            "description": schedule.description,
        },
        create_defaults={**timing, "description": schedule.description, "enabled": True},
    )
