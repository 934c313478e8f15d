"""Why an order cannot be created or changed as asked (raised by orders.services, read by the
edges and by orders.replies, which words it for the customer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orders.models import Order


class OrderError(Exception):
    """An order cannot be created or changed as asked.

    `code` says why (one of the codes below) and `order` names the order it concerns; the
    message is the English sentence staff see (API, admin). The customer reads the reason in
    their language from the code (orders.replies.refusal_reason)."""

    NO_ITEMS = "no_items"
    QUANTITY_NOT_POSITIVE = "quantity_not_positive"
    NOT_CHANGEABLE = "not_changeable"  # dispatched, delivered or cancelled already
    PAID = "paid"
    NOT_AWAITING_APPROVAL = "not_awaiting_approval"

    def __init__(self, code: str, message: str, *, order: Order | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.order_number = order.number if order else ""
        self.order_status = order.status if order else ""
