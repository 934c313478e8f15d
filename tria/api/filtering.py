"""Filtering: filter-language declarations, query-string FilterSets and the filter backend."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import django_filters
from django import forms
from django.db import models
from django.db.models import Q, QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.request import Request

from tria.api import filterlang, filtervalues
from tria.api.filterlang import Condition, FieldSpec, FilterError

FILTER_LANGUAGE_DOC = """\
`filters` is an object of `field: condition`. A plain value means equality (`{"role": "user"}`);
an object applies operators: `$eq $ne $gt $gte $lt $lte $in $nin $isnull $contains $icontains`
(`{"confidence": {"$gte": 0.8}}`). `$contains`/`$icontains` test substrings of text fields; on
JSON fields `$contains` is JSON containment. A dotted name reads a key inside a JSON field
(`{"context.channel": "whatsapp"}`). Datetimes are ISO-8601; a datetime without a zone is UTC.
An unknown field, operator or ordering is refused with a 400 naming it."""


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


def shown_fields(serializer: type, *, leave_out: Sequence[str] = ()) -> list[str]:
    """The fields a resource shows (its serializer's Meta.fields), as filterable names.

    A resource is filtered and ordered by what it shows; `leave_out` names what cannot be
    (nested lists, float arrays, write-only or masked values).
    """
    return [name for name in serializer.Meta.fields if name not in leave_out]


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


class StrictBooleanField(forms.Field):
    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        flag = filtervalues._as_bool(value)
        if flag is None:
            raise forms.ValidationError("Enter true or false.", code="invalid")
        return flag


class UtcDateTimeFormField(forms.Field):
    def to_python(self, value: Any) -> dt.datetime | None:
        if value in (None, ""):
            return None
        try:
            return filtervalues.parse_datetime_utc(str(value))
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
        extra = {"min_value": -filtervalues.MAX_INT, "max_value": filtervalues.MAX_INT}
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
