"""What customers send: stored once per WhatsApp message id, in set-based batches, then announced
to the processing handlers (conversations.processing) on commit.
"""

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from celery import current_app
from django.conf import settings
from django.db import IntegrityError, connection, transaction

from conversations import pgarrays, selectors, tasks
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    Role,
)
from conversations.services.counters import count_bulk, remember_identities
from conversations.services.identities import Customer, Resolved, resolve_customers
from conversations.services.messages import copy_messages
from conversations.services.sessions import LOCK_USERS_SQL, assign_sessions, count_new_sessions
from conversations.whatsapp import identity

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboundResult:
    message: ConversationMessage
    created: bool


@dataclass(frozen=True)
class Inbound:
    """One message of a WhatsApp user's chat (the webhook's parse of it), to be stored: from the
    user (role user) or from our staff in the WhatsApp Business app (role staff). `phone` and/or
    `bsuid` name the user; `process` False stores it as already processed (no assistant)."""

    phone: str
    content: str
    timestamp: dt.datetime
    wa_message_id: str | None = None
    message_type: str = "text"
    context: dict[str, Any] | None = None
    bsuid: str = ""
    parent_bsuid: str = ""
    username: str = ""
    role: str = Role.USER
    process: bool = True

    @property
    def customer(self) -> Customer:
        return Customer(self.phone, self.bsuid, self.parent_bsuid, self.username)


def record_inbound_message(
    *,
    phone: str,
    content: str,
    timestamp: dt.datetime,
    wa_message_id: str | None = None,
    message_type: str = "text",
    context: dict | None = None,
) -> InboundResult:
    """Store one user's WhatsApp message once (record_inbound_messages of one).

    Raises identity.InvalidPhoneNumber when `phone` is not a phone number.
    """
    item = Inbound(phone, content, timestamp, wa_message_id, message_type, context)
    try:
        (result,) = record_inbound_messages([item])
    except IntegrityError:
        # Only a wamid stored by a writer that does not take the user's lock gets here.
        existing = ConversationMessage.objects.filter(wa_message_id=wa_message_id).first()
        if not wa_message_id or existing is None:
            raise
        return InboundResult(existing, False)
    if result is None:
        raise identity.InvalidPhoneNumber("the sender is not a phone number")
    return result


def record_inbound_messages(items: Sequence[Inbound]) -> list[InboundResult | None]:
    """Store users' WhatsApp messages in one transaction; enqueue the new ones' processing on
    commit. One result per item, in order: None when the sender is neither a phone number nor a
    BSUID.

    Each wamid is stored once: a redelivery (already stored, or twice in `items`) answers the
    stored message with created=False. The senders' advisory locks are taken first, in user_id
    order, so concurrent batches for one user join one session and see each other's wamids.
    Everything is set-based: a batch costs about a dozen statements whatever its size.
    """
    results: list[InboundResult | None] = [None] * len(items)
    if not items:
        return results
    with transaction.atomic(savepoint=False):  # inside a drain's batch: no savepoint round trips
        senders = resolve_customers(item.customer for item in items)
        valid = [(i, item) for i, item in enumerate(items) if senders[item.customer]]
        if not valid:
            return results
        users = sorted({senders[item.customer].user_id for _, item in valid})
        wamids = [item.wa_message_id for _, item in valid if item.wa_message_id]
        state = selectors.inbound_state(
            users, wamids, before=[(LOCK_USERS_SQL, [pgarrays.texts(users)])]
        )
        known = _stored_messages(state.stored)
        fresh: list[tuple[int, Inbound]] = []
        repeats: list[tuple[int, str]] = []
        batch_wamids: set[str] = set()
        for i, item in valid:
            wamid = item.wa_message_id
            if wamid and wamid in known:
                results[i] = InboundResult(known[wamid], False)
            elif wamid and wamid in batch_wamids:
                repeats.append((i, wamid))
            else:
                fresh.append((i, item))
                if wamid:
                    batch_wamids.add(wamid)
        messages = _insert_inbound(fresh, senders, state)
        for (i, _), message in zip(fresh, messages, strict=True):
            results[i] = InboundResult(message, True)
        by_wamid = {m.wa_message_id: m for m in messages if m.wa_message_id}
        for i, wamid in repeats:
            results[i] = InboundResult(by_wamid[wamid], False)
        ids = [m.pk for m in messages if m.processed_at is None]
        # robust: Redis refusing does not undo or fail the stored batch; the redrive job
        # (orders.assistant.redrive_unprocessed) enqueues the messages again.
        transaction.on_commit(lambda: _enqueue_processing(ids), robust=True)
    return results


