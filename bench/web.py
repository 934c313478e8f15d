"""The HTTP side: gunicorn against the bench database, the API with a key, the webhook under load.

gunicorn runs as the Procfile runs it (2 workers x 4 threads), without the access log, and so does
the webhook ingester (`manage.py ingest_webhooks`), on the same CPUs: a message counts once it is
stored, not when the webhook accepted it. Celery is not running: the ingester enqueues each
message's processing task into the bench's own Redis db, where the tasks stay until the run ends
and the db is flushed (processing is the worker's job, not the request's).
"""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from bench import common

# tria's gunicorn runs with the Procfile's settings (gunicorn.conf.py), without the access log;
# BENCH_GUNICORN_ARGS adds or overrides options (e.g. "--workers 3 --worker-class sync" to compare).
GUNICORN_CONFIG = "gunicorn.conf.py"
GUNICORN_ARGS = ["--log-level", "warning"]
# The baseline (bench/baseline_webhook.py): 3 sync workers, no Django.
BASELINE_ARGS = ["--workers", "3", "--worker-class", "sync", "--log-level", "warning"]
# The webhook's verification handshake: answers once Django is up, touches no database.
HANDSHAKE = (
    "/webhooks/whatsapp/?hub.mode=subscribe&hub.challenge=1"
    f"&hub.verify_token={common.BENCH_VERIFY_TOKEN}"
)


SERVED: dict[int, int] = {}  # port -> gunicorn master's pid


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _gunicorn_command(app: str, args: list[str], port: int) -> list[str]:
    command = [str(common.ROOT / ".venv" / "bin" / "gunicorn"), app, "--bind", f"127.0.0.1:{port}"]
    if not os.path.exists(command[0]):
        command[0:1] = [sys.executable, "-m", "gunicorn"]
    return command + args


@contextmanager
def _serve(command: list[str], cwd: Path, env: dict[str, str]) -> Iterator[int]:
    port = int(command[command.index("--bind") + 1].rsplit(":", 1)[1])
    process = subprocess.Popen(command, cwd=cwd, env=env)
    SERVED[port] = process.pid
    try:
        _wait_until_up(port, process)
        _wait_until_idle(process.pid)
        yield port
    finally:
        _stop(process)
        SERVED.pop(port, None)


@contextmanager
def gunicorn() -> Iterator[int]:
    """A gunicorn serving tria on a free port; yields the port, stops it afterwards."""
    args = ["--config", GUNICORN_CONFIG, *GUNICORN_ARGS]
    args += os.environ.get("BENCH_GUNICORN_ARGS", "").split()
    # BENCH_GUNICORN_APP=tria.wsgi:full_application: the webhook POST through the whole stack
    app = os.environ.get("BENCH_GUNICORN_APP", "tria.wsgi:application")
    command = _gunicorn_command(app, args, _free_port())
    with _serve(command, common.ROOT, {**os.environ, "WEB_ACCESS_LOG": ""}) as port:
        yield port


@contextmanager
def baseline_gunicorn() -> Iterator[int]:
    """bench/baseline_webhook.py under gunicorn (3 sync workers) on a free port, against the bench
    database (its own tables, created empty) and its own key in the bench's Redis db."""
    from bench import baseline_webhook

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
        conn.execute(baseline_webhook.SCHEMA)
        conn.execute(f"TRUNCATE {baseline_webhook.MESSAGES_TABLE}, {baseline_webhook.COUNTS_TABLE}")
    env = {
        **os.environ,
        "BASELINE_DATABASE_URL": os.environ["DATABASE_URL"],
        "BASELINE_REDIS_URL": os.environ["REDIS_URL"],
        "BASELINE_APP_SECRET": common.BENCH_APP_SECRET,
        "BASELINE_VERIFY_TOKEN": common.BENCH_VERIFY_TOKEN,
    }
    # cwd bench/: gunicorn reads ./gunicorn.conf.py by default, and that one is tria's.
    args = [*BASELINE_ARGS, *os.environ.get("BENCH_BASELINE_ARGS", "").split()]
    command = _gunicorn_command("baseline_webhook:application", args, _free_port())
    with _serve(command, common.ROOT / "bench", env) as port:
        yield port


