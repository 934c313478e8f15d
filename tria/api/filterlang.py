"""The design's filter language, compiled to ORM lookups. Pure functions of plain data: no ORM.

A ListNode query is `{"filters": {...}, "order_by": [...], "limit": n, "offset": n}`:
- `{"role": "user"}` is equality; `{"confidence": {"$gte": 0.8}}` applies operators;
- operators: $eq $ne $gt $gte $lt $lte $in $nin $isnull $contains $icontains;
- `$contains`/`$icontains` are substring tests on text; on JSON fields `$contains` is JSON
  containment (`{"context": {"$contains": {"channel": "whatsapp"}}}`);
- a dotted name reaches into a JSON field: `{"context.channel": "whatsapp"}`;
- datetimes are ISO-8601; a datetime without a zone is read as UTC.

Only declared fields and operators are accepted. Anything else raises FilterError naming it, so a
typo is never a silently ignored filter.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_IN_VALUES = 1000
MAX_INT = 2**63 - 1
MAX_OFFSET = 2**31 - 1
QUERY_KEYS = ("filters", "order_by", "limit", "offset", "with_total")

ORDERED_OPS = ("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin", "$isnull")
TEXT_OPS = (*ORDERED_OPS, "$contains", "$icontains")
OPS_BY_KIND: dict[str, tuple[str, ...]] = {
    "str": TEXT_OPS,
    "int": ORDERED_OPS,
    "float": ORDERED_OPS,
    "decimal": ORDERED_OPS,
    "datetime": ORDERED_OPS,
    "date": ORDERED_OPS,
    "uuid": ("$eq", "$ne", "$in", "$nin", "$isnull"),
    "bool": ("$eq", "$ne", "$isnull"),
    "json": ("$eq", "$ne", "$contains", "$isnull"),
    "json_key": TEXT_OPS,
}
ALL_OPS = TEXT_OPS
LOOKUPS = {
    "$eq": "exact",
    "$ne": "exact",
    "$gt": "gt",
    "$gte": "gte",
    "$lt": "lt",
    "$lte": "lte",
    "$in": "in",
    "$nin": "in",
    "$isnull": "isnull",
    "$contains": "contains",
    "$icontains": "icontains",
}
NEGATED = {"$ne", "$nin"}
_KEY_SEGMENT = re.compile(r"^[A-Za-z0-9_-]+$")
_SPACED_OFFSET = re.compile(r" (\d\d:?\d\d)$")


class FilterError(ValueError):
    """A query the API refuses; `code` and `details` go into the 400 response."""

    def __init__(self, message: str, code: str = "invalid_filter", **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details


@dataclass(frozen=True)
class FieldSpec:
    """A filterable field: its ORM path, its value kind and an optional value normaliser.

    `normalize` turns an accepted value into the stored one (a phone number into its pseudonym)
    and raises ValueError with a readable message when it cannot.
    """

    path: str
    kind: str
    normalize: Callable[[Any], Any] | None = None
    orderable: bool = True


@dataclass(frozen=True)
class Condition:
    """One ORM lookup: `filter(**{lookup: value})`, or `exclude` when negate."""

    lookup: str
    value: Any
    negate: bool = False


@dataclass(frozen=True)
class Query:
    conditions: list[Condition] = field(default_factory=list)
    ordering: list[str] = field(default_factory=list)
    limit: int = 50
    offset: int = 0
    with_total: bool = False


# ------------------------------------------------------------------ the query body


def parse_query(
    body: Any, spec: Mapping[str, FieldSpec], *, default_limit: int, max_limit: int
) -> Query:
    """A whole ListNode body: filters, order_by, limit, offset, with_total."""
    if body is None:
        body = {}
    if not isinstance(body, dict):
        raise FilterError("the query body must be a JSON object", code="invalid_query")
    unknown = sorted(set(body) - set(QUERY_KEYS))
    if unknown:
        raise FilterError(
            f"unknown query parameter '{unknown[0]}'; allowed: {', '.join(QUERY_KEYS)}",
            code="invalid_parameter",
            parameter=unknown[0],
        )
    return Query(
        conditions=compile_filters(body.get("filters"), spec),
        ordering=compile_ordering(body.get("order_by"), spec),
        limit=parse_limit(body.get("limit"), default_limit, max_limit),
        offset=parse_offset(body.get("offset")),
        with_total=parse_flag("with_total", body.get("with_total", False)),
    )


def parse_limit(value: Any, default: int, maximum: int) -> int:
    if value is None or value == "":
        return default
    number = _as_int(value)
    if number is None or not 1 <= number <= maximum:
        raise FilterError(
            f"limit must be a whole number from 1 to {maximum}",
            code="invalid_parameter",
            parameter="limit",
        )
    return number


def parse_offset(value: Any) -> int:
    if value is None or value == "":
        return 0
    number = _as_int(value)
    if number is None or not 0 <= number <= MAX_OFFSET:
        raise FilterError(
            "offset must be a whole number from 0", code="invalid_parameter", parameter="offset"
        )
    return number


def parse_flag(name: str, value: Any) -> bool:
    parsed = _as_bool(value)
    if parsed is None:
        raise FilterError(f"{name} must be true or false", code="invalid_parameter", parameter=name)
    return parsed


# ------------------------------------------------------------------ filters


def compile_filters(filters: Any, spec: Mapping[str, FieldSpec]) -> list[Condition]:
    """`{"name": value | {"$op": value}}` to conditions that are ANDed together."""
    if filters is None:
        return []
    if not isinstance(filters, dict):
        raise FilterError("filters must be a JSON object of field: condition")
    conditions: list[Condition] = []
    for name, condition in filters.items():
        path, kind, normalize = resolve_field(name, spec)
        for op, value in _operators(name, kind, condition):
            conditions.append(_compile_one(name, path, kind, normalize, op, value))
    return conditions


def resolve_field(name: Any, spec: Mapping[str, FieldSpec]) -> tuple[str, str, Any]:
    """(ORM path, kind, normaliser) of a declared field or of a key inside a JSON field."""
    if not isinstance(name, str) or not name:
        raise FilterError("a filter field name must be a non-empty string")
    if name in spec:
        declared = spec[name]
        return declared.path, declared.kind, declared.normalize
    root, _, rest = name.partition(".")
    if not rest or root not in spec:
        raise FilterError(
            f"unknown filter field '{name}'; allowed: {', '.join(sorted(spec))}", field=name
        )
    if spec[root].kind != "json":
        raise FilterError(f"'{root}' is not a JSON field, so '{name}' has no keys", field=name)
    segments = rest.split(".")
    for segment in segments:
        if not _KEY_SEGMENT.match(segment) or "__" in segment:
            raise FilterError(
                f"invalid JSON key '{segment}' in '{name}': use letters, digits, '-' and '_'",
                field=name,
            )
    return "__".join([spec[root].path, *segments]), "json_key", None


def _operators(name: str, kind: str, condition: Any) -> list[tuple[str, Any]]:
    """The (operator, value) pairs of one field's condition."""
    if isinstance(condition, dict) and any(str(k).startswith("$") for k in condition):
        pairs = list(condition.items())
    else:
        pairs = [("$eq", condition)]
    allowed = OPS_BY_KIND[kind]
    for op, _ in pairs:
        if op not in ALL_OPS:
            raise FilterError(
                f"unknown operator '{op}' on '{name}'; allowed: {', '.join(allowed)}",
                field=name,
                operator=op,
            )
        if op not in allowed:
            raise FilterError(
                f"operator '{op}' is not allowed on '{name}'; allowed: {', '.join(allowed)}",
                field=name,
                operator=op,
            )
    return pairs


