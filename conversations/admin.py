"""The support staff's audit UI over conversations.

Rules:
- Nothing a customer or the assistant said can be edited here: every conversation admin is
  read-only; supervisors may only flag/unflag a session (through conversations.services).
- Reading a transcript, flagging, exporting and phone look-ups are recorded with
  conversations.audit.record_event; model changes are recorded by django-auditlog.
- A phone number typed in a search box is turned into its pseudonym on the server (the search
  form posts it) and is never stored or put in a URL.
- The webhook inbox's raw notifications (a phone number and a message each) are never loaded,
  shown or searched here: staff see their size, attempts and error, and may retry them.
"""

import csv
import io
import uuid

from auditlog.registry import auditlog
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db.models import F, Func, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Concat
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from conversations import audit, identity, ingest, services
from conversations.models import (
    AuditEvent,
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    ErasureRecord,
    PurgeRun,
    UserIdentity,
    UserInteractionSummary,
    WebhookInbox,
)

try:  # the privacy work's GDPR actions (export, erase), each gated by its own permission
    from conversations.admin_actions import erase_user_data_action, export_user_data_action

    PRIVACY_ACTIONS = [export_user_data_action, erase_user_data_action]
except ImportError:  # the privacy module is not installed yet
    PRIVACY_ACTIONS = []

TRANSCRIPT_LIMIT = 1000
WEBHOOK_RETRY = "webhook.retry"  # audit action: staff handed set-aside notifications back

admin.site.site_header = "tria: conversations and orders"
admin.site.site_title = "tria admin"
admin.site.index_title = "Support and audit"


def short_id(value: str, length: int = 12) -> str:
    return f"{value[:length]}…" if value else "—"


