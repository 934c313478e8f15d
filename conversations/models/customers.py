"""Who the customers are: outlets and the WhatsApp numbers (or BSUIDs) that speak for them,
and the identities we keep to answer them.
"""

from django.db import models
from django.db.models import Q


class Outlet(models.Model):
    class Slot(models.TextChoices):
        MORNING = "morning", "Morning (8am–12pm)"
        AFTERNOON = "afternoon", "Afternoon (1pm–5pm)"

    name = models.CharField(max_length=200)
    address = models.TextField(blank=True, default="")
    delivery_zone = models.CharField(max_length=32, blank=True, default="")
    delivery_slot = models.CharField(max_length=16, choices=Slot.choices, default=Slot.MORNING)
    preferred_language = models.CharField(max_length=8, default="en")
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "outlets"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OutletContact(models.Model):
    """A WhatsApp user allowed to speak for an outlet, by phone number and/or business-scoped
    user id (BSUID, for a customer who writes with a username). Neither is stored in clear."""

    class ContactRole(models.TextChoices):
        OWNER = "owner", "Owner"
        MANAGER = "manager", "Manager"
        STAFF = "staff", "Staff"

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="contacts")
    # Same pseudonym as ConversationSession.user_id for this number.
    phone_hash = models.CharField(max_length=64, db_index=True, blank=True, default="")
    phone_encrypted = models.TextField(blank=True, default="")
    phone_masked = models.CharField(
        max_length=32, blank=True, default="", help_text="e.g. +65 ****4567"
    )
    # conversations.whatsapp.identity.bsuid_key of the contact's BSUID.
    bsuid_hash = models.CharField(max_length=64, db_index=True, blank=True, default="")
    name = models.CharField(max_length=120, blank=True, default="")
    role = models.CharField(max_length=16, choices=ContactRole.choices, default=ContactRole.STAFF)
    can_order = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "outlet_contacts"
        ordering = ["outlet", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["outlet", "phone_hash"],
                name="outlet_contact_uniq",
                condition=~Q(phone_hash=""),
            ),
            models.UniqueConstraint(
                fields=["outlet", "bsuid_hash"],
                name="outlet_contact_bsuid_uniq",
                condition=~Q(bsuid_hash=""),
            ),
            models.CheckConstraint(
                condition=~Q(phone_hash="") | ~Q(bsuid_hash=""), name="outlet_contact_named"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name or self.phone_masked} ({self.outlet})"


class UserIdentity(models.Model):
    """The only place a user's phone number and BSUID live, encrypted, so that we can reply (to
    the phone when known, else to the BSUID).

    username_encrypted is the WhatsApp username (contacts[].profile.username, the @handle a
    username-only customer is known by beside the BSUID we reply to): an identifier, kept
    encrypted like the BSUID, never in clear, gone with the identity (retention, erasure). The
    profile's display name (contacts[].profile.name) is not kept here nor in any other table: a
    message's context holds it until the PII scrub replaces it with [NAME]."""

    user_id = models.CharField(max_length=64, unique=True)
    phone_encrypted = models.TextField(blank=True, default="")
    bsuid_encrypted = models.TextField(blank=True, default="")
    username_encrypted = models.TextField(blank=True, default="")
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "user_identities"
        verbose_name_plural = "user identities"

    def __str__(self) -> str:
        return f"identity {self.user_id[:12]}…"


class IdentityLink(models.Model):
    """Which pseudonymous user an identifier belongs to: a phone number or a BSUID, keyed by its
    HMAC (conversations.whatsapp.identity). A user's first identifier names them (user_id = its
    key, so users from before BSUIDs keep their ids); the others are linked here."""

    key_hash = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=16)  # phone | bsuid | parent_bsuid
    user_id = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "identity_links"

    def __str__(self) -> str:
        return f"{self.kind} link to {self.user_id[:12]}…"
