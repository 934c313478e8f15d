"""tria.wsgi: Meta's webhook POSTs skip the middleware stack (and, when they only need storing in
the inbox, Django itself: the fast lane), everything else goes through it.

The requests go through the real WSGI application as gunicorn calls it (not Django's test
client), so its request signals close and reopen database connections: transactional_db. The fast
lane's own connections are closed after each test.
"""

import io
import json
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.db import connection

from conversations.models import ConversationMessage, WebhookInbox
from conversations.whatsapp import ingest
from conversations.whatsapp.webhook import sign_body
from tests.conversations.whatsapp_support import URL, text_payload
from tria import wsgi
from tria.api import apikeys

pytestmark = pytest.mark.usefixtures("transactional_db")


@pytest.fixture(autouse=True)
def _close_fast_lane_connections():
    yield
    wsgi.inbox.close_all()


@pytest.fixture
def queued(settings):
    """Notifications go to the inbox (as in production) instead of being stored inline."""
    settings.WHATSAPP_INGEST_INLINE = False


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
        if hasattr(response, "close"):  # as gunicorn does (WSGI: when the iterable has one)
            response.close()  # Django's: request_finished
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


def _without_request_id(answer: dict[str, Any]) -> tuple[int, bytes, dict[str, str]]:
    headers = {k: v for k, v in answer["headers"].items() if k != "x-request-id"}
    return answer["status"], answer["body"], headers


@pytest.mark.usefixtures("queued")
def test_a_queued_notification_answers_as_the_view_does_and_the_ingester_stores_it_once():
    body, signature = _signed("300 cups, 12 oz")
    again, again_signature = _signed("20 lids")

    fast = _post_notification(body, x_hub_signature_256=signature, x_request_id="meta-req-2")
    through_django = _call(
        wsgi.webhook_application, "POST", URL, again, x_hub_signature_256=again_signature
    )

    assert _without_request_id(fast) == _without_request_id(through_django)
    assert (fast["status"], json.loads(fast["body"])) == (200, {"queued": 1})
    assert fast["headers"]["x-request-id"] == "meta-req-2"
    assert WebhookInbox.objects.count() == 2  # committed before the 200
    assert ingest.drain().messages == 2
    contents = sorted(
        ConversationMessage.objects.filter(role="user").values_list("content", flat=True)
    )
    assert contents == ["20 lids", "300 cups, 12 oz"]


def _refusals() -> list[tuple[str, bytes, dict[str, str]]]:
    body, signature = _signed("400 boxes")
    nested: object = 1
    for _ in range(40):
        nested = [nested]
    too_deep = json.dumps({"entry": nested}).encode()
    not_json, not_object = b"{400 boxes", b'["400 boxes"]'
    sign = lambda raw: sign_body(raw, settings.WHATSAPP_APP_SECRET)  # noqa: E731
    return [
        ("wrong signature", body, {"x_hub_signature_256": "sha256=" + "0" * 64}),
        ("no signature", body, {}),
        ("not JSON", not_json, {"x_hub_signature_256": sign(not_json)}),
        ("not an object", not_object, {"x_hub_signature_256": sign(not_object)}),
        ("too deep", too_deep, {"x_hub_signature_256": sign(too_deep)}),
        ("too large", body, {"x_hub_signature_256": signature, "content_length": str(2 << 20)}),
        ("length not a number", body, {"x_hub_signature_256": signature, "content_length": "1e3"}),
        ("unknown host", body, {"x_hub_signature_256": signature, "host": "evil.example"}),
    ]


@pytest.mark.usefixtures("queued")
@pytest.mark.parametrize(("case", "body", "headers"), _refusals(), ids=[r[0] for r in _refusals()])
def test_a_refused_notification_gets_the_views_own_answer_and_nothing_is_queued(
    settings, case, body, headers
):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]  # the tests' "*" lets every host in
    fast = _post_notification(body, **dict(headers))
    through_django = _call(wsgi.webhook_application, "POST", URL, body, **dict(headers))

    assert 400 <= fast["status"] < 500
    assert _without_request_id(fast) == _without_request_id(through_django)
    assert not WebhookInbox.objects.exists()


@pytest.mark.usefixtures("queued")
def test_a_plain_http_notification_is_redirected_when_ssl_redirect_is_on_and_queued_over_https(
    settings, monkeypatch
):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    # as gunicorn would start with these settings (the handler reads them when it loads)
    monkeypatch.setattr(wsgi, "webhook_application", wsgi.WebhookHandler())
    body, signature = _signed("400 boxes")

    plain = _post_notification(body, x_hub_signature_256=signature)
    secure = _post_notification(body, x_hub_signature_256=signature, x_forwarded_proto="https")
    proto = {"x_hub_signature_256": signature, "x_forwarded_proto": "https"}
    through_django = _call(wsgi.webhook_application, "POST", URL, body, **proto)

    assert plain["status"] == 301
    assert plain["headers"]["location"].startswith("https://")
    assert secure["status"] == 200
    assert secure["headers"]["strict-transport-security"].startswith("max-age=3600")
    assert _without_request_id(secure) == _without_request_id(through_django)
    assert WebhookInbox.objects.count() == 2  # the plain one was not queued


@pytest.mark.usefixtures("queued")
def test_notifications_are_still_queued_after_postgresql_dropped_the_fast_lanes_connection():
    first, first_signature = _signed("first order")
    second, second_signature = _signed("second order")
    assert _post_notification(first, x_hub_signature_256=first_signature)["status"] == 200
    with connection.cursor() as cursor:  # what a PostgreSQL restart does to that connection
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] >= 1

    answer = _post_notification(second, x_hub_signature_256=second_signature)

    assert answer["status"] == 200
    assert ingest.drain().messages == 2