# ------------------------------------------------------------------ shared pieces


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewable with the view permission; nobody adds, edits or deletes here."""

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class PseudonymSearchMixin:
    """Search by session id, pseudonymous user id or phone number, without leaking the number.

    The changelist's search form posts to `<changelist>/find/`, which maps a phone number to its
    pseudonym and redirects to `?q=<pseudonym>`. A number typed straight into the URL is
    redirected the same way, so the list never shows or keeps it.
    """

    search_fields = ("user_id",)
    search_help_text = "Session id, user id (pseudonym) or phone number"
    session_lookup = "session_id"  # "" when the model has no session
    pseudonym_field = "user_id"
    free_text = False  # True: other words go to the normal search_fields (e.g. names)
    change_list_template = "admin/conversations/pseudonym_change_list.html"

    def get_urls(self) -> list:
        name = f"{self.opts.app_label}_{self.opts.model_name}_find"
        find = self.admin_site.admin_view(self.find_view)
        return [path("find/", find, name=name), *super().get_urls()]

    def find_view(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            return HttpResponse(status=405)
        if not self.has_view_permission(request):
            raise PermissionDenied
        raw = request.POST.get(SEARCH_VAR, "").strip()
        term, problem = pseudonymous_term(raw, free_text=self.free_text)
        if problem:
            messages.error(request, problem)
        elif term != raw:
            self._record_phone_lookup(request, term)
        return HttpResponseRedirect(self._changelist_url(term))

    def _record_phone_lookup(self, request: HttpRequest, user_id: str) -> None:
        audit.record_event(request, audit.PHONE_LOOKUP, "user", user_id, via=self.opts.model_name)

    def _changelist_url(self, term: str) -> str:
        url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        return f"{url}?{SEARCH_VAR}={term}" if term else url

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        raw = request.GET.get(SEARCH_VAR, "").strip()
        term, problem = pseudonymous_term(raw, free_text=self.free_text)
        if raw and not problem and term != raw:
            self._record_phone_lookup(request, term)
            params = request.GET.copy()
            params[SEARCH_VAR] = term
            return HttpResponseRedirect(f"{request.path}?{params.urlencode()}")
        extra = {"find_url": f"{request.path}find/", **(extra_context or {})}
        return super().changelist_view(request, extra)

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        term = search_term.strip()
        if not term:
            return queryset, False
        if self.session_lookup and _is_uuid(term):
            return queryset.filter(**{self.session_lookup: term}), False
        if identity.looks_like_user_id(term):
            return queryset.filter(**{self.pseudonym_field: term}), False
        if self.free_text:
            return super().get_search_results(request, queryset, term)
        return queryset.none(), False


def pseudonymous_term(raw: str, *, free_text: bool = False) -> tuple[str, str]:
    """(search term, problem): a session id or pseudonym as is, a phone number as its pseudonym;
    other text as is when `free_text`, else a problem to show."""
    text = raw.strip()
    if not text or _is_uuid(text) or identity.looks_like_user_id(text):
        return text, ""
    try:
        return identity.pseudonymize_phone(text), ""
    except identity.InvalidPhoneNumber:
        if free_text:
            return text, ""
        return "", "Search for a session id, a user id (64 hex characters) or a phone number."


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


class IntentFilter(admin.SimpleListFilter):
    """Intents seen so far (read from the small day-stats table, not the messages)."""

    title = "intent"
    parameter_name = "intent"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        intents = (
            DailyIntentStat.objects.exclude(intent="")
            .values_list("intent", flat=True)
            .distinct()
            .order_by("intent")
        )
        return [(i, i.replace("_", " ")) for i in intents]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if not self.value():
            return queryset
        if queryset.model is ConversationSession:
            return queryset.filter(intents__counts__has_key=self.value())
        return queryset.filter(intent=self.value())


# ------------------------------------------------------------------ sessions


def contact_label_subquery() -> Subquery:
    from orders.models import OutletContact

    contacts = OutletContact.objects.filter(phone_hash=OuterRef("user_id")).order_by("id")
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
        writer.writerow(
            [
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
        )
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
                    "order_links",
                )
            },
        ),
        ("Transcript", {"fields": ("transcript",)}),
    )
    readonly_fields = ("contact", "order_links", "transcript")

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

    @admin.display(description="orders")
    def order_links(self, obj: ConversationSession) -> str:
        orders = list(obj.orders.order_by("created_at").values_list("pk", "number", "status"))
        if not orders:
            return "—"
        return format_html_join(
            ", ",
            '<a href="{}">{}</a> ({})',
            ((reverse("admin:orders_order_change", args=[pk]), n, s) for pk, n, s in orders),
        )

    @admin.display(description="transcript")
    def transcript(self, obj: ConversationSession) -> str:
        table = render_transcript(obj.messages.order_by("timestamp", "id")[:TRANSCRIPT_LIMIT])
        if obj.message_count <= TRANSCRIPT_LIMIT:
            return table
        return format_html("<p>The first {} messages.</p>{}", TRANSCRIPT_LIMIT, table)

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


def render_transcript(messages_: QuerySet) -> str:
    rows = (
        (
            "#f4f8fa" if m.role == "assistant" else "",
            i,
            timezone.localtime(m.timestamp).strftime("%Y-%m-%d %H:%M:%S"),
            m.role,
            m.intent or "—",
            "—" if m.confidence is None else f"{m.confidence:.2f}",
            "yes" if m.pii_scrubbed else "no",
            m.delivery_status or "—",
            m.content,
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


@admin.register(ConversationMessage)
class ConversationMessageAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "session_link",
        "role",
        "timestamp",
        "intent",
        "confidence",
        "pii_scrubbed",
        "delivery_status",
        "language",
    )
    # No date_hierarchy: its DISTINCT month scan costs ~0.3 s on 200,000 messages.
    list_filter = ("role", IntentFilter, "pii_scrubbed", "delivery_status", "timestamp")
    list_per_page = 50
    search_fields = ("wa_message_id",)
    search_help_text = "Session id or WhatsApp message id (wamid…)"
    show_full_result_count = False
    exclude = ("embedding_vector",)

    @admin.display(description="session", ordering="session_id")
    def session_link(self, obj: ConversationMessage) -> str:
        url = reverse("admin:conversations_conversationsession_changelist")
        return format_html('<a href="{}?q={}">{}</a>', url, obj.session_id, str(obj.session_id)[:8])

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        term = search_term.strip()
        if not term:
            return queryset, False
        if _is_uuid(term):
            return queryset.filter(session_id=term), False
        return queryset.filter(wa_message_id=term), False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        message = getattr(response, "context_data", {}).get("original")
        if request.method == "GET" and response.status_code == 200 and message is not None:
            audit.record_event(request, audit.TRANSCRIPT_VIEW, "message", message.pk)
        return response


@admin.register(UserInteractionSummary)
class UserInteractionSummaryAdmin(PseudonymSearchMixin, ReadOnlyAdmin):
    list_display = (
        "short_user",
        "outlet",
        "total_conversations",
        "total_messages",
        "preferred_language",
        "avg_satisfaction",
        "last_interaction",
    )
    list_filter = ("preferred_language", "outlet", "last_interaction")
    date_hierarchy = "last_interaction"
    list_select_related = ("outlet",)
    session_lookup = ""
    actions = PRIVACY_ACTIONS

    @admin.display(description="user", ordering="user_id")
    def short_user(self, obj: UserInteractionSummary) -> str:
        return short_id(obj.user_id)

    def has_export_user_data_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("conversations.export_user_data")

    def has_erase_user_data_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("conversations.erase_user_data")


@admin.register(DailyIntentStat)
class DailyIntentStatAdmin(ReadOnlyAdmin):
    list_display = ("day", "role", "intent", "message_count")
    list_filter = ("role", "intent")
    date_hierarchy = "day"
    ordering = ("-day", "role", "intent")


@admin.register(UserIdentity)
class UserIdentityAdmin(ReadOnlyAdmin):
    """Superusers only (no role grants it); the encrypted number is never shown."""

    list_display = ("short_user", "last_inbound_at", "created_at")
    fields = ("user_id", "last_inbound_at", "created_at")
    readonly_fields = fields

    @admin.display(description="user", ordering="user_id")
    def short_user(self, obj: UserIdentity) -> str:
        return short_id(obj.user_id)


# ------------------------------------------------------------------ audit trail and jobs


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_label", "action", "object_type", "object_id", "ip_address")
    list_filter = ("action", "object_type", "at")
    date_hierarchy = "at"
    search_fields = ("actor_label", "object_id", "action")


@admin.register(ErasureRecord)
class ErasureRecordAdmin(ReadOnlyAdmin):
    list_display = ("erased_at", "short_user", "actor_label", "counts")
    date_hierarchy = "erased_at"
    search_fields = ("user_id", "actor_label")

    @admin.display(description="user", ordering="user_id")
    def short_user(self, obj: ErasureRecord) -> str:
        return short_id(obj.user_id)


@admin.register(PurgeRun)
class PurgeRunAdmin(ReadOnlyAdmin):
    list_display = (
        "started_at",
        "finished_at",
        "outcome",
        "messages_deleted",
        "summaries_deleted",
        "inbox_deleted",
        "orphaned_sessions",
    )
    list_filter = ("outcome",)
    date_hierarchy = "started_at"


# ------------------------------------------------------------------ webhook inbox


class InboxStateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("waiting", "waiting for the ingester"), ("set_aside", "set aside after failing")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        limit = settings.WEBHOOK_INGEST_MAX_ATTEMPTS
        if self.value() == "waiting":
            return queryset.filter(attempts__lt=limit)
        if self.value() == "set_aside":
            return queryset.filter(attempts__gte=limit)
        return queryset


@admin.register(WebhookInbox)
class WebhookInboxAdmin(ReadOnlyAdmin):
    """Superusers and supervisors: what waits, what failed and why; never the body itself."""

    list_display = ("id", "received_at", "attempts", "last_error", "body_size")
    list_filter = (InboxStateFilter, "received_at")
    fields = list_display
    readonly_fields = list_display
    actions = ["retry_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        size = Func(F("body"), function="octet_length", output_field=IntegerField())
        return super().get_queryset(request).defer("body").annotate(body_bytes=size)

    @admin.display(description="body size (bytes)", ordering="body_bytes")
    def body_size(self, obj: WebhookInbox) -> int:
        return obj.body_bytes

    def has_retry_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("conversations.change_webhookinbox")

    @admin.action(permissions=["retry"], description="Retry the selected notifications")
    def retry_selected(self, request: HttpRequest, queryset: QuerySet) -> None:
        ids = sorted(queryset.values_list("pk", flat=True))
        retried = ingest.retry(ids)
        audit.record_event(
            request, WEBHOOK_RETRY, "webhook_inbox", "", notifications=retried, ids=ids
        )
        messages.success(request, f"{retried} notification(s) handed back to the ingester.")


# ------------------------------------------------------------------ django-auditlog

# Role and permission changes of staff accounts are part of the audit trail.
auditlog.register(
    User,
    exclude_fields=["password", "last_login"],
    m2m_fields={"groups", "user_permissions"},
)
auditlog.register(Group, m2m_fields={"permissions"})