@contextmanager
def ingester() -> Iterator[list[subprocess.Popen]]:
    """`manage.py ingest_webhooks` as the Procfile runs it, as many as it runs (BENCH_INGESTERS
    overrides the count, to compare); stopped (SIGTERM) afterwards."""
    command = [sys.executable, "manage.py", "ingest_webhooks"]
    env = {**os.environ, "WHATSAPP_INGEST_INLINE": "0"}
    count = max(1, int(os.environ.get("BENCH_INGESTERS") or procfile_ingesters()))
    processes: list[subprocess.Popen] = []
    try:
        for _ in range(count):
            processes.append(
                subprocess.Popen(command, cwd=common.ROOT, env=env, stdout=subprocess.DEVNULL)
            )
        for process in processes:
            _wait_until_idle(process.pid)
            if process.poll() is not None:
                raise SystemExit("bench: the webhook ingester exited at start")
        yield processes
    finally:
        for process in processes:
            _stop(process)


def procfile_ingesters() -> int:
    """How many `manage.py ingest_webhooks` processes the Procfile starts."""
    lines = (common.ROOT / "Procfile").read_text().splitlines()
    return sum(1 for line in lines if "manage.py ingest_webhooks" in line)


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL if it is still there after 15 s."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


def _last_message_id() -> int:
    from conversations.models import ConversationMessage

    return ConversationMessage.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _messages_after(message_id: int) -> int:
    """Messages the ingester stored since `message_id` was the last one (ids grow)."""
    from conversations.models import ConversationMessage

    return ConversationMessage.objects.filter(id__gt=message_id).count()


def inbox_pending() -> int:
    """Notifications accepted by the webhook and not yet stored."""
    from conversations.models import WebhookInbox

    return WebhookInbox.objects.count()


def wait_for_inbox(timeout: float = 120.0) -> float:
    """Seconds until the ingester has stored everything accepted (raises after `timeout`)."""
    started = time.perf_counter()
    while inbox_pending():
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"bench: the webhook inbox did not drain within {timeout:.0f} s")
        time.sleep(0.05)
    return time.perf_counter() - started


def _cpu_seconds(pid: int, children: bool = True) -> float:
    """CPU time of a process and its children (Linux /proc; 0 elsewhere)."""
    total = 0.0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split() if children else []
        for p in [str(pid), *children]:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0
    return total


def _wait_until_idle(pid: int, timeout: float = 20.0) -> None:
    """Until every worker has booted (Django imported): no measurement shares the CPU with it."""
    deadline = time.monotonic() + timeout
    before = _cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = _cpu_seconds(pid)
        if now - before < 0.05:
            return
        before = now


