"""Outlets and their contacts in the admin.

Outlet contacts: staff type a phone number in any common form; it is normalised to E.164 and kept
only as its pseudonym (phone_hash, the same value as the sender's ConversationSession.user_id),
encrypted (phone_encrypted) and masked (phone_masked). The clear number is never stored or shown.
"""

from auditlog.registry import auditlog
from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from conversations import audit
from conversations.admin.common import FilterLookupsOnly, PseudonymSearchMixin
from conversations.models import Outlet, OutletContact
from conversations.whatsapp import identity


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

    bsuid = forms.CharField(
        max_length=160,
        required=False,
        label="BSUID",
        help_text="For a customer who writes with a WhatsApp username: the business-scoped user id "
        'e.g. "SG.1349120865530274". Stored only as a pseudonym. Leave empty to keep it.',
    )

    class Meta:
        model = OutletContact
        fields = ("outlet", "phone", "bsuid", "name", "role", "can_order")

    def clean_bsuid(self) -> str:
        raw = self.cleaned_data.get("bsuid", "").strip()
        if raw and not identity.looks_like_bsuid(raw):
            raise forms.ValidationError("This is not a business-scoped user id.")
        return raw

    def clean_phone(self) -> str:
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            if self.instance.pk is None and not (self.data.get("bsuid") or "").strip():
                raise forms.ValidationError("Enter the contact's phone number or BSUID.")
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
        if bsuid := self.cleaned_data.get("bsuid"):
            self.instance.bsuid_hash = identity.bsuid_key(bsuid)
        return super().save(commit)


@admin.register(OutletContact)
class OutletContactAdmin(PseudonymSearchMixin, FilterLookupsOnly, admin.ModelAdmin):
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
        fields = ["outlet", "phone", "bsuid", "name", "role", "can_order"]
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


auditlog.register(OutletContact, exclude_fields=["phone_hash", "phone_encrypted", "updated_at"])
auditlog.register(Outlet, exclude_fields=["updated_at"])
