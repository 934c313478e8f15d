"""Seed a benchmark database by COPY: users, sessions, messages, summaries and day stats.

Rules: only a database whose name starts with "tria_bench" is ever dropped; the data is synthetic
(generated phone numbers, template texts) and consistent, as if it had come through the services:
each session's message_count, each summary's totals and every day stat equal what the messages say.

    python -m bench.seed --scale default     # 1,000 users, 10,000 sessions, 200,000 messages
    python -m bench.seed --scale large       # 10x: 2,000,000 messages
"""

import argparse
import datetime as dt
import hashlib
import os
import random
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit, urlunsplit

from bench import common

INTENT_WEIGHTS = {
    "order_placement": 30,
    "order_status": 10,
    "delivery_query": 10,
    "product_question": 14,
    "greeting": 14,
    "invoice_query": 5,
    "order_change": 4,
    "complaint": 3,
    "rating": 2,
    "other": 4,
    "": 4,  # not classified yet
}
REPLY_INTENT = {
    "order_placement": "order_confirmation",
    "order_change": "order_confirmation",
    "greeting": "greeting",
    "rating": "rating_request",
}
USER_TEXTS = [
    "Hi, we need 400 boxes for 10 inch pizzas",
    "Can send 2 cartons of 12oz paper cups tomorrow?",
    "Same as last time please",
    "When will my order arrive ah?",
    "Do you have kraft bags with handle, medium size?",
    "Good morning!",
    "Need invoice for last month orders",
    "Make it 500 instead",
    "Pls add 1000 pcs 8oz soup containers with lids",
    "The boxes came wet, can replace?",
    "5",
    "我们需要400个披萨盒",
    "Boleh hantar 300 kotak makanan esok?",
    "Thanks!",
]
ASSISTANT_TEXTS = [
    "Order ORD-2026-000123 confirmed: 400 x 10-inch pizza box, delivery tomorrow morning.",
    "Your order is out for delivery and arrives between 8am and 12pm.",
    "We have kraft bags with handle in S, M and L. Which one would you like?",
    "Hello! What would you like to order today?",
    "Invoice INV-2026-000045 is attached; payment is due in 30 days.",
    "Sorry about that, a colleague will call you today.",
    "How was your order experience, from 1 to 5?",
]
LANGUAGES = ["en"] * 16 + ["zh", "ms", "ta", ""]


@dataclass(frozen=True)
class Scale:
    users: int
    sessions: int
    messages: int
    long_sessions: int  # sessions with 100-200 messages
    days: int = 120


SCALES = {
    "smoke": Scale(users=20, sessions=120, messages=3_000, long_sessions=6),
    "default": Scale(users=1_000, sessions=10_000, messages=200_000, long_sessions=500),
    "large": Scale(users=10_000, sessions=100_000, messages=2_000_000, long_sessions=5_000),
}


# ------------------------------------------------------------------ database


TEMPLATE = "tria_bench_template"


def _admin_url() -> str:
    parts = urlsplit(common.bench_database_url("default"))
    return urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))


