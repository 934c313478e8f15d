"""Delivery statuses of our outbound messages: sent < delivered < read < played, failed final."""

import datetime as dt
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from conversations.models import (
    DeliveryStatus,
)

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
    with connection.cursor() as cursor:
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
        return cursor.rowcount


def _error_codes(errors: tuple[dict, ...]) -> str | None:
    codes = [e.get("code") for e in errors if isinstance(e, dict)]
    return json.dumps(codes) if errors else None
