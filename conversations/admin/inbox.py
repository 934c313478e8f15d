"""The support inbox at /admin/inbox/: the queue, one session, and what staff do to it.

Thin views over conversations.support: permission (conversations.handle_session; nobody without
a role sees anything) → validate → the service → redirect back with a message. The page polls
/admin/inbox/poll/ every few seconds for the queue and the open session's new messages. A phone
number typed in the search box is posted, turned into its pseudonym on the server and never put
in a URL; staff only ever see the masked number.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from conversations import audit, support
from conversations.admin.common import is_uuid, pseudonymous_term
from conversations.admin.sessions import session_panels
from conversations.models import (
    ConversationSession,
    Outlet,
    OutletContact,
    SupportStatus,
)
from conversations.whatsapp import identity

HANDLE = "conversations.handle_session"
QUEUE_LIMIT = 50
TRANSCRIPT_LIMIT = 300
POLL_SECONDS = 4


def require_handler(request: HttpRequest) -> None:
    if not request.user.has_perm(HANDLE):
        raise PermissionDenied


def page_state(request: HttpRequest) -> dict[str, str]:
    """The page's filter, search (a pseudonym) and open session, from GET or the posted form."""
    source = request.POST if request.method == "POST" else request.GET
    name = source.get("filter", "")
    user_id = source.get("q", "")
    session = source.get("session", "")
    return {
        "filter": name if name in support.FILTERS else "flagged",
        "q": user_id if identity.looks_like_user_id(user_id) else "",
        "session": session if is_uuid(session) else "",
    }


def inbox_url(state: dict[str, str]) -> str:
    query = {k: v for k, v in state.items() if v}
    return f"{reverse('admin_inbox')}?{urlencode(query)}" if query else reverse("admin_inbox")


# ------------------------------------------------------------------ reading


def _rows(request: HttpRequest, state: dict[str, str]) -> list[dict[str, Any]]:
    sessions = list(support.queue(request.user, state["filter"], state["q"])[:QUEUE_LIMIT])
    labels = _contact_labels([s.user_id for s in sessions])
    masked = support.masked_numbers([s.user_id for s in sessions])
    return [
        {
            "session": str(s.session_id),
            "who": labels.get(s.user_id) or masked.get(s.user_id) or "unknown number",
            "outlet": s.outlet.name if s.outlet else "",
            "status": s.get_status_display(),
            "assignee": s.assignee.get_username() if s.assignee else "",
            "handed_over": s.handed_over,
            "flagged": s.flagged_for_followup,
            "flag_reason": s.flag_reason,
            "messages": s.message_count,
            "last_activity": timezone.localtime(s.last_activity_at).strftime("%d %b %H:%M"),
            "selected": str(s.session_id) == state["session"],
        }
        for s in sessions
    ]


def _contact_labels(user_ids: list[str]) -> dict[str, str]:
    contacts = OutletContact.objects.filter(phone_hash__in=set(user_ids)).select_related("outlet")
    return {c.phone_hash: f"{c.name or c.phone_masked} · {c.outlet.name}" for c in contacts}


def _messages(session: ConversationSession, after: int = 0) -> list[dict[str, Any]]:
    rows = list(
        session.messages.filter(pk__gt=after).order_by("-timestamp", "-id")[:TRANSCRIPT_LIMIT]
    )[::-1]
    senders = {m.context.get("sent_by") for m in rows if isinstance(m.context, dict)}
    names = dict(
        get_user_model()
        .objects.filter(pk__in=[s for s in senders if s])
        .values_list("pk", "username")
    )
    return [
        {
            "id": m.pk,
            "role": m.role,
            "sender": names.get((m.context or {}).get("sent_by"), ""),
            "time": timezone.localtime(m.timestamp).strftime("%d %b %H:%M:%S"),
            "content": m.content,
            "delivery": m.delivery_status or "",
            "failure": (m.context or {}).get("delivery_failure", ""),
        }
        for m in rows
    ]


