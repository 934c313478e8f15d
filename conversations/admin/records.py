"""Messages, summaries, day stats, identities, audit trail, jobs and the webhook inbox."""

from auditlog.registry import auditlog
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.models import Group, User
from django.db.models import F, Func, IntegerField, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from conversations import audit
from conversations.admin.common import (
    PRIVACY_ACTIONS,
    IntentFilter,
    PseudonymSearchMixin,
    ReadOnlyAdmin,
    is_uuid,
    short_id,
)
from conversations.models import (
    AuditEvent,
    ConversationMessage,
    DailyIntentStat,
    ErasureRecord,
    PurgeRun,
    UserIdentity,
    UserInteractionSummary,
    WebhookInbox,
)
from conversations.whatsapp import ingest


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
        if is_uuid(term):
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


WEBHOOK_RETRY = "webhook.retry"  # audit action: staff handed set-aside notifications back


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