def _wait_until_up(port: int, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("bench: gunicorn exited before serving")
        try:
            status, _ = request(port, "GET", HANDSHAKE)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("bench: gunicorn did not answer within 30 s")


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    conn: http.client.HTTPConnection | None = None,
) -> tuple[int, bytes]:
    """One HTTP request (on `conn` when given, kept alive); returns status and body."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        if own:
            conn.close()


class ApiClient:
    """A kept-alive connection to /api/v1/ with a bearer key; non-2xx answers raise."""

    def __init__(self, port: int, key: str) -> None:
        self.client = _KeepAlive(port)
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def call(self, method: str, path: str, payload: Any = None) -> Any:
        body = b"" if payload is None else json.dumps(payload).encode()
        status, data = self.client.request(method, path, body, self.headers)
        if not 200 <= status < 300:
            raise RuntimeError(f"{method} {path}: HTTP {status}: {data[:300]!r}")
        return json.loads(data) if data else None

    def close(self) -> None:
        self.client.close()


# ------------------------------------------------------------------ webhook under load


class _KeepAlive:
    """A minimal HTTP/1.1 keep-alive client for the load: it sends prepared bytes and reads one
    response (status, body), so that the senders use little of the CPU they share with the
    server (http.client costs about three times as much per request)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock: socket.socket | None = None

    def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        return self.request("POST", path, body, headers)

    def request(
        self, method: str, path: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, bytes]:
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        if self.sock is None:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        self.sock.sendall(head.encode() + body)
        buffer = b""
        while b"\r\n\r\n" not in buffer:
            buffer += self._recv()
        header, _, rest = buffer.partition(b"\r\n\r\n")
        found = _CONTENT_LENGTH.search(header)
        length = int(found.group(1)) if found else 0
        while len(rest) < length:
            rest += self._recv()
        if b"connection: close" in header.lower():
            self.close()
        return int(header[9:12]), rest[:length]

    def _recv(self) -> bytes:
        chunk = self.sock.recv(65536) if self.sock else b""
        if not chunk:
            raise ConnectionError("connection closed by the server")
        return chunk

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


_CONTENT_LENGTH = re.compile(rb"(?i)content-length:\s*(\d+)")


class InboxWindow:
    """tria's side of the measured seconds: the inbox backlog every 0.25 s, and the messages the
    ingester stored meanwhile (ids grow)."""

    def begin(self) -> None:
        self.stored_before = _last_message_id()
        self.backlog = [0]

    def sample(self) -> None:
        self.backlog.append(inbox_pending())

    def end(self, seconds: float) -> dict[str, Any]:
        stored = _messages_after(self.stored_before)
        return {"stored_per_s": round(stored / seconds, 1), "inbox_backlog_max": max(self.backlog)}


def stored_wamids(run_id: str) -> list[str]:
    """The wamids of this run (warm-up included) in tria's messages."""
    from conversations.models import ConversationMessage

    return list(
        ConversationMessage.objects.filter(
            wa_message_id__startswith=f"wamid.bench.{run_id}"
        ).values_list("wa_message_id", flat=True)
    )


def tria_tasks(queue: Any, run_id: str) -> tuple[int, int]:
    """(message ids in the processing tasks queued for this run, distinct ids among them): read
    from the Celery list itself, so that anything else in the Redis db is not counted."""
    import base64

    from conversations.models import ConversationMessage

    ids = set(
        ConversationMessage.objects.filter(
            wa_message_id__startswith=f"wamid.bench.{run_id}"
        ).values_list("id", flat=True)
    )
    found = []
    for raw in queue.lrange("celery", 0, -1):
        try:
            message = json.loads(raw)
            if not message["headers"].get("task", "").endswith(".process_inbound_messages"):
                continue
            batch = json.loads(base64.b64decode(message["body"]))[0][0]  # one task per batch
        except (ValueError, KeyError, IndexError, TypeError):
            continue
        found += [message_id for message_id in batch if message_id in ids]
    return len(found), len(set(found))


def baseline_tasks(queue: Any, run_id: str) -> tuple[int, int]:
    """(list entries pushed for this run's wamids, distinct wamids among them)."""
    from bench import baseline_webhook

    prefix = f"wamid.bench.{run_id}".encode()
    found = [w for w in queue.lrange(baseline_webhook.QUEUE_KEY, 0, -1) if w.startswith(prefix)]
    return len(found), len(set(found))


def baseline_wamids(run_id: str) -> list[str]:
    """The wamids of this run (warm-up included) in the baseline's table."""
    from bench import baseline_webhook

    table = baseline_webhook.MESSAGES_TABLE
    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
        rows = conn.execute(
            f"SELECT wamid FROM {table} WHERE wamid LIKE %s",
            [f"wamid.bench.{run_id}%"],
        ).fetchall()
    return [row[0] for row in rows]


def timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter_ns()
    fn()
    return (time.perf_counter_ns() - started) / 1e6
