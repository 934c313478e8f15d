"""Fixtures of the end-to-end tests."""

from collections.abc import Iterator

import pytest

from tests.e2e.worker import RecordingGraph, Worker, running_worker
from tests.faults.support import PrivateRedis


@pytest.fixture
def worker_setup(settings, tmp_path) -> Iterator[tuple[RecordingGraph, PrivateRedis, Worker]]:
    """The fake Graph API, a private redis-server the app publishes to, and a real worker on it."""
    yield from running_worker(settings, tmp_path)
