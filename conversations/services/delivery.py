"""Delivery statuses of our outbound messages: sent < delivered < read < played, failed final.

A status finds its message by wamid or, when the send's answer (which carries the wamid) was lost
or is not recorded yet, by the message id we sent as biz_opaque_callback_data, which Meta echoes
in every status: such a status records the wamid itself, so it is never dropped. A status moves
the message's outbox entry to sent (or failed), and a failed status flags the session.
"""

import datetime as dt
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction

from conversations.models import DeliveryStatus, OutboxState

logger = logging.getLogger(__name__)


_STATUS_RANK = {
    DeliveryStatus.PENDING: 0,
    DeliveryStatus.SENT: 1,
    DeliveryStatus.DELIVERED: 2,
    DeliveryStatus.READ: 3,
    DeliveryStatus.PLAYED: 4,  # a voice message was played: after read
    DeliveryStatus.FAILED: 5,
}


@dataclass(frozen=True)
class StatusChange:
    """A WhatsApp status for one of our outbound messages (a webhook status notification)."""

    wa_message_id: str
    status: str
    at: dt.datetime
    errors: tuple[dict, ...] = ()
    callback_data: str = ""


CALLBACK_PREFIX = "tria-message:"
FAILED_FLAG = "WhatsApp could not deliver a reply"


def callback_data(message_id: int) -> str:
    """What we send as biz_opaque_callback_data with a message: its id, echoed in its statuses."""
    return f"{CALLBACK_PREFIX}{message_id}"


def message_id_from_callback(data: str) -> int | None:
    if not data.startswith(CALLBACK_PREFIX) or not data[len(CALLBACK_PREFIX) :].isdigit():
        return None
    return int(data[len(CALLBACK_PREFIX) :])


_STATUSES_SQL = (
    "UPDATE conversation_messages AS m SET delivery_status = v.status,"
    " status_updated_at = v.at,"
    " context = CASE WHEN v.codes IS NULL THEN m.context"
    "   ELSE COALESCE(m.context, '{}'::jsonb)"
    "     || jsonb_build_object('delivery_errors', v.codes::jsonb) END"
    " FROM unnest(%s::varchar[], %s::varchar[], %s::int[], %s::timestamptz[], %s::text[])"
    "   AS v(wa_message_id, status, rank, at, codes)"
    " WHERE m.wa_message_id = v.wa_message_id"
    " AND array_position(%s::varchar[], m.delivery_status::varchar) - 1 < v.rank"  # rank now
    " RETURNING m.id, m.session_id, v.status"
)

# A status whose send has not recorded its wamid yet: the wamid goes on the message it names.
_ATTACH_SQL = (
    "UPDATE conversation_messages AS m SET wa_message_id = v.wa_message_id"
    " FROM unnest(%s::bigint[], %s::varchar[]) AS v(id, wa_message_id)"
    " WHERE m.id = v.id AND m.role = 'assistant' AND m.wa_message_id IS NULL"
    " AND NOT EXISTS"
    "   (SELECT 1 FROM conversation_messages o WHERE o.wa_message_id = v.wa_message_id)"
)

_OUTBOX_SQL = (
    "UPDATE whatsapp_outbox SET state = CASE WHEN m.delivery_status = %s THEN %s ELSE %s END,"
    " changed_at = now()"
    " FROM conversation_messages AS m"
    " WHERE whatsapp_outbox.message_id = m.id AND m.id = ANY(%s)"
    " AND whatsapp_outbox.state IN (%s, %s, %s)"
)

_FLAG_SQL = (
    "UPDATE conversation_sessions SET flagged_for_followup = true, flag_reason = %s,"
    " updated_at = now() WHERE session_id = ANY(%s::uuid[])"
)


def update_delivery_statuses(changes: Iterable[StatusChange]) -> int:
    """Move outbound messages' statuses forward, sent < delivered < read, failed final, in one
    statement; how many messages moved. Of several changes to one message, the highest wins
    (what applying them one by one gives); Meta's error codes go to context.delivery_errors."""
    best: dict[str, StatusChange] = {}
    for change in changes:
        rank = _STATUS_RANK.get(change.status, 0)
        held = best.get(change.wa_message_id)
        if rank > 0 and (held is None or rank > _STATUS_RANK[held.status]):
            best[change.wa_message_id] = change
    if not best:
        return 0
    rows = sorted(best.values(), key=lambda c: c.wa_message_id)  # lock order
    with transaction.atomic(), connection.cursor() as cursor:
        _attach_wamids(cursor, rows)
        cursor.execute(
            _STATUSES_SQL,
            [
                [c.wa_message_id for c in rows],
                [c.status for c in rows],
                [_STATUS_RANK[c.status] for c in rows],
                [c.at for c in rows],
                [_error_codes(c.errors) for c in rows],
                sorted(_STATUS_RANK, key=_STATUS_RANK.__getitem__),
            ],
        )
        moved = cursor.fetchall()
        _follow_outbox(cursor, moved)
    return len(moved)


def _attach_wamids(cursor, rows: list[StatusChange]) -> None:
    named = sorted(
        (message_id, c.wa_message_id)
        for c in rows
        if (message_id := message_id_from_callback(c.callback_data)) is not None
    )
    if named:
        cursor.execute(_ATTACH_SQL, [[n[0] for n in named], [n[1] for n in named]])


def _follow_outbox(cursor, moved: list[tuple[int, object, str]]) -> None:
    """Outbox entries of moved messages become sent (failed); failed ones flag their session."""
    if not moved:
        return
    cursor.execute(
        _OUTBOX_SQL,
        [
            DeliveryStatus.FAILED,
            OutboxState.FAILED,
            OutboxState.SENT,
            sorted(m[0] for m in moved),
            OutboxState.PENDING,
            OutboxState.SENDING,
            OutboxState.UNKNOWN,
        ],
    )
    failed = sorted({str(m[1]) for m in moved if m[2] == DeliveryStatus.FAILED})
    if failed:
        cursor.execute(_FLAG_SQL, [FAILED_FLAG, failed])
        logger.warning("whatsapp: %s replies failed after sending; sessions flagged", len(failed))


def _error_codes(errors: tuple[dict, ...]) -> str | None:
    codes = [e.get("code") for e in errors if isinstance(e, dict)]
    return json.dumps(codes) if errors else None
