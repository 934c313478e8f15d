"""The webhook's front door: Meta's handshake, signatures, body size and JSON checks."""

import json

import pytest

from conversations.models import (
    ConversationMessage,
    ConversationSession,
    UserIdentity,
    WebhookInbox,
)
from tests.conversations.whatsapp_support import URL, load, post

pytestmark = pytest.mark.django_db


def _handshake(client, **params):
    return client.get(URL, {f"hub.{k}": v for k, v in params.items()})


def _nothing_stored() -> bool:
    return not (
        ConversationMessage.objects.exists()
        or ConversationSession.objects.exists()
        or UserIdentity.objects.exists()
        or WebhookInbox.objects.exists()
    )


def test_handshake_with_the_verify_token_answers_the_challenge_as_plain_text(client):
    response = _handshake(
        client, mode="subscribe", verify_token="test-verify-token", challenge="1158201444"
    )
    assert response.status_code == 200
    assert response.content == b"1158201444"
    assert response["Content-Type"].startswith("text/plain")


def test_handshake_with_a_wrong_verify_token_is_refused(client):
    response = _handshake(client, mode="subscribe", verify_token="guess", challenge="1158201444")
    assert response.status_code == 403
    assert b"1158201444" not in response.content
    assert "verify_token" in response.json()["detail"]


def test_handshake_with_another_mode_is_refused(client):
    response = _handshake(
        client, mode="unsubscribe", verify_token="test-verify-token", challenge="1"
    )
    assert response.status_code == 403


def test_handshake_without_parameters_is_refused(client):
    assert client.get(URL).status_code == 403


def test_handshake_is_refused_when_no_verify_token_is_configured(client, settings):
    settings.WHATSAPP_VERIFY_TOKEN = ""
    response = _handshake(client, mode="subscribe", verify_token="", challenge="1")
    assert response.status_code == 403


def test_notification_without_signature_is_refused_and_nothing_is_stored(client):
    body = json.dumps(load("text")).encode()
    response = client.post(URL, data=body, content_type="application/json")
    assert response.status_code == 403
    assert "X-Hub-Signature-256" in response.json()["detail"]
    assert _nothing_stored()


def test_notification_with_a_wrong_signature_is_refused_and_nothing_is_stored(client):
    response = post(client, load("text"), **{"X-Hub-Signature-256": "sha256=" + "0" * 64})
    assert response.status_code == 403
    assert _nothing_stored()


def test_notification_signed_with_another_secret_is_refused(client, settings):
    body = json.dumps(load("text")).encode()
    from conversations.whatsapp.webhook import sign_body

    response = post(client, body, **{"X-Hub-Signature-256": sign_body(body, "another-app-secret")})
    assert response.status_code == 403
    assert _nothing_stored()


def test_signature_over_a_reserialised_body_does_not_match_the_raw_bytes(client, settings):
    """Meta signs the bytes it sends; we verify those bytes, not a re-encoding of the JSON."""
    from conversations.whatsapp.webhook import sign_body

    payload = load("text")
    sent = json.dumps(payload, indent=2).encode()
    signature = sign_body(json.dumps(payload).encode(), settings.WHATSAPP_APP_SECRET)
    response = post(client, sent, **{"X-Hub-Signature-256": signature})
    assert response.status_code == 403
    assert _nothing_stored()


def test_signature_without_the_sha256_prefix_is_refused(client, settings):
    from conversations.whatsapp.webhook import sign_body

    body = json.dumps(load("text")).encode()
    bare = sign_body(body, settings.WHATSAPP_APP_SECRET).removeprefix("sha256=")
    assert post(client, body, **{"X-Hub-Signature-256": bare}).status_code == 403
    assert _nothing_stored()


def test_every_notification_is_refused_when_no_app_secret_is_configured(client, settings):
    settings.WHATSAPP_APP_SECRET = ""
    body = json.dumps(load("text")).encode()
    from conversations.whatsapp.webhook import sign_body

    response = post(client, body, **{"X-Hub-Signature-256": sign_body(body, "")})
    assert response.status_code == 403
    assert _nothing_stored()


def test_body_over_the_size_limit_is_refused_with_413(client, settings):
    settings.WHATSAPP_MAX_BODY_BYTES = 1024
    payload = load("text")
    payload["entry"][0]["changes"][0]["value"]["messages"][0]["text"]["body"] = "x" * 2000
    response = post(client, payload)
    assert response.status_code == 413
    assert "1024 bytes" in response.json()["detail"]
    assert _nothing_stored()


def test_body_of_one_mebibyte_plus_one_byte_is_refused_by_default(client):
    response = post(client, b" " * (1024 * 1024 + 1))
    assert response.status_code == 413


def test_invalid_json_is_a_400_naming_the_problem(client):
    response = post(client, b'{"object": "whatsapp_business_account", "entry": [')
    assert response.status_code == 400
    assert response.json() == {"detail": "body is not valid JSON"}
    assert _nothing_stored()


def test_json_that_is_not_an_object_is_a_400(client):
    response = post(client, b"[1, 2, 3]")
    assert response.status_code == 400
    assert response.json() == {"detail": "body is not a JSON object"}


def test_other_http_methods_are_not_allowed_with_a_json_reason(client):
    response = client.put(URL, data=b"{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST"
    assert "PUT" in response.json()["detail"]
