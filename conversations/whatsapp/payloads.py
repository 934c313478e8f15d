"""WhatsApp Cloud API webhook notifications, parsed into plain dataclasses.

Pure functions of the decoded JSON: no ORM, no settings, no clock (the receive time is given).
The webhook view verifies the signature and decodes the body; `parse_notification` turns it into
what we store.

Rules (Meta's messages webhook reference, and its 2026 pages on usernames and BSUIDs):
- `object == "whatsapp_business_account"` with `field == "messages"` (customers' messages and our
  statuses) or `"smb_message_echoes"` (what staff send from the WhatsApp Business app on the
  same number) is used; anything else is reported as skipped (by name only, never content).
- A change addressed to another `phone_number_id` than ours is skipped whole.
- Every entry, change, message, status and echo is parsed on its own: one that cannot be parsed
  becomes a `Failure` (the error's kind, never content) and costs its neighbours nothing.
- A customer is whoever Meta names: the phone (`from`, `wa_id`), the business-scoped user id
  (BSUID: `from_user_id`, `contacts[].user_id`), or both; contacts are matched to messages by
  either, never by position. A username-only customer has no phone at all.
- NUL characters are removed everywhere (PostgreSQL refuses them); a timestamp that is not a
  number, or lies outside [received - max_age, received + 1 day], becomes the receive time, with
  `timestamp_clamped` in the message's context.
- Content keeps the text a person would read; structured data goes to `context`
  (conversations.whatsapp.message_types). Types we do not know are kept content-free.
- A reaction is applied to the message it targets; an edit replaces a message's text; a revoke
  deletes it; a system message about a changed number or BSUID moves the customer's identity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from conversations.whatsapp import message_types
from conversations.whatsapp.items import (
    Edit,
    Failure,
    IdentityChange,
    InboundMessage,
    Notification,
    Reaction,
    Revoke,
    Skipped,
    StatusUpdate,
)
from conversations.whatsapp.message_types import MEDIA_TYPES, _compact, _dict, _list, _text

WHATSAPP_OBJECT = "whatsapp_business_account"
MESSAGES_FIELD = "messages"
ECHOES_FIELD = "smb_message_echoes"
STATUSES = ("sent", "delivered", "read", "played", "failed")
IDENTITY_CHANGES = ("user_changed_number", "user_changed_user_id")
FUTURE_SLACK = dt.timedelta(days=1)
# Unix seconds beyond this are not a date datetime can hold (year 9999).
_MAX_SECONDS = 253402300799

__all__ = [
    "MEDIA_TYPES",
    "Edit",
    "Failure",
    "IdentityChange",
    "InboundMessage",
    "Notification",
    "Reaction",
    "Revoke",
    "Skipped",
    "StatusUpdate",
]


class MalformedItem(ValueError):
    """One item lacks a required field or has one of the wrong type."""


@dataclass(frozen=True)
class _Clock:
    """The receive time and the window of believable timestamps (None: no clamping)."""

    received_at: dt.datetime | None
    max_age: dt.timedelta

    def timestamp(self, value: Any) -> tuple[dt.datetime, bool]:
        """(time, clamped): Unix seconds as a string or number; else the receive time."""
        try:
            seconds = int(value)
        except (TypeError, ValueError):
            seconds = None
        if seconds is not None and 0 < seconds <= _MAX_SECONDS:
            at = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
            if self.received_at is None or (
                self.received_at - self.max_age <= at <= self.received_at + FUTURE_SLACK
            ):
                return at, False
        if self.received_at is None:
            raise MalformedItem("timestamp")
        return self.received_at, True


def _required(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value:
        raise MalformedItem(key)
    return value


def parse_timestamp(value: Any) -> dt.datetime:
    """WhatsApp's `timestamp`: Unix seconds, as a string (or a number)."""
    return _Clock(None, dt.timedelta(0)).timestamp(value)[0]


