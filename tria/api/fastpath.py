"""The bulk-validation fast path: the common shape of an item checked in plain Python.

A bulk write validates every item with the resource's DRF serializer, about 50 µs per item: half
of a 1,000-message request. Here each writable field of the serializer gets a plain check that
accepts a subset of what its DRF field accepts (the usual JSON types) and returns the same value.
Anything else (another type, a field without a plain check, an unknown key, any invalid value)
sends the item through the full DRF validation, which also writes the error messages. So the fast
path never accepts what DRF would refuse and never produces an error of its own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from django.core import validators as django_validators
from django.utils.dateparse import parse_datetime
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.settings import api_settings
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from tria.api import filtervalues

_SURROGATE = re.compile("[\ud800-\udfff]")
Check = Callable[[Any], Any]


class Slow(Exception):
    """This value needs the full DRF validation."""


class FastPlan:
    """Plain checks for the writable fields of one serializer instance (the bulk child)."""

    def __init__(self, checks: dict[str, tuple[str, Check | None, bool]], ignored: frozenset[str]):
        self.checks = checks  # field name -> (source, check or None for "DRF only", required)
        self.ignored = ignored  # read-only names: DRF ignores them in input

    def validate(self, data: dict) -> dict | None:
        """The validated data of `data`, or None when DRF must decide."""
        for key in data:
            if key not in self.checks and key not in self.ignored:
                return None
        validated = {}
        try:
            for name, (source, check, required) in self.checks.items():
                if name in data:
                    if check is None:
                        return None
                    validated[source] = check(data[name])
                elif required:
                    return None
        except Slow:
            return None
        return validated


def plan_for(serializer: serializers.Serializer) -> FastPlan | None:
    """A plan, unless the serializer adds rules of its own (validate(), validators)."""
    if type(serializer).validate is not serializers.Serializer.validate:
        return None
    if serializer.get_validators():
        return None
    checks: dict[str, tuple[str, Check | None, bool]] = {}
    ignored = set()
    for name, field in serializer.fields.items():
        if field.read_only:
            ignored.add(name)
        elif len(field.source_attrs) != 1:
            return None
        else:
            checks[name] = (field.source, _check_for(serializer, field), field.required)
    return FastPlan(checks, frozenset(ignored))


def _check_for(serializer: serializers.Serializer, field: serializers.Field) -> Check | None:
    """A plain check equivalent to the field's DRF validation, or None (DRF only)."""
    builder = _builder(field)
    if builder is None or field.default is not empty:
        return None
    if getattr(serializer, f"validate_{field.field_name}", None) is not None:
        return None
    validate = _validators_check(field.validators)
    convert = builder(field)
    if validate is None or convert is None:
        return None
    allow_null = field.allow_null
    blank_skips_validators = isinstance(field, serializers.CharField)  # as DRF's CharField does

    def check(value: Any) -> Any:
        if value is None:
            if allow_null:
                return None
            raise Slow
        result = convert(value)
        if not (blank_skips_validators and result == ""):
            validate(result)
        return result

    return check


def _validators_check(validators: list) -> Callable[[Any], None] | None:
    """One function running the field's validators, when all are of the kinds known here."""
    steps: list[Callable[[Any], bool]] = []
    for validator in validators:
        kind = type(validator)
        if kind is django_validators.MaxLengthValidator:
            steps.append(lambda v, n=validator.limit_value: len(v) <= n)
        elif kind is django_validators.MinLengthValidator:
            steps.append(lambda v, n=validator.limit_value: len(v) >= n)
        elif kind is django_validators.ProhibitNullCharactersValidator:
            steps.append(lambda v: "\x00" not in str(v))
        elif kind is ProhibitSurrogateCharactersValidator:
            steps.append(lambda v: _SURROGATE.search(str(v)) is None)
        elif kind is django_validators.MaxValueValidator:
            steps.append(lambda v, n=validator.limit_value: v <= n)
        elif kind is django_validators.MinValueValidator:
            steps.append(lambda v, n=validator.limit_value: v >= n)
        else:
            return None

    def validate(value: Any) -> None:
        for step in steps:
            if not step(value):
                raise Slow

    return validate


# ------------------------------------------------------------------ one builder per field type


def _char(field: serializers.CharField) -> Check:
    trim, allow_blank = field.trim_whitespace, field.allow_blank

    def convert(value: Any) -> str:
        if not isinstance(value, str):
            raise Slow
        text = value.strip() if trim else value
        if text == "" and not allow_blank:
            raise Slow
        return text

    return convert


def _choice(field: serializers.ChoiceField) -> Check:
    choices, allow_blank = field.choice_strings_to_values, field.allow_blank

    def convert(value: Any) -> Any:
        if not isinstance(value, str):
            raise Slow
        if value == "" and allow_blank:
            return ""
        if value not in choices:
            raise Slow
        return choices[value]

    return convert


def _boolean(field: serializers.BooleanField) -> Check:
    def convert(value: Any) -> bool:
        if not isinstance(value, bool):
            raise Slow
        return value

    return convert


def _float(field: serializers.FloatField) -> Check:
    def convert(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise Slow
        number = float(value)
        if not math.isfinite(number):
            raise Slow
        return number

    return convert


def _integer(field: serializers.IntegerField) -> Check:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Slow
        return value

    return convert


def _datetime(field: serializers.DateTimeField) -> Check | None:
    formats = getattr(field, "input_formats", api_settings.DATETIME_INPUT_FORMATS)
    if [f.lower() for f in formats] != ["iso-8601"]:
        return None

    def convert(value: Any) -> Any:
        if not isinstance(value, str):
            raise Slow
        try:
            parsed = parse_datetime(value)
            if parsed is None:
                raise Slow
            return field.enforce_timezone(parsed)
        except (ValueError, TypeError, serializers.ValidationError) as exc:
            raise Slow from exc

    return convert


def _json_object(field: serializers.JSONField) -> Check:
    def convert(value: Any) -> dict:
        if not isinstance(value, dict):
            raise Slow
        try:
            filtervalues._check_json_text(value)
        except ValueError as exc:
            raise Slow from exc
        return value

    return convert


def _related(field: serializers.RelatedField) -> Check | None:
    cache = field.context.get("related_cache", {}).get(field.field_name)
    if cache is None:
        return None

    def convert(value: Any) -> Any:
        try:
            key = field.parse_key(value)
        except (TypeError, ValueError) as exc:
            raise Slow from exc
        obj = cache.get(key)
        if obj is None:
            raise Slow
        return obj

    return convert


_BUILDERS: dict[type, Callable[[Any], Check | None]] = {
    serializers.CharField: _char,
    serializers.ChoiceField: _choice,
    serializers.BooleanField: _boolean,
    serializers.FloatField: _float,
    serializers.IntegerField: _integer,
}
# Our own field classes (tria.api.fields) name their check in a `fastpath_kind` class attribute.
_KINDS: dict[str, Callable[[Any], Check | None]] = {
    "datetime": _datetime,
    "json_object": _json_object,
    "related": _related,
}


def _builder(field: serializers.Field) -> Callable[[Any], Check | None] | None:
    """Exact field classes only: a subclass may validate differently (so `fastpath_kind` is read
    from the class's own namespace, never inherited)."""
    cls = type(field)
    return _BUILDERS.get(cls) or _KINDS.get(cls.__dict__.get("fastpath_kind", ""))
