"""What one notification asks us to store, item by item: messages (and content-free records of
items that could not be parsed), identity changes, edits and revokes, statuses' recipients and
reactions. Called by the ingester (conversations.whatsapp.ingest) inside its batch transaction;
every write goes through conversations.services.

May import: the memory core and this package's payloads.
"""

import datetime as dt
import logging
from dataclasses import asdict, dataclass, fields

from django.utils import timezone

from conversations import services
from conversations.models import Role
from conversations.whatsapp import payloads

logger = logging.getLogger(__name__)


@dataclass
class IngestResult:
    """What a drain stored; the webhook answers it when it stores inline."""

    notifications: int = 0
    messages: int = 0
    duplicates: int = 0
    statuses: int = 0
    reactions: int = 0
    edits: int = 0
    revokes: int = 0
    identity_changes: int = 0
    unparsable: int = 0
    skipped: int = 0
    failed: int = 0

    def add(self, other: "IngestResult") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _inbound(m: payloads.InboundMessage) -> services.Inbound:
    return services.Inbound(
        phone=m.from_wa_id,
        content=m.content,
        timestamp=m.timestamp,
        wa_message_id=m.wa_message_id,
        message_type=m.message_type,
        context=m.context,
        bsuid=m.from_user_id,
        parent_bsuid=m.parent_user_id,
        username=m.username,
        role=m.role,
        process=m.process,
    )


def _error_record(f: payloads.Failure, received_at: dt.datetime) -> services.Inbound:
    """A content-free record of an item we could not parse, in the sender's chat."""
    return services.Inbound(
        phone=f.from_wa_id,
        bsuid=f.from_user_id,
        content="",
        timestamp=f.timestamp or received_at,
        wa_message_id=f.wa_message_id,
        message_type="error",
        context={"error": f.error, "item": f.item},
        role=Role.STAFF if f.item == "echo" else Role.USER,
        process=False,
    )


def store_messages(notifications: list[payloads.Notification], result: IngestResult) -> None:
    now = timezone.now()
    items = [_inbound(m) for n in notifications for m in n.messages]
    for notification in notifications:
        for failure in notification.failures:
            result.unparsable += 1
            logger.warning("whatsapp webhook: unparsable %s (%s)", failure.item, failure.error)
            if failure.wa_message_id and (failure.from_wa_id or failure.from_user_id):
                items.append(_error_record(failure, now))
    for stored in services.record_inbound_messages(items):
        if stored is None:
            result.skipped += 1
            logger.warning("whatsapp webhook: skipped a message, sender is not a phone or BSUID")
        elif stored.created:
            result.messages += 1
        else:
            result.duplicates += 1


def _customer(wa_id: str, user_id: str) -> services.Customer:
    return services.Customer(phone=wa_id, bsuid=user_id)


def change_identities(notification: payloads.Notification, result: IngestResult) -> None:
    for change in notification.identity_changes:
        user_id = services.change_identity(
            kind=change.kind,
            old=_customer(change.from_wa_id, change.from_user_id or change.previous_user_id),
            new_phone=change.new_wa_id,
            new_bsuid=change.new_user_id,
            wa_message_id=change.wa_message_id,
        )
        if user_id is None:
            logger.info("whatsapp webhook: identity change of an unknown sender ignored")
            continue
        result.identity_changes += 1
        # The chat keeps a content-free record of it (the body names both numbers).
        notification.messages.append(
            payloads.InboundMessage(
                wa_message_id=change.wa_message_id,
                from_wa_id=change.new_wa_id or change.from_wa_id,
                from_user_id=change.new_user_id or change.from_user_id,
                timestamp=change.timestamp,
                message_type="system",
                content="",
                context={"system": {"type": change.kind}},
                process=False,
            )
        )


def store_changes(notification: payloads.Notification, result: IngestResult) -> None:
    """Edits and revokes: applied to the stored original, else stored under its wamid."""
    late: list[services.Inbound] = []
    for edit in notification.edits:
        who = services.resolve_customer(_customer(edit.from_wa_id, edit.from_user_id))
        if who is None:
            continue
        result.edits += 1
        if not services.apply_edit(
            user_id=who.user_id,
            original_wa_message_id=edit.original_wa_message_id,
            content=edit.content,
            context=edit.context,
            at=edit.timestamp,
        ):
            context = {**edit.context, "edited": {"at": edit.timestamp.isoformat()}}
            late.append(_late(edit, edit.content, edit.message_type, context, process=True))
    for revoke in notification.revokes:
        who = services.resolve_customer(_customer(revoke.from_wa_id, revoke.from_user_id))
        if who is None:
            continue
        result.revokes += 1
        if not services.apply_revoke(
            user_id=who.user_id,
            original_wa_message_id=revoke.original_wa_message_id,
            at=revoke.timestamp,
        ):
            context = {"deleted": {"at": revoke.timestamp.isoformat()}}
            late.append(_late(revoke, "", "text", context, process=False))
    if late:
        services.record_inbound_messages(late)


def _late(
    change: payloads.Edit | payloads.Revoke,
    content: str,
    message_type: str,
    context: dict,
    *,
    process: bool,
) -> services.Inbound:
    """The edit or revoke of a message we do not have: stored under the original's wamid."""
    return services.Inbound(
        phone=change.from_wa_id,
        bsuid=change.from_user_id,
        content=content,
        timestamp=change.timestamp,
        wa_message_id=change.original_wa_message_id,
        message_type=message_type,
        context=context,
        process=process,
    )


def link_status_recipients(notifications: list[payloads.Notification]) -> None:
    """A status naming both the phone and the BSUID links them (nothing to do otherwise)."""
    pairs = {
        _customer(s.recipient_id, s.recipient_user_id)
        for n in notifications
        for s in n.statuses
        if s.recipient_id and s.recipient_user_id
    }
    if pairs:
        services.resolve_customers(pairs)


def store_reactions(notification: payloads.Notification, result: IngestResult) -> None:
    for reaction in notification.reactions:
        if _store_reaction(reaction):
            result.reactions += 1
    result.skipped += len(notification.skipped)
    for skipped in notification.skipped:
        logger.info("whatsapp webhook: skipped %s %s", skipped.kind, skipped.name)


def _store_reaction(reaction: payloads.Reaction) -> bool:
    who = services.resolve_customer(_customer(reaction.from_wa_id, reaction.from_user_id))
    applied = who is not None and services.record_reaction(
        user_id=who.user_id,
        target_wa_message_id=reaction.target_wa_message_id,
        emoji=reaction.emoji,
        at=reaction.timestamp,
    )
    if not applied:
        logger.info("whatsapp webhook: reaction to an unknown message ignored")
    return applied
