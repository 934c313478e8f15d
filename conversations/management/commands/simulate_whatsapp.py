"""Send one WhatsApp text to our webhook as Meta would, then wait for the assistant's reply.

    python manage.py simulate_whatsapp "Hi, we need 400 boxes for 10 inch pizzas" --from 6591234567

The payload is a real Cloud API notification signed with WHATSAPP_APP_SECRET and POSTed over HTTP
to a running server (`make run`); the reply is read from the database, where the Celery worker
stores it as the session's next assistant message.
"""

import json
import time
import uuid
from typing import Any

import urllib3
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from conversations.models import ConversationMessage, Role
from conversations.whatsapp import identity, payloads
from conversations.whatsapp.webhook import sign_body

POLL_SECONDS = 0.25
PLACEHOLDER_PHONE_NUMBER_ID = "100000000000000"


class Command(BaseCommand):
    help = "Post a signed WhatsApp text message to the webhook and print the assistant's reply."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", help="what the customer writes")
        parser.add_argument("--from", dest="sender", required=True, help="e.g. 6591234567")
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="the running server")
        parser.add_argument("--name", default="Simulated customer", help="WhatsApp profile name")
        parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait")

    def handle(self, *args: Any, text: str, sender: str, url: str, **options: Any) -> None:
        wa_id = _wa_id(sender)
        wa_message_id = f"wamid.sim-{uuid.uuid4().hex}"
        payload = payloads.text_notification(
            wa_id=wa_id,
            body=text,
            wa_message_id=wa_message_id,
            timestamp=int(timezone.now().timestamp()),
            phone_number_id=settings.WHATSAPP_PHONE_NUMBER_ID or PLACEHOLDER_PHONE_NUMBER_ID,
            profile_name=options["name"],
        )
        _post(url.rstrip("/") + "/webhooks/whatsapp/", json.dumps(payload).encode())
        self.stdout.write(f"> {text}")
        reply = _wait_for_reply(wa_message_id, options["timeout"])
        self.stdout.write(f"< {reply.content}")
        for choice in _choices(reply):
            self.stdout.write(f"  [{choice}]")


def _wa_id(sender: str) -> str:
    try:
        return identity.normalize_phone(sender).lstrip("+")
    except identity.InvalidPhoneNumber as exc:
        raise CommandError(f"--from {sender!r} is not a phone number") from exc


def _post(url: str, body: bytes) -> None:
    secret = settings.WHATSAPP_APP_SECRET
    if not secret:
        raise CommandError("WHATSAPP_APP_SECRET is not set: the webhook refuses unsigned posts")
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign_body(body, secret)}
    try:
        response = urllib3.request(
            "POST", url, body=body, headers=headers, timeout=10, retries=False
        )
    except urllib3.exceptions.HTTPError as exc:
        reason = type(exc).__name__
        raise CommandError(f"cannot reach {url} ({reason}): is the server running?") from exc
    if response.status != 200:
        detail = response.data.decode(errors="replace")[:200]
        raise CommandError(f"the webhook answered {response.status}: {detail}")


def _wait_for_reply(wa_message_id: str, timeout: float) -> ConversationMessage:
    deadline = time.monotonic() + timeout
    while True:
        inbound = ConversationMessage.objects.filter(wa_message_id=wa_message_id).first()
        if inbound is not None:
            reply = (
                ConversationMessage.objects.filter(
                    session_id=inbound.session_id, role=Role.ASSISTANT, id__gt=inbound.pk
                )
                .order_by("id")
                .first()
            )
            if reply is not None:
                return reply
            if inbound.processed_at is not None:  # its replies are stored with it: none came
                raise CommandError(_no_reply(inbound))
        if time.monotonic() >= deadline:
            stage = "stored, but no reply" if inbound else "not stored (another database?)"
            raise CommandError(
                f"message {stage} within {timeout:g} s: is the Celery worker running?"
            )
        time.sleep(POLL_SECONDS)


def _no_reply(inbound: ConversationMessage) -> str:
    """Why a message the worker handled got no answer, as far as the session says (an unknown
    number is answered once per session; a session staff took over is theirs)."""
    session = inbound.session
    why = f" (session flagged: {session.flag_reason})" if session.flagged_for_followup else ""
    return f"message processed, and the assistant sent no reply{why}"


def _choices(reply: ConversationMessage) -> list[str]:
    """Button or list-row titles of an interactive reply."""
    action = (reply.context.get("interactive") or {}).get("action") or {}
    titles = [b.get("reply", {}).get("title", "") for b in action.get("buttons", [])]
    for section in action.get("sections", []):
        titles += [row.get("title", "") for row in section.get("rows", [])]
    return [t for t in titles if t]
