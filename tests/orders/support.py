"""Helpers for the order tests: a small catalogue, inbound messages, a fake OpenAI server."""

import json
from decimal import Decimal
from typing import Any

from django.utils import timezone

from conversations import services
from conversations.models import ConversationMessage, Role
from orders.models import Product
from tests.factories import ProductFactory

PHONE = "+6591110001"


def load_catalogue() -> dict[str, Product]:
    rows = [
        ("PB-10", '10" pizza box, kraft', '10"', 100, "0.38"),
        ("PB-12", '12" pizza box, kraft', '12"', 100, "0.45"),
        ("CUP-12", "12oz paper hot cup", "12oz", 1000, "0.08"),
        ("LID-12", "12oz sip lid", "12oz", 1000, "0.03"),
        ("NAP-2", "2-ply napkin", "", 5000, "0.008"),
    ]
    return {
        sku: ProductFactory(
            sku=sku, name=name, size=size, pack_size=pack, unit_price=Decimal(price)
        )
        for sku, name, size, pack, price in rows
    }


def inbound(text: str, *, phone: str = PHONE, context: dict | None = None) -> ConversationMessage:
    """Store a user's WhatsApp message the way the webhook does."""
    return services.record_inbound_message(
        phone=phone, content=text, timestamp=timezone.now(), context=context
    ).message


def tap(reply_id: str, title: str, *, phone: str = PHONE) -> ConversationMessage:
    """The user taps a button or list row we sent (stored as the webhook stores it)."""
    choice = {"type": "button_reply", "id": reply_id, "title": title}
    return inbound(title, phone=phone, context={"interactive": choice})


def assistant_messages(message: ConversationMessage) -> list[ConversationMessage]:
    return list(
        ConversationMessage.objects.filter(session_id=message.session_id, role=Role.ASSISTANT)
    )


def replies_after(message: ConversationMessage) -> list[ConversationMessage]:
    return [m for m in assistant_messages(message) if m.pk > message.pk]


def chat_completion(content: str) -> dict[str, Any]:
    """A chat.completions response as the OpenAI API returns it."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 1767232800,
        "model": "gpt-4o-mini",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": {"prompt_tokens": 50, "completion_tokens": 20, "total_tokens": 70},
    }


def items_answer(*items: dict, repeat_last: bool = False) -> str:
    return json.dumps({"items": list(items), "repeat_last": repeat_last})
