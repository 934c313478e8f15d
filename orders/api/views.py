"""Products, outlets, outlet contacts, orders, deliveries and invoices: the nine operations."""

from conversations.models import Outlet, OutletContact
from orders.api import filters
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


class ProductViewSet(api.NineOperationsViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    filter_fields = filters.PRODUCT_FILTERS
    filterset_class = filters.ProductFilterSet


class OutletViewSet(api.NineOperationsViewSet):
    queryset = Outlet.objects.all()
    serializer_class = OutletSerializer
    filter_fields = filters.OUTLET_FILTERS
    filterset_class = filters.OutletFilterSet


class OutletContactViewSet(api.NineOperationsViewSet):
    queryset = OutletContact.objects.all()
    serializer_class = OutletContactSerializer
    filter_fields = filters.CONTACT_FILTERS
    filterset_class = filters.OutletContactFilterSet


class OrderViewSet(api.NineOperationsViewSet):
    queryset = Order.objects.prefetch_related("lines")
    serializer_class = OrderSerializer
    filter_fields = filters.ORDER_FILTERS
    filterset_class = filters.OrderFilterSet


class DeliveryOrderViewSet(api.NineOperationsViewSet):
    queryset = DeliveryOrder.objects.all()
    serializer_class = DeliveryOrderSerializer
    filter_fields = filters.DELIVERY_FILTERS
    filterset_class = filters.DeliveryOrderFilterSet


class InvoiceViewSet(api.NineOperationsViewSet):
    queryset = Invoice.objects.all()
    serializer_class = InvoiceSerializer
    filter_fields = filters.INVOICE_FILTERS
    filterset_class = filters.InvoiceFilterSet
