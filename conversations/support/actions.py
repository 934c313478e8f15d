"""What a colleague does to a session: take over, resume, assign, set the status, note, reply,
register the sender. Each checks the actor's permission and writes one audit event."""

from __future__ import annotations

from typing import Any

from cryptography.fernet import InvalidToken
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from conversations import audit, services
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    Outlet,
    OutletContact,
    SessionNote,
    SupportStatus,
)
from conversations.support import templates
from conversations.support.queue import service_window
from conversations.whatsapp import identity, outbound

HANDLE = "conversations.handle_session"
ASSIGN = "conversations.assign_session"
REGISTER = "conversations.register_contact"

TAKE_OVER = "session.take_over"
RESUME = "session.resume"
ASSIGN_EVENT = "session.assign"
STATUS = "session.status"
REPLY = "session.reply"
NOTE = "session.note"
REGISTER_CONTACT = "contact.register"

NOTE_MAX = 4000
REPLY_MAX = 4096  # the Cloud API's limit for a text body


class SupportError(Exception):
    """An action that cannot be done; `code` for the API, the message for a person."""

    code = "invalid"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotAllowed(SupportError):
    code = "permission_denied"


class OutsideServiceWindow(SupportError):
    code = "outside_service_window"


class Conflict(SupportError):
    code = "conflict"


Actor = AbstractBaseUser


def _require(actor: Actor, permission: str) -> None:
    if not actor.has_perm(permission):
        raise NotAllowed(f"You need the permission {permission} for this.")


def _update(session: ConversationSession, **fields: Any) -> None:
    fields["updated_at"] = timezone.now()
    ConversationSession.objects.filter(pk=session.pk).update(**fields)
    for name, value in fields.items():
        setattr(session, name, value)


def _event(actor: Actor, request: HttpRequest | None, action: str, session, **details) -> None:
    audit.record_event(request or actor, action, "session", session.session_id, **details)


# ------------------------------------------------------------------ handover


def take_over(
    session: ConversationSession, actor: Actor, *, request: HttpRequest | None = None
) -> None:
    """The assistant stops answering; the actor becomes the assignee if there is none."""
    _require(actor, HANDLE)
    with transaction.atomic():
        now = timezone.now()
        _update(
            session,
            handed_over=True,
            handed_over_at=now,
            handed_over_by_id=actor.pk,
            assignee_id=session.assignee_id or actor.pk,
            status=SupportStatus.OPEN,
            resolved_at=None,
        )
        _event(actor, request, TAKE_OVER, session)


def resume(
    session: ConversationSession, actor: Actor, *, request: HttpRequest | None = None
) -> None:
    """Hand the session back: the assistant answers the customer's next message."""
    _require(actor, HANDLE)
    with transaction.atomic():
        _update(session, handed_over=False)
        _event(actor, request, RESUME, session)


def assign(
    session: ConversationSession,
    assignee: Actor | None,
    actor: Actor,
    *,
    request: HttpRequest | None = None,
) -> None:
    """Agents may assign a session to themselves; anyone else (or nobody) needs a supervisor."""
    _require(actor, HANDLE)
    if assignee is None or assignee.pk != actor.pk:
        _require(actor, ASSIGN)
    if assignee is not None and not assignee.has_perm(HANDLE):
        raise SupportError(f"{assignee.get_username()} cannot handle sessions.")
    with transaction.atomic():
        _update(session, assignee_id=assignee.pk if assignee else None)
        _event(actor, request, ASSIGN_EVENT, session, assignee=assignee.pk if assignee else None)


def set_status(
    session: ConversationSession,
    status: str,
    actor: Actor,
    *,
    request: HttpRequest | None = None,
) -> None:
    """Open, pending or resolved. Resolving removes the flag and hands back to the assistant."""
    _require(actor, HANDLE)
    if status not in SupportStatus.values:
        raise SupportError(f"status must be one of {', '.join(SupportStatus.values)}")
    with transaction.atomic():
        if status == SupportStatus.RESOLVED:
            services.unflag_session(session)
            _update(session, status=status, resolved_at=timezone.now(), handed_over=False)
        else:
            _update(session, status=status, resolved_at=None)
        _event(actor, request, STATUS, session, status=status)


# ------------------------------------------------------------------ notes and replies


