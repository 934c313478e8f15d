"""GDPR admin actions for the session and summary changelists: export and erase a user's data.

Both act on the users of the selected rows and ask first (a confirmation page), then call
conversations.privacy.gdpr, which records the audit events. The ModelAdmin that lists them needs
`has_export_user_data_permission` / `has_erase_user_data_permission` (the Privacy officer role's
conversations.export_user_data / erase_user_data); each action checks the permission again.
"""

import io
import zipfile

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from conversations.privacy import gdpr

EXPORT_PERMISSION = "conversations.export_user_data"
ERASE_PERMISSION = "conversations.erase_user_data"


def _user_ids(queryset: QuerySet) -> list[str]:
    return sorted(set(queryset.values_list("user_id", flat=True)))


def _confirmation(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet, template: str, **extra
) -> TemplateResponse:
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": extra.pop("title"),
        "opts": modeladmin.model._meta,
        "queryset": queryset,
        "user_ids": _user_ids(queryset),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action": request.POST.get("action", ""),
        **extra,
    }
    return TemplateResponse(request, template, context)


def _export_response(request: HttpRequest, user_ids: list[str], fmt: str) -> HttpResponse:
    """One file for one user; a zip of one file per user for several."""
    if len(user_ids) == 1:
        content = gdpr.export_user_data(user_ids[0], fmt, actor=request)
        name = f"user-{user_ids[0][:12]}.{fmt}"
        response = HttpResponse(content, content_type=gdpr.content_type(fmt))
    else:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for user_id in user_ids:
                content = gdpr.export_user_data(user_id, fmt, actor=request)
                archive.writestr(f"user-{user_id[:12]}.{fmt}", content)
        name = f"users-{len(user_ids)}-{fmt}.zip"
        response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@admin.action(description="Export the users' data (GDPR access)", permissions=["export_user_data"])
def export_user_data_action(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> HttpResponse | None:
    """Ask for a format, then download every selected user's data (audited per user)."""
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    fmt = request.POST.get("export_format", "")
    if request.POST.get("post") != "yes" or fmt not in gdpr.EXPORT_FORMATS:
        return _confirmation(
            modeladmin,
            request,
            queryset,
            "privacy/export_confirm.html",
            title="Export users' data",
            formats=gdpr.EXPORT_FORMATS,
        )
    try:
        return _export_response(request, _user_ids(queryset), fmt)
    except gdpr.UnknownUser:
        modeladmin.message_user(request, "A selected user has no data left.", messages.WARNING)
        return None


@admin.action(description="Erase the users' data (GDPR erasure)", permissions=["erase_user_data"])
def erase_user_data_action(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> HttpResponse | None:
    """Show what will be erased, then erase each selected user in its own transaction."""
    if not request.user.has_perm(ERASE_PERMISSION):
        raise PermissionDenied
    if request.POST.get("post") != "yes":
        return _confirmation(
            modeladmin, request, queryset, "privacy/erase_confirm.html", title="Erase users' data"
        )
    erased = 0
    for user_id in _user_ids(queryset):
        try:
            erased += gdpr.erase_user_data(user_id, actor=request).erased
        except gdpr.UnknownUser:
            continue
    modeladmin.message_user(
        request, f"Erased the data of {erased} user(s); erasure records written.", messages.SUCCESS
    )
    return None
