"""Fault (d): the Graph API answering 500, 429, timing out, or timing out after accepting gives
exactly one delivered reply or a flagged session, never two. The Graph API is a real local HTTP
server whose first answer is the fault; everything after it answers normally."""

import datetime as dt
import json
import time

import pytest
from django.utils import timezone
from werkzeug import Request, Response

from conversations import services
from conversations.models import ConversationMessage
from conversations.whatsapp import outbound, outbox, tasks
from tests.conversations import whatsapp_support
from tests.conversations.whatsapp_support import post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_retries")]

PATH = "/v21.0/100200300400/messages"
PHONE = "+6591230077"
STALL = 0.5


def _accepted(wamid: str) -> Response:
    body = {"messaging_product": "whatsapp", "messages": [{"id": wamid}]}
    return Response(json.dumps(body), content_type="application/json")


def _stalled(request: Request) -> Response:
    time.sleep(STALL)
    return _accepted("wamid.STALLED")


FAULTS = {
    "500": lambda request: Response("internal error", status=500),
    "429": lambda request: Response('{"error": {"code": 4}}', status=429),
    "timeout": _stalled,  # no answer in time: Meta may or may not have it
}


def _status(message: ConversationMessage, wamid: str) -> dict:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "6560001234", "phone_number_id": "100200300400"},
        "statuses": [
            {
                "id": wamid,
                "status": "delivered",
                "timestamp": str(int(timezone.now().timestamp())),
                "recipient_id": PHONE.lstrip("+"),
                "biz_opaque_callback_data": f"tria-message:{message.pk}",
            }
        ],
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}],
    }


@pytest.fixture
def graph(httpserver, settings):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    settings.WHATSAPP_TIMEOUT_SECONDS = 0.2
    settings.WHATSAPP_SEND_MAX_RETRIES = 3
    return httpserver


@pytest.mark.parametrize("fault", ["500", "429", "timeout", "timeout-after-accepting"])
def test_a_graph_api_fault_gives_one_delivered_reply_or_a_flagged_session_never_two(
    fault, graph, client, django_capture_on_commit_callbacks
):
    stored = services.record_inbound_message(
        phone=PHONE, content="hi", timestamp=timezone.now(), wa_message_id="wamid.IN-77"
    ).message
    graph.expect_oneshot_request(PATH).respond_with_handler(FAULTS.get(fault, _stalled))
    graph.expect_request(PATH).respond_with_handler(lambda request: _accepted("wamid.OK"))

    with django_capture_on_commit_callbacks(execute=True):
        message = outbound.reply(stored.session, "Order confirmed.", intent="order_confirmation")
    if fault == "timeout-after-accepting":  # Meta took it: its status webhook comes later
        post(client, _status(message, "wamid.STALLED"))
    later = timezone.now() + dt.timedelta(minutes=15)
    outbox.sweep(enqueue=tasks.send_whatsapp_message.delay, now=later)
    time.sleep(STALL)  # any stalled answer has finished before the fake's log is read

    message.refresh_from_db()
    stored.session.refresh_from_db()
    delivered = message.delivery_status in ("sent", "delivered")
    posts = len(graph.log)
    if fault in ("500", "429"):
        assert (posts, message.wa_message_id, delivered) == (2, "wamid.OK", True)
    elif fault == "timeout":  # one post, its fate unknown: staff are told, it is not re-posted
        assert (posts, delivered, stored.session.flagged_for_followup) == (1, False, True)
    else:
        assert (posts, message.wa_message_id, message.delivery_status) == (
            1,
            "wamid.STALLED",
            "delivered",
        )
        assert not stored.session.flagged_for_followup