def strip_nul(value: Any) -> Any:
    """The decoded JSON without NUL characters (in keys and strings); depth is the webhook's
    to bound (conversations.whatsapp.webhook.MAX_DEPTH)."""
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {strip_nul(k): strip_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [strip_nul(v) for v in value]
    return value


# ------------------------------------------------------------------ notification


def parse_notification(
    payload: Any,
    phone_number_id: str = "",
    *,
    received_at: dt.datetime | None = None,
    max_age: dt.timedelta = dt.timedelta(days=30),
    may_hold_nul: bool = True,
) -> Notification:
    """Everything in one webhook POST. With `phone_number_id` empty, every number is accepted;
    with `received_at`, timestamps outside the window become it. `may_hold_nul` False (the raw
    JSON has no "\\u0000") skips the NUL sweep: the ingester's hot path."""
    result = Notification()
    body = strip_nul(_dict(payload)) if may_hold_nul else _dict(payload)
    obj = _text(body.get("object"))
    if obj != WHATSAPP_OBJECT:
        result.skipped.append(Skipped("object", obj or "-"))
        return result
    clock = _Clock(received_at, max_age)
    for entry in _list(body.get("entry")):
        for change in _list(_dict(entry).get("changes")):
            _parse_change(_dict(change), phone_number_id, clock, result)
    return result


def _parse_change(
    change: dict[str, Any], phone_number_id: str, clock: _Clock, result: Notification
) -> None:
    name = _text(change.get("field"))
    if name not in (MESSAGES_FIELD, ECHOES_FIELD):
        result.skipped.append(Skipped("field", name or "-"))
        return
    value = _dict(change.get("value"))
    addressed_to = _text(_dict(value.get("metadata")).get("phone_number_id"))
    if phone_number_id and addressed_to != phone_number_id:
        result.skipped.append(Skipped("phone_number_id", addressed_to or "-"))
        return
    contacts = _Contacts(_list(value.get("contacts")))
    for item in _list(value.get("messages")):
        _parse_one("message", _dict(item), contacts, clock, result)
    for item in _list(value.get("statuses")):
        _parse_one("status", _dict(item), contacts, clock, result)
    for item in _list(value.get("message_echoes")):
        _parse_one("echo", _dict(item), contacts, clock, result)


class _Contacts:
    """The `contacts` of a change, found by phone (wa_id) or BSUID (user_id)."""

    def __init__(self, contacts: list[Any]) -> None:
        self._by_key: dict[str, dict[str, Any]] = {}
        for contact in map(_dict, contacts):
            for key in (_text(contact.get("wa_id")), _text(contact.get("user_id"))):
                if key:
                    self._by_key[key] = contact

    def find(self, wa_id: str, user_id: str) -> dict[str, Any]:
        return self._by_key.get(wa_id) or self._by_key.get(user_id) or {}


_PARSERS: dict[str, Any] = {}


def _parse_one(
    kind: str, item: dict[str, Any], contacts: _Contacts, clock: _Clock, result: Notification
) -> None:
    try:
        parsed = _PARSERS[kind](item, contacts, clock)
    except Exception as exc:  # any bad item is recorded, never fatal to the others
        error = (
            f"missing or invalid {exc}" if isinstance(exc, MalformedItem) else type(exc).__name__
        )
        result.failures.append(_failure(kind, item, error, clock))
        return
    bucket = {
        InboundMessage: result.messages,
        Reaction: result.reactions,
        StatusUpdate: result.statuses,
        Edit: result.edits,
        Revoke: result.revokes,
        IdentityChange: result.identity_changes,
        Skipped: result.skipped,
    }[type(parsed)]
    bucket.append(parsed)


def _failure(kind: str, item: dict[str, Any], error: str, clock: _Clock) -> Failure:
    """Enough to store a content-free record in the sender's chat, when the item names them."""
    try:
        at = clock.timestamp(item.get("timestamp"))[0]
    except MalformedItem:
        at = None
    sender = ("to", "to_user_id") if kind == "echo" else ("from", "from_user_id")
    return Failure(
        item=kind,
        error=error[:100],
        wa_message_id=_text(item.get("id")) if kind != "status" else "",
        from_wa_id=_text(item.get(sender[0])),
        from_user_id=_text(item.get(sender[1])),
        timestamp=at,
    )


# ------------------------------------------------------------------ statuses


def _parse_status(
    item: dict[str, Any], _contacts: _Contacts, clock: _Clock
) -> StatusUpdate | Skipped:
    wa_message_id = _required(item, "id")
    status = _required(item, "status")
    if status not in STATUSES:
        return Skipped("status", status)
    errors = tuple(
        _compact({"code": e.get("code"), "title": _text(e.get("title"))})
        for e in map(_dict, _list(item.get("errors")))
    )
    return StatusUpdate(
        wa_message_id=wa_message_id,
        status=status,
        timestamp=clock.timestamp(item.get("timestamp"))[0],
        errors=errors,
        callback_data=_text(item.get("biz_opaque_callback_data"))[:512],
        recipient_id=_text(item.get("recipient_id")),
        recipient_user_id=_text(item.get("recipient_user_id")),
    )


# ------------------------------------------------------------------ messages


def _customer(item: dict[str, Any], contacts: _Contacts, keys: tuple[str, str]) -> dict[str, str]:
    """The customer an item is about, by phone and/or BSUID, completed from `contacts`."""
    wa_id, user_id = _text(item.get(keys[0])), _text(item.get(keys[1]))
    contact = contacts.find(wa_id, user_id)
    wa_id = wa_id or _text(contact.get("wa_id"))
    user_id = user_id or _text(contact.get("user_id"))
    if not wa_id and not user_id:
        raise MalformedItem(keys[0])
    profile = _dict(contact.get("profile"))
    return {
        "from_wa_id": wa_id,
        "from_user_id": user_id,
        "parent_user_id": _text(contact.get("parent_user_id")),
        "username": _text(profile.get("username")),
        "profile_name": _text(profile.get("name")),
    }


def _parse_message(item: dict[str, Any], contacts: _Contacts, clock: _Clock) -> Any:
    return _message(item, contacts, clock, role="user", keys=("from", "from_user_id"))


def _parse_echo(item: dict[str, Any], contacts: _Contacts, clock: _Clock) -> Any:
    """What staff sent from the WhatsApp Business app: the customer is the recipient."""
    return _message(item, contacts, clock, role="staff", keys=("to", "to_user_id"))


def _message(
    item: dict[str, Any], contacts: _Contacts, clock: _Clock, *, role: str, keys: tuple[str, str]
) -> Any:
    wa_message_id = _required(item, "id")
    who = _customer(item, contacts, keys)
    timestamp, clamped = clock.timestamp(item.get("timestamp"))
    message_type = _text(item.get("type")) or "unknown"
    sender = {"from_wa_id": who["from_wa_id"], "from_user_id": who["from_user_id"]}
    if role == "user":
        special = _special(message_type, item, wa_message_id, sender, timestamp)
        if special is not None:
            return special
    rendered = message_types.render(message_type, item)
    if rendered is None:  # a type we do not know: kept, content-free
        rendered = "", {"unsupported": {"type": message_type}}
    content, context = rendered
    context.update(_envelope_context(item, who["profile_name"]))
    if clamped:
        context["timestamp_clamped"] = True
    return InboundMessage(
        wa_message_id=wa_message_id,
        timestamp=timestamp,
        message_type=message_type,
        content=content,
        context=context,
        parent_user_id=who["parent_user_id"],
        username=who["username"],
        role=role,
        process=role == "user" and message_type != "system",
        **sender,
    )


def _special(
    message_type: str,
    item: dict[str, Any],
    wa_message_id: str,
    sender: dict[str, str],
    timestamp: dt.datetime,
) -> Any:
    """Reactions, edits, revokes and identity changes: they act on what we keep."""
    body = _dict(item.get(message_type))
    if message_type == "reaction":
        return Reaction(
            wa_message_id=wa_message_id,
            timestamp=timestamp,
            target_wa_message_id=_required(body, "message_id"),
            emoji=_text(body.get("emoji")) or None,
            **sender,
        )
    if message_type == "revoke":
        original = _required(body, "original_message_id")
        return Revoke(wa_message_id, timestamp=timestamp, original_wa_message_id=original, **sender)
    if message_type == "edit":
        inner = _dict(body.get("message"))
        inner_type = _text(inner.get("type")) or "text"
        content, context = message_types.render(inner_type, inner) or ("", {})
        return Edit(
            wa_message_id,
            timestamp=timestamp,
            original_wa_message_id=_required(body, "original_message_id"),
            message_type=inner_type,
            content=content,
            context=context,
            **sender,
        )
    if message_type == "system" and _text(body.get("type")) in IDENTITY_CHANGES:
        return IdentityChange(
            wa_message_id,
            kind=_text(body.get("type")),
            previous_user_id=_text(body.get("previous_user_id")),
            new_wa_id=_text(body.get("wa_id")),
            new_user_id=_text(body.get("user_id")),
            timestamp=timestamp,
            **sender,
        )
    return None


def _render_system(body: dict[str, Any], _item: dict[str, Any]) -> Any:
    """Other system messages (customer_identity_changed, …): kept by type; the body names
    phone numbers, so it is not kept."""
    return "", {"system": {"type": _text(body.get("type"))}}


message_types._RENDERERS["system"] = _render_system


def _envelope_context(item: dict[str, Any], profile_name: str) -> dict[str, Any]:
    """What every message type may carry: the message replied to, forwarding, the sender's name,
    the click-to-WhatsApp ad that started the chat."""
    replied = _dict(item.get("context"))
    referral = _dict(item.get("referral"))
    return _compact(
        {
            "reply_to": _text(replied.get("id")),
            "forwarded": bool(replied.get("forwarded") or replied.get("frequently_forwarded"))
            or None,
            "profile_name": profile_name,
            "referral": _compact(
                {
                    k: _text(referral.get(k))
                    for k in (
                        "source_url",
                        "source_id",
                        "source_type",
                        "headline",
                        "body",
                        "media_type",
                        "ctwa_clid",
                    )
                }
            )
            or None,
        }
    )


_PARSERS.update(message=_parse_message, status=_parse_status, echo=_parse_echo)


def text_notification(
    *,
    wa_id: str,
    body: str,
    wa_message_id: str,
    timestamp: int,
    phone_number_id: str,
    profile_name: str = "",
) -> dict[str, Any]:
    """A Cloud API notification of one text message, as Meta sends it (simulator, benchmark)."""
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": phone_number_id, "phone_number_id": phone_number_id},
        "contacts": [{"profile": {"name": profile_name}, "wa_id": wa_id}],
        "messages": [
            {
                "from": wa_id,
                "id": wa_message_id,
                "timestamp": str(timestamp),
                "type": "text",
                "text": {"body": body},
            }
        ],
    }
    return {
        "object": WHATSAPP_OBJECT,
        "entry": [{"id": phone_number_id, "changes": [{"field": MESSAGES_FIELD, "value": value}]}],
    }