def schema_fingerprint() -> str:
    """Changes whenever a migration or a pinned requirement changes."""
    digest = hashlib.sha256()
    paths = [*sorted(common.ROOT.glob("*/migrations/*.py")), common.ROOT / "requirements.txt"]
    for path in paths:
        digest.update(str(path.relative_to(common.ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def ensure_template() -> bool:
    """A migrated, empty database to clone; rebuilt (by `manage.py migrate`) when stale."""
    import psycopg

    fingerprint = schema_fingerprint()
    with psycopg.connect(_admin_url(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [TEMPLATE],
        ).fetchone()
        if row and row[0] == fingerprint:
            return False
        conn.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{TEMPLATE}"')
    env = {**os.environ, "DATABASE_URL": common.bench_database_url("template")}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=common.ROOT,
        env=env,
        check=True,
    )
    with psycopg.connect(_admin_url(), autocommit=True) as conn:
        conn.execute(f"COMMENT ON DATABASE \"{TEMPLATE}\" IS '{fingerprint}'")
    return True


SEEDED_TABLES = [
    "conversation_messages",
    "conversation_sessions",
    "user_interaction_summaries",
    "daily_intent_stats",
    "user_identities",
]


def recreate_database(name: str) -> None:
    """An empty bench database of the current schema (tria_bench* only, never another).

    Cloned from the migrated template when missing or of an older schema; otherwise its seeded
    tables are truncated (dropping a database forces a checkpoint: seconds on a busy server).
    """
    import psycopg

    if not name.startswith("tria_bench") or name == TEMPLATE:
        raise SystemExit(f"refusing to recreate {name!r}: not a tria_bench database")
    fingerprint = schema_fingerprint()
    try:
        with psycopg.connect(_admin_url(), autocommit=True, connect_timeout=5) as conn:
            row = conn.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                [name],
            ).fetchone()
    except psycopg.OperationalError as exc:
        raise SystemExit(f"bench: PostgreSQL is not reachable ({exc.__class__.__name__})") from exc
    if row and row[0] == fingerprint:
        url = urlsplit(common.bench_database_url("default"))
        with psycopg.connect(urlunsplit(url._replace(path=f"/{name}")), autocommit=True) as conn:
            conn.execute(f"TRUNCATE {', '.join(SEEDED_TABLES)} RESTART IDENTITY CASCADE")
        return
    with psycopg.connect(_admin_url(), autocommit=True) as conn:
        # One process at a time builds or clones the template.
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", [TEMPLATE])
        ensure_template()
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
        conn.execute(f"COMMENT ON DATABASE \"{name}\" IS '{fingerprint}'")


def _constant_for(field, now: dt.datetime):
    """The value a column gets when the seed does not set it (the model's default)."""
    from django.db import connection

    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    if field.has_default():
        return field.get_db_prep_save(field.get_default(), connection)
    if field.null:
        return None
    raise SystemExit(f"seed: {field.model.__name__}.{field.name} needs a value")


def copy_rows(model, columns: list[str], rows: Iterable[tuple]) -> int:
    """COPY rows (values for `columns`) into the model's table; other columns get defaults."""
    from django.db import connection
    from django.utils import timezone

    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    rest = [f for f in fields if f.column not in columns]
    rest_values = tuple(_constant_for(f, now) for f in rest)
    names = ", ".join(f'"{c}"' for c in [*columns, *(f.column for f in rest)])
    count = 0
    with connection.cursor() as cursor:
        sql = f'COPY "{model._meta.db_table}" ({names}) FROM STDIN'
        with cursor.cursor.copy(sql + " WITH (FREEZE)") as copy:
            for row in rows:
                copy.write_row(row + rest_values)
                count += 1
    return count


# ------------------------------------------------------------------ data


def split_counts(total: int, parts: int, low: int, high: int, rng: random.Random) -> list[int]:
    """`parts` integers in [low, high] that add up to `total` exactly."""
    if not low * parts <= total <= high * parts:
        raise ValueError("total out of range")
    counts = [rng.randint(low, high) for _ in range(parts)]
    diff = total - sum(counts)
    step = 1 if diff > 0 else -1
    while diff:
        i = rng.randrange(parts)
        if low <= counts[i] + step <= high:
            counts[i] += step
            diff -= step
    return counts


@dataclass
class SessionPlan:
    session_id: uuid.UUID
    user: int
    start: dt.datetime
    messages: int


def plan_sessions(scale: Scale, now: dt.datetime, rng: random.Random) -> list[SessionPlan]:
    """Sessions of skewed users (a few regulars, many occasional), spread over scale.days."""
    weights = [rng.paretovariate(1.2) for _ in range(scale.users)]
    owners = list(range(scale.users))  # every user has at least one session
    owners += rng.choices(range(scale.users), weights=weights, k=scale.sessions - scale.users)
    rng.shuffle(owners)
    short = scale.sessions - scale.long_sessions
    long_counts = [rng.randint(100, 200) for _ in range(scale.long_sessions)]
    rest = scale.messages - sum(long_counts)
    average = rest // short
    counts = long_counts + split_counts(rest, short, 1, 2 * average - 1, rng)
    rng.shuffle(counts)
    span = scale.days * 86_400 - 4 * 3_600
    return [
        SessionPlan(
            session_id=uuid.UUID(int=rng.getrandbits(128), version=4),
            user=owner,
            start=now - dt.timedelta(days=scale.days) + dt.timedelta(seconds=rng.randrange(span)),
            messages=n,
        )
        for owner, n in zip(owners, counts, strict=True)
    ]


class Totals:
    """What the messages add up to, per session and per user, for the counters."""

    def __init__(self) -> None:
        self.session_last: dict[uuid.UUID, dt.datetime] = {}
        self.session_intents: dict[uuid.UUID, Counter[str]] = {}
        self.user_intents: dict[int, Counter[str]] = {}
        self.user_last: dict[int, dt.datetime] = {}
        self.user_first: dict[int, dt.datetime] = {}
        self.user_messages: Counter[int] = Counter()
        self.user_sessions: Counter[int] = Counter()


def message_rows(
    plans: list[SessionPlan], now: dt.datetime, rng: random.Random, totals: Totals
) -> Iterator[tuple]:
    """One row per message, in MESSAGE_COLUMNS order; fills `totals` on the way."""
    intents, weights = list(INTENT_WEIGHTS), list(INTENT_WEIGHTS.values())
    scrubbed_before = now - dt.timedelta(hours=24)
    serial = 0
    for plan in plans:
        at = plan.start
        counts: Counter[str] = Counter()
        user_intent = ""
        for i in range(plan.messages):
            serial += 1
            at += dt.timedelta(seconds=rng.randint(5, 90))
            if i % 2 == 0:
                role, user_intent = "user", rng.choices(intents, weights)[0]
                intent, text = user_intent, rng.choice(USER_TEXTS)
                confidence = round(rng.uniform(0.55, 1.0), 2) if intent else None
                wamid, status, processed = f"wamid.seed.in.{serial}", "", at
            else:
                role, intent = "assistant", REPLY_INTENT.get(user_intent, "answer")
                text, confidence = rng.choice(ASSISTANT_TEXTS), 1.0
                wamid, status, processed = f"wamid.seed.out.{serial}", "read", None
            if intent:
                counts[intent] += 1
            yield (
                plan.session_id,
                role,
                text,
                "en",
                intent,
                confidence,
                at < scrubbed_before,
                at,
                at,
                wamid,
                status,
                processed,
            )
        _add_session(totals, plan, at, counts)


MESSAGE_COLUMNS = [
    "session_id",
    "role",
    "content",
    "language",
    "intent",
    "confidence",
    "pii_scrubbed",
    "timestamp",
    "created_at",
    "wa_message_id",
    "delivery_status",
    "processed_at",
]


def _add_session(totals: Totals, plan: SessionPlan, last: dt.datetime, counts: Counter) -> None:
    totals.session_last[plan.session_id] = last
    totals.session_intents[plan.session_id] = counts
    totals.user_intents.setdefault(plan.user, Counter()).update(counts)
    totals.user_messages[plan.user] += plan.messages
    totals.user_sessions[plan.user] += 1
    totals.user_last[plan.user] = max(totals.user_last.get(plan.user, last), last)
    totals.user_first[plan.user] = min(totals.user_first.get(plan.user, plan.start), plan.start)


def session_rows(
    plans: list[SessionPlan], user_ids: list[str], totals: Totals, rng: random.Random
) -> Iterator[tuple]:
    from psycopg.types.json import Jsonb

    for plan in plans:
        last = totals.session_last[plan.session_id]
        counts = totals.session_intents[plan.session_id]
        primary = counts.most_common(1)[0][0] if counts else ""
        intents = {"primary": primary, "confidence": 0.9, "counts": dict(counts)} if counts else {}
        yield (
            plan.session_id,
            user_ids[plan.user],
            rng.choice(LANGUAGES),
            plan.start,
            last,
            last,
            plan.messages,
            Jsonb(intents),
            plan.start,
            last,
        )


SESSION_COLUMNS = [
    "session_id",
    "user_id",
    "language",
    "start_time",
    "end_time",
    "last_activity_at",
    "message_count",
    "intents",
    "created_at",
    "updated_at",
]


def summary_rows(user_ids: list[str], totals: Totals, rng: random.Random) -> Iterator[tuple]:
    from psycopg.types.json import Jsonb

    for user, user_id in enumerate(user_ids):
        rated = rng.random() < 0.3
        yield (
            user_id,
            totals.user_sessions[user],
            totals.user_messages[user],
            Jsonb(dict(totals.user_intents[user])),
            rng.choice(LANGUAGES),
            round(rng.uniform(3.0, 5.0), 2) if rated else None,
            rng.randint(1, 5) if rated else 0,
            totals.user_last[user],
            totals.user_first[user],
            totals.user_first[user],
            totals.user_last[user],
        )


SUMMARY_COLUMNS = [
    "user_id",
    "total_conversations",
    "total_messages",
    "common_intents",
    "preferred_language",
    "avg_satisfaction",
    "satisfaction_count",
    "last_interaction",
    "first_interaction",
    "created_at",
    "updated_at",
]


def user_ids_for(count: int) -> list[str]:
    """Pseudonyms of generated Singapore mobile numbers (+65 8xxx xxxx), as the webhook does."""
    from conversations.whatsapp import identity

    return [identity.pseudonymize_phone(f"+658{i:07d}") for i in range(count)]


def drop_secondary_indexes(cursor, table: str) -> list[str]:
    """Drop the table's plain indexes (not primary keys or unique ones); return their DDL."""
    cursor.execute(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
        " WHERE i.indrelid = %s::regclass AND NOT i.indisprimary AND NOT i.indisunique",
        [table],
    )
    found = cursor.fetchall()
    for name, _ in found:
        cursor.execute(f"DROP INDEX {name}")
    return [definition for _, definition in found]


def rebuild_day_stats() -> None:
    """Day stats from the messages themselves: exact by construction."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM daily_intent_stats")
        cursor.execute(
            "INSERT INTO daily_intent_stats (day, role, intent, message_count)"
            " SELECT (timestamp AT TIME ZONE 'Asia/Singapore')::date, role, intent, count(*)"
            " FROM conversation_messages GROUP BY 1, 2, 3"
        )


# ------------------------------------------------------------------ entry point


def seed(scale_name: str, *, seed_value: int = 20261124) -> dict[str, object]:
    """Recreate and fill the scale's bench database; returns what was seeded and how fast."""
    import django

    common.configure(scale_name)
    scale = SCALES[scale_name]
    started = time.perf_counter()
    recreate_database(common.database_name(scale_name))
    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from conversations.models import ConversationMessage, ConversationSession
    from conversations.models import UserInteractionSummary as Summary

    migrated = time.perf_counter()
    rng = random.Random(seed_value)
    now = timezone.now()
    user_ids = user_ids_for(scale.users)
    plans = plan_sessions(scale, now, rng)
    totals = Totals()
    with transaction.atomic(), connection.cursor() as cursor:
        # Bulk load: the rows are consistent by construction, so foreign-key triggers are
        # skipped (messages are copied before the sessions they point at); tables truncated in
        # this transaction take COPY FREEZE (no vacuum needed after); secondary indexes are
        # built once at the end instead of row by row.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.execute(f"TRUNCATE {', '.join(SEEDED_TABLES)} RESTART IDENTITY CASCADE")
        indexes = drop_secondary_indexes(cursor, "conversation_messages")
        rows = message_rows(plans, now, rng, totals)
        messages = copy_rows(ConversationMessage, MESSAGE_COLUMNS, rows)
        copy_rows(ConversationSession, SESSION_COLUMNS, session_rows(plans, user_ids, totals, rng))
        copy_rows(Summary, SUMMARY_COLUMNS, summary_rows(user_ids, totals, rng))
        copied = time.perf_counter()
        for definition in indexes:
            cursor.execute(definition)
        rebuild_day_stats()
    indexed = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(SEEDED_TABLES)}")
    return {
        **asdict(scale),
        "messages": messages,
        "database": common.database_name(scale_name),
        "create_s": round(migrated - started, 1),
        "copy_s": round(copied - migrated, 1),
        "index_s": round(indexed - copied, 1),
        "seed_s": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="default")
    args = parser.parse_args()
    print(seed(args.scale))


if __name__ == "__main__":
    main()
