"""Sessions: the list, the transcript page, flagging and CSV export."""

import csv
import io
from collections.abc import Callable

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Concat
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from conversations import audit, services
from conversations.admin.common import (
    PRIVACY_ACTIONS,
    IntentFilter,
    PseudonymSearchMixin,
    ReadOnlyAdmin,
    short_id,
)
from conversations.models import (
    ConversationSession,
    OutletContact,
)
from conversations.privacy import formats

TRANSCRIPT_LIMIT = 1000

# Other apps add a line to the session page without the memory importing them: a label and a
# function of the session that returns safe HTML (orders.admin registers the session's orders).
SessionPanel = Callable[[ConversationSession], str]
_session_panels: dict[str, SessionPanel] = {}


def register_session_panel(label: str, panel: SessionPanel) -> None:
    _session_panels[label] = panel


def session_panels(session: ConversationSession) -> str:
    """The registered panels of a session as HTML lines (the session page and the inbox)."""
    parts = [(label, panel(session)) for label, panel in _session_panels.items()]
    return format_html_join(mark_safe("<br>"), "{}: {}", parts) if parts else "—"


def contact_label_subquery() -> Subquery:
    named = Q(phone_hash=OuterRef("user_id")) | Q(bsuid_hash=OuterRef("user_id"))
    contacts = OutletContact.objects.filter(named).order_by("id")
    label = Concat(F("name"), Value(" "), F("phone_masked"), Value(" · "), F("outlet__name"))
    return Subquery(contacts.annotate(label=label).values("label")[:1])


