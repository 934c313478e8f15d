"""Helpers of the fault tests that need processes: a private redis-server the test may stop, the
app's Celery broker pointed at it, the tasks waiting in it run as a worker would, and a fake Graph
API that counts the replies each customer received.

Every process started here is stopped by the fixture or the `finally` that started it.
"""

import base64
import contextlib
import json
import shutil
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import kombu.pools
import redis
from django.conf import settings
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.e2e.gunicorn import free_port
from tria.celery import app as celery_app

DEADLINE_SECONDS = 60
GRAPH_PATH = "/v21.0/100200300400/messages"


def wait_until(condition: Callable[[], object], what: str, seconds: float = DEADLINE_SECONDS):
    """Poll `condition` every 0.1 s until it is true; its value, or AssertionError naming `what`."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out after {seconds} s waiting for {what}"
        time.sleep(0.1)


class PrivateRedis:
    """A redis-server of the test's own on a free port: no persistence, stopped and started at
    will on the same port (what a Redis restart looks like to the app)."""

    def __init__(self, directory: Path) -> None:
        self.port = free_port()
        self.directory = directory
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [shutil.which("redis-server") or "redis-server", "--port", str(self.port)]
        command += ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        command += ["--daemonize", "no", "--dir", str(self.directory)]
        log = (self.directory / "redis.log").open("ab")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        wait_until(self.answers, "the private redis-server to answer")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_connect_timeout=1)

    def answers(self) -> bool:
        try:
            return bool(self.client().ping())
        except redis.RedisError:
            assert self.process is None or self.process.poll() is None, "redis-server exited"
            return False

    def waiting(self, queue: str = "celery") -> int:
        """Messages in the broker that no worker has acknowledged yet (ready or delivered)."""
        client = self.client()
        return client.llen(queue) + client.hlen("unacked")

    def unacknowledged(self) -> list[tuple[bytes, float]]:
        """(delivery tag, when it was delivered) of each task a worker took and never acked."""
        return self.client().zrange("unacked_index", 0, -1, withscores=True)


def _reset_broker_connections() -> None:
    """Close the app's pooled broker connections and forget the pools (kombu keeps them by URL,
    closed ones too), so that the next publish connects to conf.broker_url afresh."""
    kombu.pools.reset()
    celery_app._pool = None
    amqp = celery_app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@contextlib.contextmanager
def broker_at(url: str, django_settings) -> Iterator[None]:
    """The app publishes its tasks to the Redis at `url` (not eagerly) for the block."""
    previous = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    django_settings.CELERY_BROKER_URL = django_settings.REDIS_URL = url
    celery_app.conf.broker_url = url
    celery_app.conf.task_always_eager = False
    _reset_broker_connections()
    try:
        yield
    finally:
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = previous
        _reset_broker_connections()


def run_queued_tasks(private: PrivateRedis, queue: str = "celery") -> int:
    """Take the tasks waiting in the broker one by one and run them here, as a worker would
    (their own enqueues go back to the broker and are run too); how many ran."""
    client = private.client()
    ran = 0
    while (raw := client.rpop(queue)) is not None:
        message = json.loads(raw)
        args, kwargs, _ = json.loads(base64.b64decode(message["body"]))
        celery_app.tasks[message["headers"]["task"]].apply(args=args, kwargs=kwargs)
        ran += 1
    return ran


class FakeGraph:
    """The Graph API's messages endpoint on a threaded local server: every POST is accepted with
    a new wamid and kept (recipient, our message id from biz_opaque_callback_data, text)."""

    def __init__(self) -> None:
        self.server = HTTPServer(host="127.0.0.1", port=free_port(), threaded=True)
        self.sent: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()
        self.server.expect_request(GRAPH_PATH, method="POST").respond_with_handler(self._accept)

    @property
    def base_url(self) -> str:
        return self.server.url_for("/").rstrip("/")

    def _accept(self, request: Request) -> Response:
        body = json.loads(request.get_data())
        text = (body.get("text") or body.get("interactive", {}).get("body") or {}).get("body", "")
        sent = (body.get("to", ""), body.get("biz_opaque_callback_data", ""), text)
        with self._lock:
            self.sent.append(sent)
            wamid = f"wamid.FAKE-{len(self.sent)}"
        answer = {"messaging_product": "whatsapp", "messages": [{"id": wamid}]}
        return Response(json.dumps(answer), content_type="application/json")

    def posts(self) -> int:
        with self._lock:
            return len(self.sent)

    def times_posted(self) -> Counter[str]:
        """How many times each of our messages was posted, by its callback data."""
        with self._lock:
            return Counter(callback for _, callback, _ in self.sent)

    def received(self, starting: str) -> Counter[str]:
        """How many replies whose text starts with `starting` each recipient was sent."""
        with self._lock:
            return Counter(to for to, _, text in self.sent if text.startswith(starting))

    def __enter__(self) -> "FakeGraph":
        self.server.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.clear()
        if self.server.is_running():
            self.server.stop()


def graph_settings(graph: FakeGraph) -> dict[str, str]:
    """The settings (and worker environment) that send replies to `graph`."""
    return {
        "WHATSAPP_GRAPH_API_BASE": graph.base_url,
        "WHATSAPP_API_VERSION": "v21.0",
        "WHATSAPP_ACCESS_TOKEN": "test-access-token",
        "WHATSAPP_PHONE_NUMBER_ID": settings.WHATSAPP_PHONE_NUMBER_ID,
    }
