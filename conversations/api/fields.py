"""API fields and values of the memory: a customer's user_id, given as its pseudonym or a phone.

A phone number is accepted in request bodies only, never in a URL: URLs end up in access logs.
"""

import dataclasses
from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from conversations.whatsapp import identity
from tria.api.filterlang import FieldSpec

PHONE_IN_URL = (
    "a phone number is not accepted in a URL (URLs are logged): POST the filter to the"
    " resource's /query/, /count/ or /exists/ instead, or give the 64-hex user_id"
)


def user_id_value(value: Any) -> str:
    """A user_id filter value: the pseudonym itself, or a phone number turned into it."""
    try:
        return identity.resolve_user_id(value)
    except identity.InvalidPhoneNumber as exc:
        raise ValueError("expected a 64-hex user_id or a phone number") from exc


def user_id_in_url(value: Any) -> str:
    """A user_id filter value from a query string: the pseudonym only."""
    if isinstance(value, str) and identity.looks_like_user_id(value):
        return value
    raise ValueError(PHONE_IN_URL)


def for_query_strings(spec: Mapping[str, FieldSpec]) -> dict[str, FieldSpec]:
    """`spec` for GET query strings: user_id filters take the pseudonym only."""
    return {
        name: dataclasses.replace(field, normalize=user_id_in_url)
        if field.normalize is user_id_value
        else field
        for name, field in spec.items()
    }


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
