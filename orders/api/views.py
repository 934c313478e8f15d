"""Products, outlets, outlet contacts, orders, deliveries and invoices: the nine operations."""

from collections.abc import Callable

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from conversations.models import Outlet, OutletContact
from orders import services as order_services
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


STATUS_CHANGE_RESPONSES = {
    200: OrderSerializer,
    **dict.fromkeys([400, 401, 403, 404, 405, 409, 415], api.ErrorSerializer),
}


class OrderViewSet(api.NineOperationsViewSet):
    """Orders change status only here, through orders.services, with approve_order."""

    queryset = Order.objects.prefetch_related("lines")
    serializer_class = OrderSerializer
    filter_fields = filters.ORDER_FILTERS
    filterset_class = filters.OrderFilterSet

    @extend_schema(request=None, responses=STATUS_CHANGE_RESPONSES)
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        """Confirm an order awaiting approval: its delivery is scheduled and it is invoiced."""
        return self._apply(request, order_services.approve_order)

    @extend_schema(request=None, responses=STATUS_CHANGE_RESPONSES)
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        """Cancel an order not yet dispatched: its delivery is cancelled, its invoice voided."""
        return self._apply(request, order_services.cancel_order)

    def _apply(self, request: Request, change: Callable[[Order], Order]) -> Response:
        if not request.user.has_perm("orders.approve_order"):
            raise exceptions.PermissionDenied(
                "Approving or cancelling an order needs the approve_order permission.",
                code="approve_order_required",
            )
        try:
            order = change(self.get_object())
        except order_services.OrderError as exc:
            raise api.ApiError(str(exc), code="order_not_changeable", status_code=409) from exc
        return Response(self.get_serializer(order).data)


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
