"""The WhatsApp Cloud API client: the only module that talks to the Graph API.

Sending rules (the outbox that decides when to post is conversations.whatsapp.outbox):
- Free-form text and interactive messages are allowed only inside the 24-hour customer-service
  window (UserIdentity.last_inbound_at). Outside it nothing is sent and the message is marked
  failed with reason "outside_service_window" (Meta would answer 131047). An approved template
  (message_type "template", context["template"]) may be sent at any time.
- 429, 5xx, a refused or timed-out connection and Meta's throttling error codes raise
  TransientSendError (Meta did not take the message): retried with exponential backoff.
- A timeout or a broken connection after the request was written raises UncertainSendError: Meta
  may have taken it, so it is never posted again blindly.
- Any other 4xx raises PermanentSendError, with Meta's error code.
- Logs never hold content or phone numbers.
"""

import datetime as dt
import json
import logging
import random
from functools import cache
from typing import Any

import urllib3
from cryptography.fernet import InvalidToken
from django.conf import settings
from django.utils import timezone

from conversations import services
from conversations.models import ConversationMessage
from conversations.whatsapp import identity

logger = logging.getLogger(__name__)

SERVICE_WINDOW = dt.timedelta(hours=24)
OUTSIDE_WINDOW_CODE = 131047
# Meta's "try again later" codes, which the Graph API may return with HTTP 400: API unknown or
# service errors (1, 2, 131000, 133004) and rate limits (4, 80007, 130429, 131056 pair rate).
TRANSIENT_ERROR_CODES = frozenset({1, 2, 4, 80007, 130429, 131000, 131056, 133004})
MAX_RETRY_DELAY_SECONDS = 900.0

# Raised before the request was written (urllib3 2: NewConnectionError is a ConnectTimeoutError).
NOT_SENT_ERRORS = (urllib3.exceptions.ConnectTimeoutError,)


class TransientSendError(Exception):
    """Worth retrying later: rate limited, Meta unavailable, timed out or unreachable."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class UncertainSendError(Exception):
    """The request went out and its answer did not come back (a read timeout, a dropped
    connection): Meta may have accepted the message, so it must not be posted again blindly."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PermanentSendError(Exception):
    """Retrying will not help: the message is marked failed."""

    def __init__(self, reason: str, code: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


# ------------------------------------------------------------------ recipient


def recipient(message: ConversationMessage) -> dict[str, str]:
    """Where to send, if we may still write to the user: {"to": the number as a wa_id (digits)}
    when we know it, else {"recipient": the BSUID exactly as Meta sent it} (a username-only
    customer)."""
    known = services.user_identity(message.session.user_id)
    if known is None or not (known.phone_encrypted or known.bsuid_encrypted):
        raise PermanentSendError("no_recipient")
    is_template = message.message_type == "template"
    if not is_template and not within_service_window(known.last_inbound_at):
        raise PermanentSendError("outside_service_window", OUTSIDE_WINDOW_CODE)
    try:
        if known.phone_encrypted:
            return {"to": identity.decrypt_phone(known.phone_encrypted).lstrip("+")}
        return {"recipient": identity.decrypt_phone(known.bsuid_encrypted)}
    except InvalidToken as exc:
        raise PermanentSendError("recipient_unreadable") from exc


def within_service_window(
    last_inbound_at: dt.datetime | None, now: dt.datetime | None = None
) -> bool:
    """Free-form messages are allowed until 24 hours after the user's last message."""
    now = now or timezone.now()
    return last_inbound_at is not None and now - last_inbound_at <= SERVICE_WINDOW


def build_payload(
    message: ConversationMessage, *, to: str = "", recipient: str = ""
) -> dict[str, Any]:
    """The Cloud API body: a template from context["template"], interactive (buttons or list)
    from context["interactive"], else text. Addressed `to` a number or, for a username-only
    customer, to a BSUID as `recipient`.

    biz_opaque_callback_data carries our message id; Meta echoes it in the message's status
    webhooks, which is how a send whose answer was lost is found again (services.delivery)."""
    address = {"to": to} if to else {"recipient": recipient}
    base = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        **address,
        "biz_opaque_callback_data": services.callback_data(message.pk),
    }
    template = message.context.get("template")
    if message.message_type == "template" and isinstance(template, dict):
        return {**base, "type": "template", "template": template}
    interactive = message.context.get("interactive")
    if isinstance(interactive, dict) and interactive:
        body = interactive.get("body") or {"text": message.content}
        return {**base, "type": "interactive", "interactive": {**interactive, "body": body}}
    return {**base, "type": "text", "text": {"preview_url": False, "body": message.content}}