def _stored_messages(stored: dict[str, int]) -> dict[str, ConversationMessage]:
    """wamid -> the stored message (a redelivery's answer); no query when there is none."""
    if not stored:
        return {}
    by_id = ConversationMessage.objects.in_bulk(list(stored.values()))
    return {wamid: by_id[pk] for wamid, pk in stored.items()}


def _insert_inbound(
    fresh: Sequence[tuple[int, Inbound]],
    senders: dict[Customer, Resolved | None],
    state: selectors.InboundState,
) -> list[ConversationMessage]:
    """Insert new inbound messages (sessions chosen or opened, counters, identities)."""
    if not fresh:
        return []
    arrivals = [(senders[item.customer].user_id, item.timestamp) for _, item in fresh]
    sessions, new_sessions = assign_sessions(arrivals, state)
    ConversationSession.objects.bulk_create(new_sessions)
    messages = [
        ConversationMessage(
            session=session,
            role=item.role,
            content=item.content,
            timestamp=item.timestamp,
            wa_message_id=item.wa_message_id,
            message_type=item.message_type,
            context=item.context or {},
            processed_at=None if item.process and item.role == Role.USER else item.timestamp,
        )
        for (_, item), session in zip(fresh, sessions, strict=True)
    ]
    copy_messages(messages)
    with selectors.pipeline():  # the counter writes in one round trip
        count_bulk(messages, {s.session_id: s.user_id for s in sessions})
        count_new_sessions(new_sessions)
        remember_identities(
            [
                (senders[item.customer], item.timestamp)
                for _, item in fresh
                if item.role == Role.USER
            ]
        )
    return messages


def _enqueue_processing(message_ids: Sequence[int]) -> None:
    """One processing task per PROCESSING_TASK_SIZE messages of the batch, published in one Redis
    pipeline: a few Celery messages instead of one per message (the ingester's CPU, bench), and
    small enough that a message never waits behind many turns (each may call OpenAI) while
    other workers are idle."""
    size = max(1, settings.PROCESSING_TASK_SIZE)
    chunks = [list(message_ids[i : i + size]) for i in range(0, len(message_ids), size)]
    if not chunks:
        return
    # argsrepr given: Celery would build it with saferepr, a sixth of each publish's CPU
    with current_app.producer_or_acquire() as producer, producer.batch():
        for chunk in chunks:
            tasks.process_inbound_messages.apply_async(
                (chunk,), producer=producer, argsrepr=f"[{len(chunk)} message ids]"
            )


def record_reaction(
    *,
    target_wa_message_id: str,
    emoji: str | None,
    at: dt.datetime,
    phone: str = "",
    user_id: str = "",
) -> bool:
    """Put a user's reaction on the message it targets: context["reaction"] = {emoji, at}.

    A reaction is not a message: it is not counted and never starts processing. emoji None
    means the user removed it. Redeliveries are harmless and an older reaction arriving late
    never replaces a newer one. False when the target is not a message of this user's chats.
    """
    user_id = user_id or identity.pseudonymize_phone(phone)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE conversation_messages SET context = COALESCE(context, '{}'::jsonb)"
            " || jsonb_build_object('reaction', jsonb_build_object('emoji', %s::text,"
            "   'at', %s::text))"
            " WHERE wa_message_id = %s"
            " AND session_id IN (SELECT session_id FROM conversation_sessions WHERE user_id = %s)"
            " AND COALESCE((context->'reaction'->>'at')::timestamptz, '-infinity') <= %s",
            [emoji, at.isoformat(), target_wa_message_id, user_id, at],
        )
        return cursor.rowcount == 1
