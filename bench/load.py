"""The webhook load, the same for both receivers (tria's webhook and the bare-WSGI baseline).

The generator is `wrk` with bench/wrk_webhook.lua when wrk is installed (`make bench` installs
Debian's where apt is available), else a Python client (threads with raw keep-alive sockets):
BENCH_GENERATOR=wrk|python forces one. Either way `connections` connections (wrk: 2 threads)
post unique pre-signed notifications (bench.notifications: 200 customers) for a warm-up, then for
the measured seconds. wrk's figures are its own (`--latency` histogram, done() in the Lua script);
the Python client times each request itself.

What each run returns: the accepted rate (2xx per second), latency p50/p95/p99 in ms, the errors
(non-2xx, connection errors, timeouts), and an `Expected` (which wamids were certainly accepted,
which may have been) for `verify` to compare with what the receiver stored.
"""

import json
import math
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from bench import common, notifications
from bench.measure import median, percentile

WRK_THREADS = 2
LUA = common.ROOT / "bench" / "wrk_webhook.lua"
# Notifications written per wrk thread for the warm-up: enough for 8,000/s.
WARMUP_RATE_CAP = 8_000


def generator() -> str:
    """ "wrk" when installed (unless BENCH_GENERATOR=python), else "python"."""
    wanted = os.environ.get("BENCH_GENERATOR", "auto")
    found = shutil.which("wrk")
    if wanted == "wrk" and not found:
        raise SystemExit("bench: BENCH_GENERATOR=wrk but wrk is not installed")
    if wanted == "python" or not found:
        return "python"
    return "wrk"


class Window(Protocol):
    """What a receiver watches during the measured seconds (tria: the inbox and the ingester)."""

    def begin(self) -> None: ...
    def sample(self) -> None: ...
    def end(self, seconds: float) -> dict[str, Any]: ...


@dataclass
class Expected:
    """The wamids a run sent: `accepted` were answered 2xx (or sent before the last requests
    in flight, wrk); `possible` adds those in flight at the end, which the receiver may have
    stored although the generator never saw their answer."""

    accepted: set[str] = field(default_factory=set)
    possible: set[str] = field(default_factory=set)
    answered_2xx: int = 0
    in_flight_max: int = 0  # stored without an answer seen: at most one per connection and run

    def add(self, other: "Expected") -> None:
        self.accepted |= other.accepted
        self.possible |= other.possible
        self.answered_2xx += other.answered_2xx
        self.in_flight_max += other.in_flight_max


class CpuMeter:
    """CPU seconds the receiver used over the measured seconds, per accepted message: its
    processes with their children (gunicorn's master and workers, the ingester) and the
    PostgreSQL backends connected to the bench database (Linux /proc; the bench's own idle
    connections and its inbox polling included, a few ms). Less sensitive to other jobs on the
    machine than the rates: the same work costs about the same CPU however the cores are shared."""

    def __init__(self, **pids: int) -> None:
        self.pids = pids

    def start(self) -> None:
        self.backends = _database_backends()
        self.before = self._read()

    def stop(self, messages: int) -> dict[str, float]:
        after = self._read()
        per = {k: (after[k] - self.before[k]) * 1000 / max(messages, 1) for k in after}
        per["total"] = sum(per.values())
        return {k: round(v, 3) for k, v in per.items()}

    def _read(self) -> dict[str, float]:
        from bench.web import _cpu_seconds

        found = {name: _cpu_seconds(pid) for name, pid in self.pids.items()}
        found["postgres"] = sum(_cpu_seconds(pid, children=False) for pid in self.backends)
        return found


def _database_backends() -> list[int]:
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return [row[0] for row in rows]


def run(
    port: int,
    *,
    generator: str,
    run_id: str,
    connections: int,
    seconds: float,
    warmup: float,
    window: Window | None = None,
    cpu: CpuMeter | None = None,
) -> tuple[dict[str, Any], Expected]:
    """Warm up, then load `port` for `seconds`; the figures and the wamids to look for."""
    if generator == "wrk":
        figures, expected = _run_wrk(port, run_id, connections, seconds, warmup, window, cpu)
    else:
        figures, expected = _run_python(port, run_id, connections, seconds, warmup, window, cpu)
    return figures, expected


