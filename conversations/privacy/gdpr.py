"""GDPR: a user's right of access (export) and right to erasure.

Every edge (API, admin action, management command) calls these two services, which record
themselves in the audit trail (conversations.audit).

Rules of erasure:
- One transaction, under the same per-user advisory lock the recording services take, so a
  message arriving meanwhile waits and then opens a fresh session.
- Deleted: the user's messages, sessions, staff's private notes on those sessions (SessionNote),
  interaction summary, encrypted phone number, BSUID and username (UserIdentity), the links
  of their other numbers and BSUIDs (IdentityLink), and the webhook inbox rows from or to any
  of them (waiting or set aside). Rows are matched by the pseudonym of their sender or
  recipient, never by text, so
  another customer's message that mentions the number is kept, as it would be once stored.
  A row the ingester is storing at that moment is left to it: it waits for the lock, like a
  message arriving meanwhile, and opens a fresh session.
- Removed from the exports of purged summaries too (conversations.retention.leftovers): the
  files are rewritten without the user's rows (a file is not transactional: if the erasure then
  fails, the user is gone from the exports all the same).
- Kept, as accounting records, with the user link removed: orders (user_id emptied, session
  unset, source message unset, notes emptied: staff or customers may have written personal data
  there) and their invoices. Outlet contacts are business records of the
  outlet and are kept too; removing one is the outlet's decision, through the admin.
- Audit events that named the user (earlier exports) or their sessions are re-pointed to the
  erasure record, so the trail stays complete while the pseudonym lives only in that record.
- An ErasureRecord keeps who, when, the counts and the pseudonymous id — never content.
- Idempotent: erasing again finds nothing, writes no new record and returns the first one.
"""

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from auditlog.context import disable_auditlog
from cryptography.fernet import InvalidToken
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from conversations import audit, services
from conversations.models import (
    AuditEvent,
    ConversationMessage,
    ConversationSession,
    ErasureRecord,
    IdentityLink,
    OutletContact,
    SessionNote,
    UserIdentity,
    UserInteractionSummary,
    WebhookInbox,
)
from conversations.privacy import formats, participants
from conversations.retention import leftovers
from conversations.whatsapp import identity

EXPORT_FORMATS = tuple(formats.CONTENT_TYPES)
EXPORT_ACTION = "gdpr.export"
ERASE_ACTION = "gdpr.erase"


class UnknownUser(LookupError):
    """No data is held for this user id (and it was never erased)."""


@dataclass(frozen=True)
class ErasureResult:
    user_id: str
    erased: bool  # False when an earlier erasure had already removed everything
    counts: dict[str, int]
    record: ErasureRecord

    def summary_line(self) -> str:
        if not self.erased:
            return f"nothing left to erase: erased on {self.record.erased_at:%Y-%m-%d %H:%M} UTC"
        return "erased " + ", ".join(f"{k}={v}" for k, v in self.counts.items())


def content_type(fmt: str) -> str:
    return formats.CONTENT_TYPES[fmt]


# ------------------------------------------------------------------ access and export


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _phone_of(record: UserIdentity | None) -> str:
    """The E.164 number a UserIdentity keeps encrypted; "" when none or unreadable."""
    if record is None:
        return ""
    try:
        return identity.normalize_phone(identity.decrypt_phone(record.phone_encrypted))
    except (InvalidToken, identity.InvalidPhoneNumber):
        return ""


def _identity_data(user_id: str) -> dict[str, Any]:
    record = UserIdentity.objects.filter(user_id=user_id).first()
    if record is None:
        return {}
    phone = _phone_of(record)
    masked = identity.mask_phone(phone) if phone else ""
    return {
        "phone_masked": masked,
        "first_seen": _iso(record.created_at),
        "last_inbound_at": _iso(record.last_inbound_at),
    }


def _summary_data(user_id: str) -> dict[str, Any]:
    summary = UserInteractionSummary.objects.filter(user_id=user_id).first()
    if summary is None:
        return {}
    return {
        "outlet": summary.outlet.name if summary.outlet else None,
        "total_conversations": summary.total_conversations,
        "total_messages": summary.total_messages,
        "common_intents": summary.common_intents,
        "preferred_language": summary.preferred_language,
        "avg_satisfaction": summary.avg_satisfaction,
        "first_interaction": _iso(summary.first_interaction),
        "last_interaction": _iso(summary.last_interaction),
        "metadata": summary.metadata,
    }


