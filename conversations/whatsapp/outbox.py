"""The transactional outbox: every reply we owe WhatsApp is kept until sent, posted at most once.

Rules:
- outbound.reply writes the message and its OutboxEntry (pending) in the caller's transaction and
  enqueues the send on commit. If Redis refuses the enqueue nothing is lost: `sweep` (beat, every
  minute) re-enqueues pending entries older than OVERDUE.
- Only a message with an entry is ever posted (a message written through the API never is), and
  only by moving its entry pending -> sending in a committed transaction before the POST, while
  holding the entry's advisory lock for the whole send.
- An entry found in `sending` with nobody holding its lock was left by a worker that died between
  the POST and recording the wamid: it is never posted again, it becomes unknown.
- The answer to the POST: accepted -> sent, wamid recorded; Meta did not take it (429, 5xx,
  refused connection) -> pending again, retried with backoff, failed when retries run out; the
  request went out and no answer came (read timeout, dropped connection) -> unknown; any other
  refusal, no recipient or a closed 24-hour window -> failed. Failed always flags the session.
- An unknown entry is resolved by the message's own status webhook, found by the message id we sent
  as biz_opaque_callback_data (services.delivery). One still unknown after UNKNOWN_GRACE flags the
  session, so that staff check with the customer; it is never re-posted.
- `sweep` fails and flags pending entries whose 24-hour window has closed, without Redis.
Logs name message ids and reasons only, never content or phone numbers.
"""

import datetime as dt
import logging
from collections.abc import Callable

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from conversations import services
from conversations.models import ConversationMessage, DeliveryStatus, OutboxEntry, OutboxState
from conversations.whatsapp import graph

logger = logging.getLogger(__name__)

OVERDUE = dt.timedelta(minutes=1)
UNKNOWN_GRACE = dt.timedelta(minutes=10)
SWEEP_BATCH = 500
UNKNOWN_FLAG = "reply may not have reached the customer: check and resend by hand"

SENT, CONSOLE, FAILED, SKIPPED, UNKNOWN, BUSY = (
    "sent",
    "console",
    "failed",
    "skipped",
    "unknown",
    "busy",
)

_TRY_LOCK_SQL = "SELECT pg_try_advisory_lock(hashtextextended('outbox:' || %s::text, 0))"
_UNLOCK_SQL = "SELECT pg_advisory_unlock(hashtextextended('outbox:' || %s::text, 0))"


def add(message: ConversationMessage) -> OutboxEntry:
    """Put a stored outbound message in the outbox (in the caller's transaction)."""
    return OutboxEntry.objects.create(message=message, changed_at=timezone.now())


# ------------------------------------------------------------------ one send


def deliver(message_id: int) -> str:
    """Send one outbox message; sent, console, failed, unknown, skipped or busy.

    Raises graph.TransientSendError (the entry pending again) when it should be tried later.
    """
    if not _try_lock(message_id):
        return BUSY  # another worker is sending it right now
    try:
        return _deliver_locked(message_id)
    finally:
        _unlock(message_id)


def _deliver_locked(message_id: int) -> str:
    claimed = _claim(message_id)
    if isinstance(claimed, str):
        return claimed
    try:
        payload = graph.build_payload(claimed, **graph.recipient(claimed))
        if not settings.WHATSAPP_ACCESS_TOKEN:
            graph.log_to_console(claimed)
            _set_state(message_id, OutboxState.SENT, OutboxState.SENDING)
            return CONSOLE
        wa_message_id = graph.post_message(payload)
    except graph.PermanentSendError as exc:
        record_send_failure(message_id, exc.reason, exc.code)
        return FAILED
    except graph.UncertainSendError as exc:
        _set_state(message_id, OutboxState.UNKNOWN, OutboxState.SENDING)
        logger.warning("whatsapp: message %s may have been sent (%s)", message_id, exc.reason)
        return UNKNOWN
    except graph.TransientSendError:
        _set_state(message_id, OutboxState.PENDING, OutboxState.SENDING)
        raise
    record_sent(message_id, wa_message_id)
    return SENT


def _claim(message_id: int) -> ConversationMessage | str:
    """pending -> sending, committed before the POST; the message to send, or why not."""
    with transaction.atomic():
        entry = (
            OutboxEntry.objects.select_for_update()
            .select_related("message__session")
            .filter(message_id=message_id)
            .first()
        )
        if entry is None:
            return SKIPPED
        if entry.state == OutboxState.SENDING:  # its worker died after (maybe) posting it
            _set_state(message_id, OutboxState.UNKNOWN, OutboxState.SENDING)
            logger.warning("whatsapp: message %s found half-sent; not posted again", message_id)
            return UNKNOWN
        if entry.state != OutboxState.PENDING:
            return SKIPPED
        entry.state, entry.attempts = OutboxState.SENDING, entry.attempts + 1
        entry.changed_at = timezone.now()
        entry.save(update_fields=["state", "attempts", "changed_at"])
    return entry.message