def verify(stored: Iterable[str], expected: Expected, tasks: tuple[int, int]) -> dict[str, int]:
    """Every accepted wamid stored exactly once, nothing that was not sent, one task each
    (`tasks`: the tasks queued for this run's messages, and the distinct messages among them)."""
    stored = list(stored)
    distinct = set(stored)
    return {
        "sent": expected.answered_2xx,
        "stored": len(stored),
        "stored_distinct": len(distinct),
        "missing": len(expected.accepted - distinct),
        "unexpected": len(distinct - expected.possible),
        "in_flight_at_end": len(stored) - expected.answered_2xx,
        "in_flight_max": expected.in_flight_max,
        "tasks_queued": tasks[0],
        "tasks_distinct": tasks[1],
    }


def stored_once(check: dict[str, int]) -> bool:
    return (
        check["stored"] == check["stored_distinct"] == check["tasks_queued"]
        and check["tasks_distinct"] == check["stored"]
        and check["missing"] == 0
        and check["unexpected"] == 0
        and 0 <= check["in_flight_at_end"] <= check["in_flight_max"]
    )


# ------------------------------------------------------------------ wrk


def _run_wrk(
    port: int,
    run_id: str,
    connections: int,
    seconds: float,
    warmup: float,
    window: Window | None,
    cpu: CpuMeter | None,
) -> tuple[dict[str, Any], Expected]:
    threads = min(WRK_THREADS, connections)
    expected = Expected()
    with tempfile.TemporaryDirectory(prefix="tria-bench-wrk-") as tmp:
        directory = Path(tmp)
        warm_id = f"{run_id}w"
        per_thread = math.ceil(WARMUP_RATE_CAP * warmup / threads) + 100
        notifications.write_streams(directory, warm_id, threads, per_thread)
        warm = _wrk(port, directory / warm_id, threads, connections, warmup)
        expected.add(_expected(warm_id, warm, connections // threads))
        rate = warm["ok"] / max(warm["duration_us"] / 1e6, 1e-3)
        # The measured files: 1.6 x the warm-up's rate, so that no thread runs out.
        per_thread = math.ceil(max(rate, 500) * 1.6 * seconds / threads) + 500
        notifications.write_streams(directory, run_id, threads, per_thread)
        process = _start_wrk(port, directory / run_id, threads, connections, seconds)
        try:
            if cpu:
                cpu.start()
            extra = _watch(window, time.perf_counter() + seconds, seconds)
            out, err = process.communicate()
        finally:
            if process.poll() is None:
                process.kill()
        result = _parse_wrk(out, err, process.returncode)
        if cpu:
            extra["cpu_ms_per_msg"] = cpu.stop(result["ok"])
    expected.add(_expected(run_id, result, connections // threads))
    errors = result["non_2xx"] + sum(result["errors"].values()) + warm["non_2xx"]
    errors += sum(warm["errors"].values())
    duration = result["duration_us"] / 1e6
    figures = {
        "generator": "wrk",
        "connections": connections,
        "threads": threads,
        "seconds": round(duration, 2),
        "messages": result["ok"],
        "msgs_per_s": round(result["ok"] / duration, 1),
        "p50_ms": round(result["p50_us"] / 1000, 2),
        "p95_ms": round(result["p95_us"] / 1000, 2),
        "p99_ms": round(result["p99_us"] / 1000, 2),
        "max_ms": round(result["max_us"] / 1000, 2),
        "errors": errors,
        "warmup_messages": warm["ok"],
        **extra,
    }
    if result["exhausted"] or warm["exhausted"]:
        figures["errors"] += 1
        figures["note"] = "a wrk thread ran out of notifications: the rate is a lower bound"
    return figures, expected


def _wrk_command(port: int, prefix: Path, threads: int, connections: int, seconds: float):
    url = f"http://127.0.0.1:{port}{notifications.WEBHOOK_PATH}"
    return [
        shutil.which("wrk") or "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
        url,
        "--",
        str(prefix),
    ]


def _start_wrk(port: int, prefix: Path, threads: int, connections: int, seconds: float):
    command = _wrk_command(port, prefix, threads, connections, seconds)
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wrk(port: int, prefix: Path, threads: int, connections: int, seconds: float) -> dict:
    process = _start_wrk(port, prefix, threads, connections, seconds)
    out, err = process.communicate()
    return _parse_wrk(out, err, process.returncode)


def _parse_wrk(out: str, err: str, returncode: int) -> dict[str, Any]:
    for line in reversed(out.splitlines()):
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise SystemExit(f"bench: wrk failed ({returncode}): {out[-500:]} {err[-1000:]}")


def _expected(run_id: str, result: dict, per_thread_connections: int) -> Expected:
    """Thread t sent its file's first issued[t] notifications; all but the last requests in
    flight (one per connection) were answered, all 2xx unless wrk counted errors. Thread 0's
    first one may never have been sent: wrk calls request() once to check the script."""
    connections = per_thread_connections * len(result["issued"])
    expected = Expected(answered_2xx=result["ok"], in_flight_max=connections)
    clean = not result["non_2xx"] and not any(result["errors"].values())
    for stream, issued in enumerate(result["issued"]):
        sent = [notifications.wamid(run_id, stream, n) for n in range(issued)]
        expected.possible.update(sent)
        if clean:
            expected.accepted.update(sent[: max(0, issued - per_thread_connections)])
    expected.accepted.discard(notifications.wamid(run_id, 0, 0))
    return expected


# ------------------------------------------------------------------ the Python client


@dataclass
class _SenderStats:
    latencies_ms: list[float] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)  # wamids answered 2xx
    failed: list[str] = field(default_factory=list)  # wamids whose request failed
    errors: list[str] = field(default_factory=list)


def _sender(
    port: int,
    stream: int,
    streams: int,
    run_id: str,
    stop_at: float,
    measure_from: float,
    stats: _SenderStats,
) -> None:
    from bench.web import _KeepAlive

    client = _KeepAlive(port)
    n = 0
    while (now := time.perf_counter()) < stop_at:
        wamid, body, signature = notifications.notification(run_id, stream, n, streams)
        n += 1
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature}
        try:
            status, answer = client.post(notifications.WEBHOOK_PATH, body, headers)
        except (OSError, ValueError, AttributeError) as exc:
            stats.errors.append(type(exc).__name__)
            stats.failed.append(wamid)
            client.close()
            continue
        elapsed = (time.perf_counter() - now) * 1000
        answered = json.loads(answer) if status == 200 else {}
        if 1 not in (answered.get("queued"), answered.get("messages")):  # tria; the baseline
            stats.errors.append(f"HTTP {status}")
            stats.failed.append(wamid)
            continue
        stats.sent.append(wamid)
        if now >= measure_from:
            stats.latencies_ms.append(elapsed)
    client.close()


def _run_python(
    port: int,
    run_id: str,
    connections: int,
    seconds: float,
    warmup: float,
    window: Window | None,
    cpu: CpuMeter | None,
) -> tuple[dict[str, Any], Expected]:
    started = time.perf_counter()
    measure_from = started + warmup
    stop_at = measure_from + seconds
    stats = [_SenderStats() for _ in range(connections)]
    threads = [
        threading.Thread(
            target=_sender,
            args=(port, i, connections, run_id, stop_at, measure_from, stats[i]),
        )
        for i in range(connections)
    ]
    for thread in threads:
        thread.start()
    time.sleep(max(0.0, measure_from - time.perf_counter()))
    if cpu:
        cpu.start()
    extra = _watch(window, stop_at, seconds)
    for thread in threads:
        thread.join()
    latencies = [ms for s in stats for ms in s.latencies_ms]
    if cpu:
        extra["cpu_ms_per_msg"] = cpu.stop(len(latencies))
    sent = {w for s in stats for w in s.sent}
    failed = {w for s in stats for w in s.failed}  # answered otherwise, or not at all
    expected = Expected(sent, sent | failed, len(sent), len(failed))
    figures = {
        "generator": "python",
        "connections": connections,
        "threads": connections,
        "seconds": seconds,
        "messages": len(latencies),
        "msgs_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(median(latencies), 2),
        "p95_ms": round(percentile(latencies, 95), 2),
        "p99_ms": round(percentile(latencies, 99), 2),
        "max_ms": round(max(latencies, default=0.0), 2),
        "errors": sum(len(s.errors) for s in stats),
        "warmup_messages": len(sent) - len(latencies),
        **extra,
    }
    return figures, expected


def _watch(window: Window | None, stop_at: float, seconds: float) -> dict[str, Any]:
    """The receiver's window over the measured seconds, sampled every 0.25 s."""
    if window is None:
        time.sleep(max(0.0, stop_at - time.perf_counter()))
        return {}
    window.begin()
    while (left := stop_at - time.perf_counter()) > 0:
        window.sample()
        time.sleep(min(0.25, left))
    return window.end(seconds)
