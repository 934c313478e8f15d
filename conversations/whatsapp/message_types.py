"""How each WhatsApp message type is kept: the text a person would read goes to `content`,
structured data (media id, coordinates, button payload, flow answers, cart items) to `context`.

Pure functions of the decoded JSON, used by conversations.whatsapp.payloads for messages and
echoes alike. A renderer returns (content, context); None means "not a type we know", which the
caller still stores (content-free) so that nothing a customer sends is dropped.
"""

from __future__ import annotations

import json
from typing import Any

MEDIA_TYPES = ("image", "document", "audio", "video", "sticker")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "")}


Rendered = tuple[str, dict[str, Any]] | None


def render(message_type: str, item: dict[str, Any]) -> Rendered:
    renderer = _RENDERERS.get(message_type)
    return renderer(_dict(item.get(message_type)), item) if renderer else None


def _render_text(body: dict[str, Any], _item: dict[str, Any]) -> Rendered:
    return _text(body.get("body")), {}


def _render_interactive(body: dict[str, Any], item: dict[str, Any]) -> Rendered:
    """Button and list replies, WhatsApp Flow answers (nfm_reply), call-permission replies; an
    interactive without its sub-object (Meta sends it with `errors`) is kept, content-free."""
    kind = _text(body.get("type"))
    if kind == "nfm_reply":
        return _render_flow_reply(_dict(body.get(kind)))
    if kind == "call_permission_reply":
        reply = _dict(body.get(kind))
        answer = _compact(
            {
                "type": kind,
                "response": _text(reply.get("response")),
                "is_permanent": reply.get("is_permanent")
                if isinstance(reply.get("is_permanent"), bool)
                else None,
                "expiration_timestamp": reply.get("expiration_timestamp"),
                "response_source": _text(reply.get("response_source")),
            }
        )
        return "", {"interactive": answer}
    if kind not in ("button_reply", "list_reply") or not isinstance(body.get(kind), dict):
        codes = [c for c in (_dict(e).get("code") for e in _list(item.get("errors"))) if c]
        return "", {"interactive": _compact({"type": kind, "error_codes": codes or None})}
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


def _render_flow_reply(reply: dict[str, Any]) -> Rendered:
    """A WhatsApp Flow's answers: response_json is a JSON string, kept as an object."""
    raw = _text(reply.get("response_json"))
    try:
        answers = json.loads(raw) if raw else {}
    except ValueError:
        answers = {}
    answer = _compact({"type": "nfm_reply", "name": _text(reply.get("name"))})
    answer["response"] = answers if isinstance(answers, dict) else {}
    return _text(reply.get("body")), {"interactive": answer}


def _render_order(body: dict[str, Any], _item: dict[str, Any]) -> Rendered:
    """A cart sent from the catalog: product_retailer_id is the SKU we gave the catalog."""
    items = []
    for product in map(_dict, _list(body.get("product_items"))):
        quantity = product.get("quantity")
        items.append(
            _compact(
                {
                    "sku": _text(product.get("product_retailer_id")),
                    "quantity": quantity if isinstance(quantity, int | float | str) else None,
                    "item_price": product.get("item_price"),
                    "currency": _text(product.get("currency")),
                }
            )
        )
    cart = _compact({"catalog_id": _text(body.get("catalog_id"))})
    cart["product_items"] = items
    return _text(body.get("text")), {"order": cart}


_RENDERERS = {
    "text": _render_text,
    "interactive": _render_interactive,
    "button": _render_button,
    **dict.fromkeys(MEDIA_TYPES, _render_media),
    "location": _render_location,
    "contacts": _render_contacts,
    "unsupported": _render_unsupported,
    "order": _render_order,
}
