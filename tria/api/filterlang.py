"""The API's filter language, compiled to ORM lookups. Pure functions of plain data: no ORM.

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

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tria.api.filtervalues import FilterError, _as_bool, _as_int, coerce_value

MAX_IN_VALUES = 1000
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
