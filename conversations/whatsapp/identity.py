"""Phone numbers and business-scoped user ids (BSUIDs) in, pseudonyms out.

A phone number's key is HMAC-SHA256(PSEUDONYM_SECRET, E.164 number); a BSUID's is the HMAC of
"bsuid:" + the BSUID exactly as Meta sent it. A user's `user_id` is the key of the first
identifier we saw (conversations.services.identities links the others), so users from before
BSUIDs keep their ids. Numbers, BSUIDs and usernames are kept only encrypted (Fernet,
FIELD_ENCRYPTION_KEY), and only where we must reply; never logged.
"""

import hashlib
import hmac
from functools import lru_cache

import phonenumbers
from cryptography.fernet import Fernet
from django.conf import settings

DEFAULT_REGION = "SG"


class InvalidPhoneNumber(ValueError):
    """The text is not a valid phone number."""


def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form of a number written in any common way; WhatsApp wa_ids (digits only) included."""
    e164, problem = _normalized((raw or "").strip(), region)
    if problem:
        raise InvalidPhoneNumber(problem)
    return e164


# Parsing a number is most of what resolving a sender costs, and the ingester resolves every
# sender of every batch, mostly the same few thousand customers (issue 21): the last numbers'
# answers are kept in this process's memory (never written anywhere, gone with the process).
@lru_cache(maxsize=4096)
def _normalized(text: str, region: str) -> tuple[str, str]:
    """(E.164, "") or ("", the problem) for a stripped number."""
    if text.isdigit() and len(text) > 8:
        text = "+" + text  # a wa_id carries its country code without "+"
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return "", "not a phone number"
    if not phonenumbers.is_possible_number(parsed):
        return "", "not a possible phone number"
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), ""


def pseudonymize_phone(raw: str) -> str:
    """The user_id of a phone number (64 hex characters)."""
    return pseudonymize_e164(normalize_phone(raw))


def pseudonymize_e164(e164: str) -> str:
    """pseudonymize_phone of a number normalize_phone already returned (parsing a number is
    most of the cost: the ingester resolves every sender of a batch)."""
    key = settings.PSEUDONYM_SECRET.encode()
    return hmac.new(key, e164.encode(), hashlib.sha256).hexdigest()


def mask_phone(raw: str) -> str:
    """'+6591234567' -> '+65 ****4567': enough for a person to recognise, not to dial."""
    e164 = normalize_phone(raw)
    parsed = phonenumbers.parse(e164)
    return f"+{parsed.country_code} ****{e164[-4:]}"


@lru_cache(maxsize=4)
def _fernet(key: str) -> Fernet:
    return Fernet(key.encode())


def encrypt_phone(raw: str) -> str:
    return _fernet(settings.FIELD_ENCRYPTION_KEY).encrypt(normalize_phone(raw).encode()).decode()


def decrypt_phone(token: str) -> str:
    """The clear text of any value this module encrypted (a number, a BSUID, a username)."""
    return _fernet(settings.FIELD_ENCRYPTION_KEY).decrypt(token.encode()).decode()


class InvalidBsuid(ValueError):
    """The text is not a business-scoped user id."""


def check_bsuid(raw: str) -> str:
    """A BSUID as Meta sent it ("SG.1349120865530274", parent "US.ENT.…"), checked loosely:
    a two-letter country, a dot, then letters, digits and dots; at most 160 characters."""
    text = raw or ""
    country, dot, rest = text.partition(".")
    if not (len(country) == 2 and country.isalpha() and dot and rest and len(text) <= 160):
        raise InvalidBsuid("not a business-scoped user id")
    if not all(c.isascii() and (c.isalnum() or c == ".") for c in rest):
        raise InvalidBsuid("not a business-scoped user id")
    return text


def looks_like_bsuid(value: str) -> bool:
    try:
        check_bsuid(value)
    except InvalidBsuid:
        return False
    return True


def bsuid_key(raw: str) -> str:
    """The key (64 hex characters) of a BSUID: the user_id of a user first seen by it."""
    key = settings.PSEUDONYM_SECRET.encode()
    return hmac.new(key, b"bsuid:" + check_bsuid(raw).encode(), hashlib.sha256).hexdigest()


def encrypt_text(text: str) -> str:
    return _fernet(settings.FIELD_ENCRYPTION_KEY).encrypt(text.encode()).decode() if text else ""


def encrypt_for_batch(text: str) -> str:
    """encrypt_text for the ingester's identity upserts, which encrypt every sender's number and
    BSUID on every batch although the stored row keeps the one it has: one ciphertext per value
    is reused while it stays among this process's recent ones (memory only)."""
    return _recent_ciphertext(settings.FIELD_ENCRYPTION_KEY, text) if text else ""


@lru_cache(maxsize=4096)
def _recent_ciphertext(key: str, text: str) -> str:
    return _fernet(key).encrypt(text.encode()).decode()


def looks_like_user_id(value: str) -> bool:
    return len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def resolve_user_id(value: str) -> str:
    """A pseudonymous user_id given either the id itself or a phone number."""
    value = value.strip()
    if looks_like_user_id(value):
        return value
    return pseudonymize_phone(value)
