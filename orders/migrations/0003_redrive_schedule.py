"""Celery beat runs orders.tasks.redrive_unprocessed_messages every ASSISTANT_REDRIVE_MINUTES."""

from django.conf import settings
from django.db import migrations

TASK_NAME = "orders: redrive unprocessed messages"


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every, _ = IntervalSchedule.objects.get_or_create(
        every=settings.ASSISTANT_REDRIVE_MINUTES, period="minutes"
    )
    PeriodicTask.objects.update_or_create(
        name=TASK_NAME,
        defaults={
            "task": "orders.tasks.redrive_unprocessed_messages",
            "interval": every,
            "enabled": True,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0002_product_search"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
