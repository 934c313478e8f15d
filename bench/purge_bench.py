"""Measure the retention purge: N expired messages deleted while another process keeps inserting.

    python bench/purge_bench.py                      # 1,000,000 expired + 1,000,000 recent messages
    python bench/purge_bench.py --expired 100000 --recent 100000 --batch-size 2000

Runs in its own database, tria_purge_bench (dropped and re-created; synthetic data only), seeded
by COPY. Then a second process records messages through conversations.services.record_message
(the ingestion path: insert, session counter, summary upsert, day stats, one transaction each)
as fast as it can, timing every call, while this process runs
conversations.retention.purging.purge().
Reports the purge's time and rows/s, and the inserts' latency before and during the purge.
Goal (issue 7): well over 50,000 rows/s, and no insert blocked for more than 100 ms.
"""

import argparse
import base64
import datetime as dt
import hashlib
import io
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "tria_purge_bench"
SEED_TEMPLATE = "tria_purge_bench_seed"
INSERTER_APP = "purge-bench-inserter"
RESULTS = ROOT / "bench" / "results" / "purge_bench.json"
BENCH_ENV = {  # bench-only values: the bench database holds synthetic data only
    "DEBUG": "0",
    "SECRET_KEY": "purge-bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "PSEUDONYM_SECRET": "purge-bench-only-pseudonym-secret",
    "FIELD_ENCRYPTION_KEY": base64.urlsafe_b64encode(b"purge-bench-only-field-key-32by!").decode(),
    "DB_POOL": "0",
    "LOG_LEVEL": "WARNING",
    "CELERY_TASK_ALWAYS_EAGER": "1",
}
TEXTS = [
    "Hi, we need 400 boxes for 10 inch pizzas",
    "Can send 2 cartons of 12oz paper cups tomorrow?",
    "Order confirmed: 400 x 10-inch pizza box, delivery tomorrow morning.",
    "Pls add 1000 pcs 8oz soup containers with lids",
]


def configure() -> None:
    """Point this process and its children at the bench database, before Django starts."""
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tria")
    os.environ["DATABASE_URL"] = base.rsplit("/", 1)[0] + "/" + DATABASE
    os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    os.environ.update(BENCH_ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tria.settings"
    sys.path.insert(0, str(ROOT))


def admin_conninfo() -> str:
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres"


def recreate_database(template: str | None = None) -> None:
    import psycopg

    with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DATABASE}" + (f" TEMPLATE {template}" if template else ""))


def seed_template_matches(label: str) -> bool:
    """A seeded copy (tria_purge_bench_seed) of the same sizes exists: clone it, skip seeding."""
    import psycopg

    with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [SEED_TEMPLATE],
        ).fetchone()
    return bool(row) and row[0] == label


def seed_label(args: argparse.Namespace) -> str:
    """Sizes and the migrations the seed was made with (a new migration means a new seed)."""
    migrations = sorted(p.name for p in ROOT.glob("*/migrations/0*.py"))
    digest = hashlib.sha256("\n".join(migrations).encode()).hexdigest()[:12]
    return f"expired={args.expired} recent={args.recent} sessions={args.sessions} m={digest}"


