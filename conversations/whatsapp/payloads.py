"""WhatsApp Cloud API webhook notifications, parsed into plain dataclasses.

Pure functions of the decoded JSON: no ORM, no settings, no clock. The webhook view verifies the
signature and decodes the body; `parse_notification` turns it into what we store.

Rules (Meta's messages webhook reference):
- Only `object == "whatsapp_business_account"` and `field == "messages"` are used; anything else
  is reported as skipped (by name only, never content).
- A change addressed to another `phone_number_id` than ours is skipped whole.
- Several entries, changes, messages and statuses may arrive in one POST; each is parsed on its
  own, so one malformed item never hides the others.
- Contacts are matched to messages by `wa_id`, never by position.
- Content keeps the text a person would read (body, caption, button title, a short rendering of a
  location or a shared contact); structured data (media id, mime type, coordinates, button
  payload, reply target) goes to `context`.
- A reaction is not a message of its own: it is applied to the message it targets (an emoji, or
  none when the user removed it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

WHATSAPP_OBJECT = "whatsapp_business_account"
MESSAGES_FIELD = "messages"
MEDIA_TYPES = ("image", "document", "audio", "video", "sticker")
STATUSES = ("sent", "delivered", "read", "failed")


@dataclass(frozen=True)
class InboundMessage:
    """A message a WhatsApp user sent us."""

    wa_message_id: str
    from_wa_id: str
    timestamp: dt.datetime
    message_type: str
    content: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Reaction:
    """A user's emoji on one of the messages of their chat; emoji is None when removed."""

    wa_message_id: str
    from_wa_id: str
    timestamp: dt.datetime
    target_wa_message_id: str
    emoji: str | None


@dataclass(frozen=True)
class StatusUpdate:
    """What happened to a message we sent: sent, delivered, read or failed (with errors)."""

    wa_message_id: str
    status: str
    timestamp: dt.datetime
    errors: tuple[dict[str, Any], ...] = ()
    # What we sent as biz_opaque_callback_data (our message id), echoed by Meta.
    callback_data: str = ""


@dataclass(frozen=True)
class Skipped:
    """Something we do not use. `kind` and `name` are safe to log: they never hold content."""

    kind: str  # object | field | phone_number_id | message_type | status | malformed
    name: str


@dataclass
class Notification:
    messages: list[InboundMessage] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


class MalformedItem(ValueError):
    """One message or status lacks a required field or has one of the wrong type."""


# ------------------------------------------------------------------ small readers


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _required(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value:
        raise MalformedItem(key)
    return value


def parse_timestamp(value: Any) -> dt.datetime:
    """WhatsApp's `timestamp`: Unix seconds, as a string (or a number)."""
    try:
        seconds = int(value)
    except (TypeError, ValueError) as exc:
        raise MalformedItem("timestamp") from exc
    if seconds <= 0:
        raise MalformedItem("timestamp")
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "")}


# ------------------------------------------------------------------ notification


def parse_notification(payload: Any, phone_number_id: str = "") -> Notification:
    """Everything in one webhook POST. With `phone_number_id` empty, every number is accepted."""
    result = Notification()
    body = _dict(payload)
    obj = _text(body.get("object"))
    if obj != WHATSAPP_OBJECT:
        result.skipped.append(Skipped("object", obj or "-"))
        return result
    for entry in _list(body.get("entry")):
        for change in _list(_dict(entry).get("changes")):
            _parse_change(_dict(change), phone_number_id, result)
    return result


def _parse_change(change: dict[str, Any], phone_number_id: str, result: Notification) -> None:
    name = _text(change.get("field"))
    if name != MESSAGES_FIELD:
        result.skipped.append(Skipped("field", name or "-"))
        return
    value = _dict(change.get("value"))
    addressed_to = _text(_dict(value.get("metadata")).get("phone_number_id"))
    if phone_number_id and addressed_to != phone_number_id:
        result.skipped.append(Skipped("phone_number_id", addressed_to or "-"))
        return
    names = _profile_names(_list(value.get("contacts")))
    for item in _list(value.get("messages")):
        _parse_one(_parse_message, _dict(item), names, result)
    for item in _list(value.get("statuses")):
        _parse_one(_parse_status, _dict(item), names, result)


def _profile_names(contacts: list[Any]) -> dict[str, str]:
    """wa_id -> the sender's WhatsApp profile name."""
    names = {}
    for contact in contacts:
        contact = _dict(contact)
        wa_id = _text(contact.get("wa_id"))
        if wa_id:
            names[wa_id] = _text(_dict(contact.get("profile")).get("name"))
    return names


def _parse_one(parser: Any, item: dict[str, Any], names: dict[str, str], result: Notification):
    try:
        parsed = parser(item, names)
    except MalformedItem as exc:
        result.skipped.append(Skipped("malformed", str(exc)))
        return
    if isinstance(parsed, InboundMessage):
        result.messages.append(parsed)
    elif isinstance(parsed, Reaction):
        result.reactions.append(parsed)
    elif isinstance(parsed, StatusUpdate):
        result.statuses.append(parsed)
    else:
        result.skipped.append(parsed)