def _session_summary(session: ConversationSession) -> dict[str, Any]:
    window = support.service_window(session)
    last = window.last_inbound_at
    return {
        "session": str(session.session_id),
        "status": session.status,
        "handed_over": session.handed_over,
        "assignee": session.assignee.get_username() if session.assignee else "",
        "last_customer": timezone.localtime(last).strftime("%d %b %H:%M") if last else "never",
        "window": window.describe(),
        "window_open": window.is_open,
    }


def _handlers() -> list:
    permission = Permission.objects.get(
        content_type__app_label="conversations", codename="handle_session"
    )
    return list(
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions=permission)
            | Q(groups__permissions=permission)
        )
        .distinct()
        .order_by("username")
    )


def inbox_view(request: HttpRequest) -> TemplateResponse:
    require_handler(request)
    state = page_state(request)
    context: dict[str, Any] = {
        **admin.site.each_context(request),
        "title": "Support inbox",
        "state": state,
        "filters": [
            (name, label, count)
            for (name, label), count in zip(
                support.FILTERS.items(),
                support.queue_counts(request.user).values(),
                strict=True,
            )
        ],
        "rows": _rows(request, state),
        "poll_seconds": POLL_SECONDS,
        "poll_url": f"{reverse('admin_inbox_poll')}?{urlencode(state)}",
        "statuses": SupportStatus.choices,
        "templates": sorted(support.templates().items()),
    }
    if state["session"]:
        session = get_object_or_404(
            ConversationSession.objects.select_related("outlet", "assignee"),
            session_id=state["session"],
        )
        context.update(_session_context(request, session))
        audit.record_event(
            request, audit.TRANSCRIPT_VIEW, "session", session.session_id, via="inbox"
        )
    return TemplateResponse(request, "admin/conversations/inbox.html", context)


def _session_context(request: HttpRequest, session: ConversationSession) -> dict[str, Any]:
    registered = OutletContact.objects.filter(phone_hash=session.user_id).exists()
    can_assign = request.user.has_perm("conversations.assign_session")
    can_register = request.user.has_perm("conversations.register_contact") and not registered
    return {
        "session": session,
        "summary": _session_summary(session),
        "who": _contact_labels([session.user_id]).get(session.user_id)
        or support.masked_number(session.user_id)
        or "unknown number",
        "registered": registered,
        "transcript": _messages(session),
        "notes": session.notes.select_related("author"),
        "related": session_panels(session),
        "can_assign": can_assign,
        "handlers": _handlers() if can_assign else [],
        "can_register": can_register,
        "outlets": Outlet.objects.filter(active=True) if can_register else [],
        "contact_roles": OutletContact.ContactRole.choices,
    }


@require_GET
def poll_view(request: HttpRequest) -> JsonResponse:
    """The queue, its counts and the open session's messages after `after` (JSON)."""
    require_handler(request)
    state = page_state(request)
    body: dict[str, Any] = {
        "counts": support.queue_counts(request.user),
        "rows": _rows(request, state),
    }
    if state["session"]:
        session = ConversationSession.objects.filter(session_id=state["session"]).first()
        if session is not None:
            after = request.GET.get("after", "0")
            body["session"] = _session_summary(session)
            body["messages"] = _messages(session, int(after) if after.isdigit() else 0)
    response = JsonResponse(body)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def find_view(request: HttpRequest) -> HttpResponse:
    """The search box: a phone number becomes its pseudonym here, never in a URL."""
    require_handler(request)
    state = page_state(request)
    term, problem = pseudonymous_term(request.POST.get("search", ""))
    if problem or is_uuid(term):
        messages.error(request, "Search for a phone number or a user id (64 hex characters).")
        return HttpResponseRedirect(inbox_url({**state, "q": ""}))
    if term and term != request.POST.get("search", "").strip():
        audit.record_event(request, audit.PHONE_LOOKUP, "user", term, via="inbox")
    return HttpResponseRedirect(inbox_url({**state, "q": term, "session": ""}))
