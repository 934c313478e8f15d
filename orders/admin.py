"""The business records in the admin: catalogue, orders, deliveries, invoices.

Outlet contacts: staff type a phone number in any common form; it is normalised to E.164 and kept
only as its pseudonym (phone_hash, the same value as the sender's ConversationSession.user_id),
encrypted (phone_encrypted) and masked (phone_masked). The clear number is never stored or shown.
"""

from auditlog.registry import auditlog
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from conversations import audit
from conversations.admin import sessions as session_admin
from conversations.admin.common import FilterLookupsOnly
from conversations.models import ConversationSession
from orders import services as order_services
from orders import staff_admin
from orders.models import DeliveryOrder, Invoice, Order, OrderLine, Product


def _admin_link(viewname: str, pk: object, text: str) -> str:
    return format_html('<a href="{}">{}</a>', reverse(viewname, args=[pk]), text)


# ------------------------------------------------------------------ catalogue


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("sku", "name", "category", "size", "unit", "pack_size", "unit_price", "active")
    list_filter = ("active", "category", "unit")
    search_fields = ("sku", "name", "description")
    exclude = ("embedding_vector",)


# ------------------------------------------------------------------ orders, deliveries, invoices


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    fields = ("product", "quantity", "unit_price", "line_total")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Order)
class OrderAdmin(FilterLookupsOnly, admin.ModelAdmin):
    list_display = ("number", "outlet", "status", "total", "created_at", "session_link")
    list_filter = ("status", "outlet", "created_at")
    list_select_related = ("outlet",)
    date_hierarchy = "created_at"
    search_fields = ("number", "outlet__name")
    inlines = [OrderLineInline]
    actions = ["approve_selected", "cancel_selected"]
    fields = (
        "number",
        "outlet",
        "status",
        ("subtotal", "gst_amount", "total"),
        "notes",
        "session_link",
        "delivery_link",
        "invoice_link",
        "created_at",
    )
    # Status changes go through the order services (delivery and invoice follow), never by hand.
    readonly_fields = (
        "number",
        "outlet",
        "status",
        "subtotal",
        "gst_amount",
        "total",
        "session_link",
        "delivery_link",
        "invoice_link",
        "created_at",
    )

    @admin.action(
        description="Approve selected orders (schedule delivery, invoice)", permissions=["approve"]
    )
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        self._apply(request, queryset, order_services.approve_order, "approved")

    @admin.action(description="Cancel selected orders", permissions=["approve"])
    def cancel_selected(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        self._apply(request, queryset, order_services.cancel_order, "cancelled")

    def get_urls(self) -> list:
        # placing and correcting an order from a session (orders.staff_admin)
        return [*staff_admin.urls(self.admin_site), *super().get_urls()]

    def has_approve_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("orders.approve_order")

    def _apply(self, request: HttpRequest, queryset: QuerySet[Order], action, verb: str) -> None:
        done = []
        for order in queryset:
            try:
                action(order)
            except order_services.OrderError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                continue
            done.append(order.number)
            audit.record_event(request, f"order_{verb}", "order", order.number)
        if done:
            self.message_user(request, f"{len(done)} order(s) {verb}: {', '.join(done)}")

    @admin.display(description="session")
    def session_link(self, obj: Order) -> str:
        if obj.session_id is None:
            return "—"
        viewname = "admin:conversations_conversationsession_change"
        return _admin_link(viewname, obj.session.pk, str(obj.session_id)[:8])

    @admin.display(description="delivery")
    def delivery_link(self, obj: Order) -> str:
        delivery = DeliveryOrder.objects.filter(order=obj).first()
        if delivery is None:
            return "—"
        return _admin_link("admin:orders_deliveryorder_change", delivery.pk, delivery.number)

    @admin.display(description="invoice")
    def invoice_link(self, obj: Order) -> str:
        invoice = Invoice.objects.filter(order=obj).first()
        if invoice is None:
            return "—"
        return _admin_link("admin:orders_invoice_change", invoice.pk, invoice.number)


@admin.register(DeliveryOrder)
class DeliveryOrderAdmin(admin.ModelAdmin):
    list_display = ("number", "order_link", "outlet", "scheduled_date", "slot", "status")
    list_filter = ("status", "slot", "scheduled_date")
    list_select_related = ("order__outlet",)
    date_hierarchy = "scheduled_date"
    search_fields = ("number", "order__number", "order__outlet__name")
    readonly_fields = ("number", "order_link", "created_at")
    fields = ("number", "order_link", "scheduled_date", "slot", "status", "created_at")

    @admin.display(description="order", ordering="order__number")
    def order_link(self, obj: DeliveryOrder) -> str:
        return _admin_link("admin:orders_order_change", obj.order_id, obj.order.number)

    @admin.display(description="outlet", ordering="order__outlet__name")
    def outlet(self, obj: DeliveryOrder) -> str:
        return obj.order.outlet.name


@admin.register(Invoice)
class InvoiceAdmin(admin.ModelAdmin):
    list_display = ("number", "order_link", "total", "issued_at", "due_date", "status")
    list_filter = ("status", "issued_at", "due_date")
    list_select_related = ("order",)
    date_hierarchy = "issued_at"
    search_fields = ("number", "order__number", "order__outlet__name")
    readonly_fields = (
        "number",
        "order_link",
        "subtotal",
        "gst_rate",
        "gst_amount",
        "total",
        "issued_at",
        "created_at",
    )
    fields = (*readonly_fields[:-1], "due_date", "status", "created_at")

    @admin.display(description="order", ordering="order__number")
    def order_link(self, obj: Invoice) -> str:
        return _admin_link("admin:orders_order_change", obj.order_id, obj.order.number)


# ------------------------------------------------------------------ django-auditlog

# Who changed which business record. Fields that identify a person (pseudonyms, encrypted numbers)
# and free text a customer may have written (notes) stay out of the log, so an erasure is complete.
auditlog.register(Product, exclude_fields=["embedding_vector", "updated_at"])
auditlog.register(
    Order, exclude_fields=["user_id", "session", "source_message", "notes", "updated_at"]
)
auditlog.register(DeliveryOrder, exclude_fields=["updated_at"])
auditlog.register(Invoice, exclude_fields=["updated_at"])


def session_orders(session: ConversationSession) -> str:
    """The session's orders as links, for its page in the conversations admin."""
    orders = Order.objects.filter(session=session).order_by("created_at")
    rows = list(orders.values_list("pk", "number", "status"))
    if not rows:
        return "—"
    return format_html_join(
        ", ",
        '<a href="{}">{}</a> ({})',
        ((reverse("admin:orders_order_change", args=[pk]), n, s) for pk, n, s in rows),
    )


session_admin.register_session_panel("orders", session_orders)
session_admin.register_session_panel("order for the customer", staff_admin.session_order_actions)
