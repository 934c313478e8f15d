"""The WSGI application: Django's, except Meta's webhook POSTs, which take a bare-WSGI fast lane.

Why: a notification through Django's request cycle cost about 1.0 ms of gunicorn CPU against
0.6 ms for a bare WSGI receiver doing the same work (docs/performance.md, issue 21): the request
and response objects, signals, URL resolution, the view dispatch and the middlewares, for a path
that only checks a signature and commits one row.

The fast lane (`webhook_post`) does, for a POST to /webhooks/whatsapp/ that needs nothing else:
the size limit, the raw body's HMAC and JSON checks (conversations.whatsapp.webhook's
`verified_notification`, which the Django view calls too), one prepared INSERT into the inbox in
autocommit through a psycopg connection per thread (ingest.InboxWriter: committed before Meta's
200), and the view's answer, 200 {"queued": 1}, with the headers the lean Django stack adds
(X-Request-ID, the SecurityMiddleware headers, Content-Length). Everything else goes to Django,
body untouched: a refused POST (its JSON 4xx and its log line come from the view), storing inline
(WHATSAPP_INGEST_INLINE), a Host not in ALLOWED_HOSTS, a plain-HTTP request under
SECURE_SSL_REDIRECT, a Content-Length that is not a number, a denied user agent, PREPEND_WWW, an
INSERT that failed twice. Django's WebhookHandler serves those with WEBHOOK_MIDDLEWARE only;
every other request, the webhook's GET handshake included, takes the full stack.
"""

import io
import os

import psycopg
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application
from django.http.request import split_domain_port, validate_host

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tria.settings")
full_application = get_wsgi_application()

# After Django is set up (they read models and settings).
from conversations.whatsapp import ingest, webhook  # noqa: E402
from tria.middleware import content_length_is_valid, request_id_from  # noqa: E402

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
inbox = ingest.InboxWriter()

_QUEUED = b'{"queued": 1}'  # what the view's JsonResponse({"queued": 1}) writes


def application(environ, start_response):
    if environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") == WEBHOOK_PATH:
        return webhook_post(environ, start_response)
    return full_application(environ, start_response)


def webhook_post(environ, start_response):
    """Meta's notification: the fast lane when it applies, Django's lean handler otherwise."""
    if not _fast_lane_applies(environ):
        return webhook_application(environ, start_response)
    length = int(environ.get("CONTENT_LENGTH") or 0)
    if length > settings.WHATSAPP_MAX_BODY_BYTES:
        return webhook_application(environ, start_response)  # the view's 413, body unread
    body = environ["wsgi.input"].read(length) if length else b""
    header = environ.get("HTTP_X_HUB_SIGNATURE_256", "")
    text = webhook.verified_notification(body, header, settings.WHATSAPP_APP_SECRET)
    if isinstance(text, webhook.Problem) or not _accepted(text):
        environ["wsgi.input"] = io.BytesIO(body)  # the view reads it again and answers
        return webhook_application(environ, start_response)
    headers = [
        ("Content-Type", "application/json"),
        ("X-Request-ID", request_id_from(environ.get("HTTP_X_REQUEST_ID", ""))),
        *_security_headers(environ),
        ("Content-Length", str(len(_QUEUED))),
    ]
    start_response("200 OK", headers)
    return [_QUEUED]


def _accepted(text: str) -> bool:
    """Commit the notification; False when the database refused (Django then tries, and its
    handler answers the 500 and logs it as for any view)."""
    try:
        inbox.accept(text)
    except psycopg.Error:
        inbox.close()
        return False
    return True


def _fast_lane_applies(environ) -> bool:
    """True when the lean Django stack would do nothing but what the fast lane does."""
    if settings.WHATSAPP_INGEST_INLINE or settings.PREPEND_WWW or settings.DISALLOWED_USER_AGENTS:
        return False
    if not content_length_is_valid(environ.get("CONTENT_LENGTH") or "0"):
        return False
    if settings.SECURE_SSL_REDIRECT and not _is_secure(environ):
        return False
    return _host_is_allowed(environ)


def _is_secure(environ) -> bool:
    """HttpRequest.is_secure(): SECURE_PROXY_SSL_HEADER when the proxy sent it, else the scheme."""
    if settings.SECURE_PROXY_SSL_HEADER:
        name, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(name)
        if value is not None:
            return value.split(",", 1)[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"


def _host_is_allowed(environ) -> bool:
    """HttpRequest.get_host()'s check for a request with a Host header (anything else: Django)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return False
    host = environ.get("HTTP_HOST")
    if not host:
        return False
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    domain, _ = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed)


def _security_headers(environ) -> list[tuple[str, str]]:
    """The headers SecurityMiddleware.process_response adds to the view's answer."""
    headers = []
    if settings.SECURE_HSTS_SECONDS and _is_secure(environ):
        value = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            value += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            value += "; preload"
        headers.append(("Strict-Transport-Security", value))
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    policy = settings.SECURE_REFERRER_POLICY
    if policy:
        if isinstance(policy, str):
            policy = [v.strip() for v in policy.split(",")]
        headers.append(("Referrer-Policy", ",".join(policy)))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    return headers
