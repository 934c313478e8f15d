"""Who acts on what customers send: the memory announces, participants subscribe.

The memory stores an inbound message (conversations.services.inbound) and, once committed,
enqueues `conversations.tasks.process_inbound_messages` with the ids of the batch (the redrive
enqueues `process_inbound_message` with one). The task calls, for each message, every handler
registered here, in registration order. The order assistant registers itself at app start
(orders.apps.OrdersConfig.ready); with no handler registered, messages are stored and nothing else
happens. A handler must be idempotent (a task may run twice) and raises RetryLater to be run again
after a delay.

May import: nothing of tria's apps (it is the bottom of the memory).
"""

from __future__ import annotations

from collections.abc import Callable

InboundHandler = Callable[[int], None]

_inbound_handlers: list[InboundHandler] = []


class RetryLater(Exception):
    """The handler failed and rolled back; run the task again after `delay` seconds."""

    def __init__(self, reason: str, *, delay: float) -> None:
        super().__init__(reason)
        self.delay = delay


def register_inbound_handler(handler: InboundHandler) -> None:
    """Subscribe `handler(message_id)` to every stored inbound message (idempotent)."""
    if handler not in _inbound_handlers:
        _inbound_handlers.append(handler)


def inbound_handlers() -> tuple[InboundHandler, ...]:
    return tuple(_inbound_handlers)


def handle_inbound(message_id: int) -> None:
    """Run every registered handler on one stored inbound message."""
    for handler in _inbound_handlers:
        handler(message_id)
