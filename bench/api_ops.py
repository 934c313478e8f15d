"""The API over HTTP (gunicorn, an API key), each call next to the same work in raw psycopg.

The raw column is the database work alone (prepared statement or COPY), so the ratio shows what
HTTP, authentication, the view and the serializer add on top of it.
"""

import datetime as dt
import random
from typing import Any

import psycopg
from django.utils import timezone

from bench.measure import compare
from bench.operations import RAW_SQL, Fixtures, _bulk_items, _copy_defaults, _raw_query
from bench.web import ApiClient


def api_key() -> str:
    from tria.api.apikeys import issue_api_key

    _, key = issue_api_key(f"bench-{timezone.now():%Y%m%d%H%M%S%f}")
    return key


def measure(port: int, conn: psycopg.Connection, fx: Fixtures, profile: Any) -> list[dict]:
    client = ApiClient(port, api_key())
    session_id = str(fx.session_ids[0])
    client.call("GET", f"/api/v1/sessions/{session_id}/")  # fails loudly if the API is missing
    raw_lookup = _raw_query(conn, RAW_SQL["session_lookup"])
    raw_history = _raw_query(conn, RAW_SQL["history_100"])
    rows = [
        compare(
            "api_session_lookup",
            lambda sid: client.call("GET", f"/api/v1/sessions/{sid}/"),
            lambda sid: raw_lookup((sid,)),
            fx.session_ids,
            runs=profile.http_runs,
            warmup=50,  # both gunicorn workers and their pooled connections warm
        ).row(),
        compare(
            "api_history_100",
            lambda sid: _history(client, sid),
            lambda sid: raw_history((sid,)),
            fx.long_session_ids,
            runs=profile.http_runs,
            warmup=50,  # both gunicorn workers and their pooled connections warm
        ).row(),
        _bulk(client, conn, fx, profile.api_bulk_runs).row(),
    ]
    client.close()
    return rows


def _history(client: ApiClient, session_id: Any) -> None:
    """The design's message-history pattern: a session's messages in time order, 100 of them."""
    page = client.call(
        "GET", f"/api/v1/messages/?session_id={session_id}&order_by=timestamp,id&limit=100"
    )
    if len(page["results"]) != 100:
        raise RuntimeError(f"history returned {len(page['results'])} messages, not 100")


def _bulk(client: ApiClient, conn: psycopg.Connection, fx: Fixtures, runs: int) -> Any:
    """POST /api/v1/messages/bulk/ with 1,000 messages; raw: COPY of the same rows."""
    rng = random.Random(9)
    defaults = _copy_defaults()
    columns = list(defaults)
    sql = f"COPY conversation_messages ({', '.join(columns)}) FROM STDIN"
    warmup = 2
    bodies = []
    for batch in range(runs + warmup):
        items = _bulk_items(fx, 10_000 + batch, rng)
        bodies.append(
            [
                {**item, "session_id": str(item["session_id"]), "timestamp": _iso(item)}
                for item in items
            ]
        )
    raws = []
    for batch in range(runs + warmup):
        now = timezone.now()
        raws.append(
            [
                tuple({**item, "created_at": now}.get(c, defaults[c]) for c in columns)
                for item in _bulk_items(fx, 20_000 + batch, rng)
            ]
        )
    ours_inputs, raw_inputs = iter(bodies), iter(raws)

    def ours(_: Any) -> None:
        created = client.call("POST", "/api/v1/messages/bulk/", next(ours_inputs))
        if created["count"] != 1000:
            raise RuntimeError(f"bulk created {created['count']} messages, not 1000")

    def raw(_: Any) -> None:
        batch = next(raw_inputs)
        with conn.transaction(), conn.cursor() as cursor, cursor.copy(sql) as copy:
            for row in batch:
                copy.write_row(row)

    return compare("api_bulk_insert_1000", ours, raw, [None], runs=runs, warmup=warmup)


def _iso(item: dict[str, Any]) -> str:
    return item["timestamp"].astimezone(dt.UTC).isoformat()
