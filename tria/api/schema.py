"""OpenAPI (drf-spectacular): the API-key scheme and accurate schemas for the nine operations."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema

from tria.api.fields import (
    CountSerializer,
    ErrorSerializer,
    ExistsSerializer,
    FiltersBodySerializer,
    QueryBodySerializer,
)
from tria.api.filtering import FILTER_LANGUAGE_DOC


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "tria.api.apikeys.ApiKeyAuthentication"
    name = "ApiKey"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "`Authorization: Bearer <key>`; keys come from "
            "`python manage.py create_api_key NAME [--read-only]`.",
        }


class NineOperationsSchema(AutoSchema):
    """Accurate OpenAPI for the nine operations, including count, exists, bulk and query."""

    DESCRIPTIONS = {
        "list": "List records, filtered by query-string parameters. Times without zone are UTC.",
        "query": "Filters, order_by, limit, offset as JSON.\n\n" + FILTER_LANGUAGE_DOC,
        "count": "Count matching records: GET with query-string filters, or POST "
        '`{"filters": {...}}`.\n\n' + FILTER_LANGUAGE_DOC,
        "exists": "Whether any record matches: GET with query-string filters, or POST "
        '`{"filters": {...}}`.\n\n' + FILTER_LANGUAGE_DOC,
        "bulk": "POST creates a list of records; PATCH updates a list of `{key, ...fields}`. "
        "One transaction: all or nothing; errors are listed by item index. The response "
        "gives the keys of the records written, in request order. "
        "At most API_BULK_MAX_ITEMS items (413 above).",
    }

    def _action(self) -> str | None:
        return getattr(self.view, "action", None)

    def get_description(self) -> str:
        return self.DESCRIPTIONS.get(self._action() or "", "") or super().get_description()

    def _is_list_view(self, serializer: Any = None) -> bool:
        if self._action() in ("query", "list"):
            return serializer is None or isinstance(serializer, self.view.get_serializer_class())
        return False

    def get_filter_backends(self) -> list:
        if self.method == "GET" and self._action() in ("list", "count", "exists"):
            return list(self.view.filter_backends)
        return []

    def _get_pagination_parameters(self) -> list:
        if self._action() == "list":
            return self.view.paginator.get_schema_operation_parameters(self.view)
        return []

    def get_request_serializer(self) -> Any:
        resource = self.view.get_serializer_class()
        match self._action(), self.method:
            case "query", _:
                return QueryBodySerializer
            case (("count" | "exists"), "POST"):
                return FiltersBodySerializer
            case "bulk", "POST":
                return resource(many=True)
            case "bulk", "PATCH":
                item = self.view.bulk_update_item_serializer()
                return item(many=True, partial=True)
        return super().get_request_serializer()

    def get_response_serializers(self) -> Any:
        resource = self.view.get_serializer_class()
        action_name = self._action()
        success: dict[int, Any] = {
            "count": {200: CountSerializer},
            "exists": {200: ExistsSerializer},
            "bulk": {201 if self.method == "POST" else 200: self.view.bulk_result_serializer()},
            "create": {201: resource},
            "destroy": {204: None},
        }.get(action_name or "", {200: resource})
        errors = dict.fromkeys(self._error_codes(action_name), ErrorSerializer)
        return {**success, **errors}

    def _error_codes(self, action_name: str | None) -> list[int]:
        codes = [400, 401, 403]
        if action_name in ("retrieve", "update", "partial_update", "destroy"):
            codes += [404, 405]  # 405: a key such as "count" names the count route
        if action_name == "destroy":
            codes.append(409)
        if action_name == "bulk":
            codes.append(413)
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append(415)
        return codes
