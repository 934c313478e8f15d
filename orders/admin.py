"""The business records in the admin: catalogue, outlets and their contacts, orders, deliveries,
invoices.

Outlet contacts: staff type a phone number in any common form; it is normalised to E.164 and kept
only as its pseudonym (phone_hash, the same value as the sender's ConversationSession.user_id),
encrypted (phone_encrypted) and masked (phone_masked). The clear number is never stored or shown.
"""

from auditlog.registry import auditlog
from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from conversations import audit, identity
from conversations.admin import PseudonymSearchMixin
from orders import services as order_services
from orders.models import DeliveryOrder, Invoice, Order, OrderLine, Outlet, OutletContact, Product


def _admin_link(viewname: str, pk: object, text: str) -> str:
    return format_html('<a href="{}">{}</a>', reverse(viewname, args=[pk]), text)


# ------------------------------------------------------------------ catalogue and outlets


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("sku", "name", "category", "size", "unit", "pack_size", "unit_price", "active")
    list_filter = ("active", "category", "unit")
    search_fields = ("sku", "name", "description")
    exclude = ("embedding_vector",)


class OutletContactInline(admin.TabularInline):
    model = OutletContact
    fields = ("name", "phone_masked", "role", "can_order")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "delivery_zone", "delivery_slot", "preferred_language", "active")
    list_filter = ("active", "delivery_zone", "delivery_slot", "preferred_language")
    search_fields = ("name", "address")
    inlines = [OutletContactInline]


class OutletContactForm(forms.ModelForm):
    phone = forms.CharField(
        max_length=32,
        required=False,
        help_text='Any common form: "+65 9123 4567", "91234567", "6591234567". '
        "Stored encrypted and as a pseudonym, never in clear. Leave empty to keep the number.",
    )

    class Meta:
        model = OutletContact
        fields = ("outlet", "phone", "name", "role", "can_order")

    def clean_phone(self) -> str:
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            if self.instance.pk is None:
                raise forms.ValidationError("Enter the contact's phone number.")
            return ""
        try:
            return identity.normalize_phone(raw)
        except identity.InvalidPhoneNumber:
            raise forms.ValidationError("This is not a phone number.") from None

    def clean(self) -> dict:
        cleaned = super().clean()
        e164, outlet = cleaned.get("phone"), cleaned.get("outlet")
        if e164 and outlet is not None:
            phone_hash = identity.pseudonymize_phone(e164)
            taken = OutletContact.objects.filter(outlet=outlet, phone_hash=phone_hash)
            if taken.exclude(pk=self.instance.pk).exists():
                self.add_error("phone", "This number is already a contact of this outlet.")
        return cleaned

    def save(self, commit: bool = True) -> OutletContact:
        e164 = self.cleaned_data.get("phone")
        if e164:
            self.instance.phone_hash = identity.pseudonymize_phone(e164)
            self.instance.phone_encrypted = identity.encrypt_phone(e164)
            self.instance.phone_masked = identity.mask_phone(e164)
        return super().save(commit)


@admin.register(OutletContact)
class OutletContactAdmin(PseudonymSearchMixin, admin.ModelAdmin):
    """Searching a phone number posts it and finds the contact by pseudonym (never in a URL)."""

    form = OutletContactForm
    list_display = ("name", "phone_masked", "outlet", "role", "can_order", "sessions_link")
    list_filter = ("role", "can_order", "outlet")
    list_select_related = ("outlet",)
    search_fields = ("name", "outlet__name")
    search_help_text = "Name, outlet, or the contact's phone number"
    session_lookup = ""
    pseudonym_field = "phone_hash"
    free_text = True
    readonly_fields = ("phone_masked",)

    def get_fields(self, request: HttpRequest, obj: OutletContact | None = None) -> list[str]:
        fields = ["outlet", "phone", "name", "role", "can_order"]
        return fields if obj is None else ["outlet", "phone_masked", *fields[1:]]

    @admin.display(description="sessions")
    def sessions_link(self, obj: OutletContact) -> str:
        url = reverse("admin:conversations_conversationsession_changelist")
        return format_html('<a href="{}?q={}">sessions</a>', url, obj.phone_hash)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        changed = sorted(form.changed_data)
        audit.record_event(request, audit.CONTACT_SAVE, "outlet_contact", obj.pk, fields=changed)

    def delete_model(self, request, obj) -> None:
        audit.record_event(request, audit.CONTACT_DELETE, "outlet_contact", obj.pk)
        super().delete_model(request, obj)


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
class OrderAdmin(admin.ModelAdmin):
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
auditlog.register(Outlet, exclude_fields=["updated_at"])
auditlog.register(OutletContact, exclude_fields=["phone_hash", "phone_encrypted", "updated_at"])
auditlog.register(
    Order, exclude_fields=["user_id", "session", "source_message", "notes", "updated_at"]
)
auditlog.register(DeliveryOrder, exclude_fields=["updated_at"])
auditlog.register(Invoice, exclude_fields=["updated_at"])
