"""Shared REST API plumbing: permissions, one error shape, filtering, paging, nine operations.

Every resource under /api/v1/ is a NineOperationsViewSet: list, create, read, update, delete, count,
exists, bulk (POST creates, PATCH updates, all or nothing) and query (the design's ListNode
parameters as JSON). Elsewhere: the filter language (tria.filterlang, pure functions), API keys
and their DRF authentication class (tria.apikeys: DRF's settings import it before its views exist,
so it cannot live here), the bulk-validation fast path (tria.fastpath).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError, models, transaction
from django.db.models import ProtectedError, Q, QuerySet, RestrictedError
from django.http import HttpRequest, JsonResponse
from django.utils.functional import cached_property
from django.views.decorators.csrf import csrf_exempt
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import BasePagination
from rest_framework.parsers import JSONParser
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.validators import UniqueValidator
from rest_framework.views import exception_handler as drf_exception_handler

from conversations import identity
from tria import fastpath, filterlang
from tria.filterlang import Condition, FieldSpec, FilterError
from tria.middleware import current_request_id
from tria.models import ApiKey

logger = logging.getLogger(__name__)

FILTER_LANGUAGE_DOC = """\
`filters` is an object of `field: condition`. A plain value means equality (`{"role": "user"}`);
an object applies operators: `$eq $ne $gt $gte $lt $lte $in $nin $isnull $contains $icontains`
(`{"confidence": {"$gte": 0.8}}`). `$contains`/`$icontains` test substrings of text fields; on
JSON fields `$contains` is JSON containment. A dotted name reads a key inside a JSON field
(`{"context.channel": "whatsapp"}`). Datetimes are ISO-8601; a datetime without a zone is UTC.
An unknown field, operator or ordering is refused with a 400 naming it."""


# ================================================================== access


READ_ACTIONS = {"list", "retrieve", "count", "exists", "query", "metadata", None}
PERMISSION_FOR_ACTION = {
    "create": "add",
    "update": "change",
    "partial_update": "change",
    "destroy": "delete",
}


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


# ================================================================== errors


class ApiError(exceptions.APIException):
    """An error with an explicit code and details, rendered in the one error shape."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        status_code: int = status.HTTP_400_BAD_REQUEST,
        details: Any = None,
    ) -> None:
        super().__init__(detail=message, code=code)
        self.status_code = status_code
        self.error_code = code
        self.details = details or {}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """Every API error as `{"error": {"code", "message", "details"}}`; never an HTML page."""
    exc = _translate(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("unhandled API error", exc_info=exc)
        message = f"Internal error; quote request id {current_request_id()}."
        return Response(_error_body("server_error", message, {}), status=500)
    code, message, details = _describe(exc)
    response.data = _error_body(code, message, details)
    return response


def _translate(exc: Exception) -> Exception:
    """Known non-API exceptions into API errors, so bad input is a 4xx and never a 500."""
    if isinstance(exc, FilterError):
        return ApiError(exc.message, code=exc.code, details=exc.details)
    if isinstance(exc, ProtectedError | RestrictedError):
        blocking = getattr(exc, "protected_objects", None) or getattr(exc, "restricted_objects", ())
        names = sorted({str(obj._meta.verbose_name_plural) for obj in blocking})
        return ApiError(
            f"Cannot delete: still referenced by {', '.join(names)}.",
            code="protected",
            status_code=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, IntegrityError):
        return ApiError("The data breaks a database rule.", code="constraint_violation")
    if isinstance(exc, DataError):
        return ApiError("A value is out of range or malformed.", code="invalid_value")
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(exc.messages)
    if isinstance(exc, RecursionError):
        return ApiError("The request is nested too deeply.", code="invalid")
    return exc


class ApiJSONParser(JSONParser):
    """JSON bodies; a body nested too deeply for the decoder is a 400, not a 500."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise exceptions.ParseError("JSON parse error - nested too deeply.") from exc


def _describe(exc: Exception) -> tuple[str, str, Any]:
    if isinstance(exc, ApiError):
        return exc.error_code, str(exc.detail), exc.details
    detail = getattr(exc, "detail", None)
    if isinstance(exc, exceptions.ValidationError):
        return "invalid", _first_message(detail) or "The request is invalid.", detail
    code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    return str(code), str(detail), {}


def _first_message(detail: Any) -> str:
    """A readable one-line summary of a DRF validation error tree."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            inner = _first_message(value)
            if inner:
                return inner if key == "non_field_errors" else f"{key}: {inner}"
    elif isinstance(detail, list):
        for item in detail:
            inner = _first_message(item)
            if inner:
                return inner
    elif detail:
        return str(detail)
    return ""


def _error_body(code: str, message: str, details: Any) -> dict:
    return {"error": {"code": code, "message": message, "details": details}}


@csrf_exempt
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """JSON 404 for unknown paths under /api/v1/ (paths end with '/')."""
    body = _error_body("not_found", "No API endpoint here; paths end with '/'.", {})
    return JsonResponse(body, status=404)


# ================================================================== paging


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


# ================================================================== filtering


def filter_fields(
    model: type[models.Model],
    *names: str,
    normalize: Mapping[str, Callable[[Any], Any]] | None = None,
    aliases: Mapping[str, FieldSpec] | None = None,
) -> dict[str, FieldSpec]:
    """Filter-language declarations for `names` of `model`, typed from the model fields."""
    normalize = normalize or {}
    spec: dict[str, FieldSpec] = {}
    for name in names:
        model_field = model._meta.get_field(name)
        path = model_field.attname if model_field.is_relation else name
        target = model_field.target_field if model_field.is_relation else model_field
        spec[name] = FieldSpec(path=path, kind=_kind_of(target), normalize=normalize.get(name))
    spec.update(aliases or {})
    return spec


def _kind_of(model_field: models.Field) -> str:
    kinds: list[tuple[type, str]] = [
        (models.BooleanField, "bool"),
        (models.DateTimeField, "datetime"),
        (models.DateField, "date"),
        (models.UUIDField, "uuid"),
        (models.JSONField, "json"),
        (models.DecimalField, "decimal"),
        (models.FloatField, "float"),
        (models.IntegerField, "int"),
        (models.AutoField, "int"),
        (models.BigAutoField, "int"),
    ]
    for field_class, kind in kinds:
        if isinstance(model_field, field_class):
            return kind
    return "str"


def user_id_value(value: Any) -> str:
    """A user_id filter value: the pseudonym itself, or a phone number turned into it."""
    try:
        return identity.resolve_user_id(value)
    except identity.InvalidPhoneNumber as exc:
        raise ValueError("expected a 64-hex user_id or a phone number") from exc


class StrictBooleanField(forms.Field):
    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        flag = filterlang._as_bool(value)
        if flag is None:
            raise forms.ValidationError("Enter true or false.", code="invalid")
        return flag


class UtcDateTimeFormField(forms.Field):
    def to_python(self, value: Any) -> dt.datetime | None:
        if value in (None, ""):
            return None
        try:
            return filterlang.parse_datetime_utc(str(value))
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


class NormalizedCharField(forms.CharField):
    def __init__(self, *, normalize: Callable[[Any], Any], **kwargs: Any) -> None:
        self.normalize = normalize
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if value in (None, ""):
            return value
        try:
            return self.normalize(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeFormField


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class NormalizedCharFilter(django_filters.CharFilter):
    field_class = NormalizedCharField


FILTER_FOR_KIND: dict[str, type[django_filters.Filter]] = {
    "str": django_filters.CharFilter,
    "int": IntegerFilter,
    "float": django_filters.NumberFilter,
    "decimal": django_filters.NumberFilter,
    "bool": StrictBooleanFilter,
    "datetime": UtcDateTimeFilter,
    "date": django_filters.DateFilter,
    "uuid": django_filters.UUIDFilter,
}
QUERY_SUFFIXES = {"$gt": "gt", "$gte": "gte", "$lt": "lt", "$lte": "lte"}


def filterset_for(
    model: type[models.Model], spec: Mapping[str, FieldSpec], exclude: Iterable[str] = ()
) -> type[django_filters.FilterSet]:
    """A django-filter FilterSet for GET query strings with the same fields and operators as
    the filter language: `name`, `name__ne`, `name__gt|gte|lt|lte`, `name__in`, `name__nin`
    (comma-separated), `name__isnull`, and `name__contains|icontains` on text."""
    declared: dict[str, django_filters.Filter] = {}
    for name, field_spec in spec.items():
        if field_spec.kind == "json" or name in exclude:
            continue
        declared.update(_filters_for(name, field_spec))
    meta = type("Meta", (), {"model": model, "fields": []})
    return type(
        f"{model.__name__}FilterSet", (django_filters.FilterSet,), {**declared, "Meta": meta}
    )


def _filters_for(name: str, field_spec: FieldSpec) -> dict[str, django_filters.Filter]:
    base = FILTER_FOR_KIND[field_spec.kind]
    extra: dict[str, Any] = {}
    if field_spec.normalize is not None:
        base, extra = NormalizedCharFilter, {"normalize": field_spec.normalize}
    if base is IntegerFilter:
        extra = {"min_value": -filterlang.MAX_INT, "max_value": filterlang.MAX_INT}
    in_filter = type(f"{base.__name__}In", (django_filters.BaseInFilter, base), {})
    path, ops = field_spec.path, filterlang.OPS_BY_KIND[field_spec.kind]
    result = {
        name: base(field_name=path, **extra),
        f"{name}__ne": base(field_name=path, exclude=True, **extra),
        f"{name}__isnull": StrictBooleanFilter(field_name=path, lookup_expr="isnull"),
    }
    if "$in" in ops:
        result[f"{name}__in"] = in_filter(field_name=path, lookup_expr="in", **extra)
        result[f"{name}__nin"] = in_filter(field_name=path, lookup_expr="in", exclude=True, **extra)
    for op, lookup in QUERY_SUFFIXES.items():
        if op in ops:
            result[f"{name}__{lookup}"] = base(field_name=path, lookup_expr=lookup, **extra)
    if "$contains" in ops:
        result[f"{name}__contains"] = django_filters.CharFilter(path, lookup_expr="contains")
        result[f"{name}__icontains"] = django_filters.CharFilter(path, lookup_expr="icontains")
    return result


RESERVED_PARAMS = {"limit", "offset", "with_total", "order_by", "format"}


class ApiFilterBackend(DjangoFilterBackend):
    """Query-string filters; an unknown parameter or a bad value is a 400 naming it.

    A dotted parameter reads a key of a JSON field as text: `?context.channel=whatsapp`.
    """

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        full = self.get_filterset_class(view, queryset)
        declared = set(full.base_filters) if full is not None else set()
        json_keys: dict[str, Any] = {}
        for name in request.query_params:
            if name in declared or name in RESERVED_PARAMS:
                continue
            if "." not in name:
                raise FilterError(f"unknown filter parameter '{name}'", field=name)
            json_keys[name] = request.query_params[name]
        named = frozenset(request.query_params) & declared
        if named:
            narrowed = _narrowed_filterset(full, named)
            filterset = narrowed(**self.get_filterset_kwargs(request, queryset, view))
            if not filterset.is_valid():
                errors = {key: list(messages) for key, messages in filterset.errors.items()}
                name, messages = next(iter(errors.items()))
                raise FilterError(f"invalid value for '{name}': {messages[0]}", **errors)
            queryset = filterset.qs
        return apply_conditions(queryset, filterlang.compile_filters(json_keys, view.filter_fields))


@functools.lru_cache(maxsize=512)
def _narrowed_filterset(full: type, names: frozenset[str]) -> type:
    """`full` with only the filters a request names. django-filter deep-copies and validates
    every declared filter (a dozen per field) on each request: half of a 100-message list.
    (The schema is built from the full class, so every filter stays documented.)"""
    narrowed = type(full.__name__, (full,), {})
    narrowed.base_filters = {n: f for n, f in full.base_filters.items() if n in names}
    return narrowed


def apply_conditions(queryset: QuerySet, conditions: Sequence[Condition]) -> QuerySet:
    if not conditions:
        return queryset
    combined = Q()
    for condition in conditions:
        q = Q(**{condition.lookup: condition.value})
        combined &= ~q if condition.negate else q
    return queryset.filter(combined)


# ================================================================== serializers


class UtcDateTimeField(serializers.DateTimeField):
    """ISO-8601 in and out; a datetime without a zone is read as UTC, output is UTC."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("default_timezone", dt.UTC)
        super().__init__(**kwargs)


class ObjectJSONField(serializers.JSONField):
    """A JSON object that PostgreSQL's jsonb can store (no NUL characters)."""

    default_error_messages = {"not_object": "Expected a JSON object."}

    def to_internal_value(self, data: Any) -> Any:
        value = super().to_internal_value(data)
        if not isinstance(value, dict):
            self.fail("not_object")
        try:
            filterlang._check_json_text(value)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from exc
        return value


class CachedRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key by id. In bulk writes all ids are fetched in one query beforehand."""

    lookup = "pk"

    def parse_key(self, data: Any) -> Any:
        if isinstance(data, bool) or not isinstance(data, int | str):
            raise TypeError
        number = int(data)
        if not 0 < number <= filterlang.MAX_INT:
            raise ValueError
        return number

    def to_internal_value(self, data: Any) -> Any:
        try:
            key = self.parse_key(data)
        except (TypeError, ValueError):
            self.fail("incorrect_type", data_type=type(data).__name__)
        cache = self.context.get("related_cache", {}).get(self.field_name)
        obj = cache.get(key) if cache is not None else self._fetch(key)
        if obj is None:
            self.fail("does_not_exist", pk_value=data)
        return obj

    def _fetch(self, key: Any) -> Any:
        queryset = self.get_queryset()
        try:
            return queryset.get(**{self.lookup: key})
        except queryset.model.DoesNotExist:
            return None

    def prefetch(self, raw_values: Iterable[Any]) -> dict[Any, Any]:
        keys = set()
        for value in raw_values:
            try:
                keys.add(self.parse_key(value))
            except (TypeError, ValueError):
                continue
        objects = self.get_queryset().filter(**{f"{self.lookup}__in": keys})
        return {getattr(obj, self.lookup): obj for obj in objects}


@extend_schema_field(OpenApiTypes.UUID)
class SessionRefField(CachedRelatedField):
    """A session by its session_id (UUID), read from the foreign key column without a join."""

    lookup = "session_id"
    default_error_messages = {
        "does_not_exist": "No session with session_id {pk_value}.",
        "incorrect_type": "Expected a session_id (UUID), got {data_type}.",
    }

    def parse_key(self, data: Any) -> UUID:
        if not isinstance(data, str):
            raise TypeError
        return UUID(data)

    def use_pk_only_optimization(self) -> bool:
        return False

    def get_attribute(self, instance: models.Model) -> Any:
        return getattr(instance, f"{self.source}_id")

    def to_representation(self, value: Any) -> str:
        return str(value)


class UserIdField(serializers.CharField):
    """A user's pseudonymous id; a phone number is accepted and stored as its pseudonym."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        if value == "":
            return value
        try:
            return user_id_value(value)
        except ValueError as exc:
            raise serializers.ValidationError(
                "Expected a 64-hex user_id or a phone number.", code="invalid"
            ) from exc


class ApiModelSerializer(serializers.ModelSerializer):
    """Base serializer: UTC datetimes, JSON objects, unknown keys refused, create-only fields."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: UtcDateTimeField,
        models.JSONField: ObjectJSONField,
    }
    serializer_related_field = CachedRelatedField
    create_only_fields: tuple[str, ...] = ()

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        if isinstance(self.instance, models.Model):
            for name in self.create_only_fields:
                fields[name].read_only, fields[name].required = True, False
        if self.context.get("bulk_create"):
            for field in fields.values():
                field.validators = [
                    v for v in field.validators if not isinstance(v, UniqueValidator)
                ]
        return fields

    @cached_property
    def _writable_fields(self) -> list[serializers.Field]:  # type: ignore[override]
        # Computed once per serializer: a bulk write validates many items with one child.
        return [field for field in self.fields.values() if not field.read_only]

    @cached_property
    def _fast_plan(self) -> fastpath.FastPlan | None:
        return fastpath.plan_for(self) if self.context.get("bulk_create") else None

    def run_validation(self, data: Any = serializers.empty) -> Any:
        # Bulk items of the usual shape are checked in plain Python (tria.fastpath); any other
        # item, and every single write, goes through DRF's validation.
        if isinstance(data, dict) and self._fast_plan is not None:
            validated = self._fast_plan.validate(data)
            if validated is not None:
                return validated
        return super().run_validation(data)

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        return super().to_internal_value(data)


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    details = serializers.JSONField()


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


class CountSerializer(serializers.Serializer):
    count = serializers.IntegerField()


class ExistsSerializer(serializers.Serializer):
    exists = serializers.BooleanField()


class FiltersBodySerializer(serializers.Serializer):
    filters = serializers.JSONField(required=False, help_text=FILTER_LANGUAGE_DOC)


class QueryBodySerializer(FiltersBodySerializer):
    order_by = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="'-field' for descending"
    )
    limit = serializers.IntegerField(required=False, min_value=1)
    offset = serializers.IntegerField(required=False, min_value=0)
    with_total = serializers.BooleanField(required=False)


_dynamic_serializers: dict[tuple[type, str], type[serializers.Serializer]] = {}


def bulk_result_serializer(key_field: serializers.Field, name: str) -> type[serializers.Serializer]:
    """`{"count": n, "keys": [...]}`: the keys of the records written, in request order."""
    cache_key = (type(key_field), "bulk_result")
    if cache_key not in _dynamic_serializers:
        _dynamic_serializers[cache_key] = type(
            f"Bulk{name}ResultSerializer",
            (serializers.Serializer,),
            {"count": serializers.IntegerField(), "keys": serializers.ListField(child=key_field)},
        )
    return _dynamic_serializers[cache_key]


def bulk_update_item_serializer(
    resource: type[serializers.Serializer], key: str, key_field: serializers.Field
) -> type[serializers.Serializer]:
    """Schema of one bulk PATCH item: the record's key and the fields to change."""
    cache_key = (resource, "bulk_update")
    if cache_key not in _dynamic_serializers:
        name = resource.__name__.removesuffix("Serializer")
        _dynamic_serializers[cache_key] = type(
            f"{name}BulkUpdateItemSerializer", (resource,), {key: key_field}
        )
    return _dynamic_serializers[cache_key]


# ================================================================== OpenAPI


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "tria.apikeys.ApiKeyAuthentication"
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
        "query": "The design's ListNode: filters, order_by, limit, offset as JSON.\n\n"
        + FILTER_LANGUAGE_DOC,
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


# ================================================================== the nine operations

KEY_PARSERS: dict[str, Callable[[str], Any]] = {
    "int": lambda raw: int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 19 else None,
    "uuid": UUID,
    "user_id": lambda raw: raw if identity.looks_like_user_id(raw) else None,
}


class NineOperationsViewSet(viewsets.GenericViewSet):
    """list, create, retrieve, update, destroy, count, exists, bulk and query for one model.

    Subclasses set queryset, serializer_class, filter_fields (the filter-language declaration)
    and filterset_class; sessions and summaries set lookup_field/lookup_kind. Writes go through
    the perform_* hooks so that a resource can route them to its service.
    """

    permission_classes = [ApiPermission]
    parser_classes = [ApiJSONParser]
    pagination_class = ApiPagination
    filter_backends = [ApiFilterBackend]
    schema = NineOperationsSchema()
    filter_fields: Mapping[str, FieldSpec] = {}
    lookup_kind = "int"

    # ---------------------------------------------------------------- keys

    @property
    def bulk_key(self) -> str:
        return "id" if self.lookup_field == "pk" else self.lookup_field

    def parse_key(self, raw: Any) -> Any:
        try:
            return KEY_PARSERS[self.lookup_kind](str(raw))
        except (TypeError, ValueError):
            return None

    def get_object(self) -> models.Model:
        key = self.parse_key(self.kwargs[self.lookup_url_kwarg or self.lookup_field])
        queryset = self.get_queryset()
        try:
            if key is None:
                raise queryset.model.DoesNotExist
            obj = queryset.get(**{self.lookup_field: key})
        except queryset.model.DoesNotExist:
            name = queryset.model._meta.verbose_name
            raise exceptions.NotFound(f"No {name} with this key.") from None
        self.check_object_permissions(self.request, obj)
        return obj

    # ---------------------------------------------------------------- reads

    def list(self, request: Request) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        limit, offset, with_total = self.paginator.page_params(request)
        ordering = filterlang.compile_ordering(
            request.query_params.get("order_by"), self.filter_fields
        )
        return self.page_response(queryset, ordering, limit, offset, with_total)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(self.get_serializer(self.get_object()).data)

    @action(detail=False, methods=["post"])
    def query(self, request: Request) -> Response:
        query = filterlang.parse_query(
            request.data,
            self.filter_fields,
            default_limit=settings.API_PAGE_SIZE,
            max_limit=settings.API_MAX_PAGE_SIZE,
        )
        queryset = apply_conditions(self.get_queryset(), query.conditions)
        return self.page_response(
            queryset, query.ordering, query.limit, query.offset, query.with_total
        )

    @action(detail=False, methods=["get", "post"])
    def count(self, request: Request) -> Response:
        return Response({"count": self.matching(request).count()})

    @action(detail=False, methods=["get", "post"])
    def exists(self, request: Request) -> Response:
        return Response({"exists": self.matching(request).exists()})

    def matching(self, request: Request) -> QuerySet:
        """The queryset filtered by the query string (GET) or by `{"filters": ...}` (POST)."""
        if request.method == "GET":
            return self.filter_queryset(self.get_queryset())
        body = request.data
        if not isinstance(body, dict) or set(body) - {"filters"}:
            raise FilterError('the body must be {"filters": {...}}', code="invalid_query")
        conditions = filterlang.compile_filters(body.get("filters"), self.filter_fields)
        return apply_conditions(self.get_queryset(), conditions)

    def page_response(
        self, queryset: QuerySet, ordering: list[str], limit: int, offset: int, with_total: bool
    ) -> Response:
        queryset = queryset.order_by(*(ordering or queryset.model._meta.ordering), "pk")
        page = paginate(queryset, limit=limit, offset=offset, with_total=with_total)
        body: dict[str, Any] = {
            "results": self.get_serializer(page.rows, many=True).data,
            "limit": page.limit,
            "offset": page.offset,
            "has_more": page.has_more,
        }
        if page.total is not None:
            body["total"] = page.total
        return Response(body)

    # ---------------------------------------------------------------- single writes

    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            self.perform_create(serializer)
        return Response(serializer.data, status=201)

    def update(
        self, request: Request, *args: Any, partial: bool = False, **kwargs: Any
    ) -> Response:
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            self.perform_update(serializer)
        return Response(serializer.data)

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, partial=True)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        with transaction.atomic():
            self.perform_destroy(instance)
        return Response(status=204)

    def perform_create(self, serializer: serializers.Serializer) -> None:
        serializer.save()

    def perform_update(self, serializer: serializers.Serializer) -> None:
        serializer.save()

    def perform_destroy(self, instance: models.Model) -> None:
        instance.delete()

    # ---------------------------------------------------------------- bulk

    @action(detail=False, methods=["post", "patch"])
    def bulk(self, request: Request) -> Response:
        items = self.bulk_items(request.data)
        if request.method == "POST":
            instances, code = self.bulk_create(items), 201
        else:
            instances, code = self.bulk_update(items), 200
        keys = [getattr(instance, self.bulk_key) for instance in instances]
        return Response({"count": len(instances), "keys": keys}, status=code)

    def bulk_items(self, data: Any) -> list[dict]:
        if not isinstance(data, list):
            raise ApiError("The body must be a JSON list of records.", code="invalid")
        limit = settings.API_BULK_MAX_ITEMS
        if len(data) > limit:
            raise ApiError(
                f"Too many items: {len(data)}; at most {limit} per request.",
                code="too_many_items",
                status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
                details={"limit": limit, "received": len(data)},
            )
        return data

    def bulk_create(self, items: list) -> list[models.Model]:
        context = {**self.get_serializer_context(), "bulk_create": True}
        serializer = self.get_serializer_class()(data=items, many=True, context=context)
        context["related_cache"] = prefetch_related_keys(serializer.child, items)
        valid = serializer.is_valid()
        errors = item_errors(serializer.errors) if not valid else []
        if valid:
            errors = unique_errors(self.get_queryset().model, serializer.validated_data)
        if errors:
            raise invalid_items(errors, len(items))
        with transaction.atomic():
            return self.perform_bulk_create(serializer.validated_data)

    def perform_bulk_create(self, validated: list[dict]) -> list[models.Model]:
        model = self.get_queryset().model
        return model.objects.bulk_create([model(**data) for data in validated], batch_size=1000)

    @transaction.atomic
    def bulk_update(self, items: list) -> list[models.Model]:
        instances = self.bulk_instances(items)
        serializers_, errors = [], []
        for index, item in enumerate(items):
            instance = instances.get(index)
            if instance is None:
                errors.append({"index": index, "errors": {self.bulk_key: ["No such record."]}})
                continue
            fields = {k: v for k, v in item.items() if k != self.bulk_key}
            serializer = self.get_serializer(instance, data=fields, partial=True)
            if serializer.is_valid():
                serializers_.append(serializer)
            else:
                errors.append({"index": index, "errors": serializer.errors})
        if errors:
            raise invalid_items(errors, len(items))
        for serializer in serializers_:
            self.perform_update(serializer)
        return [serializer.instance for serializer in serializers_]

    def bulk_instances(self, items: list) -> dict[int, models.Model]:
        """The record of each item (by index), fetched in one query and locked."""
        keys: dict[int, Any] = {}
        for index, item in enumerate(items):
            raw = item.get(self.bulk_key) if isinstance(item, dict) else None
            key = self.parse_key(raw) if raw is not None else None
            if key is not None:
                keys[index] = key
        queryset = (
            self.get_queryset()
            .filter(**{f"{self.lookup_field}__in": set(keys.values())})
            .select_for_update(of=("self",))
        )
        by_key = {self.parse_key(getattr(obj, self.lookup_field)): obj for obj in queryset}
        return {index: by_key[key] for index, key in keys.items() if key in by_key}

    def key_field(self) -> serializers.Field:
        return {
            "int": serializers.IntegerField(),
            "uuid": serializers.UUIDField(),
            "user_id": serializers.CharField(),
        }[self.lookup_kind]

    def bulk_update_item_serializer(self) -> type[serializers.Serializer]:
        return bulk_update_item_serializer(
            self.get_serializer_class(), self.bulk_key, self.key_field()
        )

    def bulk_result_serializer(self) -> type[serializers.Serializer]:
        name = {"int": "Id", "uuid": "Uuid", "user_id": "UserId"}[self.lookup_kind]
        return bulk_result_serializer(self.key_field(), name)


def prefetch_related_keys(child: serializers.Serializer, items: list) -> dict[str, dict]:
    """For each foreign key of the serializer, the referenced rows of all items, one query each."""
    cache: dict[str, dict] = {}
    for name, field in child.fields.items():
        if isinstance(field, CachedRelatedField) and not field.read_only:
            values = [item.get(name) for item in items if isinstance(item, dict)]
            cache[name] = field.prefetch(v for v in values if v is not None)
    return cache


def unique_errors(model: type[models.Model], validated: list[dict]) -> list[dict]:
    """Unique fields clashing within the batch or with stored rows, in one query per field."""
    errors: list[dict] = []
    for model_field in model._meta.concrete_fields:
        if not model_field.unique or model_field.primary_key:
            continue
        name, column = model_field.name, model_field.attname
        values = [
            (i, getattr(data.get(name), "pk", data.get(name))) for i, data in enumerate(validated)
        ]
        values = [(i, v) for i, v in values if v is not None]
        if not values:
            continue
        stored = model.objects.filter(**{f"{column}__in": {v for _, v in values}})
        taken = set(stored.values_list(column, flat=True))
        seen: set = set()
        for index, value in values:
            if value in taken or value in seen:
                errors.append({"index": index, "errors": {name: ["This value is already used."]}})
            seen.add(value)
    return sorted(errors, key=lambda e: e["index"])


def item_errors(list_errors: Any) -> list[dict]:
    """A ListSerializer's errors (a list, or a dict by index) as [{"index", "errors"}]."""
    if isinstance(list_errors, list):
        list_errors = dict(enumerate(list_errors))
    if not all(str(key).isdigit() for key in list_errors):  # the list itself is invalid
        return [{"index": None, "errors": list_errors}]
    return [
        {"index": int(i), "errors": e}
        for i, e in sorted(list_errors.items(), key=lambda kv: int(kv[0]))
        if e
    ]


def invalid_items(errors: list[dict], total: int) -> ApiError:
    return ApiError(
        f"{len(errors)} of {total} items are invalid; nothing was saved.",
        code="invalid_items",
        details={"items": errors},
    )