def _message_data(message: ConversationMessage) -> dict[str, Any]:
    return {
        "timestamp": _iso(message.timestamp),
        "role": message.role,
        "content": message.content,
        "language": message.language,
        "intent": message.intent,
        "confidence": message.confidence,
        "message_type": message.message_type,
        "context": message.context,
        "pii_scrubbed": message.pii_scrubbed,
    }


def _notes_data(user_id: str) -> dict[Any, list[dict[str, Any]]]:
    """Staff's private notes on the user's sessions: what was written about them, by whom, when."""
    notes: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    query = SessionNote.objects.filter(session__user_id=user_id).select_related("author")
    for note in query.order_by("created_at", "id"):
        notes[note.session_id].append(
            {
                "created_at": _iso(note.created_at),
                "author": note.author.get_username() if note.author else None,
                "text": note.text,
            }
        )
    return notes


def _sessions_data(user_id: str) -> list[dict[str, Any]]:
    messages: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    query = ConversationMessage.objects.filter(session__user_id=user_id).order_by("timestamp", "id")
    for message in query.iterator(chunk_size=2000):
        messages[message.session_id].append(_message_data(message))
    notes = _notes_data(user_id)
    sessions = ConversationSession.objects.filter(user_id=user_id).select_related("outlet")
    return [
        {
            "session_id": str(s.session_id),
            "outlet": s.outlet.name if s.outlet else None,
            "language": s.language,
            "start_time": _iso(s.start_time),
            "end_time": _iso(s.end_time),
            "message_count": s.message_count,
            "intents": s.intents,
            "context": s.context,
            "messages": messages.get(s.session_id, []),
            "notes": notes.get(s.pk, []),
        }
        for s in sessions.order_by("start_time")
    ]


def collect_user_data(user_id: str) -> dict[str, Any]:
    """Everything held about one user, as plain JSON-ready data. UnknownUser when nothing."""
    data = {
        "user_id": user_id,
        "exported_at": timezone.now().isoformat(),
        "identity": _identity_data(user_id),
        "summary": _summary_data(user_id),
        "sessions": _sessions_data(user_id),
        "outlet_contacts": [
            {"outlet": c.outlet.name, "name": c.name, "role": c.role, "phone": c.phone_masked}
            for c in OutletContact.objects.filter(phone_hash=user_id).select_related("outlet")
        ],
    }
    data.update({p.key: p.export(user_id) for p in participants.participants()})
    held = (
        "identity",
        "summary",
        "sessions",
        "outlet_contacts",
        *(p.key for p in participants.participants()),
    )
    if not any(data[key] for key in held):
        raise UnknownUser(user_id)
    return data


def export_counts(data: dict[str, Any]) -> dict[str, int]:
    return {
        "sessions": len(data["sessions"]),
        "messages": sum(len(s["messages"]) for s in data["sessions"]),
        "notes": sum(len(s.get("notes", [])) for s in data["sessions"]),
        "orders": len(data.get("orders", [])),
    }


