"""The WSGI application: Django's, except Meta's webhook POSTs, which skip the middleware stack.

Why: on the webhook POST the full stack (sessions, CSRF, auth, messages, auditlog, prometheus,
axes, whitenoise...) cost about 0.3 ms of gunicorn CPU per notification, a quarter of the request
(docs/performance.md, issue 21), for a path that has no session, no user and no HTML. Those POSTs
go to a second Django handler loaded with WEBHOOK_MIDDLEWARE only (tria.settings): same settings,
same URLconf and view, same request_started/finished signals (database connections are handled as
for any request). Every other request, the webhook's GET handshake included, takes the full stack.
"""

import os

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tria.settings")
full_application = get_wsgi_application()

WEBHOOK_PATH = "/webhooks/whatsapp/"


class WebhookHandler(WSGIHandler):
    """Django's WSGI handler with settings.WEBHOOK_MIDDLEWARE instead of settings.MIDDLEWARE.

    BaseHandler.load_middleware reads settings.MIDDLEWARE; it runs once, here at import, before
    gunicorn's threads serve anything, so swapping the setting for that call is safe.
    """

    def load_middleware(self, is_async: bool = False) -> None:
        everything = settings.MIDDLEWARE
        settings.MIDDLEWARE = settings.WEBHOOK_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = everything


webhook_application = WebhookHandler()


def application(environ, start_response):
    if environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") == WEBHOOK_PATH:
        return webhook_application(environ, start_response)
    return full_application(environ, start_response)
