"""The orders app's part of a user's GDPR export and erasure (conversations.privacy.participants),
and of the PII scrub (conversations.privacy.scrub_participants): the catalogue's SKUs are kept as
order data, and Order.notes is scrubbed like the messages it was copied from.

Orders and invoices are accounting records: an erasure keeps them and removes their link to the
user (user_id emptied, session and source message unset, notes emptied). Registered in
OrdersConfig.ready.
"""

import datetime as dt
from collections import Counter
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from conversations.privacy.participants import Participant
from conversations.privacy.scrub_participants import ScrubFn, ScrubParticipant
from orders.models import Invoice, Order, Product


def _user_orders(user_id: str) -> QuerySet[Order]:
    return Order.objects.filter(Q(user_id=user_id) | Q(session__user_id=user_id)).distinct()


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _order_data(order: Order) -> dict[str, Any]:
    invoice = Invoice.objects.filter(order=order).first()
    return {
        "number": order.number,
        "outlet": order.outlet.name,
        "status": order.status,
        "created_at": _iso(order.created_at),
        "subtotal": str(order.subtotal),
        "gst_amount": str(order.gst_amount),
        "total": str(order.total),
        "notes": order.notes,
        "lines": [
            {
                "sku": line.product.sku,
                "product": line.product.name,
                "quantity": line.quantity,
                "unit_price": str(line.unit_price),
                "line_total": str(line.line_total),
            }
            for line in order.lines.all()
        ],
        "invoice": {
            "number": invoice.number,
            "total": str(invoice.total),
            "status": invoice.status,
            "issued_at": _iso(invoice.issued_at),
            "due_date": _iso(invoice.due_date),
        }
        if invoice
        else None,
    }


def export_orders(user_id: str) -> list[dict[str, Any]]:
    """The user's orders with their lines and invoice, oldest first."""
    orders = _user_orders(user_id).select_related("outlet").prefetch_related("lines__product")
    return [_order_data(o) for o in orders.order_by("created_at")]


def unlink_orders(user_id: str) -> dict[str, int]:
    """Keep the user's orders and invoices, without the link to the user."""
    orders = Order.objects.filter(pk__in=_user_orders(user_id).values("pk"))
    return {
        "invoices_kept": Invoice.objects.filter(order__in=orders).count(),
        # Notes are free text about the delivery (names, numbers): they go with the link.
        "orders_unlinked": orders.update(user_id="", session=None, source_message=None, notes=""),
    }


PARTICIPANT = Participant(key="orders", export=export_orders, erase=unlink_orders)


_NOTES_BATCH = 500


def scrub_order_notes(
    scrub: ScrubFn, changed_after: dt.datetime | None, cutoff: dt.datetime
) -> Counter[str]:
    """Scrub the notes of orders changed in (changed_after, cutoff], a batch per transaction.
    update(), not save(): updated_at keeps the time of the order's last real change."""
    rows = Order.objects.exclude(notes="").filter(updated_at__lte=cutoff)
    if changed_after is not None:
        rows = rows.filter(updated_at__gt=changed_after)
    counts: Counter[str] = Counter()
    last_id = 0
    while True:
        with transaction.atomic():
            batch = list(
                rows.filter(pk__gt=last_id)
                .select_for_update(skip_locked=True)
                .only("id", "notes")
                .order_by("id")[:_NOTES_BATCH]
            )
            for order in batch:
                notes, found = scrub(order.notes)
                if found:
                    counts.update(found)
                    Order.objects.filter(pk=order.pk).update(notes=notes)
        if len(batch) < _NOTES_BATCH:
            return counts
        last_id = batch[-1].pk


def catalogue_skus() -> list[str]:
    return list(Product.objects.values_list("sku", flat=True))


SCRUB_PARTICIPANT = ScrubParticipant(
    key="orders", known_skus=catalogue_skus, scrub=scrub_order_notes
)