def sessions_csv(queryset: QuerySet) -> str:
    """A list of sessions as CSV: pseudonymous ids and counts, never message text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "session_id",
            "user_id",
            "outlet",
            "language",
            "start_time",
            "end_time",
            "message_count",
            "primary_intent",
            "flagged_for_followup",
            "flag_reason",
        ]
    )
    for s in queryset.select_related("outlet").order_by("start_time", "id").iterator():
        row = [
            s.session_id,
            s.user_id,
            s.outlet.name if s.outlet else "",
            s.language,
            s.start_time.isoformat(),
            s.end_time.isoformat() if s.end_time else "",
            s.message_count,
            (s.intents or {}).get("primary", ""),
            "yes" if s.flagged_for_followup else "no",
            s.flag_reason,
        ]
        writer.writerow([formats.safe_cell(cell) for cell in row])
    return out.getvalue()


@admin.register(ConversationSession)
class ConversationSessionAdmin(PseudonymSearchMixin, ReadOnlyAdmin):
    list_display = (
        "short_session",
        "short_user",
        "contact",
        "outlet",
        "language",
        "start_time",
        "end_time",
        "message_count",
        "intent_list",
        "flagged_for_followup",
    )
    list_filter = ("start_time", "outlet", "language", IntentFilter, "flagged_for_followup")
    date_hierarchy = "start_time"
    show_full_result_count = False
    list_per_page = 50
    actions = ["flag_selected", "unflag_selected", "export_csv", *PRIVACY_ACTIONS]
    change_form_template = "admin/conversations/conversationsession/change_form.html"
    fieldsets = (
        (
            "Session",
            {
                "fields": (
                    "session_id",
                    "user_id",
                    "contact",
                    "outlet",
                    "language",
                    ("start_time", "end_time", "last_activity_at"),
                    "message_count",
                    "intents",
                    ("flagged_for_followup", "flag_reason"),
                    "related_records",
                )
            },
        ),
        ("Transcript", {"fields": ("transcript",)}),
    )
    readonly_fields = ("contact", "related_records", "transcript")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .select_related("outlet")
            .annotate(contact_label=contact_label_subquery())
        )

    @admin.display(description="session", ordering="session_id")
    def short_session(self, obj: ConversationSession) -> str:
        return short_id(str(obj.session_id), 8)

    @admin.display(description="user", ordering="user_id")
    def short_user(self, obj: ConversationSession) -> str:
        return short_id(obj.user_id)

    @admin.display(description="contact")
    def contact(self, obj: ConversationSession) -> str:
        """Who the number belongs to, once staff have added it as an outlet contact."""
        label = getattr(obj, "contact_label", None)
        return label or "unknown number"

    @admin.display(description="intents")
    def intent_list(self, obj: ConversationSession) -> str:
        counts = (obj.intents or {}).get("counts") or {}
        return ", ".join(sorted(counts)) or (obj.intents or {}).get("primary", "") or "—"

    @admin.display(description="related records")
    def related_records(self, obj: ConversationSession) -> str:
        """What other apps hold about this session (registered panels: the orders app's orders)."""
        return session_panels(obj)

    @admin.display(description="transcript")
    def transcript(self, obj: ConversationSession) -> str:
        table = render_transcript(obj.messages.order_by("timestamp", "id")[:TRANSCRIPT_LIMIT])
        if obj.message_count <= TRANSCRIPT_LIMIT:
            return table
        return format_html("<p>The first {} messages.</p>{}", table)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        session = getattr(response, "context_data", {}).get("original")
        if request.method == "GET" and response.status_code == 200 and session is not None:
            audit.record_event(
                request,
                audit.TRANSCRIPT_VIEW,
                "session",
                session.session_id,
                messages=session.message_count,
            )
        return response

    def render_change_form(self, request, context, *args, **kwargs):
        context["can_flag"] = self.has_flag_permission(request)
        return super().render_change_form(request, context, *args, **kwargs)

    # --- flagging and export (supervisors)

    def has_flag_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("conversations.flag_session")

    def has_export_csv_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("conversations.export_csv")

    def has_export_user_data_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("conversations.export_user_data")

    def has_erase_user_data_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("conversations.erase_user_data")

    def get_urls(self) -> list:
        name = f"{self.opts.app_label}_{self.opts.model_name}_flag"
        flag = self.admin_site.admin_view(require_POST(self.flag_view))
        return [
            path("<path:object_id>/flag/", flag, name=name),
            *super().get_urls(),
        ]

    def flag_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """POST: flag (with a reason) or unflag one session from its page."""
        if not self.has_flag_permission(request):
            raise PermissionDenied
        session = get_object_or_404(ConversationSession, pk=object_id)
        if request.POST.get("flag") == "1":
            reason = request.POST.get("reason", "").strip() or f"flagged by {request.user}"
            self._flag(request, session, reason)
            messages.success(request, "Session flagged for follow-up.")
        else:
            self._unflag(request, session)
            messages.success(request, "Flag removed.")
        return HttpResponseRedirect(
            reverse("admin:conversations_conversationsession_change", args=[session.pk])
        )

    def _flag(self, request: HttpRequest, session: ConversationSession, reason: str) -> None:
        services.flag_session(session, reason)
        audit.record_event(request, audit.SESSION_FLAG, "session", session.session_id)

    def _unflag(self, request: HttpRequest, session: ConversationSession) -> None:
        services.unflag_session(session)
        audit.record_event(request, audit.SESSION_UNFLAG, "session", session.session_id)

    @admin.action(permissions=["flag"], description="Flag selected sessions for follow-up")
    def flag_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        for session in queryset:
            self._flag(request, session, f"flagged by {request.user}")
        messages.success(request, f"{len(queryset)} session(s) flagged.")

    @admin.action(permissions=["flag"], description="Remove the follow-up flag")
    def unflag_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        for session in queryset:
            self._unflag(request, session)
        messages.success(request, f"{len(queryset)} session(s) unflagged.")

    @admin.action(permissions=["export_csv"], description="Export selected sessions as CSV")
    def export_csv(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
        body = sessions_csv(queryset)
        rows = body.count("\n") - 1
        audit.record_event(request, audit.CSV_EXPORT, "session", "", rows=rows)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="sessions-{stamp}.csv"'
        return response


_ROW_COLOURS = {"assistant": "#f4f8fa", "staff": "#f6f4ea"}


def message_marks(m) -> str:
    """What the transcript says beside the text: deleted and edited messages, staff echoes,
    carts, flow answers, system events and items we could not read."""
    context = m.context or {}
    marks = []
    if "deleted" in context:
        marks.append("[deleted by the customer]")
    if "edited" in context:
        marks.append("[edited]")
    if m.role == "staff":
        marks.append("[sent by staff from the WhatsApp Business app]")
    cart = context.get("order")
    if m.message_type == "order" and isinstance(cart, dict):
        items = ", ".join(
            f"{i.get('quantity', '?')} × {i.get('sku', '?')}"
            for i in cart.get("product_items", [])
            if isinstance(i, dict)
        )
        marks.append(f"[cart: {items or 'empty'}]")
    interactive = context.get("interactive")
    if isinstance(interactive, dict) and isinstance(interactive.get("response"), dict):
        answers = ", ".join(
            f"{k}={v}" for k, v in interactive["response"].items() if k != "flow_token"
        )
        marks.append(f"[flow answers: {answers}]")
    if m.message_type == "system":
        marks.append(f"[system: {(context.get('system') or {}).get('type', '?')}]")
    if m.message_type == "error":
        marks.append(f"[could not be read: {context.get('error', '?')}]")
    return " ".join(marks)


def render_transcript(messages_: QuerySet) -> str:
    rows = (
        (
            _ROW_COLOURS.get(m.role, ""),
            i,
            timezone.localtime(m.timestamp).strftime("%Y-%m-%d %H:%M:%S"),
            m.role,
            m.intent or "—",
            "—" if m.confidence is None else f"{m.confidence:.2f}",
            "yes" if m.pii_scrubbed else "no",
            m.delivery_status or "—",
            " ".join(p for p in (message_marks(m), m.content) if p),
        )
        for i, m in enumerate(messages_, start=1)
    )
    body = format_html_join(
        "",
        '<tr style="background:{}"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
        '<td>{}</td><td>{}</td><td style="white-space:pre-wrap">{}</td></tr>',
        rows,
    )
    if not body:
        return "No messages (they may have been removed by the retention purge)."
    return format_html(
        '<table id="transcript"><thead><tr><th>#</th><th>time (SGT)</th><th>role</th>'
        "<th>intent</th><th>confidence</th><th>scrubbed</th><th>delivery</th><th>message</th>"
        "</tr></thead><tbody>{}</tbody></table>",
        body,
    )


# ------------------------------------------------------------------ messages and summaries
