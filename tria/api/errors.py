"""One error shape for the API: `{"error": {"code", "message", "details"}}`, never HTML."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError, IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from tria.api.filterlang import FilterError
from tria.middleware import current_request_id

logger = logging.getLogger("tria.api")


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
