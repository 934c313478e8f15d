"""OpenAI order parsing: the only module that imports `openai`.

Structured outputs (a strict JSON schema) turn a message into the same ParsedOrder the offline
parser returns. The client retries connection errors, timeouts, 429 and 5xx with exponential
backoff (OPENAI_MAX_RETRIES, OPENAI_TIMEOUT_SECONDS). With no OPENAI_API_KEY, after the last retry,
or when the answer does not fit the schema, the offline parser (orders.parsing) does the job, so
an OpenAI outage never loses an order. Logs name the failure, never the message. Personal data
(phone numbers, addresses, names, NRIC…) is scrubbed by conversations.privacy.scrubber before the
text leaves for OpenAI: order items never need it.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import logging
from functools import lru_cache

import openai
from django.conf import settings

from conversations.privacy import scrubber
from orders import parsing
from orders.parsing import ParsedItem, ParsedOrder

logger = logging.getLogger(__name__)

UNITS = ["pcs", "carton", "pack", "box", "case", "bag", "sleeve", "roll", "bundle"]
ORDER_SCHEMA = {
    "type": "object",
    "properties": {
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "product": {
                        "type": "string",
                        "description": "the product in English, singular, e.g. 'pizza box'",
                    },
                    "quantity": {"type": "integer", "description": "how many units"},
                    "unit": {"type": "string", "enum": UNITS},
                    "size": {
                        "type": ["string", "null"],
                        "description": "e.g. '10 inch', '12 oz', '500 ml'; null when none",
                    },
                },
                "required": ["product", "quantity", "unit", "size"],
                "additionalProperties": False,
            },
        },
        "repeat_last": {
            "type": "boolean",
            "description": "true when the customer asks for the same as their last order",
        },
    },
    "required": ["items", "repeat_last"],
    "additionalProperties": False,
}
SYSTEM_PROMPT = (
    "You read WhatsApp messages sent to a Singapore food-packaging supplier by restaurants and "
    "cafes, in English, Chinese, Malay or Tamil. Extract the items ordered: product (English, "
    "singular, without size or quantity, e.g. 'pizza box' for 'boxes for 10 inch pizzas'), "
    "quantity (a number; 'a dozen' is 12), unit ('pcs' unless a carton, pack, box, case, bag, "
    "sleeve, roll or bundle is named) and size ('10 inch', '12 oz', '500 ml', or null). Set "
    "repeat_last when they ask for the same as last time. A message that orders nothing has no "
    "items."
)


class LLMUnavailable(Exception):
    """OpenAI could not give a usable answer (after its retries)."""


def is_configured() -> bool:
    return bool(settings.OPENAI_API_KEY)


@lru_cache(maxsize=4)
def get_client(api_key: str, base_url: str, timeout: float, max_retries: int) -> openai.OpenAI:
    return openai.OpenAI(
        api_key=api_key, base_url=base_url or None, timeout=timeout, max_retries=max_retries
    )


def client() -> openai.OpenAI:
    return get_client(
        settings.OPENAI_API_KEY,
        settings.OPENAI_BASE_URL,
        settings.OPENAI_TIMEOUT_SECONDS,
        settings.OPENAI_MAX_RETRIES,
    )


def parse_order(text: str) -> ParsedOrder:
    """The items of a message: OpenAI when configured and answering, else the offline parser."""
    offline = parsing.parse_order(text)
    if not is_configured():
        return offline
    try:
        answer = parse_order_with_openai(text)
    except LLMUnavailable as exc:
        logger.warning("OpenAI order parsing failed, using the offline parser: %s", exc)
        return dataclasses.replace(offline, source="fallback")
    if reads_half_cartons(answer, offline) or reads_pieces_more(answer, offline):
        return offline
    return dataclasses.replace(answer, doubt=doubt_between(answer, offline, text))


def reads_half_cartons(answer: ParsedOrder, offline: ParsedOrder) -> bool:
    """'burger box 半箱', 'one and a half cartons of straws': the model's whole-number quantities
    cannot hold half a carton (it would have to guess the pack size to answer in pieces), so the
    offline reading stands when it is sure of the message and the model read as many lines and
    the same quantities for every line not in half cartons."""
    halves = [item for item in offline.items if item.unit == parsing.HALF_CARTON]
    if not halves or offline.doubt or len(answer.items) != len(offline.items):
        return False
    whole = [item for item in offline.items if item.unit != parsing.HALF_CARTON]
    return answers_every_line(answer, whole)


def reads_pieces_more(answer: ParsedOrder, offline: ParsedOrder) -> bool:
    """'12oz cup 1 ctn + 500 pcs': the offline parser reads the cartons and the pieces more as two
    lines of one product, the model as one line in pieces (by a pack size it assumes), so the two
    readings never compare. The offline reading stands when it is sure of the message and the
    model read one line for each such pair and the same quantities for every other line."""
    pairs = [
        index
        for index, (item, following) in enumerate(itertools.pairwise(offline.items))
        if (item.product, item.size) == (following.product, following.size)
        and item.unit != parsing.PIECES
        and following.unit == parsing.PIECES
    ]
    if not pairs or offline.doubt or len(answer.items) != len(offline.items) - len(pairs):
        return False
    paired = {index for pair in pairs for index in (pair, pair + 1)}
    return answers_every_line(answer, [i for n, i in enumerate(offline.items) if n not in paired])


def answers_every_line(answer: ParsedOrder, lines: list[ParsedItem]) -> bool:
    """The model's answer holds each of these offline lines' quantity and unit (as often)."""
    answered = [(i.quantity, i.unit) for i in answer.items]
    wanted = [(i.quantity, i.unit) for i in lines]
    return all(answered.count(line) >= wanted.count(line) for line in wanted)


def doubt_between(answer: ParsedOrder, offline: ParsedOrder, text: str) -> str:
    """The offline parser's doubts about the message (a change, two quantities...), and a doubt
    when the two readings of the quantities differ: the customer confirms before we order.

    When the offline parser doubts its own reading (a number it could not place, a "don't" it
    could not place), its quantities are no check on the model's:
    then every quantity the model ordered must be a number the customer wrote instead."""
    offline_doubts = [d for d in offline.doubt.split(", ") if d]
    doubts = [d for d in offline_doubts if d not in parsing.READING_DOUBTS]
    quantities = sorted((i.quantity, i.unit) for i in answer.items)
    if len(doubts) < len(offline_doubts):
        written = parsing.written_numbers(text)
        if any(item.quantity not in written for item in answer.items):
            doubts.append("a quantity the customer did not write")
    elif offline.items and quantities != sorted((i.quantity, i.unit) for i in offline.items):
        doubts.append("two readings of the quantities")
    return ", ".join(doubts)


def parse_order_with_openai(text: str) -> ParsedOrder:
    """Ask OpenAI for the items; raises LLMUnavailable when it cannot answer usably."""
    try:
        completion = client().chat.completions.create(
            model=settings.OPENAI_MODEL,
            temperature=0,
            messages=[
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": scrubber.scrub_text(text).text},
            ],
            response_format={
                "type": "json_schema",
                "json_schema": {"name": "order_items", "strict": True, "schema": ORDER_SCHEMA},
            },
        )
    except openai.OpenAIError as exc:
        raise LLMUnavailable(type(exc).__name__) from exc
    if not completion.choices or not completion.choices[0].message.content:
        raise LLMUnavailable("empty answer")
    return order_from_answer(completion.choices[0].message.content)


def order_from_answer(content: str) -> ParsedOrder:
    """Validate the model's JSON and normalise it like the offline parser's output."""
    try:
        data = json.loads(content)
        items = [item_from_answer(raw) for raw in data["items"]]
        repeat_last = bool(data["repeat_last"])
    except (ValueError, KeyError, TypeError) as exc:
        raise LLMUnavailable(f"answer does not fit the schema ({type(exc).__name__})") from exc
    items = [item for item in items if item.quantity > 0 and item.product]
    return ParsedOrder(items=items, repeat_last=repeat_last and not items, source="openai")


def item_from_answer(raw: dict) -> ParsedItem:
    quantity = raw["quantity"]
    if not isinstance(quantity, int) or isinstance(quantity, bool):
        raise TypeError("quantity is not an integer")
    unit = raw["unit"] if raw["unit"] in UNITS else parsing.PIECES
    size = parsing.normalise_size(raw["size"]) if raw.get("size") else None
    words = [parsing.singular(word) for word in str(raw["product"]).lower().split()]
    return ParsedItem(product=" ".join(words), quantity=quantity, unit=unit, size=size)
