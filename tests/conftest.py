"""Shared fixtures. Tests run against the real PostgreSQL and Redis (see pyproject's pytest_env)."""

import pytest
from django.conf import settings

from tria.celery import app as celery_app


@pytest.fixture(autouse=True, scope="session")
def _celery_eager() -> None:
    """Tasks run in-process when enqueued (on commit), so a test sees their effects."""
    celery_app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
    celery_app.conf.task_eager_propagates = True


@pytest.fixture
def redis_client():
    """The real Redis of settings.REDIS_URL, emptied around the test."""
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL)
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def eager_retries():
    """Celery replays an eager task's retries only when its errors do not propagate (Task.apply)."""
    previous = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = previous
