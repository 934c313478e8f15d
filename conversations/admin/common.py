"""Shared pieces of the conversations admin: read-only base, pseudonymous search, filters."""

import uuid

from django.contrib import admin, messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse

from conversations import audit
from conversations.admin.actions import erase_user_data_action, export_user_data_action
from conversations.models import (
    ConversationSession,
    DailyIntentStat,
)
from conversations.whatsapp import identity

PRIVACY_ACTIONS = [export_user_data_action, erase_user_data_action]
admin.site.site_header = "tria: conversations and orders"
admin.site.site_title = "tria admin"
admin.site.index_title = "Support and audit"


def short_id(value: str, length: int = 12) -> str:
    return f"{value[:length]}…" if value else "—"


# ------------------------------------------------------------------ shared pieces


TEXT_SEARCH_LOOKUPS = frozenset(
    {
        "contains",
        "icontains",
        "startswith",
        "istartswith",
        "endswith",
        "iendswith",
        "regex",
        "iregex",
        "search",
        "trigram_similar",
        "unaccent",
        "has_key",
        "has_keys",
        "has_any_keys",
    }
)


class FilterLookupsOnly:
    """URL lookups (`?field__op=value`) only on the list's own filters, and never a text search.

    Django's admin accepts any lookup on a model's own fields from the URL, so
    `?body__icontains=6591234567` would search raw notifications or message text (and put the
    number in the access log). Such a URL is refused with a 400 before any query runs.
    """

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest | None = None) -> bool:
        parts = lookup.split(LOOKUP_SEP)
        if parts[0] not in self._filter_names(request) or TEXT_SEARCH_LOOKUPS & set(parts[1:]):
            return False
        return super().lookup_allowed(lookup, value, request)

    def _filter_names(self, request: HttpRequest | None) -> set[str]:
        names = {self.date_hierarchy} if self.date_hierarchy else set()
        for item in self.get_list_filter(request):
            item = item[0] if isinstance(item, tuple | list) else item
            if isinstance(item, str):
                names.add(item.split(LOOKUP_SEP)[0])
            elif isinstance(item, type) and issubclass(item, admin.SimpleListFilter):
                names.add(item.parameter_name)
        return names


class ReadOnlyAdmin(FilterLookupsOnly, admin.ModelAdmin):
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
        if self.session_lookup and is_uuid(term):
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
    if not text or is_uuid(text) or identity.looks_like_user_id(text):
        return text, ""
    try:
        return identity.pseudonymize_phone(text), ""
    except identity.InvalidPhoneNumber:
        if free_text:
            return text, ""
        return "", "Search for a session id, a user id (64 hex characters) or a phone number."


def is_uuid(text: str) -> bool:
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
