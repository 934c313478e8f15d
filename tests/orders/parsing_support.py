"""What the offline parser would do with a message, as the parsing tests of each class ask it."""

from orders.parsing import parse_order


def items_of(text: str) -> list[tuple[str, int, str | None]]:
    """What the assistant would order at once: (product, quantity, size), [] when in doubt."""
    parsed = parse_order(text)
    if parsed.doubt:
        return []
    return [(item.product, item.quantity, item.size) for item in parsed.items]


def quantities(text: str) -> list[int]:
    """The quantities the assistant would order at once ([] when in doubt)."""
    return [quantity for _, quantity, _ in items_of(text)]


def asks(text: str) -> bool:
    """The assistant asks (or orders nothing): no order is created from this message."""
    parsed = parse_order(text)
    return bool(parsed.doubt) or parsed.is_empty
