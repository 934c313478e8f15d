"""Fault (b): a worker killed with SIGKILL in the middle of a turn leaves one order and one reply
after redelivery.

Real processes: a private redis-server as the broker, and real Celery workers (solo pool, late
acks, a 5-second visibility timeout) on the test database. OpenAI and the Graph API are real
local HTTP servers. OpenAI holds the first request open, so the first worker is inside the turn
(reading the order: nothing committed, nothing sent) when it is killed; a second worker gets the
task again once the visibility timeout has passed, and OpenAI answers it at once.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from conversations import services
from conversations.models import ConversationMessage, OutboxEntry, OutboxState, Role
from orders.models import Order
from tests.conversations.whatsapp_support import post, text_payload
from tests.e2e.gunicorn import database_url, free_port
from tests.factories import OutletContactFactory
from tests.faults.support import FakeGraph, PrivateRedis, broker_at, graph_settings, wait_until
from tests.orders.support import chat_completion, items_answer, load_catalogue

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
WA_ID = "6591250001"
ORDER_TEXT = "Hi, we need 400 boxes for 10 inch pizzas"
VISIBILITY_TIMEOUT = 5
STALL_SECONDS = 90  # longer than the test waits: the first worker never gets an answer


class StallingOpenAI:
    """chat.completions on a threaded local server: the first request is held open (until the
    test ends), every later one gets the order's items at once."""

    def __init__(self) -> None:
        self.server = HTTPServer(host="127.0.0.1", port=free_port(), threaded=True)
        self.stalled = threading.Event()
        self.release = threading.Event()
        self.requests = 0
        self._lock = threading.Lock()
        self.server.expect_request("/v1/chat/completions", method="POST").respond_with_handler(
            self._answer
        )

    def _answer(self, request: Request) -> Response:
        with self._lock:
            self.requests += 1
            first = self.requests == 1
        if first:
            self.stalled.set()
            self.release.wait(STALL_SECONDS)
            return Response("stalled", status=503)
        item = {"product": "pizza box", "quantity": 400, "unit": "pcs", "size": "10 inch"}
        body = chat_completion(items_answer(item))
        return Response(json.dumps(body), content_type="application/json")

    def __enter__(self) -> "StallingOpenAI":
        self.server.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        self.server.clear()
        if self.server.is_running():
            self.server.stop()


def _worker_env(broker_url: str, openai: StallingOpenAI, graph: FakeGraph) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url(),  # the test database, where this test commits
        "REDIS_URL": broker_url,
        "CELERY_BROKER_URL": broker_url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "OPENAI_API_KEY": "sk-test",
        "OPENAI_BASE_URL": openai.server.url_for("/v1"),
        "OPENAI_MAX_RETRIES": "0",
        "OPENAI_TIMEOUT_SECONDS": str(STALL_SECONDS * 2),
        "DJANGO_SETTINGS_MODULE": "tria.settings",
        **graph_settings(graph),
    }


def _start_worker(name: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "tria", "worker", "--pool", "solo"]
    command += ["--concurrency", "1", "--loglevel", "INFO", "--hostname", f"{name}@%h"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    with log.open("ab") as output:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)


def _alive(worker: subprocess.Popen, log: Path) -> None:
    assert worker.poll() is None, f"the worker exited:\n{log.read_text()[-3000:]}"


def test_a_worker_killed_in_the_middle_of_a_turn_leaves_one_order_and_one_reply(
    client, settings, tmp_path
):
    load_catalogue()
    OutletContactFactory(phone=f"+{WA_ID}")
    private_redis = PrivateRedis(tmp_path)
    workers: list[subprocess.Popen] = []
    log = tmp_path / "workers.log"
    with StallingOpenAI() as openai, FakeGraph() as graph:
        try:
            private_redis.start()
            env = _worker_env(private_redis.url, openai, graph)
            with broker_at(private_redis.url, settings):
                assert (
                    post(
                        client, text_payload(ORDER_TEXT, wa_id=WA_ID, at=int(time.time()))
                    ).status_code
                    == 200
                )
            message = ConversationMessage.objects.get(role=Role.USER)

            workers.append(_start_worker("first", env, log))
            wait_until(
                lambda: _alive(workers[0], log) or openai.stalled.is_set(),
                "the first worker to be inside the turn",
            )
            workers[0].send_signal(signal.SIGKILL)
            assert workers[0].wait(timeout=30) == -signal.SIGKILL
            assert not Order.objects.exists()  # killed before the turn committed anything
            assert graph.posts() == 0

            # The killed turn's task is still in Redis, unacknowledged; once the visibility
            # timeout has passed the next worker's first sweep of unacknowledged tasks (which it
            # makes as it starts) puts it back in the queue.
            (delivered_at,) = [at for _, at in private_redis.unacknowledged()]
            wait_until(
                lambda: time.time() > delivered_at + VISIBILITY_TIMEOUT + 0.5,
                "the visibility timeout of the killed turn's task",
            )
            workers.append(_start_worker("second", env, log))

            def settled() -> bool:
                _alive(workers[1], log)
                message.refresh_from_db()
                sending = OutboxEntry.objects.filter(
                    state__in=(OutboxState.PENDING, OutboxState.SENDING)
                )
                return (
                    message.processed_at is not None
                    and OutboxEntry.objects.exists()
                    and not sending.exists()
                    and private_redis.waiting() == 0
                )

            wait_until(settled, "the task to be redelivered, the turn done and its replies sent")
        finally:
            for worker in workers:
                if worker.poll() is None:
                    worker.kill()
                    worker.wait(timeout=30)
            private_redis.stop()

    assert set(OutboxEntry.objects.values_list("state", flat=True)) == {OutboxState.SENT}
    assert openai.requests == 2  # the killed turn, then the redelivered one
    order = Order.objects.get()
    assert order.source_message_id == message.pk
    replies = ConversationMessage.objects.filter(role=Role.ASSISTANT)
    # each reply (the confirmation, then the rating request) posted once; one confirmation
    assert graph.times_posted() == {
        services.callback_data(pk): 1 for pk in replies.values_list("pk", flat=True)
    }
    assert graph.received("Order processed!") == {WA_ID: 1}
