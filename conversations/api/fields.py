"""API fields and values of the memory: a customer's user_id, given as its pseudonym or a phone."""

from typing import Any

from rest_framework import serializers

from conversations.whatsapp import identity


def user_id_value(value: Any) -> str:
    """A user_id filter value: the pseudonym itself, or a phone number turned into it."""
    try:
        return identity.resolve_user_id(value)
    except identity.InvalidPhoneNumber as exc:
        raise ValueError("expected a 64-hex user_id or a phone number") from exc


def user_id_key(raw: str) -> str | None:
    """A summary's URL key: the 64-hex pseudonym only (never a phone number in a URL)."""
    return raw if identity.looks_like_user_id(raw) else None


class UserIdField(serializers.CharField):
    """A user's pseudonymous id; a phone number is accepted and stored as its pseudonym."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        if value == "":
            return value
        try:
            return user_id_value(value)
        except ValueError as exc:
            raise serializers.ValidationError(
                "Expected a 64-hex user_id or a phone number.", code="invalid"
            ) from exc
