"""The Celery app: Redis broker, settings from Django (CELERY_*), beat schedules in the database.

The worker and beat log through settings.LOGGING, the handlers of the web (JSON unless
LOG_JSON=0, request ids, the PII redaction filter): Celery's setup_logging signal has a receiver,
so Celery leaves the root logger alone instead of installing its own plain handlers.
"""

import logging.config
import os
from typing import Any

from celery import Celery
from celery.signals import setup_logging
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tria.settings")

app = Celery("tria")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The memory's packages keep their tasks next to their services.
app.autodiscover_tasks(
    ["conversations.whatsapp", "conversations.privacy", "conversations.retention"]
)


@setup_logging.connect
def configure_logging(**kwargs: Any) -> None:
    logging.config.dictConfig(settings.LOGGING)
