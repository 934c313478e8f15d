"""The WhatsApp Cloud API webhook: the GET verification handshake and POST notifications.

A POST only verifies, stores and enqueues, so that it answers fast:
1. the body is at most WHATSAPP_MAX_BODY_BYTES (413 otherwise), read once, raw;
2. X-Hub-Signature-256 must be the HMAC-SHA256 of those bytes with WHATSAPP_APP_SECRET, compared
   in constant time (403 otherwise, nothing stored; with no secret configured every POST is 403);
3. the JSON is parsed (400 if it is not JSON) by conversations.wa_payloads, which is pure;
4. each message is stored in its own transaction by services.record_inbound_message, which is
   idempotent on the wamid and enqueues the processing task on commit. Statuses move outbound
   messages forward; reactions are put on the message they target. Neither starts processing.
Anything we do not use (another object, field, phone number id or message type) is acknowledged
with 200 and logged by name only. Logs never hold content or phone numbers.
"""

import hashlib
import hmac
import json
import logging
from dataclasses import asdict, dataclass

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from conversations import identity, services, wa_payloads

logger = logging.getLogger(__name__)

SIGNATURE_PREFIX = "sha256="


@dataclass
class IngestResult:
    messages: int = 0
    duplicates: int = 0
    statuses: int = 0
    reactions: int = 0
    skipped: int = 0


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


def ingest_notification(notification: wa_payloads.Notification) -> IngestResult:
    """Store what a notification holds: messages, statuses and reactions."""
    result = IngestResult(skipped=len(notification.skipped))
    for message in notification.messages:
        _ingest_message(message, result)
    for status in notification.statuses:
        errors = [dict(e) for e in status.errors]
        if services.update_delivery_status(
            status.wa_message_id, status.status, status.timestamp, errors
        ):
            result.statuses += 1
    for reaction in notification.reactions:
        if _ingest_reaction(reaction):
            result.reactions += 1
    for skipped in notification.skipped:
        logger.info("whatsapp webhook: skipped %s %s", skipped.kind, skipped.name)
    return result


def _ingest_message(message: wa_payloads.InboundMessage, result: IngestResult) -> None:
    try:
        stored = services.record_inbound_message(
            phone=message.from_wa_id,
            content=message.content,
            timestamp=message.timestamp,
            wa_message_id=message.wa_message_id,
            message_type=message.message_type,
            context=message.context,
        )
    except identity.InvalidPhoneNumber:
        result.skipped += 1
        logger.warning(
            "whatsapp webhook: skipped a %s message, sender is not a phone number",
            message.message_type,
        )
        return
    if stored.created:
        result.messages += 1
    else:
        result.duplicates += 1


def _ingest_reaction(reaction: wa_payloads.Reaction) -> bool:
    try:
        applied = services.record_reaction(
            phone=reaction.from_wa_id,
            target_wa_message_id=reaction.target_wa_message_id,
            emoji=reaction.emoji,
            at=reaction.timestamp,
        )
    except identity.InvalidPhoneNumber:
        applied = False
    if not applied:
        logger.info("whatsapp webhook: reaction to an unknown message ignored")
    return applied


def _problem(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def _declared_length(request: Request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@extend_schema(exclude=True)  # Meta's callback, not part of our API
class WhatsAppWebhookView(APIView):
    """GET: Meta's verification handshake. POST: signed notifications."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    parser_classes = []  # the raw body is read once, below; DRF never parses it

    def get(self, request: Request) -> HttpResponse:
        params = request.query_params
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

    def post(self, request: Request) -> HttpResponse:
        limit = settings.WHATSAPP_MAX_BODY_BYTES
        if _declared_length(request) > limit:
            return _problem(413, f"body larger than {limit} bytes")
        body = request.body
        if len(body) > limit:
            return _problem(413, f"body larger than {limit} bytes")
        header = request.META.get("HTTP_X_HUB_SIGNATURE_256", "")
        if not signature_is_valid(body, header, settings.WHATSAPP_APP_SECRET):
            logger.warning("whatsapp webhook: %s signature", "wrong" if header else "missing")
            return _problem(403, "X-Hub-Signature-256 is missing or wrong")
        try:
            payload = json.loads(body)
        except (UnicodeDecodeError, ValueError):
            return _problem(400, "body is not valid JSON")
        if not isinstance(payload, dict):
            return _problem(400, "body is not a JSON object")
        notification = wa_payloads.parse_notification(payload, settings.WHATSAPP_PHONE_NUMBER_ID)
        return JsonResponse(asdict(ingest_notification(notification)))
