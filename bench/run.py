"""make bench: seed a bench database, measure tria next to raw PostgreSQL, print and save the table.

    python -m bench.run                  # both scales: default (200,000 messages), then large (2M)
    python -m bench.run --scale default  # one scale
    python -m bench.run --scale smoke    # a tiny run (seconds) that keeps the benchmark working

Each scale runs in its own process (Django is set up once per database) and replaces its entry in
bench/results/latest.json. The bench databases are tria_bench, tria_bench_large, tria_bench_smoke;
Redis db 15 (BENCH_REDIS_URL) holds the webhook's queued tasks and is flushed at the end.
"""

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import common


@dataclass(frozen=True)
class Profile:
    """How long to measure at a scale."""

    read_runs: float  # multiplier of each read's run count
    min_runs: int
    bulk_runs: int
    http_runs: int
    api_bulk_runs: int
    senders: int
    seconds: float
    warmup_seconds: float


PROFILES = {
    "smoke": Profile(0.05, 5, 2, 5, 2, 2, 1.0, 0.3),
    "default": Profile(1.0, 50, 10, 200, 10, 8, 20.0, 2.0),
    "large": Profile(1.0, 50, 10, 200, 10, 8, 20.0, 2.0),
}

TARGETS = {
    "session_lookup": ("ratio", 2.5),
    "session_timeline": ("ratio", 2.5),
    "history_100": ("ratio", 2.0),
    "top_users": ("ratio", 2.0),
    "intent_confidence": ("ratio", 2.0),
    "bulk_insert_1000": ("ratio", 2.0),
    "intent_distribution_30d": ("tria_median_ms", 5.0),
    "api_session_lookup": ("tria_median_ms", 5.0),
    "api_bulk_insert_1000": ("tria_median_ms", 150.0),
}


# ------------------------------------------------------------------ one scale


def run_scale(scale: str, *, with_http: bool) -> dict[str, Any]:
    from bench import seed

    print(f"bench [{scale}]: seeding {common.database_name(scale)} by COPY ...", flush=True)
    seeded = seed.seed(scale)
    print(f"bench [{scale}]: seeded in {seeded['seed_s']} s; measuring", flush=True)
    profile = PROFILES[scale]
    from bench import operations

    rng = random.Random(11)
    fixtures = operations.load_fixtures(rng)
    conn = operations.raw_connection()
    operations.check_same_results(conn, fixtures)
    timings = operations.measure_reads(conn, fixtures, profile.read_runs, profile.min_runs)
    timings.append(operations.measure_bulk(conn, fixtures, profile.bulk_runs))
    rows = [t.row() for t in timings]
    webhook = None
    if with_http:
        http_rows, webhook = _http_part(scale, profile, conn, fixtures)
        rows += http_rows
    conn.close()
    return {
        "scale": {"name": scale, **seeded},
        "machine": common.machine(),
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": common.git_commit(),
        "operations": rows,
        "webhook_ingest": webhook,
        "targets": check_targets(rows, webhook),
    }


def _http_part(scale: str, profile: Profile, conn: Any, fixtures: Any) -> tuple[list, dict]:
    import redis
    from django.conf import settings

    from bench import api_ops, web

    rows: list[dict] = []
    queue = redis.Redis.from_url(settings.REDIS_URL)
    queue.flushdb()  # the bench's own Redis db: only this run's tasks are counted
    with web.gunicorn() as port:
        print(f"bench [{scale}]: gunicorn on port {port}; API and webhook", flush=True)
        try:
            rows += api_ops.measure(port, conn, fixtures, profile)
        except (RuntimeError, ImportError) as exc:
            print(f"bench [{scale}]: API not measured: {exc}", flush=True)
        run_id = uuid.uuid4().hex[:8]
        with web.ingester():
            load = web.webhook_load(
                port,
                senders=profile.senders,
                seconds=profile.seconds,
                warmup=profile.warmup_seconds,
                run_id=run_id,
            )
    sent = load.pop("sent_wamids")
    load["stored"] = web.stored_once(run_id, sent)
    load["celery"] = "no worker: tasks left queued in the bench Redis db, flushed after the run"
    load["tasks_queued"] = queue.llen("celery")  # one processing task per stored message
    queue.flushdb()
    return rows, load


