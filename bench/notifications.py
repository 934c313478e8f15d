"""The webhook load's notifications: unique, signed Cloud API text messages from 200 customers.

Both load generators (wrk with bench/wrk_webhook.lua, or the Python client in bench.web) and both
receivers (tria's webhook, bench/baseline_webhook.py) get the same notifications: stream `s`'s
n-th one has the wamid `wamid.bench.<run_id>.<s>.<n>` and comes from customer (s + n * streams)
mod 200. Plain Python (no Django), signed here with the bench's app secret, so that the bench does
not depend on where the app keeps its webhook code.
"""

import hashlib
import hmac
import json
import time
from pathlib import Path

from bench import common

CUSTOMERS = 200
WEBHOOK_PATH = "/webhooks/whatsapp/"


def wamid(run_id: str, stream: int, n: int) -> str:
    return f"wamid.bench.{run_id}.{stream}.{n}"


def customer(stream: int, n: int, streams: int) -> str:
    return f"659{(stream + n * streams) % CUSTOMERS:07d}"


def sign(body: bytes, secret: str = common.BENCH_APP_SECRET) -> str:
    """The X-Hub-Signature-256 header Meta sends for `body`."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def notification(run_id: str, stream: int, n: int, streams: int) -> tuple[str, bytes, str]:
    """(wamid, body, signature) of one text notification, as Meta sends it."""
    message_id = wamid(run_id, stream, n)
    wa_id = customer(stream, n, streams)
    phone = common.BENCH_PHONE_NUMBER_ID
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": phone, "phone_number_id": phone},
        "contacts": [{"profile": {"name": ""}, "wa_id": wa_id}],
        "messages": [
            {
                "from": wa_id,
                "id": message_id,
                "timestamp": str(int(time.time())),
                "type": "text",
                "text": {"body": f"Hi, we need {n % 9 + 1}00 boxes for 10 inch pizzas"},
            }
        ],
    }
    payload = {
        "object": "whatsapp_business_account",
        "entry": [{"id": phone, "changes": [{"field": "messages", "value": value}]}],
    }
    body = json.dumps(payload).encode()
    return message_id, body, sign(body)


def write_streams(directory: Path, run_id: str, streams: int, per_stream: int) -> list[Path]:
    """One file per wrk thread: a line per notification, `signature<TAB>body`, in send order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for stream in range(streams):
        path = directory / f"{run_id}.{stream}.txt"
        with path.open("wb") as out:
            for n in range(per_stream):
                _, body, signature = notification(run_id, stream, n, streams)
                out.write(signature.encode() + b"\t" + body + b"\n")
        paths.append(path)
    return paths
