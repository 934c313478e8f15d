"""/api/v1/: the nine operations for every model (tria.api); /api/v1/users/ is elsewhere."""

from django.urls import path, re_path
from rest_framework.routers import DefaultRouter

from conversations.api import support as support_views
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

# The support inbox's actions on one session (conversations.api.support).
SUPPORT_ACTIONS = [
    ("handover", support_views.HandoverView),
    ("reply", support_views.ReplyView),
    ("resume", support_views.ResumeView),
    ("resolve", support_views.ResolveView),
    ("notes", support_views.NotesView),
]
support_urls = [
    path(f"sessions/<uuid:session_id>/{name}/", view.as_view(), name=f"session-{name}")
    for name, view in SUPPORT_ACTIONS
]

urlpatterns = [*support_urls, *router.urls, re_path(r"^[\s\S]*$", api.not_found)]
