"""Shared by export_user_data and erase_user_data: a user id or a phone number, and who runs it."""

import getpass

from django.core.management.base import CommandError

from conversations.whatsapp import identity


def resolve_user(value: str) -> str:
    """The pseudonymous user id for a user id or a phone number (never echoed back)."""
    try:
        return identity.resolve_user_id(value)
    except identity.InvalidPhoneNumber as exc:
        raise CommandError("not a user id (64 hex characters) or a phone number") from exc


def command_actor(name: str) -> str:
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    return f"{name} command ({who})"[:150]
