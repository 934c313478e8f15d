"""limit/offset paging: one extra row tells whether more follow; COUNT only when asked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from rest_framework.pagination import BasePagination
from rest_framework.request import Request

from tria.api import filterlang


@dataclass(frozen=True)
class Page:
    rows: list
    limit: int
    offset: int
    has_more: bool
    total: int | None


def paginate(queryset: QuerySet, *, limit: int, offset: int, with_total: bool) -> Page:
    """One page, plus whether more rows follow (one extra row, no COUNT unless asked)."""
    rows = list(queryset[offset : offset + limit + 1])
    total = queryset.count() if with_total else None
    return Page(rows[:limit], limit, offset, len(rows) > limit, total)


class ApiPagination(BasePagination):
    """limit/offset paging; `with_total=true` adds the number of matching rows."""

    def page_params(self, request: Request) -> tuple[int, int, bool]:
        params = request.query_params
        return (
            filterlang.parse_limit(
                params.get("limit"), settings.API_PAGE_SIZE, settings.API_MAX_PAGE_SIZE
            ),
            filterlang.parse_offset(params.get("offset")),
            filterlang.parse_flag("with_total", params.get("with_total", "false")),
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["results", "limit", "offset", "has_more"],
            "properties": {
                "results": schema,
                "limit": {"type": "integer"},
                "offset": {"type": "integer"},
                "has_more": {"type": "boolean"},
                "total": {"type": "integer", "description": "only with with_total=true"},
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        maximum = settings.API_MAX_PAGE_SIZE
        return [
            _query_param("limit", {"type": "integer", "minimum": 1, "maximum": maximum}),
            _query_param("offset", {"type": "integer", "minimum": 0}),
            _query_param("with_total", {"type": "boolean"}, "Also return the total count."),
            _query_param(
                "order_by", {"type": "string"}, "Comma-separated fields, '-' for descending."
            ),
        ]


def _query_param(name: str, schema: dict, description: str = "") -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }
