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
import signal
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


def run_scale(scale: str, *, with_http: bool, webhook_only: bool = False) -> dict[str, Any]:
    from bench import seed

    print(f"bench [{scale}]: seeding {common.database_name(scale)} by COPY ...", flush=True)
    seeded = seed.seed(scale)
    print(f"bench [{scale}]: seeded in {seeded['seed_s']} s; measuring", flush=True)
    profile = PROFILES[scale]
    from bench import operations

    rng = random.Random(11)
    fixtures = operations.load_fixtures(rng)
    conn = operations.raw_connection()
    rows = []
    if not webhook_only:
        operations.check_same_results(conn, fixtures)
        timings = operations.measure_reads(conn, fixtures, profile.read_runs, profile.min_runs)
        timings.append(operations.measure_bulk(conn, fixtures, profile.bulk_runs))
        rows = [t.row() for t in timings]
    webhook = None
    if with_http or webhook_only:
        http_rows, webhook = _http_part(scale, profile, conn, fixtures, api=not webhook_only)
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


def _http_part(
    scale: str, profile: Profile, conn: Any, fixtures: Any, *, api: bool = True
) -> tuple[list, dict]:
    import redis
    from django.conf import settings

    from bench import api_ops, load, web

    rows: list[dict] = []
    queue = redis.Redis.from_url(settings.REDIS_URL)
    queue.flushdb()  # the bench's own Redis db: only this run's tasks are counted
    generator = load.generator()
    run_id = uuid.uuid4().hex[:8]
    options = {
        "generator": generator,
        "run_id": run_id,
        "connections": profile.senders,
        "seconds": profile.seconds,
        "warmup": profile.warmup_seconds,
    }
    # The baseline first, alone on the machine (tria's gunicorn and ingester are not running).
    with web.baseline_gunicorn() as port:
        print(f"bench [{scale}]: baseline receiver on port {port}; webhook load ({generator})")
        cpu = load.CpuMeter(web=web.SERVED[port])
        baseline, expected = load.run(port, **options, cpu=cpu)
    tasks = web.baseline_tasks(queue, run_id)
    baseline["stored"] = load.verify(web.baseline_wamids(run_id), expected, tasks)
    with web.gunicorn() as port:
        print(f"bench [{scale}]: gunicorn on port {port}; API and webhook", flush=True)
        try:
            rows += api_ops.measure(port, conn, fixtures, profile) if api else []
        except (RuntimeError, ImportError) as exc:
            print(f"bench [{scale}]: API not measured: {exc}", flush=True)
        with web.ingester() as ingesters:
            names = ["ingester", *(f"ingester{n}" for n in range(2, len(ingesters) + 1))]
            pids = {name: p.pid for name, p in zip(names, ingesters, strict=True)}
            cpu = load.CpuMeter(web=web.SERVED[port], **pids)
            hook, expected = load.run(port, **options, window=web.InboxWindow(), cpu=cpu)
            hook["inbox_drained_after_s"] = round(web.wait_for_inbox(), 2)
            hook["ingesters"] = len(ingesters)
    tasks = web.tria_tasks(queue, run_id)  # each stored message in one processing task
    hook["stored"] = load.verify(web.stored_wamids(run_id), expected, tasks)
    hook["tasks_queued"] = tasks[0]
    hook["celery"] = "no worker: tasks left queued in the bench Redis db, flushed after the run"
    hook["gunicorn"] = _gunicorn_settings()
    hook["baseline"] = baseline
    hook["ratio_accepted"] = round(hook["msgs_per_s"] / baseline["msgs_per_s"], 3)
    hook["ratio_p99"] = round(hook["p99_ms"] / baseline["p99_ms"], 2)
    hook["ratio_cpu_per_msg"] = round(
        hook["cpu_ms_per_msg"]["total"] / baseline["cpu_ms_per_msg"]["total"], 2
    )
    hook["generator"] = generator
    queue.flushdb()
    return rows, hook


def _gunicorn_settings() -> str:
    """tria's worker model in this run, as gunicorn.conf.py (and BENCH_GUNICORN_ARGS) set it."""
    import os

    from bench import web

    config: dict[str, Any] = {}
    exec((common.ROOT / web.GUNICORN_CONFIG).read_text(), config)  # noqa: S102 (our own file)
    text = f"{config.get('worker_class', 'sync')}, {config.get('workers', 1)} workers"
    if config.get("threads", 1) > 1:
        text += f" x {config['threads']} threads"
    extra = os.environ.get("BENCH_GUNICORN_ARGS", "")
    app = os.environ.get("BENCH_GUNICORN_APP", "")
    extra += f" app {app}" if app else ""
    ingesters = os.environ.get("BENCH_INGESTERS", "")
    extra += f" ingesters {ingesters}" if ingesters else ""
    return f"{text} (gunicorn.conf.py{'; overridden: ' + extra.strip() if extra else ''})"


def check_targets(rows: list[dict], webhook: dict | None) -> dict[str, Any]:
    """Each target of issue 9 with the measured figure and whether it holds."""
    by_name = {r["name"]: r for r in rows}
    result: dict[str, Any] = {}
    for name, (key, limit) in TARGETS.items():
        if name in by_name and by_name[name].get(key) is not None:
            value = by_name[name][key]
            result[name] = {"measure": key, "value": value, "limit": limit, "ok": value <= limit}
    if webhook:
        from bench import load

        stored_ok = load.stored_once(webhook["stored"])
        result["webhook_ingest"] = {
            "msgs_per_s": webhook["msgs_per_s"],
            "p95_ms": webhook["p95_ms"],
            "stored_per_s": webhook["stored_per_s"],
            "ok": webhook["msgs_per_s"] >= 500
            and webhook["stored_per_s"] >= 500
            and webhook["p95_ms"] < 50
            and webhook["errors"] == 0
            and stored_ok,
        }
        # Issue 21: next to the bare-WSGI baseline, in the same run, with the same generator.
        baseline = webhook["baseline"]
        result["webhook_vs_baseline"] = {
            "ratio_accepted": webhook["ratio_accepted"],
            "ratio_accepted_min": 0.8,
            "ratio_p99": webhook["ratio_p99"],
            "ratio_p99_max": 3.0,
            "inbox_backlog_max": webhook["inbox_backlog_max"],
            "ok": webhook["ratio_accepted"] >= 0.8
            and webhook["ratio_p99"] <= 3.0
            and webhook["inbox_backlog_max"] <= webhook["msgs_per_s"]  # under 1 s of traffic
            and baseline["errors"] == 0
            and load.stored_once(baseline["stored"])
            and stored_ok,
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
        print_webhook(hook, targets)


def print_webhook(hook: dict[str, Any], targets: dict[str, Any]) -> None:
    """The side-by-side table: the bare-WSGI baseline and tria's webhook, same run, same load."""
    base = hook["baseline"]
    print(
        f"\nwebhook load: {hook['generator']}, {hook['connections']} connections,"
        f" {hook['seconds']:g} s after a warm-up; tria: {hook['gunicorn']} + ingest_webhooks"
        f" x {hook.get('ingesters', 1)}"
    )
    print(
        f"{'receiver':<22}{'accepted/s':>11}{'stored/s':>10}{'p50':>10}{'p95':>10}{'p99':>10}"
        f"{'errors':>8}{'stored once':>14}  CPU ms/msg"
    )
    for name, row, stored_per_s in (
        ("bare WSGI baseline", base, base["msgs_per_s"]),
        ("tria", hook, hook["stored_per_s"]),
    ):
        check = row["stored"]
        print(
            f"{name:<22}{row['msgs_per_s']:>11.0f}{stored_per_s:>10.0f}"
            f"{row['p50_ms']:>8.2f}ms{row['p95_ms']:>8.2f}ms{row['p99_ms']:>8.2f}ms"
            f"{row['errors']:>8}{check['stored_distinct']:>8}/{check['stored']:<6}"
            f"{_cpu_text(row.get('cpu_ms_per_msg'))}"
        )
    versus = targets["webhook_vs_baseline"]
    print(
        f"tria / baseline: accepted {hook['ratio_accepted']:.2f}x (target >= 0.8),"
        f" p99 {hook['ratio_p99']:.2f}x (target <= 3), CPU per message"
        f" {hook.get('ratio_cpu_per_msg', 0):.2f}x; inbox at most {hook['inbox_backlog_max']}"
        f" rows, empty {hook['inbox_drained_after_s']} s after the load;"
        f" every accepted message stored once by both: {'yes' if _both_stored(hook) else 'NO'}"
        f"  {'ok' if versus['ok'] else 'MISSED'}"
    )
    ok = targets["webhook_ingest"]["ok"]
    print(f"webhook_ingest (>=500/s accepted and stored, p95 <50 ms): {'ok' if ok else 'MISSED'}")


def _cpu_text(cpu: dict[str, float] | None) -> str:
    if not cpu:
        return ""
    parts = " + ".join(f"{name} {value:.2f}" for name, value in cpu.items() if name != "total")
    return f"{cpu['total']:.2f} ({parts})"


def _both_stored(hook: dict[str, Any]) -> bool:
    from bench import load

    return all(load.stored_once(row["stored"]) for row in (hook, hook["baseline"]))


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
    # gunicorn, the ingester and wrk are stopped on the way out, also on SIGTERM, and on Ctrl-C
    # when started in the background (where SIGINT starts ignored).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["all", *PROFILES], default="all")
    parser.add_argument("--no-http", action="store_true", help="skip gunicorn, API and webhook")
    parser.add_argument(
        "--webhook-only",
        action="store_true",
        help="only the webhook next to the baseline (worker models: BENCH_GUNICORN_ARGS);"
        " written to var/bench-webhook-SCALE.json unless --output says otherwise",
    )
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    if args.output is None:
        args.output = common.RESULTS
        if args.webhook_only:
            args.output = common.ROOT / "var" / f"bench-webhook-{args.scale}.json"
    started = time.perf_counter()
    if args.scale == "all":
        for scale in ("default", "large"):
            command = [sys.executable, "-m", "bench.run", "--scale", scale, "--output"]
            command += [str(args.output), *(["--no-http"] if args.no_http else [])]
            command += ["--webhook-only"] if args.webhook_only else []
            if subprocess.run(command, cwd=common.ROOT).returncode:
                return 1
        print(f"\nbench: both scales in {time.perf_counter() - started:.0f} s -> {args.output}")
        return 0
    entry = run_scale(args.scale, with_http=not args.no_http, webhook_only=args.webhook_only)
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
