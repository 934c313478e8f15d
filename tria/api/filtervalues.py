"""Values of the filter language (tria.api.filterlang): each declared kind coerced and checked.

Pure functions of plain data, no ORM. A value the kind cannot hold raises FilterError naming the
field and the operator.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_INT = 2**63 - 1
_SPACED_OFFSET = re.compile(r" (\d\d:?\d\d)$")


class FilterError(ValueError):
    """A query the API refuses; `code` and `details` go into the 400 response."""

    def __init__(self, message: str, code: str = "invalid_filter", **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details


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