def log_to_console(message: ConversationMessage) -> None:
    logger.info(
        "whatsapp console backend: %s message %s of session %s (%d characters) not sent:"
        " WHATSAPP_ACCESS_TOKEN is empty",
        message.message_type,
        message.pk,
        message.session_id,
        len(message.content),
    )


# ------------------------------------------------------------------ Graph API


@cache
def _pool() -> urllib3.PoolManager:
    return urllib3.PoolManager(num_pools=4, maxsize=8, retries=False)


def messages_url() -> str:
    base = settings.WHATSAPP_GRAPH_API_BASE.rstrip("/")
    return f"{base}/{settings.WHATSAPP_API_VERSION}/{settings.WHATSAPP_PHONE_NUMBER_ID}/messages"


def post_message(payload: dict[str, Any]) -> str:
    """POST one message to the Graph API; the wamid it was given."""
    try:
        response = _pool().request(
            "POST",
            messages_url(),
            body=json.dumps(payload).encode(),
            headers={
                "Authorization": f"Bearer {settings.WHATSAPP_ACCESS_TOKEN}",
                "Content-Type": "application/json",
            },
            timeout=urllib3.Timeout(total=settings.WHATSAPP_TIMEOUT_SECONDS),
            retries=False,
        )
    except NOT_SENT_ERRORS as exc:  # the request never reached Meta: safe to try again
        raise TransientSendError(type(exc).__name__) from exc
    except urllib3.exceptions.HTTPError as exc:  # read timeout, reset or broken reply after sending
        raise UncertainSendError(type(exc).__name__) from exc
    return _message_id(response)


def _message_id(response: urllib3.BaseHTTPResponse) -> str:
    try:
        data = json.loads(response.data or b"{}")
    except ValueError:
        data = {}
    data = data if isinstance(data, dict) else {}
    if 200 <= response.status < 300:
        messages = data.get("messages")
        if isinstance(messages, list) and messages and isinstance(messages[0], dict):
            wa_message_id = messages[0].get("id")
            if isinstance(wa_message_id, str) and wa_message_id:
                return wa_message_id
        raise PermanentSendError("no_message_id_in_response")
    error = data.get("error") if isinstance(data.get("error"), dict) else {}
    code = error.get("code") if isinstance(error.get("code"), int) else None
    if response.status == 429 or response.status >= 500 or code in TRANSIENT_ERROR_CODES:
        raise TransientSendError(f"http_{response.status}", _retry_after(response))
    raise PermanentSendError(f"http_{response.status}", code)


def _retry_after(response: urllib3.BaseHTTPResponse) -> float | None:
    try:
        return float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None


# ------------------------------------------------------------------ retries


def max_send_retries() -> int:
    return settings.WHATSAPP_SEND_MAX_RETRIES


def retry_delay(retries: int, error: TransientSendError) -> float:
    """Seconds before the next attempt: Meta's Retry-After, else backoff with jitter."""
    if error.retry_after is not None:
        return min(max(error.retry_after, 0.0), MAX_RETRY_DELAY_SECONDS)
    delay = settings.WHATSAPP_RETRY_BACKOFF_SECONDS * (2**retries)
    jitter = random.uniform(0.5, 1.0)  # noqa: S311 - spreading retries, not security
    return min(delay * jitter, MAX_RETRY_DELAY_SECONDS)
