"""The packaging supplier's business records: catalogue, outlets, orders, deliveries, invoices.

Money is Decimal (2 places, SGD). Orders and invoices are accounting records: a user's erasure
removes their link (user_id, session) but keeps the records.
"""

from decimal import Decimal

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.models import F, Q

from conversations.models import Outlet


class Product(models.Model):
    sku = models.CharField(max_length=32, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    category = models.CharField(max_length=64, blank=True, default="")
    size = models.CharField(max_length=32, blank=True, default="", help_text='e.g. 10" or 12oz')
    unit = models.CharField(max_length=16, default="pcs", help_text="unit a quantity counts")
    pack_size = models.PositiveIntegerField(default=1, help_text="units per carton")
    unit_price = models.DecimalField(max_digits=10, decimal_places=4)
    active = models.BooleanField(default=True)
    embedding_vector = ArrayField(models.FloatField(), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "products"
        ordering = ["sku"]
        indexes = [
            # Product search (orders.catalog): full-text match and trigram word similarity.
            GinIndex(
                SearchVector("name", "category", "description", config="english"),
                name="product_search_gin",
            ),
            GinIndex(fields=["name"], opclasses=["gin_trgm_ops"], name="product_name_trgm"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(unit_price__gte=0), name="product_price_gte_0"),
            models.CheckConstraint(condition=Q(pack_size__gte=1), name="product_pack_size_gte_1"),
        ]

    def __str__(self) -> str:
        return f"{self.sku} {self.name}"


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING_APPROVAL = "pending_approval", "Pending staff approval"
        CONFIRMED = "confirmed", "Confirmed"
        DISPATCHED = "dispatched", "Dispatched"
        DELIVERED = "delivered", "Delivered"
        CANCELLED = "cancelled", "Cancelled"

    number = models.CharField(max_length=32, unique=True)
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="orders")
    # Pseudonymous id of the user who ordered; emptied on GDPR erasure.
    user_id = models.CharField(max_length=64, blank=True, default="", db_index=True)
    session = models.ForeignKey(
        "conversations.ConversationSession",
        to_field="session_id",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="orders",
    )
    # The message that placed the order: one order per message, whatever the task retries.
    source_message = models.OneToOneField(
        "conversations.ConversationMessage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="order",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    subtotal = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    gst_amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))
    notes = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "orders"
        ordering = ["-created_at"]
        permissions = [
            ("approve_order", "Can approve or cancel orders awaiting approval"),
            ("place_order_for_customer", "Can place or correct an order from a session"),
        ]
        indexes = [
            models.Index(fields=["outlet", "-created_at"], name="order_outlet_created_idx"),
            models.Index(fields=["status"], name="order_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(subtotal__gte=0), name="order_subtotal_gte_0"),
            models.CheckConstraint(condition=Q(gst_amount__gte=0), name="order_gst_gte_0"),
            models.CheckConstraint(
                condition=Q(total=F("subtotal") + F("gst_amount")), name="order_total_sum"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="order_lines")
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=10, decimal_places=4)
    line_total = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        db_table = "order_lines"
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="order_line_qty_gt_0"),
            models.CheckConstraint(condition=Q(unit_price__gte=0), name="order_line_price_gte_0"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.product_id}"


class DeliveryOrder(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        OUT_FOR_DELIVERY = "out_for_delivery", "Out for delivery"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    number = models.CharField(max_length=32, unique=True)
    order = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="delivery")
    scheduled_date = models.DateField()
    slot = models.CharField(max_length=16, choices=Outlet.Slot.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    # When the day-before reminder went to the customer (orders.notifications): one per delivery.
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "delivery_orders"
        ordering = ["-scheduled_date"]
        indexes = [models.Index(fields=["scheduled_date"], name="delivery_date_idx")]

    def __str__(self) -> str:
        return self.number


class Invoice(models.Model):
    class Status(models.TextChoices):
        ISSUED = "issued", "Issued"
        PAID = "paid", "Paid"
        VOID = "void", "Void"

    number = models.CharField(max_length=32, unique=True)
    order = models.OneToOneField(Order, on_delete=models.PROTECT, related_name="invoice")
    subtotal = models.DecimalField(max_digits=12, decimal_places=2)
    gst_rate = models.DecimalField(max_digits=5, decimal_places=4, default=Decimal("0.09"))
    gst_amount = models.DecimalField(max_digits=12, decimal_places=2)
    total = models.DecimalField(max_digits=12, decimal_places=2)
    issued_at = models.DateTimeField()
    due_date = models.DateField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ISSUED)
    # When the customer was sent the invoice notice (orders.notifications): one per invoice.
    notice_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "invoices"
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["due_date"], name="invoice_due_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(subtotal__gte=0), name="invoice_subtotal_gte_0"),
            models.CheckConstraint(
                condition=Q(gst_rate__gte=0, gst_rate__lt=1), name="invoice_gst_rate_0_1"
            ),
            models.CheckConstraint(
                condition=Q(total=F("subtotal") + F("gst_amount")), name="invoice_total_sum"
            ),
        ]

    def __str__(self) -> str:
        return self.number
