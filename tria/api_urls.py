"""/api/v1/: the nine operations for every model (tria.api); /api/v1/users/ is elsewhere."""

from django.urls import re_path
from rest_framework.routers import DefaultRouter

from conversations.api import views as conversation_views
from orders.api import views as order_views
from tria import api

router = DefaultRouter()
router.include_format_suffixes = False
router.register("sessions", conversation_views.SessionViewSet)
router.register("messages", conversation_views.MessageViewSet)
router.register("summaries", conversation_views.SummaryViewSet)
router.register("products", order_views.ProductViewSet)
router.register("outlets", order_views.OutletViewSet)
router.register("outlet-contacts", order_views.OutletContactViewSet)
router.register("orders", order_views.OrderViewSet)
router.register("delivery-orders", order_views.DeliveryOrderViewSet)
router.register("invoices", order_views.InvoiceViewSet)

urlpatterns = [*router.urls, re_path(r"^.*$", api.not_found)]