def drop_order_fk() -> None:
    """The what-if of --without-order-fk: no per-row foreign key check when a message goes."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass"
            " AND contype = 'f' AND confrelid = 'conversation_messages'::regclass"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'ALTER TABLE orders DROP CONSTRAINT "{name}"')


def _close_django_connection() -> None:
    from django.db import connection

    connection.close()


def save_seed_template(label: str) -> None:
    import psycopg

    with psycopg.connect(admin_conninfo(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {SEED_TEMPLATE}")
        conn.execute(f"CREATE DATABASE {SEED_TEMPLATE} TEMPLATE {DATABASE}")
        conn.execute(f"COMMENT ON DATABASE {SEED_TEMPLATE} IS '{label}'")


# ------------------------------------------------------------------ seeding


def seed(expired: int, recent: int, sessions: int) -> None:
    """Sessions, then the expired messages (lower ids, 91-120 days old), then recent ones."""
    from django.db import connection

    now = dt.datetime.now(dt.UTC)
    rng = random.Random(7)
    session_ids = [uuid.UUID(int=rng.getrandbits(128)) for _ in range(sessions)]
    with connection.cursor() as cursor:
        _copy(cursor, "conversation_sessions", SESSION_COLUMNS, _session_rows(session_ids, now))
        _copy(
            cursor,
            "conversation_messages",
            MESSAGE_COLUMNS,
            _message_rows(
                rng,
                session_ids,
                expired,
                now - dt.timedelta(days=120),
                dt.timedelta(days=29),
                "old",
            ),
        )
        _copy(
            cursor,
            "conversation_messages",
            MESSAGE_COLUMNS,
            _message_rows(
                rng, session_ids, recent, now - dt.timedelta(days=30), dt.timedelta(days=30), "new"
            ),
        )
    _link_orders()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("CHECKPOINT")


SESSION_COLUMNS = (
    "session_id, user_id, language, start_time, last_activity_at, message_count, intents,"
    " context, flagged_for_followup, flag_reason, created_at, updated_at"
)
MESSAGE_COLUMNS = (
    "session_id, role, content, language, intent, confidence, context, pii_scrubbed, timestamp,"
    " created_at, wa_message_id, message_type, delivery_status"
)


def _session_rows(session_ids: list[uuid.UUID], now: dt.datetime):
    start = (now - dt.timedelta(days=150)).isoformat()
    for n, sid in enumerate(session_ids):
        user = f"{n % 5000:064x}"
        yield f"{sid}\t{user}\ten\t{start}\t{start}\t100\t{{}}\t{{}}\tf\t\t{start}\t{start}\n"


def _message_rows(rng, session_ids, count: int, first: dt.datetime, span: dt.timedelta, tag: str):
    step = span / max(count, 1)
    for n in range(count):
        at = (first + step * n).isoformat()
        role = "user" if n % 2 == 0 else "assistant"
        wamid = f"wamid.{tag}{n}" if n % 2 == 0 else r"\N"
        yield (
            f"{rng.choice(session_ids)}\t{role}\t{rng.choice(TEXTS)}\ten\torder_placement\t0.9"
            f"\t{{}}\tt\t{at}\t{at}\t{wamid}\ttext\t\n"
        )


def _copy(cursor, table: str, columns: str, rows) -> None:
    with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        buffer = io.StringIO()
        for n, row in enumerate(rows, 1):
            buffer.write(row)
            if n % 50_000 == 0:
                copy.write(buffer.getvalue())
                buffer = io.StringIO()
        copy.write(buffer.getvalue())


def _link_orders() -> None:
    """1,000 orders placed by expired messages: the purge must unlink them, not fail."""
    from conversations.models import ConversationMessage, Outlet
    from orders.models import Order

    outlet = Outlet.objects.create(name="Bench outlet", address="1 Bench Road")
    placed_by = ConversationMessage.objects.filter(role="user").order_by("id")[:1000]
    Order.objects.bulk_create(
        Order(number=f"BENCH-{m.pk}", outlet=outlet, source_message=m, status="delivered")
        for m in placed_by.only("id")
    )


# ------------------------------------------------------------------ the inserting process


def insert_until_stopped(out_path: str) -> None:
    """Record messages one after another until SIGTERM; write (start, seconds, SQL seconds) of
    each: SQL is the time inside statements, the rest is mostly the commit (WAL flush)."""
    import django

    django.setup()
    from django.db import connection

    from conversations import services
    from conversations.models import ConversationSession

    sessions = list(ConversationSession.objects.order_by("?")[:200])
    stop = False

    def on_term(*_):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_term)
    in_sql = [0.0]

    def timed(execute, sql, params, many, context):
        t0 = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            in_sql[0] += time.perf_counter() - t0

    timings: list[tuple[float, float, float]] = []
    n = 0
    with connection.execute_wrapper(timed):
        while not stop:
            started, t0, in_sql[0] = time.time(), time.perf_counter(), 0.0
            services.record_message(
                session=sessions[n % len(sessions)], role="user", content=TEXTS[n % len(TEXTS)]
            )
            timings.append((started, time.perf_counter() - t0, in_sql[0]))
            n += 1
    Path(out_path).write_text(json.dumps(timings))


# ------------------------------------------------------------------ the measurement


class WaitSampler(threading.Thread):
    """Samples the inserting backend's wait event every 10 ms: is it ever waiting for a lock?"""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.events: Counter[str] = Counter()
        self.running = True

    def run(self) -> None:
        import psycopg

        with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as conn:
            while self.running:
                rows = conn.execute(
                    "SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU')"
                    " FROM pg_stat_activity WHERE application_name = %s AND state = 'active'",
                    [INSERTER_APP],
                ).fetchall()
                self.events.update(row[0] for row in rows)
                time.sleep(0.01)


def measure(batch_size: int, warmup: float) -> dict:
    from conversations.retention import purging

    with tempfile.TemporaryDirectory() as tmp:
        timings_path = Path(tmp) / "timings.json"
        inserter = subprocess.Popen(
            [sys.executable, __file__, "--insert-into", str(timings_path)],
            env={**os.environ, "PGAPPNAME": INSERTER_APP},
        )
        time.sleep(warmup)
        if inserter.poll() is not None:
            raise SystemExit("purge bench: the inserting process stopped (see its error above)")
        sampler = WaitSampler()
        purge_start = time.time()
        sampler.start()
        result = purging.purge(batch_size=batch_size, export_dir=tmp)
        sampler.running = False
        purge_end = time.time()
        time.sleep(1.0)
        inserter.send_signal(signal.SIGTERM)
        if inserter.wait(timeout=120) != 0:
            raise SystemExit("purge bench: the inserting process failed (see its error above)")
        timings = json.loads(timings_path.read_text())
    seconds = purge_end - purge_start
    during = [t for t in timings if purge_start <= t[0] <= purge_end]
    before = [t for t in timings if t[0] < purge_start]
    return {
        "expired_messages_deleted": result.messages,
        "batch_size": batch_size,
        "purge_seconds": round(seconds, 2),
        "rows_per_second": round(result.messages / seconds),
        "inserts_during_purge": len(during),
        "inserts_per_second_during_purge": round(len(during) / seconds, 1),
        "insert_ms_during_purge": _latency([t[1] for t in during]),
        "insert_ms_before_purge": _latency([t[1] for t in before]),
        "insert_sql_ms_during_purge": _latency([t[2] for t in during]),
        "insert_commit_and_python_ms_during_purge": _latency([t[1] - t[2] for t in during]),
        "inserter_wait_events_sampled_during_purge": dict(sampler.events.most_common()),
        "summary_line": result.summary_line(),
    }


