"""The Celery app: Redis broker, settings from Django (CELERY_*), beat schedules in the database."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tria.settings")

app = Celery("tria")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The memory's packages keep their tasks next to their services.
app.autodiscover_tasks(
    ["conversations.whatsapp", "conversations.privacy", "conversations.retention"]
)