def record_sent(message_id: int, wa_message_id: str) -> None:
    """Meta took the message: record its wamid (unless a status already did) and mark it sent."""
    with transaction.atomic():
        ConversationMessage.objects.filter(pk=message_id, wa_message_id__isnull=True).update(
            wa_message_id=wa_message_id
        )
        ConversationMessage.objects.filter(
            pk=message_id, delivery_status=DeliveryStatus.PENDING
        ).update(delivery_status=DeliveryStatus.SENT, status_updated_at=timezone.now())
        _set_state(message_id, OutboxState.SENT, OutboxState.SENDING, OutboxState.UNKNOWN)


def record_send_failure(message_id: int, reason: str, code: int | None = None) -> None:
    """Mark an unsent message failed, keeping the reason and Meta's error code in its context,
    and flag its session so that a colleague follows up with the customer."""
    with transaction.atomic():
        message = (
            ConversationMessage.objects.select_for_update()
            .select_related("session")
            .filter(pk=message_id)
            .first()
        )
        if message is None or message.wa_message_id:
            return
        message.context = {
            **message.context,
            "delivery_failure": reason,
            "delivery_errors": [code] if code else [],
        }
        message.delivery_status, message.status_updated_at = DeliveryStatus.FAILED, timezone.now()
        message.save(update_fields=["context", "delivery_status", "status_updated_at"])
        _set_state(message_id, OutboxState.FAILED, OutboxState.PENDING, OutboxState.SENDING)
        services.flag_session(message.session, f"reply not delivered ({reason})")
    logger.warning("whatsapp: message %s not sent (%s, code %s)", message_id, reason, code)


def _set_state(message_id: int, state: str, *from_states: str) -> int:
    return OutboxEntry.objects.filter(message_id=message_id, state__in=from_states).update(
        state=state, changed_at=timezone.now()
    )


def _try_lock(message_id: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(_TRY_LOCK_SQL, [message_id])
        return cursor.fetchone()[0]


def _unlock(message_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(_UNLOCK_SQL, [message_id])


# ------------------------------------------------------------------ the beat job


def sweep(enqueue: Callable[[int], None], now: dt.datetime | None = None) -> dict[str, int]:
    """Re-enqueue overdue pending (and stuck sending) entries; fail pending ones whose window has
    closed; flag sessions whose reply stayed unknown past UNKNOWN_GRACE. Counts of each."""
    now = now or timezone.now()
    stuck = dt.timedelta(seconds=settings.WHATSAPP_TIMEOUT_SECONDS) + OVERDUE
    counts = {"enqueued": 0, "expired": 0, "flagged": 0}
    overdue = OutboxEntry.objects.filter(
        state=OutboxState.PENDING, changed_at__lt=now - OVERDUE
    ) | OutboxEntry.objects.filter(state=OutboxState.SENDING, changed_at__lt=now - stuck)
    overdue = overdue.filter(message__isnull=False)
    for entry in overdue.select_related("message__session").order_by("changed_at")[:SWEEP_BATCH]:
        known = services.user_identity(entry.message.session.user_id)
        expired = entry.message.message_type != "template" and not graph.within_service_window(
            known.last_inbound_at if known else None, now
        )
        if entry.state == OutboxState.PENDING and expired:
            record_send_failure(
                entry.message_id, "outside_service_window", graph.OUTSIDE_WINDOW_CODE
            )
            counts["expired"] += 1
            continue
        enqueue(entry.message_id)
        counts["enqueued"] += 1
    counts["flagged"] = _flag_unknown(now)
    return counts


def _flag_unknown(now: dt.datetime) -> int:
    late = OutboxEntry.objects.filter(
        state=OutboxState.UNKNOWN,
        changed_at__lt=now - UNKNOWN_GRACE,
        flagged_at__isnull=True,
        message__isnull=False,
    ).select_related("message__session")[:SWEEP_BATCH]
    flagged = 0
    for entry in late:
        with transaction.atomic():
            if OutboxEntry.objects.filter(pk=entry.pk, flagged_at__isnull=True).update(
                flagged_at=now
            ):
                services.flag_session(entry.message.session, UNKNOWN_FLAG)
                flagged += 1
    return flagged
