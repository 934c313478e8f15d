"""Business records as the API shows them. Money is a decimal string; totals must add up."""

from decimal import Decimal
from typing import Any

from django.db.models import Model
from rest_framework import serializers

from conversations.models import ConversationSession, Outlet, OutletContact
from conversations.whatsapp import identity
from orders.models import DeliveryOrder, Invoice, Order, OrderLine, Product
from tria import api

MONEY = {"min_value": Decimal("0")}


class ProductSerializer(api.ApiModelSerializer):
    class Meta:
        model = Product
        fields = [
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
            "embedding_vector",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]
        extra_kwargs = {"unit_price": MONEY, "pack_size": {"min_value": 1}}


class OutletSerializer(api.ApiModelSerializer):
    class Meta:
        model = Outlet
        fields = [
            "id",
            "name",
            "address",
            "delivery_zone",
            "delivery_slot",
            "preferred_language",
            "active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]


class OutletContactSerializer(api.ApiModelSerializer):
    """The phone number and the BSUID are write-only: a new contact needs one of them (a customer
    who writes with a WhatsApp username has only a BSUID). The number is stored as pseudonym +
    ciphertext and shown only masked; the BSUID only as its pseudonym."""

    phone = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=32,
        help_text="Any common format; stored normalised to E.164.",
    )
    bsuid = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=160,
        help_text='The business-scoped user id, e.g. "SG.1349120865530274"; stored as a pseudonym.',
    )

    class Meta:
        model = OutletContact
        fields = [
            "id",
            "outlet",
            "phone",
            "bsuid",
            "phone_masked",
            "name",
            "role",
            "can_order",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "phone_masked", "created_at", "updated_at"]

    def validate_phone(self, value: str) -> str:
        if not value.strip():
            return ""
        try:
            return identity.normalize_phone(value)
        except identity.InvalidPhoneNumber as exc:
            raise serializers.ValidationError(
                "Enter a valid phone number, e.g. +6591234567."
            ) from exc

    def validate_bsuid(self, value: str) -> str:
        value = value.strip()
        if value and not identity.looks_like_bsuid(value):
            raise serializers.ValidationError(
                'Enter a business-scoped user id, e.g. "SG.1349120865530274".'
            )
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        e164, bsuid = attrs.pop("phone", ""), attrs.pop("bsuid", "")
        if self.instance is None and not (e164 or bsuid):
            raise serializers.ValidationError(
                {"phone": ["Enter the contact's phone number or bsuid."]}
            )
        if e164:
            attrs["phone_hash"] = identity.pseudonymize_phone(e164)
            attrs["phone_encrypted"] = identity.encrypt_phone(e164)
            attrs["phone_masked"] = identity.mask_phone(e164)
        if bsuid:
            attrs["bsuid_hash"] = identity.bsuid_key(bsuid)
        self._refuse_taken(attrs, "phone_hash", "phone", "This number")
        self._refuse_taken(attrs, "bsuid_hash", "bsuid", "This BSUID")
        return attrs

    def _refuse_taken(self, attrs: dict[str, Any], key: str, field: str, what: str) -> None:
        """A 400 naming `field` if the outlet has another contact with the same pseudonym."""
        outlet = attrs.get("outlet", getattr(self.instance, "outlet", None))
        value = attrs.get(key, getattr(self.instance, key, ""))
        if not value:
            return
        taken = OutletContact.objects.filter(outlet=outlet, **{key: value})
        if self.instance is not None:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise serializers.ValidationError(
                {field: [f"{what} is already a contact of this outlet."]}
            )


class OrderLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrderLine
        fields = ["id", "product", "quantity", "unit_price", "line_total"]


def check_total(serializer: serializers.Serializer, attrs: dict[str, Any]) -> dict[str, Any]:
    """total = subtotal + gst_amount; a missing total is computed."""
    instance: Model | None = serializer.instance

    def value(name: str) -> Any:
        return attrs.get(name, getattr(instance, name, None))

    subtotal, gst = value("subtotal") or Decimal("0"), value("gst_amount") or Decimal("0")
    if "total" not in attrs and ("subtotal" in attrs or "gst_amount" in attrs or instance is None):
        attrs["total"] = subtotal + gst
    elif value("total") != subtotal + gst:
        raise serializers.ValidationError({"total": ["Must equal subtotal + gst_amount."]})
    return attrs


class OrderSerializer(api.ApiModelSerializer):
    session_id = api.SessionRefField(
        source="session",
        queryset=ConversationSession.objects.all(),
        required=False,
        allow_null=True,
        help_text="The session's session_id (UUID) the order came from.",
    )
    user_id = serializers.CharField(
        read_only=True, help_text="Pseudonym of the user who ordered (set by the assistant)."
    )
    lines = OrderLineSerializer(many=True, read_only=True)

    class Meta:
        model = Order
        fields = [
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
            "lines",
            "created_at",
            "updated_at",
        ]
        # The status moves only through orders.services (approve and cancel need approve_order:
        # POST .../approve/ or .../cancel/); who ordered and from which message is history.
        read_only_fields = [
            "id",
            "user_id",
            "source_message",
            "status",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "subtotal": MONEY,
            "gst_amount": MONEY,
            "total": {**MONEY, "required": False},
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return check_total(self, attrs)


class DeliveryOrderSerializer(api.ApiModelSerializer):
    class Meta:
        model = DeliveryOrder
        fields = [
            "id",
            "number",
            "order",
            "scheduled_date",
            "slot",
            "status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]


class InvoiceSerializer(api.ApiModelSerializer):
    class Meta:
        model = Invoice
        fields = [
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
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]
        extra_kwargs = {
            "subtotal": MONEY,
            "gst_amount": MONEY,
            "total": {**MONEY, "required": False},
            "gst_rate": {"min_value": Decimal("0"), "max_value": Decimal("0.9999")},
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return check_total(self, attrs)