def check_targets(rows: list[dict], webhook: dict | None) -> dict[str, Any]:
    """Each target of issue 9 with the measured figure and whether it holds."""
    by_name = {r["name"]: r for r in rows}
    result: dict[str, Any] = {}
    for name, (key, limit) in TARGETS.items():
        if name in by_name and by_name[name].get(key) is not None:
            value = by_name[name][key]
            result[name] = {"measure": key, "value": value, "limit": limit, "ok": value <= limit}
    if webhook:
        stored = webhook["stored"]
        result["webhook_ingest"] = {
            "msgs_per_s": webhook["msgs_per_s"],
            "p95_ms": webhook["p95_ms"],
            "stored_per_s": webhook["stored_per_s"],
            "ok": webhook["msgs_per_s"] >= 500
            and webhook["stored_per_s"] >= 500
            and webhook["p95_ms"] < 50
            and webhook["errors"] == 0
            and stored["sent"] == stored["stored"] == stored["stored_distinct"]
            and webhook["tasks_queued"] == stored["sent"],
        }
    return result


# ------------------------------------------------------------------ output


def print_table(entry: dict[str, Any]) -> None:
    scale = entry["scale"]
    print(
        f"\nscale {scale['name']}: {scale['users']:,} users, {scale['sessions']:,} sessions,"
        f" {scale['messages']:,} messages  ({entry['machine']['cpu']},"
        f" {entry['machine']['cores']} cores, PostgreSQL {entry['machine']['postgresql']})"
    )
    print(
        f"{'operation':<26}{'tria median':>12}{'tria p95':>10}{'raw median':>12}{'ratio':>7}"
        f"{'target':>14}"
    )
    targets = entry["targets"]
    for row in entry["operations"]:
        target = targets.get(row["name"])
        mark = ""
        if target:
            unit = "x" if target["measure"] == "ratio" else " ms"
            mark = f"{'ok' if target['ok'] else 'MISSED'} <={target['limit']:g}{unit}"
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}"
        print(
            f"{row['name']:<26}{row['tria_median_ms']:>10.3f}ms{row['tria_p95_ms']:>8.2f}ms"
            f"{row['raw_median_ms']:>10.3f}ms{ratio:>7}{mark:>14}"
        )
    hook = entry.get("webhook_ingest")
    if hook:
        ok = targets["webhook_ingest"]["ok"]
        print(
            f"webhook_ingest: {hook['msgs_per_s']:.0f} msgs/s accepted and"
            f" {hook['stored_per_s']:.0f} stored with {hook['senders']} senders,"
            f" p50 {hook['p50_ms']} ms, p95 {hook['p95_ms']} ms, p99 {hook['p99_ms']} ms,"
            f" errors {hook['errors']}, stored once {hook['stored']['stored_distinct']}"
            f"/{hook['stored']['sent']}, inbox at most {hook['inbox_backlog_max']},"
            f" empty {hook['inbox_drained_after_s']} s after"
            f"  {'ok' if ok else 'MISSED'} (>=500/s, p95 <50 ms)"
        )


def save(entry: dict[str, Any], path: Path) -> None:
    """Replace this scale's entry in the results file (a list, one entry per scale)."""
    entries: list[dict] = []
    if path.exists():
        try:
            entries = json.loads(path.read_text())
        except ValueError:
            entries = []
    name = entry["scale"]["name"]
    keep = [e for e in entries if e.get("scale", {}).get("name") not in (name, "smoke")]
    entries = [*keep, entry]
    order = {"default": 0, "large": 1, "smoke": 2}
    entries.sort(key=lambda e: order.get(e["scale"]["name"], 3))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(entries, indent=2) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["all", *PROFILES], default="all")
    parser.add_argument("--no-http", action="store_true", help="skip gunicorn, API and webhook")
    parser.add_argument("--output", type=Path, default=common.RESULTS)
    args = parser.parse_args()
    started = time.perf_counter()
    if args.scale == "all":
        for scale in ("default", "large"):
            command = [sys.executable, "-m", "bench.run", "--scale", scale, "--output"]
            command += [str(args.output), *(["--no-http"] if args.no_http else [])]
            if subprocess.run(command, cwd=common.ROOT).returncode:
                return 1
        print(f"\nbench: both scales in {time.perf_counter() - started:.0f} s -> {args.output}")
        return 0
    entry = run_scale(args.scale, with_http=not args.no_http)
    print_table(entry)
    save(entry, args.output)
    missed = [name for name, t in entry["targets"].items() if not t["ok"]]
    print(
        f"bench [{args.scale}]: {time.perf_counter() - started:.0f} s;"
        f" {'targets missed: ' + ', '.join(missed) if missed else 'every target holds'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