def export_user_data(
    user_id: str, fmt: str, *, actor: audit.Actor = None, actor_label: str = ""
) -> bytes:
    """The user's sessions, messages, summary and orders as JSON, CSV or PDF; audited."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}")
    data = collect_user_data(user_id)
    content = formats.render(data, fmt)
    details = {"format": fmt, "counts": export_counts(data), "via": actor_label or _label_of(actor)}
    audit.record_event(actor, EXPORT_ACTION, "user", user_id, **details)
    return content


# ------------------------------------------------------------------ erasure


def _items(value: Any, key: str) -> list[dict[str, Any]]:
    found = value.get(key) if isinstance(value, dict) else None
    return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []


def _parties_of(payload: Any) -> set[str]:
    """The customer numbers and BSUIDs a notification is from or to: contacts' wa_id and user_id,
    messages' from and from_user_id, statuses' recipient_id and recipient_user_id, echoes' to and
    to_user_id. A contact card a customer shares is their content, not a party."""
    values = [c.get("value") for e in _items(payload, "entry") for c in _items(e, "changes")]
    keys = {
        "contacts": ("wa_id", "user_id", "parent_user_id"),
        "messages": ("from", "from_user_id"),
        "statuses": ("recipient_id", "recipient_user_id"),
        "message_echoes": ("to", "to_user_id"),
    }
    found = {
        item.get(k)
        for v in values
        for name, ks in keys.items()
        for item in _items(v, name)
        for k in ks
    }
    return {party for party in found if isinstance(party, str)}


def _key_of(party: str) -> str:
    if identity.looks_like_bsuid(party):
        return identity.bsuid_key(party)
    try:
        return identity.pseudonymize_phone(party)
    except identity.InvalidPhoneNumber:
        return ""


def _names_user(body: str, keys: set[str]) -> bool:
    try:
        parties = _parties_of(json.loads(body))
    except ValueError:  # the webhook accepts JSON only; an old row, maybe
        return False
    return any(_key_of(party) in keys for party in parties)


def _delete_inbox_rows(user_id: str) -> int:
    """Delete the inbox rows naming the user; rows the ingester holds are skipped (module rules).

    With the user's number known the rows are first narrowed by its digits in SQL; without it
    (an erasure before the first message was stored) every row is read.
    """
    rows = WebhookInbox.objects.order_by("id").values_list("id", "body")
    known = UserIdentity.objects.filter(user_id=user_id).first()
    phone = _phone_of(known)
    keys = set(services.identifier_keys(user_id))
    if phone and len(keys) == 1:  # no BSUID or other number: the rows name this one
        rows = rows.filter(body__contains=phone.lstrip("+"))
    ids = [row_id for row_id, body in rows.iterator(chunk_size=500) if _names_user(body, keys)]
    free = WebhookInbox.objects.select_for_update(skip_locked=True).filter(pk__in=ids)
    return WebhookInbox.objects.filter(pk__in=list(free.values_list("id", flat=True))).delete()[0]


def _erase_rows(user_id: str) -> tuple[dict[str, int], list[str]]:
    """Delete and unlink; returns the counts and the ids of the deleted sessions."""
    inbox = _delete_inbox_rows(user_id)  # first: it reads the number from UserIdentity
    sessions = ConversationSession.objects.filter(user_id=user_id)
    session_ids = [str(s) for s in sessions.values_list("session_id", flat=True)]
    counts: dict[str, int] = {}
    for participant in participants.participants():  # first: they may point at messages
        counts.update(participant.erase(user_id))
    counts |= {
        "messages": ConversationMessage.objects.filter(session__user_id=user_id).delete()[0],
        # before the sessions, so each count is of its own rows (a session's delete cascades)
        "notes": SessionNote.objects.filter(session__user_id=user_id).delete()[0],
        "sessions": sessions.delete()[0],
        "summaries": UserInteractionSummary.objects.filter(user_id=user_id).delete()[0],
        # the encrypted number, BSUID and username, and the links of the user's other identifiers
        "identities": UserIdentity.objects.filter(user_id=user_id).delete()[0]
        + IdentityLink.objects.filter(user_id=user_id).delete()[0],
        "inbox_notifications": inbox,
        "summary_exports_rewritten": leftovers.remove_user_from_exports(user_id),
    }
    return counts, session_ids


def _repoint_audit_trail(user_id: str, session_ids: list[str], record: ErasureRecord) -> int:
    named = Q(object_id=user_id) | Q(object_id__in=session_ids)
    return AuditEvent.objects.filter(named).update(
        object_type="erasure_record", object_id=str(record.pk)
    )


def erase_user_data(
    user_id: str, actor: audit.Actor = None, *, actor_label: str = ""
) -> ErasureResult:
    """Erase a user's conversation data in one transaction; see the module rules."""
    label = actor_label or _label_of(actor)
    with transaction.atomic(), disable_auditlog():
        services.lock_user(user_id)  # the lock that chooses a user's session
        counts, session_ids = _erase_rows(user_id)
        if not any(v for k, v in counts.items() if not k.endswith("_kept")):
            return _already_erased(user_id, actor, label)
        record = ErasureRecord.objects.create(user_id=user_id, actor_label=label, counts=counts)
        _repoint_audit_trail(user_id, session_ids, record)
        audit.record_event(
            actor, ERASE_ACTION, "erasure_record", record.pk, counts=counts, via=label
        )
    return ErasureResult(user_id=user_id, erased=True, counts=counts, record=record)


def _already_erased(user_id: str, actor: audit.Actor, label: str) -> ErasureResult:
    previous = ErasureRecord.objects.filter(user_id=user_id).order_by("erased_at").first()
    if previous is None:
        raise UnknownUser(user_id)
    audit.record_event(actor, ERASE_ACTION, "erasure_record", previous.pk, repeated=True, via=label)
    zeros = dict.fromkeys(previous.counts, 0)
    return ErasureResult(user_id=user_id, erased=False, counts=zeros, record=previous)


def _label_of(actor: audit.Actor) -> str:
    user = getattr(actor, "user", actor)
    if user is not None and getattr(user, "is_authenticated", False):
        return user.get_username()
    return "system"
