"""Our own audit record: who looked at or changed conversation data, when, and from where.

django-auditlog records field changes of registered models; this records what auditlog cannot see:
a transcript being read, a CSV export, a flag change, a GDPR export or erasure.

Rules: an event holds pseudonymous ids and counts only, never a phone number or message text;
keys that would carry such text are dropped from `details` before the row is written.
"""

import ipaddress
import logging
from typing import Any

from auditlog.middleware import AuditlogMiddleware
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest

from conversations.models import AuditEvent

logger = logging.getLogger(__name__)
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

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
        address = client_address(request_or_user)
    else:
        user, address = request_or_user, None
    if user is None or not user.is_authenticated:
        return None, address
    return user, address


def client_address(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind a proxy of TRUSTED_PROXIES the last address
    of X-Forwarded-For that is not one of those proxies (a client can prepend anything to that
    header; only what our own proxies appended is believed)."""
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if remote is None or not is_trusted_proxy(remote):
        return str(remote) if remote else None
    hops = [_address(h) for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(hops):
        if hop is None:
            return None  # a hop we cannot read: better no address than a wrong one
        if not is_trusted_proxy(hop):
            return str(hop)
    return str(remote)


def is_trusted_proxy(address: IPAddress) -> bool:
    """Whether `address` is one of settings.TRUSTED_PROXIES (our own reverse proxies)."""
    networks = (ipaddress.ip_network(n, strict=False) for n in settings.TRUSTED_PROXIES)
    return any(address in network for network in networks)


def _address(raw: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(raw.strip())
    except ValueError:
        return None


class TrustedProxyAuditlogMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware with the client address read as above: X-Forwarded-For is
    believed only from TRUSTED_PROXIES (auditlog's own takes the first hop any client wrote)."""

    @staticmethod
    def _get_remote_addr(request: HttpRequest) -> str | None:
        return client_address(request)
