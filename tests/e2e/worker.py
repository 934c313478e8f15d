"""A real Celery worker for the end-to-end tests: a `celery worker` process (solo pool) on the
test database and a private redis-server as its broker, replying to a fake Graph API that keeps
every body whole. The fixture `worker_setup` (tests/e2e/conftest.py) starts and stops them."""

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from werkzeug import Request, Response

from tests.e2e.gunicorn import database_url
from tests.faults.support import FakeGraph, PrivateRedis, broker_at, graph_settings

ROOT = Path(__file__).resolve().parents[2]


class RecordingGraph(FakeGraph):
    """The fake Graph API that also keeps every request body whole (`recipient` included)."""

    def __init__(self) -> None:
        super().__init__()
        self.bodies: list[dict] = []
        self._bodies_lock = threading.Lock()

    def _accept(self, request: Request) -> Response:
        with self._bodies_lock:
            self.bodies.append(json.loads(request.get_data()))
        return super()._accept(request)

    def received_bodies(self) -> list[dict]:
        with self._bodies_lock:
            return list(self.bodies)


class Worker:
    """A real `celery worker` process on the test database and the private broker."""

    def __init__(self, broker_url: str, graph: FakeGraph, log: Path) -> None:
        self.log = log
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),  # the test database, where this test commits
            "REDIS_URL": broker_url,
            "CELERY_BROKER_URL": broker_url,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "OPENAI_API_KEY": "",  # the offline parser reads text orders
            "DJANGO_SETTINGS_MODULE": "tria.settings",
            **graph_settings(graph),
        }
        command = [sys.executable, "-m", "celery", "-A", "tria", "worker", "--pool", "solo"]
        command += ["--concurrency", "1", "--loglevel", "INFO", "--hostname", "e2e@%h"]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )

    def check_alive(self) -> None:
        assert self.process.poll() is None, f"the worker exited:\n{self.log.read_text()[-3000:]}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)


def running_worker(
    settings, directory: Path
) -> Iterator[tuple[RecordingGraph, PrivateRedis, Worker]]:
    """The fake Graph API, a private redis-server the app publishes to, and a worker on it;
    all stopped when the generator is closed."""
    private_redis = PrivateRedis(directory)
    with RecordingGraph() as graph:
        for name, value in graph_settings(graph).items():
            setattr(settings, name, value)
        worker = None
        try:
            private_redis.start()
            worker = Worker(private_redis.url, graph, directory / "worker.log")
            with broker_at(private_redis.url, settings):
                yield graph, private_redis, worker
        finally:
            if worker is not None:
                worker.stop()
            private_redis.stop()
