"""What the business resources may be filtered and ordered by (filter language and GET).

Outlet contacts are never filtered by a phone number in a query string (it would land in access
logs); the JSON filter `{"phone": "+6591234567"}` compares the number's pseudonym.
"""

from conversations.api import fields
from conversations.models import Outlet, OutletContact
from conversations.whatsapp import identity
from orders.api.serializers import (
    DeliveryOrderSerializer,
    InvoiceSerializer,
    OrderSerializer,
    OutletContactSerializer,
    OutletSerializer,
    ProductSerializer,
)
from orders.models import DeliveryOrder, Invoice, Order, Product
from tria import api
from tria.api.filterlang import FieldSpec

PRODUCT_FILTERS = api.filter_fields(
    Product,
    *api.shown_fields(ProductSerializer, leave_out=["embedding_vector"]),
)
ProductFilterSet = api.filterset_for(Product, PRODUCT_FILTERS)

OUTLET_FILTERS = api.filter_fields(
    Outlet,
    *api.shown_fields(OutletSerializer),
)
OutletFilterSet = api.filterset_for(Outlet, OUTLET_FILTERS)


def _phone_hash(value: str) -> str:
    try:
        return identity.pseudonymize_phone(value)
    except identity.InvalidPhoneNumber as exc:
        raise ValueError("expected a phone number") from exc


def _bsuid_hash(value: str) -> str:
    try:
        return identity.bsuid_key(value)
    except identity.InvalidBsuid as exc:
        raise ValueError("expected a business-scoped user id") from exc


CONTACT_FILTERS = api.filter_fields(
    OutletContact,
    *api.shown_fields(OutletContactSerializer, leave_out=["phone", "bsuid", "phone_masked"]),
    aliases={
        "phone": FieldSpec("phone_hash", "str", normalize=_phone_hash, orderable=False),
        "bsuid": FieldSpec("bsuid_hash", "str", normalize=_bsuid_hash, orderable=False),
    },
)
OutletContactFilterSet = api.filterset_for(
    OutletContact, CONTACT_FILTERS, exclude=["phone", "bsuid"]
)

ORDER_FILTERS = api.filter_fields(
    Order,
    *api.shown_fields(OrderSerializer, leave_out=["lines"]),
    normalize={"user_id": fields.user_id_value},
)
OrderFilterSet = api.filterset_for(Order, fields.for_query_strings(ORDER_FILTERS))

DELIVERY_FILTERS = api.filter_fields(
    DeliveryOrder,
    *api.shown_fields(DeliveryOrderSerializer),
)
DeliveryOrderFilterSet = api.filterset_for(DeliveryOrder, DELIVERY_FILTERS)

INVOICE_FILTERS = api.filter_fields(
    Invoice,
    *api.shown_fields(InvoiceSerializer),
)
InvoiceFilterSet = api.filterset_for(Invoice, INVOICE_FILTERS)