def add_note(
    session: ConversationSession, text: str, actor: Actor, *, request: HttpRequest | None = None
) -> SessionNote:
    """A private note: staff only, never sent."""
    _require(actor, HANDLE)
    text = (text or "").strip()
    if not text:
        raise SupportError("A note needs some text.")
    if len(text) > NOTE_MAX:
        raise SupportError(f"A note has at most {NOTE_MAX} characters.")
    with transaction.atomic():
        note = SessionNote.objects.create(session=session, author_id=actor.pk, text=text)
        _event(actor, request, NOTE, session, note=note.pk)
    return note


def staff_reply(
    session: ConversationSession,
    actor: Actor,
    *,
    text: str = "",
    template: str = "",
    parameters: list[str] | None = None,
    request: HttpRequest | None = None,
) -> ConversationMessage:
    """Send the customer free text (inside the 24-hour window) or an approved template.

    A session nobody took over is taken over by the reply.
    """
    _require(actor, HANDLE)
    text = (text or "").strip()
    if bool(text) == bool(template):
        raise SupportError("Send either a text or a template.")
    window = service_window(session)
    if window.last_inbound_at is None:
        raise SupportError("We have no number to write to for this customer.")
    payload = None
    if template:
        payload, text = _template(template, parameters or [], session)
    elif not window.is_open:
        raise OutsideServiceWindow(window.refusal(), window_ends_at=window.ends_at.isoformat())
    elif len(text) > REPLY_MAX:
        raise SupportError(f"A message has at most {REPLY_MAX} characters.")
    with transaction.atomic():
        if not session.handed_over:
            take_over(session, actor, request=request)
        message = outbound.send_staff_reply(session, text, sent_by=actor.pk, template=payload)
        kind = "template" if payload else "text"
        _event(actor, request, REPLY, session, message_id=message.pk, kind=kind)
    return message


def _template(name: str, parameters: list[str], session: ConversationSession) -> tuple[dict, str]:
    """The Cloud API template object, in the customer's language, and the line the transcript
    shows."""
    approved = templates.templates()
    spec = approved.get(name)
    if spec is None:
        known = ", ".join(sorted(approved)) or "none configured"
        raise SupportError(f"Unknown template {name!r}; approved templates: {known}.")
    if len(parameters) != spec.parameters or not all(str(p).strip() for p in parameters):
        raise SupportError(f"Template {name!r} takes {spec.parameters} non-empty parameter(s).")
    values = [str(p).strip() for p in parameters]
    code = spec.code_for(templates.customer_language(session))
    payload = outbound.template_payload(name, code, values)
    shown = f"[template {name}, {code}]" + (f" {' | '.join(values)}" if values else "")
    return payload, shown


# ------------------------------------------------------------------ unknown senders


def register_contact(
    session: ConversationSession,
    actor: Actor,
    *,
    outlet: Outlet,
    role: str = OutletContact.ContactRole.STAFF,
    can_order: bool = True,
    name: str = "",
    request: HttpRequest | None = None,
) -> OutletContact:
    """Make the session's sender a contact of `outlet`; their next message is handled normally.

    The number is copied from the encrypted identity; the actor only ever sees the masked form.
    """
    _require(actor, REGISTER)
    if role not in OutletContact.ContactRole.values:
        raise SupportError(f"role must be one of {', '.join(OutletContact.ContactRole.values)}")
    known = services.user_identity(session.user_id)
    if known is None:
        raise SupportError("We have no number for this sender.")
    try:
        e164 = identity.decrypt_phone(known.phone_encrypted)
    except InvalidToken as exc:
        raise SupportError("The sender's number cannot be read.") from exc
    try:
        with transaction.atomic():
            contact = OutletContact.objects.create(
                outlet=outlet,
                phone_hash=session.user_id,
                phone_encrypted=known.phone_encrypted,
                phone_masked=identity.mask_phone(e164),
                name=(name or "").strip()[:120],
                role=role,
                can_order=can_order,
            )
            audit.record_event(
                request or actor,
                REGISTER_CONTACT,
                "outlet_contact",
                contact.pk,
                session=str(session.session_id),
                outlet=outlet.pk,
            )
    except IntegrityError as exc:
        raise Conflict(f"This sender is already a contact of {outlet}.") from exc
    return contact