def _compile_one(name: str, path: str, kind: str, normalize: Any, op: str, value: Any) -> Condition:
    if op == "$isnull":
        flag = _as_bool(value)
        if flag is None:
            raise FilterError(f"'$isnull' on '{name}' takes true or false", field=name, operator=op)
        return Condition(f"{path}__isnull", flag)
    if op in ("$eq", "$ne") and value is None:
        return Condition(f"{path}__isnull", op == "$eq")
    if op in ("$in", "$nin"):
        if not isinstance(value, list) or len(value) > MAX_IN_VALUES:
            raise FilterError(
                f"'{op}' on '{name}' takes a list of at most {MAX_IN_VALUES} values",
                field=name,
                operator=op,
            )
        parsed: Any = [coerce_value(name, kind, item, normalize, op) for item in value]
    else:
        parsed = coerce_value(name, kind, value, normalize, op)
    return Condition(f"{path}__{LOOKUPS[op]}", parsed, negate=op in NEGATED)


# ------------------------------------------------------------------ values


def coerce_value(name: str, kind: str, value: Any, normalize: Any = None, op: str = "$eq") -> Any:
    """The Python value for a field of `kind`, or FilterError naming the field."""
    try:
        parsed = _COERCERS[kind](value, op)
        if normalize is not None:
            parsed = normalize(parsed)
    except (TypeError, ValueError, ArithmeticError) as exc:
        reason = str(exc) or f"not a valid {kind}"
        raise FilterError(f"invalid value for '{name}': {reason}", field=name, operator=op) from exc
    return parsed


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise ValueError("text must not contain NUL characters")
    return text


