"""Who a WhatsApp customer is, whatever Meta names them by: phone number, BSUID, or both.

Rules:
- A customer is one pseudonymous `user_id`. The first identifier we see names them (user_id = its
  key, conversations.whatsapp.identity); every other identifier seen with it is linked to that
  user_id (IdentityLink). So a phone+BSUID message links the two, and a later username-only
  message from that BSUID lands in the same user_id, sessions and summary. Users from before
  BSUIDs keep their ids (their phone key) with no backfill: an unlinked phone is its own key.
- Links are looked up in one query per batch and inserted only when new; a phone-only batch of
  known customers costs one SELECT.
- When a phone and a BSUID are linked to different users, the phone's wins (no merge).
- A number change (system user_changed_number) links the new number and BSUID to the user, moves
  the outlet contacts that named the old ones, and gives the old number away: it is re-pointed to
  a fresh pseudonym, so whoever gets that number next is a new customer. A BSUID change
  (user_changed_user_id) links the new BSUID. Both leave an audit record with no identifier.
- Nothing here logs a number, a BSUID or a username.

May import: conversations.models, conversations.audit, conversations.pgarrays and
conversations.whatsapp.identity.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Q, QuerySet

from conversations import audit, pgarrays
from conversations.models import IdentityLink, OutletContact, UserIdentity
from conversations.whatsapp import identity

IDENTITY_CHANGED_ACTION = "whatsapp.identity_changed"


@dataclass(frozen=True)
class Customer:
    """What a notification names: a phone (wa_id), a BSUID, maybe a parent BSUID and a username."""

    phone: str = ""
    bsuid: str = ""
    parent_bsuid: str = ""
    username: str = ""


@dataclass(frozen=True)
class Resolved:
    user_id: str
    e164: str  # "" when we do not know the number
    bsuid: str  # "" when we do not know the BSUID
    username: str = ""


def _keys(customer: Customer) -> tuple[str, str, str, str]:
    """(E.164, phone key, BSUID key, parent BSUID key); "" for what is missing or invalid."""
    e164 = phone_key = bsuid_key = parent_key = ""
    if customer.phone:
        try:
            e164 = identity.normalize_phone(customer.phone)
            phone_key = identity.pseudonymize_e164(e164)
        except identity.InvalidPhoneNumber:
            e164 = ""
    if customer.bsuid and identity.looks_like_bsuid(customer.bsuid):
        bsuid_key = identity.bsuid_key(customer.bsuid)
    if customer.parent_bsuid and identity.looks_like_bsuid(customer.parent_bsuid):
        parent_key = identity.bsuid_key(customer.parent_bsuid)
    return e164, phone_key, bsuid_key, parent_key


def resolve_customers(customers: Iterable[Customer]) -> dict[Customer, Resolved | None]:
    """customer -> their user_id (None when neither a valid phone nor a valid BSUID), linking
    identifiers seen together for the first time."""
    keyed = {c: _keys(c) for c in set(customers)}
    wanted = {k for keys in keyed.values() for k in keys[1:] if k}
    links = _links(wanted)
    found: dict[Customer, Resolved | None] = {}
    new_links: dict[str, IdentityLink] = {}
    for customer, (e164, phone_key, bsuid_key, parent_key) in keyed.items():
        user_id = (
            links.get(phone_key)
            or links.get(bsuid_key)
            or links.get(parent_key)
            or phone_key
            or bsuid_key
        )
        if not user_id:
            found[customer] = None
            continue
        found[customer] = Resolved(
            user_id, e164, customer.bsuid if bsuid_key else "", customer.username
        )
        for key, kind in ((phone_key, "phone"), (bsuid_key, "bsuid"), (parent_key, "parent")):
            # An unlinked phone key names its user already; a BSUID key is always linked, so
            # that a later phone+BSUID message finds the user it named.
            if key and key not in links and (key != user_id or kind != "phone"):
                new_links.setdefault(key, IdentityLink(key_hash=key, kind=kind, user_id=user_id))
    if new_links:
        IdentityLink.objects.bulk_create(new_links.values(), ignore_conflicts=True)
    return found


# The ingester's lookup of a batch's senders: one array parameter, not one per key (issue 21).
_LINKS_SQL = "SELECT key_hash, user_id FROM identity_links WHERE key_hash = ANY(%s::varchar[])"


def _links(keys: set[str]) -> dict[str, str]:
    """key -> the user_id it is linked to, for the keys that have a link."""
    if not keys:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_LINKS_SQL, [pgarrays.texts(sorted(keys))])
        return dict(cursor.fetchall())


def resolve_customer(customer: Customer) -> Resolved | None:
    return resolve_customers([customer])[customer]


def identifier_keys(user_id: str) -> list[str]:
    """Every key naming this user: every linked phone or BSUID, and their user_id itself unless
    that identifier was given away (the old number of a number change)."""
    rows = IdentityLink.objects.filter(Q(user_id=user_id) | Q(key_hash=user_id))
    links = list(rows.values_list("key_hash", "user_id"))
    keys = {key for key, owner in links if owner == user_id}
    if not any(key == user_id and owner != user_id for key, owner in links):
        keys.add(user_id)
    return sorted(keys)


def contacts_of(user_id: str) -> QuerySet[OutletContact]:
    """The outlet contacts of a user, registered by any of their phone numbers or BSUIDs."""
    keys = identifier_keys(user_id)
    return OutletContact.objects.filter(Q(phone_hash__in=keys) | Q(bsuid_hash__in=keys))


def active_contacts_of(user_id: str) -> QuerySet[OutletContact]:
    """contacts_of, of active outlets only, by outlet name: who may speak for which outlet (the
    ingester gives a new session its outlet by the same rule, selectors._CONTACT_OUTLETS_SQL)."""
    return (
        contacts_of(user_id)
        .filter(outlet__active=True)
        .select_related("outlet")
        .order_by("outlet__name")
    )


def _retired(key: str, wa_message_id: str) -> str:
    secret = settings.PSEUDONYM_SECRET.encode()
    return hmac.new(secret, f"retired:{key}:{wa_message_id}".encode(), hashlib.sha256).hexdigest()


def change_identity(
    *, kind: str, old: Customer, new_phone: str, new_bsuid: str, wa_message_id: str
) -> str | None:
    """Move a customer to their new number and/or BSUID (see the module rules); their user_id,
    or None when the old identifiers name nobody we can resolve."""
    before = resolve_customer(old)
    if before is None:
        return None
    user_id = before.user_id
    _, old_phone_key, old_bsuid_key, _ = _keys(old)
    new_e164, new_phone_key, new_bsuid_key, _ = _keys(Customer(new_phone, new_bsuid))
    moved = 0
    if new_phone_key and new_phone_key != old_phone_key:
        _link(new_phone_key, "phone", user_id)
        if old_phone_key:
            _link(old_phone_key, "phone", _retired(old_phone_key, wa_message_id))
        moved += OutletContact.objects.filter(phone_hash=old_phone_key).update(
            phone_hash=new_phone_key,
            phone_encrypted=identity.encrypt_phone(new_e164),
            phone_masked=identity.mask_phone(new_e164),
        )
        UserIdentity.objects.filter(user_id=user_id).update(
            phone_encrypted=identity.encrypt_phone(new_e164)
        )
    if new_bsuid_key and new_bsuid_key != old_bsuid_key:
        _link(new_bsuid_key, "bsuid", user_id)
        if old_bsuid_key:
            moved += OutletContact.objects.filter(bsuid_hash=old_bsuid_key).update(
                bsuid_hash=new_bsuid_key
            )
        UserIdentity.objects.filter(user_id=user_id).update(
            bsuid_encrypted=identity.encrypt_text(new_bsuid)
        )
    audit.record_event(
        None, IDENTITY_CHANGED_ACTION, "user", user_id, change=kind, contacts_moved=moved
    )
    return user_id


def _link(key: str, kind: str, user_id: str) -> None:
    IdentityLink.objects.update_or_create(key_hash=key, defaults={"kind": kind, "user_id": user_id})
