"""Request ids: from X-Request-ID or made here; returned in the response and put on log records."""

import contextvars
import logging
import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def current_request_id() -> str:
    return _request_id.get()


def request_id_from(incoming: str) -> str:
    """The client's X-Request-ID when it is a plausible id, else a new one (also tria.wsgi)."""
    return incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request.headers.get("X-Request-ID", ""))
        token = _request_id.set(request_id)
        request.request_id = request_id  # for records logged after the middleware returns
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdLogFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)  # django.request logs 4xx/5xx after we return
        record.request_id = getattr(request, "request_id", None) or _request_id.get()
        return True


class MalformedContentLengthMiddleware:
    """A Content-Length that is not a number gets a 400 here, before anything reads it; an API
    body longer than API_MAX_BODY_BYTES a 413. DATA_UPLOAD_MAX_MEMORY_SIZE does not cover DRF,
    which reads the stream itself; without a Content-Length Django reads no body at all."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = request.headers.get("Content-Length") or "0"
        if not content_length_is_valid(length):
            return _error(400, "bad_request", "The Content-Length header is not a number.")
        limit = settings.API_MAX_BODY_BYTES
        if request.path.startswith("/api/") and int(length) > limit:
            message = f"The request body is larger than {limit} bytes (API_MAX_BODY_BYTES)."
            return _error(413, "payload_too_large", message, limit=limit)
        return self.get_response(request)


def content_length_is_valid(value: str) -> bool:
    """A Content-Length header we read (digits, blanks around them allowed; also tria.wsgi)."""
    return value.strip().isdigit()


def _error(status: int, code: str, message: str, **details: object) -> JsonResponse:
    body = {"error": {"code": code, "message": message, "details": details}}
    return JsonResponse(body, status=status)