def _str(value: Any, op: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {_json_type(value)}")
    return _no_nul(value)


def _int(value: Any, op: str) -> int:
    number = _as_int(value)
    if number is None:
        raise TypeError(f"expected a whole number, got {_json_type(value)}")
    if abs(number) > MAX_INT:
        raise ValueError("number out of range")
    return number


def _float(value: Any, op: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"expected a number, got {_json_type(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError("expected a finite number")
    return number


def _decimal(value: Any, op: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"expected a number, got {_json_type(value)}")
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError("expected a decimal number") from exc
    if not number.is_finite():
        raise ValueError("expected a finite number")
    return number


def _bool(value: Any, op: str) -> bool:
    flag = _as_bool(value)
    if flag is None:
        raise TypeError("expected true or false")
    return flag


def _uuid(value: Any, op: str) -> uuid.UUID:
    if not isinstance(value, str):
        raise TypeError(f"expected a UUID string, got {_json_type(value)}")
    return uuid.UUID(value)


def _date(value: Any, op: str) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO-8601 date, got {_json_type(value)}")
    return dt.date.fromisoformat(value)


def _datetime(value: Any, op: str) -> dt.datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO-8601 datetime, got {_json_type(value)}")
    return parse_datetime_utc(value)


def _json(value: Any, op: str) -> Any:
    _check_json_text(value)
    return value


def _json_key(value: Any, op: str) -> Any:
    if op == "$icontains":
        return _str(value, op)
    if op in ("$gt", "$gte", "$lt", "$lte") and (
        isinstance(value, bool) or not isinstance(value, int | float | str)
    ):
        raise TypeError(f"'{op}' compares numbers or strings, got {_json_type(value)}")
    _check_json_text(value)
    return value


_COERCERS: dict[str, Callable[[Any, str], Any]] = {
    "str": _str,
    "int": _int,
    "float": _float,
    "decimal": _decimal,
    "bool": _bool,
    "uuid": _uuid,
    "date": _date,
    "datetime": _datetime,
    "json": _json,
    "json_key": _json_key,
}


def parse_datetime_utc(text: str) -> dt.datetime:
    """An aware datetime from ISO-8601 text; no zone means UTC.

    A '+' lost to URL decoding ("...T10:00:00 08:00") is put back.
    """
    cleaned = _SPACED_OFFSET.sub(r"+\1", _no_nul(text.strip()))
    try:
        parsed = dt.datetime.fromisoformat(cleaned)
    except ValueError as exc:
        raise ValueError(f"'{text[:40]}' is not an ISO-8601 datetime") from exc
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=dt.UTC)
    try:
        return parsed.astimezone(dt.UTC)
    except OverflowError as exc:
        raise ValueError("datetime out of range") from exc


def _check_json_text(value: Any) -> None:
    """PostgreSQL's jsonb cannot hold NUL characters or non-finite numbers."""
    if isinstance(value, str):
        _no_nul(value)
    elif isinstance(value, float) and not math.isfinite(value):
        raise ValueError("expected a finite number")
    elif isinstance(value, list):
        for item in value:
            _check_json_text(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _no_nul(str(key))
            _check_json_text(item)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d{1,20}", value.strip()):
        return int(value)
    return None


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
        return value.lower() in ("true", "1")
    return None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


# ------------------------------------------------------------------ ordering


def compile_ordering(order_by: Any, spec: Mapping[str, FieldSpec]) -> list[str]:
    """`["-start_time", "id"]` (or "-start_time,id") to ORM ordering over declared fields."""
    if order_by is None or order_by == "" or order_by == []:
        return []
    if isinstance(order_by, str):
        order_by = [part.strip() for part in order_by.split(",")]
    if not isinstance(order_by, list) or not all(isinstance(o, str) for o in order_by):
        raise FilterError("order_by must be a list of field names", code="invalid_ordering")
    ordering = []
    for item in order_by:
        descending = item.startswith("-")
        name = item[1:] if descending else item
        declared = spec.get(name)
        if declared is None or not declared.orderable or declared.kind == "json":
            allowed = sorted(n for n, s in spec.items() if s.orderable and s.kind != "json")
            raise FilterError(
                f"unknown ordering field '{name}'; allowed: {', '.join(allowed)}",
                code="invalid_ordering",
                field=name,
            )
        ordering.append(("-" if descending else "") + declared.path)
    return ordering
