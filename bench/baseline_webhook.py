"""The bare-WSGI baseline: the least any correct WhatsApp webhook receiver must do, no Django.

`make bench` serves it with gunicorn (3 sync workers) next to tria's webhook, with the same load
generator and the same notifications, so that tria's figures read as a share of what this machine
allows (issue 21). Per POST:
1. the raw body (at most 1 MiB), its HMAC-SHA256 with the app secret compared in constant time
   with X-Hub-Signature-256 (403 otherwise);
2. JSON parse (400 unless an object);
3. per message, one statement in autocommit: an idempotent INSERT on the wamid into
   bench_baseline_messages and, when it inserted, the customer's counter upsert in
   bench_baseline_counts (a CTE: both or neither, one round trip, a prepared statement);
4. one Redis RPUSH of the new wamids onto its own key (the task a worker would pick up);
5. 200 {"messages": new, "duplicates": seen}.
Its own tables in the bench database, its own Redis key; one connection of each per worker.

Environment: BASELINE_DATABASE_URL, BASELINE_REDIS_URL, BASELINE_APP_SECRET, BASELINE_VERIFY_TOKEN.
"""

import hashlib
import hmac
import json
import os

import psycopg
import redis

MESSAGES_TABLE = "bench_baseline_messages"
COUNTS_TABLE = "bench_baseline_counts"
QUEUE_KEY = "bench:baseline:tasks"
MAX_BODY = 1 << 20

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {MESSAGES_TABLE} (
    id bigserial PRIMARY KEY,
    wamid text NOT NULL UNIQUE,
    wa_id text NOT NULL,
    body text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS {COUNTS_TABLE} (
    wa_id text PRIMARY KEY,
    messages bigint NOT NULL
);
"""

_STORE_SQL = f"""
WITH new AS (
    INSERT INTO {MESSAGES_TABLE} (wamid, wa_id, body) VALUES (%s, %s, %s)
    ON CONFLICT (wamid) DO NOTHING RETURNING wa_id
)
INSERT INTO {COUNTS_TABLE} AS c (wa_id, messages) SELECT wa_id, 1 FROM new
ON CONFLICT (wa_id) DO UPDATE SET messages = c.messages + 1
RETURNING messages
"""

_JSON = [("Content-Type", "application/json")]


class _Worker:
    """The per-process state, opened on the first request (after gunicorn forked)."""

    def __init__(self) -> None:
        self.secret = os.environ.get("BASELINE_APP_SECRET", "").encode()
        self.verify_token = os.environ.get("BASELINE_VERIFY_TOKEN", "")
        self.db = psycopg.connect(os.environ["BASELINE_DATABASE_URL"], autocommit=True)
        self.redis = redis.Redis.from_url(os.environ["BASELINE_REDIS_URL"])


_worker: _Worker | None = None


def _answer(start_response, status: str, payload: dict) -> list[bytes]:
    body = json.dumps(payload).encode()
    start_response(status, [*_JSON, ("Content-Length", str(len(body)))])
    return [body]


def application(environ, start_response):
    global _worker
    if _worker is None:
        _worker = _Worker()
    method = environ["REQUEST_METHOD"]
    if method == "GET":  # the verification handshake (and the bench's "is it up")
        query = dict(p.partition("=")[::2] for p in environ.get("QUERY_STRING", "").split("&"))
        token = query.get("hub.verify_token", "").encode()
        if query.get("hub.mode") == "subscribe" and hmac.compare_digest(
            token, _worker.verify_token.encode()
        ):
            challenge = query.get("hub.challenge", "").encode()
            start_response("200 OK", [("Content-Type", "text/plain")])
            return [challenge]
        return _answer(start_response, "403 Forbidden", {"detail": "verification failed"})
    if method != "POST":
        return _answer(start_response, "405 Method Not Allowed", {"detail": "GET or POST"})
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY:
        return _answer(start_response, "413 Content Too Large", {"detail": "body too large"})
    body = environ["wsgi.input"].read(length)
    given = environ.get("HTTP_X_HUB_SIGNATURE_256", "")
    expected = "sha256=" + hmac.new(_worker.secret, body, hashlib.sha256).hexdigest()
    if not _worker.secret or not hmac.compare_digest(expected.encode(), given.encode()):
        return _answer(start_response, "403 Forbidden", {"detail": "bad signature"})
    try:
        payload = json.loads(body)
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return _answer(start_response, "400 Bad Request", {"detail": "not a JSON object"})
    new: list[str] = []
    seen = 0
    with _worker.db.cursor() as cursor:
        for message in _messages(payload):
            text = (message.get("text") or {}).get("body", "")
            params = (message["id"], message["from"], text)
            cursor.execute(_STORE_SQL, params, prepare=True)
            if cursor.fetchone():
                new.append(message["id"])
            else:
                seen += 1
    if new:
        _worker.redis.rpush(QUEUE_KEY, *new)
    return _answer(start_response, "200 OK", {"messages": len(new), "duplicates": seen})


def _messages(payload: dict) -> list[dict]:
    found = []
    for entry in payload.get("entry") or []:
        for change in entry.get("changes") or []:
            value = change.get("value") or {}
            found += [m for m in value.get("messages") or [] if m.get("id") and m.get("from")]
    return found
