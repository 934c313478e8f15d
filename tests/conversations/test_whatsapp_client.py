"""Replies go to WhatsApp through the Graph API, faked here as a real local HTTP server.

The real client code runs: URL, token, JSON body, retries on 429/5xx/timeouts, giving up on other
4xx, the 24-hour window and the console backend.
"""

import datetime as dt
import json
import logging
import time

import pytest
import time_machine
from django.utils import timezone
from werkzeug import Request, Response

from conversations import services
from conversations.models import ConversationMessage, ConversationSession
from conversations.whatsapp import outbound, tasks
from tests.conversations import whatsapp_support
from tests.conversations.whatsapp_support import post

pytestmark = pytest.mark.django_db

PATH = "/v21.0/100200300400/messages"
PHONE = "+6591230001"
REPLY = "400 x 10-inch pizza boxes, S$200.00 before GST. Shall I confirm?"


def _accepted(wamid: str = "wamid.OUT-1") -> dict:
    return {
        "messaging_product": "whatsapp",
        "contacts": [{"input": "6591230001", "wa_id": "6591230001"}],
        "messages": [{"id": wamid}],
    }


def _meta_error(code: int, message: str = "(#131026) Message undeliverable") -> dict:
    return {
        "error": {"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "Af1"}
    }


pytestmark = pytest.mark.usefixtures("eager_retries")


@pytest.fixture
def graph(httpserver, settings):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    settings.WHATSAPP_SEND_MAX_RETRIES = 3
    return httpserver


@pytest.fixture
def session(db) -> ConversationSession:
    """A user who wrote to us a minute ago (inside the 24-hour window)."""
    inbound = services.record_inbound_message(
        phone=PHONE,
        content="Hi, we need 400 boxes for 10 inch pizzas",
        timestamp=timezone.now() - dt.timedelta(minutes=1),
        wa_message_id="wamid.IN-1",
    )
    return inbound.message.session


def _reply(session, django_capture_on_commit_callbacks, **kwargs) -> ConversationMessage:
    """The assistant's reply, committed: the send task runs (eagerly) as it would in the worker."""
    with django_capture_on_commit_callbacks(execute=True):
        message = outbound.reply(session, kwargs.pop("text", REPLY), intent="order", **kwargs)
    message.refresh_from_db()
    return message


def _sent_bodies(graph) -> list[dict]:
    return [json.loads(request.get_data()) for request, _ in graph.log]


def test_a_reply_is_posted_to_the_graph_api_and_its_wamid_recorded(
    graph, session, django_capture_on_commit_callbacks
):
    graph.expect_request(
        PATH, method="POST", headers={"Authorization": "Bearer test-access-token"}
    ).respond_with_json(_accepted("wamid.OUT-1"))

    message = _reply(session, django_capture_on_commit_callbacks)

    assert _sent_bodies(graph) == [
        {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": "6591230001",
            "biz_opaque_callback_data": f"tria-message:{message.pk}",
            "type": "text",
            "text": {"preview_url": False, "body": REPLY},
        }
    ]
    assert message.wa_message_id == "wamid.OUT-1"
    assert message.delivery_status == "sent"
    assert (message.role, message.session_id) == ("assistant", session.session_id)


def test_a_reply_with_buttons_is_sent_as_an_interactive_message(
    graph, session, django_capture_on_commit_callbacks
):
    graph.expect_request(PATH, method="POST").respond_with_json(_accepted())
    buttons = {
        "type": "button",
        "action": {
            "buttons": [
                {"type": "reply", "reply": {"id": "confirm", "title": "Confirm"}},
                {"type": "reply", "reply": {"id": "change", "title": "Change"}},
            ]
        },
    }

    _reply(session, django_capture_on_commit_callbacks, interactive=buttons)

    [body] = _sent_bodies(graph)
    assert body["type"] == "interactive"
    assert body["interactive"]["body"] == {"text": REPLY}
    assert body["interactive"]["action"] == buttons["action"]


def test_the_status_webhook_finds_the_reply_by_the_wamid_the_graph_api_returned(
    graph, session, client, django_capture_on_commit_callbacks
):
    graph.expect_request(PATH, method="POST").respond_with_json(_accepted("wamid.OUT-7"))
    message = _reply(session, django_capture_on_commit_callbacks)
    now = int(timezone.now().timestamp())
    status = {
        "id": "wamid.OUT-7",
        "status": "read",
        "timestamp": str(now),
        "recipient_id": "6591230001",
    }
    payload = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "1",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "6560001234",
                                "phone_number_id": "100200300400",
                            },
                            "statuses": [status],
                        },
                    }
                ],
            }
        ],
    }

    assert post(client, payload).json()["statuses"] == 1
    message.refresh_from_db()
    assert message.delivery_status == "read"


def test_rate_limited_sends_are_retried_until_accepted(
    graph, session, django_capture_on_commit_callbacks
):
    graph.expect_oneshot_request(PATH).respond_with_json(_meta_error(130429, "rate"), status=429)
    graph.expect_oneshot_request(PATH).respond_with_json(_meta_error(130429, "rate"), status=400)
    graph.expect_request(PATH).respond_with_json(_accepted("wamid.OUT-2"))

    message = _reply(session, django_capture_on_commit_callbacks)

    assert len(graph.log) == 3
    assert message.wa_message_id == "wamid.OUT-2"
    assert message.delivery_status == "sent"


