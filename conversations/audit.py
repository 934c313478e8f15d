"""Our own audit record: who looked at or changed conversation data, when, and from where.

django-auditlog records field changes of registered models; this records what auditlog cannot see:
a transcript being read, a CSV export, a flag change, a GDPR export or erasure.

Rules: an event holds pseudonymous ids and counts only, never a phone number or message text;
keys that would carry such text are dropped from `details` before the row is written.
"""

import ipaddress
import logging
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest

from conversations.models import AuditEvent

logger = logging.getLogger(__name__)

# Actions recorded by the admin; other services may record their own (e.g. "gdpr.erase").
TRANSCRIPT_VIEW = "transcript.view"
SESSION_FLAG = "session.flag"
SESSION_UNFLAG = "session.unflag"
CSV_EXPORT = "export.csv"
PHONE_LOOKUP = "user.lookup"  # a phone number typed in a search, recorded as its pseudonym
CONTACT_SAVE = "contact.save"
CONTACT_DELETE = "contact.delete"

# Detail keys that could carry a person's words or number: never stored.
_PII_KEYS = frozenset({"phone", "phone_number", "content", "text", "body", "message", "name"})

Actor = HttpRequest | AbstractBaseUser | AnonymousUser | None


def record_event(
    request_or_user: Actor,
    action: str,
    object_type: str = "",
    object_id: Any = "",
    **details: Any,
) -> AuditEvent:
    """Write one audit event; `request_or_user` is the request (with its address) or a user."""
    user, ip_address = _actor_and_address(request_or_user)
    clean = {k: v for k, v in details.items() if k.lower() not in _PII_KEYS}
    event = AuditEvent.objects.create(
        actor=user,
        actor_label=user.get_username() if user is not None else "system",
        action=action[:64],
        object_type=object_type[:64],
        object_id=str(object_id)[:128],
        ip_address=ip_address,
        details=clean,
    )
    logger.info("audit %s %s %s", action, object_type, event.pk)
    return event


def _actor_and_address(
    request_or_user: Actor,
) -> tuple[AbstractBaseUser | None, str | None]:
    if isinstance(request_or_user, HttpRequest):
        user = getattr(request_or_user, "user", None)
        address = _client_address(request_or_user)
    else:
        user, address = request_or_user, None
    if user is None or not user.is_authenticated:
        return None, address
    return user, address


def _client_address(request: HttpRequest) -> str | None:
    """The client address as the WSGI server reports it (REMOTE_ADDR)."""
    raw = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None
