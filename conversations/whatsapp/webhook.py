"""The WhatsApp Cloud API webhook: the GET verification handshake and POST notifications.

A POST only verifies and commits, so that it answers fast:
1. the body is at most WHATSAPP_MAX_BODY_BYTES (413 otherwise), read once, raw;
2. X-Hub-Signature-256 must be the HMAC-SHA256 of those bytes with WHATSAPP_APP_SECRET, compared
   in constant time (403 otherwise, nothing stored; with no secret configured every POST is 403);
3. the body must be a JSON object nested at most MAX_DEPTH deep (400 with the reason otherwise,
   never a 500: Meta's notifications are about 8 levels deep);
4. it is committed to the webhook inbox and the answer is 200 {"queued": 1}: Meta does not
   deliver it again, and it cannot be lost. The ingester (conversations.whatsapp.ingest) stores
   it: each message once (idempotent on the wamid) with its processing task enqueued on commit;
   statuses move outbound messages forward; reactions, edits and revokes act on the message
   they target. With WHATSAPP_INGEST_INLINE the request stores it itself and answers what it
   stored.
tria.wsgi serves a POST that only needs queueing without Django (the same checks,
verified_notification; the same INSERT, ingest.InboxWriter; the same answer); anything else it
hands to this view.
Anything we do not use (another object, field, phone number id or message type) is acknowledged
with 200 and logged by name only. Logs never hold content or phone numbers.
"""

import hashlib
import hmac
import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from conversations.whatsapp import ingest

logger = logging.getLogger(__name__)

SIGNATURE_PREFIX = "sha256="
MAX_DEPTH = 32


def nesting_depth(value: object) -> int:
    """How deeply lists and objects nest in decoded JSON (iterative: no recursion limit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            node = list(node.values())
        if isinstance(node, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in node if isinstance(child, dict | list))
    return deepest


def signature_is_valid(body: bytes, header: str, secret: str) -> bool:
    """True when `header` is "sha256=<hex HMAC-SHA256 of body keyed with secret>"."""
    if not secret or not header.startswith(SIGNATURE_PREFIX):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest().encode()
    given = header[len(SIGNATURE_PREFIX) :].strip().lower().encode("ascii", "replace")
    return hmac.compare_digest(expected, given)


def sign_body(body: bytes, secret: str) -> str:
    """The X-Hub-Signature-256 value Meta would send for `body` (simulator and tests)."""
    return SIGNATURE_PREFIX + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Problem:
    """Why a POST body is refused: the status and the detail its JSON answer names."""

    status: int
    detail: str


def verified_notification(body: bytes, header: str, secret: str) -> str | Problem:
    """The notification's JSON text when `body` is signed by `header` and is a JSON object nested
    at most MAX_DEPTH deep; otherwise the Problem (403 signature, 400 JSON). The size limits are
    the caller's (they come before reading the body). Both edges call it: the view below and the
    webhook's bare-WSGI fast lane (tria.wsgi)."""
    if not signature_is_valid(body, header, secret):
        return Problem(403, "X-Hub-Signature-256 is missing or wrong")
    try:
        text = body.decode("utf-8")
        payload = json.loads(text)
    except (UnicodeDecodeError, ValueError):
        return Problem(400, "body is not valid JSON")
    except RecursionError:
        return Problem(400, f"body is nested more than {MAX_DEPTH} levels deep")
    if not isinstance(payload, dict):
        return Problem(400, "body is not a JSON object")
    if nesting_depth(payload) > MAX_DEPTH:
        return Problem(400, f"body is nested more than {MAX_DEPTH} levels deep")
    return text


def _problem(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@method_decorator(csrf_exempt, name="dispatch")  # Meta's callback: the signature authenticates it
class WhatsAppWebhookView(View):
    """GET: Meta's verification handshake. POST: signed notifications.

    A plain Django view, not DRF: it is not part of our API (no key, no schema), and the POST is the
    hottest path we serve (README, Performance).
    """

    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest) -> HttpResponse:
        params = request.GET
        token = params.get("hub.verify_token", "")
        expected = settings.WHATSAPP_VERIFY_TOKEN
        if (
            params.get("hub.mode") == "subscribe"
            and expected
            and hmac.compare_digest(token.encode(), expected.encode())
        ):
            return HttpResponse(params.get("hub.challenge", ""), content_type="text/plain")
        logger.warning("whatsapp webhook: verification handshake refused")
        return _problem(403, "verification failed: wrong hub.mode or hub.verify_token")

    def post(self, request: HttpRequest) -> HttpResponse:
        limit = settings.WHATSAPP_MAX_BODY_BYTES
        if _declared_length(request) > limit:
            return _problem(413, f"body larger than {limit} bytes")
        body = request.body
        if len(body) > limit:
            return _problem(413, f"body larger than {limit} bytes")
        header = request.META.get("HTTP_X_HUB_SIGNATURE_256", "")
        text = verified_notification(body, header, settings.WHATSAPP_APP_SECRET)
        if isinstance(text, Problem):
            if text.status == 403:
                logger.warning("whatsapp webhook: %s signature", "wrong" if header else "missing")
            return _problem(text.status, text.detail)
        row_id = ingest.accept(text)
        if settings.WHATSAPP_INGEST_INLINE:
            return JsonResponse(ingest.drain(ids=[row_id]).as_dict())
        return JsonResponse({"queued": 1})

    def http_method_not_allowed(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = _problem(405, f"method {request.method} not allowed: use GET or POST")
        response["Allow"] = "GET, POST"
        return response
