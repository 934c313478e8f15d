"""What the business resources may be filtered and ordered by (filter language and GET).

Outlet contacts are never filtered by a phone number in a query string (it would land in access
logs); the JSON filter `{"phone": "+6591234567"}` compares the number's pseudonym.
"""

from conversations import identity
from orders.models import DeliveryOrder, Invoice, Order, Outlet, OutletContact, Product
from tria import api
from tria.filterlang import FieldSpec

PRODUCT_FILTERS = api.filter_fields(
    Product,
    "id",
    "sku",
    "name",
    "description",
    "category",
    "size",
    "unit",
    "pack_size",
    "unit_price",
    "active",
    "created_at",
    "updated_at",
)
ProductFilterSet = api.filterset_for(Product, PRODUCT_FILTERS)

OUTLET_FILTERS = api.filter_fields(
    Outlet,
    "id",
    "name",
    "address",
    "delivery_zone",
    "delivery_slot",
    "preferred_language",
    "active",
    "created_at",
    "updated_at",
)
OutletFilterSet = api.filterset_for(Outlet, OUTLET_FILTERS)


def _phone_hash(value: str) -> str:
    try:
        return identity.pseudonymize_phone(value)
    except identity.InvalidPhoneNumber as exc:
        raise ValueError("expected a phone number") from exc


CONTACT_FILTERS = api.filter_fields(
    OutletContact,
    "id",
    "outlet",
    "name",
    "role",
    "can_order",
    "created_at",
    "updated_at",
    aliases={"phone": FieldSpec("phone_hash", "str", normalize=_phone_hash, orderable=False)},
)
OutletContactFilterSet = api.filterset_for(OutletContact, CONTACT_FILTERS, exclude=["phone"])

ORDER_FILTERS = api.filter_fields(
    Order,
    "id",
    "number",
    "outlet",
    "user_id",
    "session_id",
    "source_message",
    "status",
    "subtotal",
    "gst_amount",
    "total",
    "notes",
    "created_at",
    "updated_at",
    normalize={"user_id": api.user_id_value},
)
OrderFilterSet = api.filterset_for(Order, ORDER_FILTERS)

DELIVERY_FILTERS = api.filter_fields(
    DeliveryOrder, "id", "number", "order", "scheduled_date", "slot", "status", "created_at"
)
DeliveryOrderFilterSet = api.filterset_for(DeliveryOrder, DELIVERY_FILTERS)

INVOICE_FILTERS = api.filter_fields(
    Invoice,
    "id",
    "number",
    "order",
    "subtotal",
    "gst_rate",
    "gst_amount",
    "total",
    "issued_at",
    "due_date",
    "status",
    "created_at",
)
InvoiceFilterSet = api.filterset_for(Invoice, INVOICE_FILTERS)
