"""An experiment, not the app: tria's webhook POST served without the middleware stack.

`BENCH_GUNICORN_APP=bench.experiments.lean_webhook_wsgi:application python -m bench.run
--webhook-only` serves every request with tria's own Django application except POSTs to the
webhook, which go to a second Django handler built with only the two middlewares that matter on
that path (MalformedContentLength, RequestId). Same view, same settings, same database work: the
difference is what the other ten middlewares cost per request (README, Performance).
"""

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

from tria.wsgi import application as full

WEBHOOK_PATH = "/webhooks/whatsapp/"
LEAN_MIDDLEWARE = [
    "tria.middleware.MalformedContentLengthMiddleware",
    "tria.middleware.RequestIdMiddleware",
]


class _LeanHandler(WSGIHandler):
    def load_middleware(self, is_async: bool = False) -> None:
        everything = settings.MIDDLEWARE
        settings.MIDDLEWARE = LEAN_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = everything


lean = _LeanHandler()


def application(environ, start_response):
    if environ.get("PATH_INFO") == WEBHOOK_PATH and environ.get("REQUEST_METHOD") == "POST":
        return lean(environ, start_response)
    return full(environ, start_response)