def test_server_errors_are_retried_then_the_reply_is_marked_failed(
    graph, session, django_capture_on_commit_callbacks
):
    graph.expect_request(PATH).respond_with_data("upstream unavailable", status=503)

    message = _reply(session, django_capture_on_commit_callbacks)

    assert len(graph.log) == 4  # the first attempt and WHATSAPP_SEND_MAX_RETRIES = 3 retries
    assert message.delivery_status == "failed"
    assert message.context["delivery_failure"] == "gave_up_after_retries:http_503"
    assert message.wa_message_id is None
    session.refresh_from_db()
    assert session.flagged_for_followup
    assert session.flag_reason == "reply not delivered (gave_up_after_retries:http_503)"


def test_a_send_that_times_out_after_posting_is_not_posted_again(
    graph, session, settings, django_capture_on_commit_callbacks
):
    settings.WHATSAPP_TIMEOUT_SECONDS = 0.2

    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response(json.dumps(_accepted("wamid.TOO-LATE")), content_type="application/json")

    graph.expect_request(PATH).respond_with_handler(slow)

    message = _reply(session, django_capture_on_commit_callbacks)
    tasks.send_whatsapp_message.delay(message.pk)
    time.sleep(0.6)  # the fake's stalled answer finishes

    assert len(graph.log) == 1
    assert message.outbox.state == "unknown"
    assert message.wa_message_id is None


def test_an_unreachable_graph_api_is_retried_then_marked_failed(
    session, settings, django_capture_on_commit_callbacks
):
    settings.WHATSAPP_GRAPH_API_BASE = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.WHATSAPP_ACCESS_TOKEN = "test-access-token"
    settings.WHATSAPP_SEND_MAX_RETRIES = 1

    message = _reply(session, django_capture_on_commit_callbacks)

    assert message.delivery_status == "failed"
    assert message.context["delivery_failure"].startswith("gave_up_after_retries:")


def test_a_refused_send_fails_at_once_with_metas_error_code(
    graph, session, django_capture_on_commit_callbacks
):
    graph.expect_request(PATH).respond_with_json(_meta_error(131026), status=400)

    message = _reply(session, django_capture_on_commit_callbacks)

    assert len(graph.log) == 1
    assert message.delivery_status == "failed"
    assert message.context["delivery_errors"] == [131026]
    assert message.context["delivery_failure"] == "http_400"


def test_an_expired_token_fails_at_once(graph, session, django_capture_on_commit_callbacks):
    graph.expect_request(PATH).respond_with_json(_meta_error(190, "token expired"), status=401)

    message = _reply(session, django_capture_on_commit_callbacks)

    assert len(graph.log) == 1
    assert message.context["delivery_errors"] == [190]


def test_outside_the_24_hour_window_nothing_is_sent_and_the_reason_is_recorded(
    graph, session, django_capture_on_commit_callbacks
):
    graph.expect_request(PATH).respond_with_json(_accepted())
    last_inbound = timezone.now() - dt.timedelta(minutes=1)

    with time_machine.travel(last_inbound + dt.timedelta(hours=24, minutes=1), tick=False):
        message = _reply(session, django_capture_on_commit_callbacks)

    assert graph.log == []
    assert message.delivery_status == "failed"
    assert message.context["delivery_failure"] == "outside_service_window"
    assert message.context["delivery_errors"] == [131047]


def test_just_inside_the_24_hour_window_the_reply_is_sent(
    graph, session, django_capture_on_commit_callbacks
):
    graph.expect_request(PATH).respond_with_json(_accepted("wamid.OUT-4"))
    last_inbound = timezone.now() - dt.timedelta(minutes=1)

    with time_machine.travel(last_inbound + dt.timedelta(hours=23, minutes=59), tick=False):
        message = _reply(session, django_capture_on_commit_callbacks)

    assert message.wa_message_id == "wamid.OUT-4"


def test_a_sent_reply_is_not_sent_again_when_its_task_is_redelivered(
    graph, session, django_capture_on_commit_callbacks
):
    graph.expect_request(PATH).respond_with_json(_accepted("wamid.OUT-5"))
    message = _reply(session, django_capture_on_commit_callbacks)

    tasks.send_whatsapp_message.delay(message.pk)

    assert len(graph.log) == 1


def test_a_users_own_message_is_never_sent_back_to_them(graph, session):
    inbound = ConversationMessage.objects.get(wa_message_id="wamid.IN-1")
    tasks.send_whatsapp_message.delay(inbound.pk)
    assert graph.log == []


def test_without_an_access_token_the_reply_is_logged_without_its_content(
    graph, session, settings, caplog, django_capture_on_commit_callbacks
):
    settings.WHATSAPP_ACCESS_TOKEN = ""

    with caplog.at_level(logging.INFO, logger="conversations.whatsapp.graph"):
        message = _reply(session, django_capture_on_commit_callbacks)

    assert graph.log == []
    assert f"message {message.pk}" in caplog.text
    assert f"({len(REPLY)} characters)" in caplog.text
    assert "pizza" not in caplog.text
    assert "6591230001" not in caplog.text
    assert message.wa_message_id is None
