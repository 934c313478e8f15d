"""Phone numbers in, pseudonyms out.

A user is known by `user_id` = HMAC-SHA256(PSEUDONYM_SECRET, E.164 number). The number itself is
kept only encrypted (Fernet, FIELD_ENCRYPTION_KEY), and only where we must reply to it.
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
    text = (raw or "").strip()
    if text.isdigit() and len(text) > 8:
        text = "+" + text  # a wa_id carries its country code without "+"
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhoneNumber("not a phone number") from exc
    if not phonenumbers.is_possible_number(parsed):
        raise InvalidPhoneNumber("not a possible phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def pseudonymize_phone(raw: str) -> str:
    """The user_id of a phone number (64 hex characters)."""
    e164 = normalize_phone(raw)
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
    return _fernet(settings.FIELD_ENCRYPTION_KEY).decrypt(token.encode()).decode()


def looks_like_user_id(value: str) -> bool:
    return len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def resolve_user_id(value: str) -> str:
    """A pseudonymous user_id given either the id itself or a phone number."""
    value = value.strip()
    if looks_like_user_id(value):
        return value
    return pseudonymize_phone(value)
