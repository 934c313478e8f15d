"""The nine operations: NineOperationsViewSet and the bulk-write helpers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import models, transaction
from django.db.models import QuerySet
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tria.api import filterlang
from tria.api.errors import ApiError, ApiJSONParser
from tria.api.fields import (
    CachedRelatedField,
    bulk_result_serializer,
    bulk_update_item_serializer,
)
from tria.api.filtering import ApiFilterBackend, apply_conditions
from tria.api.filterlang import FieldSpec, FilterError
from tria.api.pagination import ApiPagination, paginate
from tria.api.permissions import ApiPermission
from tria.api.schema import NineOperationsSchema

KEY_PARSERS: dict[str, Callable[[str], Any]] = {
    "int": lambda raw: int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 19 else None,
    "uuid": UUID,
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
    # A parser of the resource's own key kind (raw -> key, or None when malformed), else
    # KEY_PARSERS.
    key_parser: Callable[[str], Any] | None = None

    # ---------------------------------------------------------------- keys

    @property
    def bulk_key(self) -> str:
        return "id" if self.lookup_field == "pk" else self.lookup_field

    def parse_key(self, raw: Any) -> Any:
        try:
            parse = self.key_parser or KEY_PARSERS[self.lookup_kind]
            return parse(str(raw))
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
