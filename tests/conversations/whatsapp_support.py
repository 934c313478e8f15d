"""Helpers shared by the WhatsApp tests: fixture payloads, signed posts, the real broker queue."""

import base64
import itertools
import json
from pathlib import Path
from typing import Any

import redis
from django.conf import settings
from django.test import Client
from werkzeug import Response

from conversations.whatsapp import payloads
from conversations.whatsapp.webhook import sign_body

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "whatsapp"
URL = "/webhooks/whatsapp/"
USER_WA_ID = "6591230001"
OUTBOUND_WAMID = "wamid.HBgKNjU5MTIzMDAwMRUCABIYFDNBOUTBOUND01AA=="
FIXTURE_TIME = 1767232800  # the timestamp of the fixtures: 2026-01-01 10:00 in Singapore
_wamids = itertools.count(1)


def load(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def text_payload(
    body: str, *, at: int = FIXTURE_TIME, wa_id: str = USER_WA_ID, wa_message_id: str = ""
) -> dict[str, Any]:
    return payloads.text_notification(
        wa_id=wa_id,
        body=body,
        wa_message_id=wa_message_id or f"wamid.test-{next(_wamids)}-{at}",
        timestamp=at,
        phone_number_id=settings.WHATSAPP_PHONE_NUMBER_ID,
        profile_name="Mei Ling",
    )


def post(client: Client, payload: dict[str, Any] | bytes, **headers: str):
    """POST like Meta does: the raw body signed with the app secret (unless headers say else)."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    headers.setdefault("X-Hub-Signature-256", sign_body(body, settings.WHATSAPP_APP_SECRET))
    return client.post(URL, data=body, content_type="application/json", headers=headers)


def queued_tasks(client: redis.Redis, queue: str = "celery") -> list[tuple[str, tuple]]:
    """(task name, args) of every message waiting in the real Redis broker, oldest first."""
    tasks = []
    for raw in reversed(client.lrange(queue, 0, -1)):
        message = json.loads(raw)
        args = json.loads(base64.b64decode(message["body"]))[0]
        tasks.append((message["headers"]["task"], tuple(args)))
    return tasks


# ------------------------------------------------------------------ the local fake Graph API

GRAPH_MESSAGES_PATH = "/v21.0/100200300400/messages"


def point_graph_api_at(httpserver: Any, settings: Any) -> None:
    """Send our WhatsApp traffic to a local pytest-httpserver (the fake Graph API)."""
    settings.WHATSAPP_GRAPH_API_BASE = httpserver.url_for("/").rstrip("/")
    settings.WHATSAPP_API_VERSION = "v21.0"
    settings.WHATSAPP_PHONE_NUMBER_ID = "100200300400"
    settings.WHATSAPP_ACCESS_TOKEN = "test-access-token"


def accept_every_send(httpserver: Any) -> None:
    """The fake Graph API accepts every message, answering wamid.OUT-1, wamid.OUT-2, …"""
    counter = iter(range(1, 100_000))

    def accepted(request: Any) -> Any:
        body = {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.OUT-{next(counter)}"}]}
        return Response(json.dumps(body), content_type="application/json")

    httpserver.expect_request(GRAPH_MESSAGES_PATH, method="POST").respond_with_handler(accepted)


def sent_bodies(httpserver: Any) -> list[dict[str, Any]]:
    """The JSON bodies the fake Graph API received, in order."""
    return [json.loads(request.get_data()) for request, _ in httpserver.log]