def _latency(samples: list[float]) -> dict:
    if not samples:
        return {}
    ms = sorted(s * 1000 for s in samples)
    return {
        "count": len(ms),
        "p50": round(statistics.median(ms), 2),
        "p99": round(ms[int(len(ms) * 0.99) - 1], 2),
        "max": round(ms[-1], 2),
        "over_100ms": sum(1 for m in ms if m > 100),
    }


def machine() -> dict:
    cpu = platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {"cpu": cpu, "cpus": os.cpu_count(), "python": platform.python_version()}


def main() -> None:
    args = parse_args()
    configure()
    if args.insert_into:
        insert_until_stopped(args.insert_into)
        return
    import django

    django.setup()
    prepare_seed(args)
    rounds = []
    for n in range(1, args.rounds + 1):
        _close_django_connection()
        recreate_database(template=SEED_TEMPLATE)
        if args.without_order_fk:
            drop_order_fk()
        rounds.append(measure(args.batch_size, args.warmup))
        print(f"round {n}: {_round_line(rounds[-1])}", flush=True)
    figures = {
        "machine": machine(),
        "load_average": os.getloadavg(),
        "without_order_fk": args.without_order_fk,
        **summarize(rounds),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    results = (
        RESULTS.with_stem("purge_bench_without_order_fk") if args.without_order_fk else RESULTS
    )
    results.write_text(json.dumps(figures, indent=2) + "\n")
    print(json.dumps({k: v for k, v in figures.items() if k != "rounds"}, indent=2))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expired", type=int, default=1_000_000)
    parser.add_argument("--recent", type=int, default=1_000_000)
    parser.add_argument("--sessions", type=int, default=20_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="purges, each on a fresh clone")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of inserts before")
    parser.add_argument(
        "--reuse-seed", action="store_true", help=f"clone {SEED_TEMPLATE} when it has these sizes"
    )
    parser.add_argument(
        "--without-order-fk",
        action="store_true",
        help="what-if: drop the orders.source_message foreign key first (its per-row check)",
    )
    parser.add_argument("--insert-into", help=argparse.SUPPRESS)
    return parser.parse_args()


def prepare_seed(args: argparse.Namespace) -> None:
    """Seed tria_purge_bench and keep it as the template every round is cloned from."""
    from django.core.management import call_command

    label = seed_label(args)
    if args.reuse_seed and seed_template_matches(label):
        print(f"reusing the seeded database {SEED_TEMPLATE} ({label})")
        return
    recreate_database()
    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    seed(args.expired, args.recent, args.sessions)
    print(
        f"seeded {args.expired:,} expired + {args.recent:,} recent messages by COPY"
        f" in {time.perf_counter() - t0:.1f}s"
    )
    _close_django_connection()
    save_seed_template(label)


def _round_line(r: dict) -> str:
    during = r["insert_ms_during_purge"]
    return (
        f"{r['expired_messages_deleted']:,} rows in {r['purge_seconds']}s ="
        f" {r['rows_per_second']:,} rows/s; {r['inserts_during_purge']} inserts meanwhile,"
        f" p99 {during.get('p99')} ms, max {during.get('max')} ms"
        f" (SQL max {r['insert_sql_ms_during_purge'].get('max')} ms);"
        f" lock waits seen: {_lock_samples(r)}"
    )


def _lock_samples(r: dict) -> int:
    events = r["inserter_wait_events_sampled_during_purge"]
    return sum(v for k, v in events.items() if k.startswith("Lock"))


def summarize(rounds: list[dict]) -> dict:
    rates = [r["rows_per_second"] for r in rounds]
    return {
        "rows_per_second_median": round(statistics.median(rates)),
        "rows_per_second_min": min(rates),
        "rows_per_second_max": max(rates),
        "insert_ms_max_during_purge": max(r["insert_ms_during_purge"]["max"] for r in rounds),
        "insert_ms_max_before_purge": max(r["insert_ms_before_purge"]["max"] for r in rounds),
        "insert_sql_ms_max_during_purge": max(
            r["insert_sql_ms_during_purge"]["max"] for r in rounds
        ),
        "inserts_over_100ms_during_purge": sum(
            r["insert_ms_during_purge"]["over_100ms"] for r in rounds
        ),
        "inserts_during_purge": sum(r["inserts_during_purge"] for r in rounds),
        "inserter_lock_wait_samples": sum(_lock_samples(r) for r in rounds),
        "rounds": rounds,
    }


if __name__ == "__main__":
    main()
