"""What the inbox page posts: /admin/inbox/<session_id>/<action>/, each a call of
conversations.support, then back to the page with a message (the refusal's reason included)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from conversations import support
from conversations.admin.inbox import inbox_url, page_state, require_handler
from conversations.models import ConversationSession, Outlet


def _take_over(request: HttpRequest, session: ConversationSession) -> str:
    support.take_over(session, request.user, request=request)
    return "You have taken over this session: the assistant will not answer it."


def _resume(request: HttpRequest, session: ConversationSession) -> str:
    support.resume(session, request.user, request=request)
    return "Handed back to the assistant."


def _status(request: HttpRequest, session: ConversationSession) -> str:
    status = request.POST.get("status", "")
    support.set_status(session, status, request.user, request=request)
    return f"Status: {status}."


def _reply(request: HttpRequest, session: ConversationSession) -> str:
    template = request.POST.get("template", "").strip()
    parameters = [p for p in request.POST.getlist("parameter") if p.strip()] if template else []
    support.staff_reply(
        session,
        request.user,
        text="" if template else request.POST.get("text", ""),
        template=template,
        parameters=parameters,
        request=request,
    )
    return "Sent." if not template else f"Template {template} sent."


def _note(request: HttpRequest, session: ConversationSession) -> str:
    support.add_note(session, request.POST.get("text", ""), request.user, request=request)
    return "Note added."


def _assign(request: HttpRequest, session: ConversationSession) -> str:
    raw = request.POST.get("assignee", "")
    assignee = get_user_model().objects.filter(pk=raw).first() if raw.isdigit() else None
    if raw and assignee is None:
        raise support.SupportError("No such colleague.")
    support.assign(session, assignee, request.user, request=request)
    return f"Assigned to {assignee.get_username()}." if assignee else "Unassigned."


def _register(request: HttpRequest, session: ConversationSession) -> str:
    raw = request.POST.get("outlet", "")
    outlet = Outlet.objects.filter(pk=raw, active=True).first() if raw.isdigit() else None
    if outlet is None:
        raise support.SupportError("Choose an outlet.")
    support.register_contact(
        session,
        request.user,
        outlet=outlet,
        role=request.POST.get("role", "staff"),
        can_order=request.POST.get("can_order") == "on",
        name=request.POST.get("name", ""),
        request=request,
    )
    return f"The sender is now a contact of {outlet}; their next message is handled normally."


ACTIONS: dict[str, Callable[[HttpRequest, ConversationSession], str]] = {
    "take-over": _take_over,
    "resume": _resume,
    "status": _status,
    "reply": _reply,
    "note": _note,
    "assign": _assign,
    "register": _register,
}


FOLLOW = {("take-over", ""): "taken_over", ("status", "resolved"): "resolved"}


FOLLOW = {("take-over", ""): "taken_over", ("status", "resolved"): "resolved"}


@require_POST
def action_view(request: HttpRequest, session_id: str, action: str) -> HttpResponse:
    require_handler(request)
    act = ACTIONS.get(action)
    if act is None:
        raise Http404("no such action")
    session = get_object_or_404(ConversationSession, session_id=session_id)
    state = {**page_state(request), "session": str(session.session_id)}
    try:
        messages.success(request, act(request, session))
    except support.SupportError as exc:
        messages.error(request, exc.message)
    else:
        # Follow the session to the queue it moved to, so it stays in view.
        state["filter"] = FOLLOW.get((action, request.POST.get("status", "")), state["filter"])
    return HttpResponseRedirect(inbox_url(state))
