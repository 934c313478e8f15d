"""tria.wsgi: Meta's webhook POSTs skip the middleware stack, everything else goes through it.

The requests go through the real WSGI application as gunicorn calls it (not Django's test
client), so its request signals close and reopen database connections: transactional_db.
"""

import io
import json
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings

from conversations.models import ConversationMessage
from conversations.whatsapp.webhook import sign_body
from tests.conversations.whatsapp_support import URL, text_payload
from tria import wsgi
from tria.api import apikeys

pytestmark = pytest.mark.usefixtures("transactional_db")


def _call(app, method: str, path: str, body: bytes = b"", **headers: str) -> dict[str, Any]:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.partition("?")[2],
        "CONTENT_LENGTH": headers.pop("content_length", str(len(body))),
        "CONTENT_TYPE": "application/json",
        "wsgi.input": io.BytesIO(body),
    }
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    setup_testing_defaults(environ)
    seen: dict[str, Any] = {}

    def start_response(status: str, response_headers: list, exc_info=None) -> None:
        seen["status"] = int(status.split()[0])
        seen["headers"] = {k.lower(): v for k, v in response_headers}

    response = app(environ, start_response)
    try:
        seen["body"] = b"".join(response)
    finally:
        response.close()  # request_finished, as gunicorn does
    return seen


def _post_notification(body: bytes, **headers: str) -> dict[str, Any]:
    return _call(wsgi.application, "POST", URL, body, **headers)


def _signed(text: str) -> tuple[bytes, str]:
    body = json.dumps(text_payload(text)).encode()
    return body, sign_body(body, settings.WHATSAPP_APP_SECRET)


def test_a_signed_notification_through_the_wsgi_application_is_stored_with_a_request_id():
    body, signature = _signed("400 boxes for 10 inch pizzas")

    answer = _post_notification(body, x_hub_signature_256=signature, x_request_id="meta-req-1")

    assert answer["status"] == 200
    assert json.loads(answer["body"])["messages"] == 1
    assert answer["headers"]["x-request-id"] == "meta-req-1"
    assert answer["headers"]["x-content-type-options"] == "nosniff"  # SecurityMiddleware
    assert answer["headers"]["content-length"] == str(len(answer["body"]))  # not chunked
    stored = ConversationMessage.objects.filter(role="user").get()
    assert stored.content == "400 boxes for 10 inch pizzas"


def test_a_badly_signed_notification_gets_a_json_403_and_nothing_is_stored():
    body, _ = _signed("400 boxes")

    answer = _post_notification(body, x_hub_signature_256="sha256=" + "0" * 64)

    assert answer["status"] == 403
    assert json.loads(answer["body"]) == {"detail": "X-Hub-Signature-256 is missing or wrong"}
    assert answer["headers"]["x-request-id"]
    assert not ConversationMessage.objects.exists()


def test_a_webhook_post_whose_content_length_is_not_a_number_gets_a_json_400():
    body, signature = _signed("400 boxes")

    answer = _post_notification(body, x_hub_signature_256=signature, content_length="12abc")

    assert answer["status"] == 400
    assert json.loads(answer["body"])["error"]["code"] == "bad_request"
    assert not ConversationMessage.objects.exists()


def test_a_plain_http_webhook_post_is_redirected_to_https_when_ssl_redirect_is_on(settings):
    settings.SECURE_SSL_REDIRECT = True  # read when the handler loads its middlewares
    body, signature = _signed("400 boxes")

    answer = _call(wsgi.WebhookHandler(), "POST", URL, body, x_hub_signature_256=signature)

    assert answer["status"] == 301
    assert answer["headers"]["location"].startswith("https://")
    assert not ConversationMessage.objects.exists()


def test_the_webhook_handshake_and_other_pages_still_go_through_the_whole_stack():
    handshake = f"{URL}?hub.mode=subscribe&hub.challenge=42&hub.verify_token="
    handshake += settings.WHATSAPP_VERIFY_TOKEN
    webhook_post = _post_notification(*_signed("hello")[:1])

    answered = _call(wsgi.application, "GET", handshake)
    login = _call(wsgi.application, "GET", "/admin/login/")

    assert (answered["status"], answered["body"]) == (200, b"42")
    assert answered["headers"]["x-frame-options"] == "DENY"  # clickjacking middleware
    assert login["status"] == 200
    assert "csrftoken" in login["headers"].get("set-cookie", "")  # CSRF middleware
    assert login["headers"]["x-frame-options"] == "DENY"
    assert "x-frame-options" not in webhook_post["headers"]  # the lean stack


def test_the_api_through_the_wsgi_application_answers_with_a_key_and_refuses_without():
    _, key = apikeys.issue_api_key("wsgi-test-key")

    with_key = _call(wsgi.application, "GET", "/api/v1/sessions/", authorization=f"Bearer {key}")
    without = _call(wsgi.application, "GET", "/api/v1/sessions/")

    assert with_key["status"] == 200
    assert json.loads(with_key["body"])["results"] == []
    assert without["status"] in (401, 403)
    assert with_key["headers"]["x-request-id"]
