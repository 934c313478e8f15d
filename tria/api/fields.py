"""Serializer fields, the base model serializer and the small request/response serializers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any
from uuid import UUID

from django.db import models
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from tria.api import fastpath, filtervalues
from tria.api.filtering import FILTER_LANGUAGE_DOC


class UtcDateTimeField(serializers.DateTimeField):
    """ISO-8601 in and out; a datetime without a zone is read as UTC, output is UTC."""

    fastpath_kind = "datetime"  # tria.api.fastpath checks it without DRF

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("default_timezone", dt.UTC)
        super().__init__(**kwargs)


class ObjectJSONField(serializers.JSONField):
    """A JSON object that PostgreSQL's jsonb can store (no NUL characters)."""

    fastpath_kind = "json_object"  # tria.api.fastpath checks it without DRF

    default_error_messages = {"not_object": "Expected a JSON object."}

    def to_internal_value(self, data: Any) -> Any:
        value = super().to_internal_value(data)
        if not isinstance(value, dict):
            self.fail("not_object")
        try:
            filtervalues._check_json_text(value)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from exc
        return value


class CachedRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key by id. In bulk writes all ids are fetched in one query beforehand."""

    fastpath_kind = "related"  # tria.api.fastpath checks it without DRF

    lookup = "pk"

    def parse_key(self, data: Any) -> Any:
        if isinstance(data, bool) or not isinstance(data, int | str):
            raise TypeError
        number = int(data)
        if not 0 < number <= filtervalues.MAX_INT:
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

    fastpath_kind = "related"  # tria.api.fastpath checks it without DRF

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
        # Bulk items of the usual shape are checked in plain Python (tria.api.fastpath); any other
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