# ------------------------------------------------------------------ statuses


def _parse_status(item: dict[str, Any], _names: dict[str, str]) -> StatusUpdate | Skipped:
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
        timestamp=parse_timestamp(item.get("timestamp")),
        errors=errors,
        callback_data=_text(item.get("biz_opaque_callback_data"))[:512],
    )


# ------------------------------------------------------------------ messages


def _parse_message(
    item: dict[str, Any], names: dict[str, str]
) -> InboundMessage | Reaction | Skipped:
    wa_message_id = _required(item, "id")
    sender = _required(item, "from")
    timestamp = parse_timestamp(item.get("timestamp"))
    message_type = _text(item.get("type"))
    if message_type == "reaction":
        reaction = _dict(item.get("reaction"))
        return Reaction(
            wa_message_id=wa_message_id,
            from_wa_id=sender,
            timestamp=timestamp,
            target_wa_message_id=_required(reaction, "message_id"),
            emoji=_text(reaction.get("emoji")) or None,
        )
    renderer = _RENDERERS.get(message_type)
    rendered = renderer(_dict(item.get(message_type)), item) if renderer else None
    if rendered is None:
        return Skipped("message_type", message_type or "-")
    content, context = rendered
    context.update(_envelope_context(item, names.get(sender, "")))
    return InboundMessage(
        wa_message_id=wa_message_id,
        from_wa_id=sender,
        timestamp=timestamp,
        message_type=message_type,
        content=content,
        context=context,
    )


def _envelope_context(item: dict[str, Any], profile_name: str) -> dict[str, Any]:
    """What every message type may carry: the message replied to, forwarding, the sender's name."""
    replied = _dict(item.get("context"))
    return _compact(
        {
            "reply_to": _text(replied.get("id")),
            "forwarded": bool(replied.get("forwarded") or replied.get("frequently_forwarded"))
            or None,
            "profile_name": profile_name,
        }
    )


Rendered = tuple[str, dict[str, Any]] | None


def _render_text(body: dict[str, Any], _item: dict[str, Any]) -> Rendered:
    return _text(body.get("body")), {}


def _render_interactive(body: dict[str, Any], _item: dict[str, Any]) -> Rendered:
    kind = _text(body.get("type"))
    if kind not in ("button_reply", "list_reply"):
        return None
    reply = _dict(body.get(kind))
    choice = _compact(
        {
            "type": kind,
            "id": _text(reply.get("id")),
            "title": _text(reply.get("title")),
            "description": _text(reply.get("description")),
        }
    )
    return _text(reply.get("title")), {"interactive": choice}


def _render_button(body: dict[str, Any], _item: dict[str, Any]) -> Rendered:
    button = _compact({"payload": _text(body.get("payload")), "text": _text(body.get("text"))})
    return _text(body.get("text")), {"button": button}


def _render_media(body: dict[str, Any], _item: dict[str, Any]) -> Rendered:
    media = _compact(
        {
            "id": _text(body.get("id")),
            "mime_type": _text(body.get("mime_type")),
            "sha256": _text(body.get("sha256")),
            "filename": _text(body.get("filename")),
            "voice": body.get("voice") if isinstance(body.get("voice"), bool) else None,
            "animated": body.get("animated") if isinstance(body.get("animated"), bool) else None,
        }
    )
    content = _text(body.get("caption")) or _text(body.get("filename"))
    return content, {"media": media}


def _render_location(body: dict[str, Any], _item: dict[str, Any]) -> Rendered:
    location = _compact(
        {
            "latitude": body.get("latitude"),
            "longitude": body.get("longitude"),
            "name": _text(body.get("name")),
            "address": _text(body.get("address")),
            "url": _text(body.get("url")),
        }
    )
    content = ", ".join(p for p in (location.get("name"), location.get("address")) if p)
    return content, {"location": location}


def _render_contacts(_body: dict[str, Any], item: dict[str, Any]) -> Rendered:
    """Shared contact cards: names and numbers go to content only, where the PII scrubber runs."""
    cards = [_dict(c) for c in _list(item.get("contacts"))]
    lines = []
    for card in cards:
        name = _text(_dict(card.get("name")).get("formatted_name"))
        phones = [_text(_dict(p).get("phone")) for p in _list(card.get("phones"))]
        lines.append(" ".join(p for p in [name, *phones] if p))
    return "; ".join(line for line in lines if line), {"shared_contacts": len(cards)}


def _render_unsupported(body: dict[str, Any], item: dict[str, Any]) -> Rendered:
    codes = [_dict(e).get("code") for e in _list(item.get("errors"))]
    details = _compact({"type": _text(body.get("type")), "error_codes": [c for c in codes if c]})
    return "", {"unsupported": details}


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


_RENDERERS = {
    "text": _render_text,
    "interactive": _render_interactive,
    "button": _render_button,
    **dict.fromkeys(MEDIA_TYPES, _render_media),
    "location": _render_location,
    "contacts": _render_contacts,
    "unsupported": _render_unsupported,
}
