"""Who may call which of the nine operations: Django model permissions, read-only keys."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import exceptions
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from tria.models import ApiKey

READ_ACTIONS = {"list", "retrieve", "count", "exists", "query", "metadata", None}
PERMISSION_FOR_ACTION = {
    "create": "add",
    "update": "change",
    "partial_update": "change",
    "destroy": "delete",
}


class SchemaPermission(BasePermission):
    """The OpenAPI schema and its documentation pages: authenticated like the API, unless
    API_SCHEMA_PUBLIC is on."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return settings.API_SCHEMA_PUBLIC or bool(user and user.is_authenticated)


class ApiPermission(BasePermission):
    """Authenticated, allowed by the user's Django model permissions, and no write with a
    read-only key. POST to query, count and exists is a read."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        action_name = getattr(view, "action", None)
        if action_name == "metadata":  # OPTIONS asks what the other methods would be allowed
            action_name = getattr(view, "action_map", {}).get(request.method.lower(), action_name)
        is_read = action_name in READ_ACTIONS
        if not is_read and isinstance(request.auth, ApiKey) and request.auth.read_only:
            raise exceptions.PermissionDenied("This API key is read-only.", code="read_only_key")
        if is_read:
            verb = "view"
        elif action_name == "bulk":
            verb = "add" if request.method == "POST" else "change"
        else:
            verb = PERMISSION_FOR_ACTION.get(action_name, "change")
        model = view.get_queryset().model
        return user.has_perm(f"{model._meta.app_label}.{verb}_{model._meta.model_name}")
