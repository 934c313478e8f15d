"""The outbox: a committed reply is never lost and never posted twice (issue 17, items 1, 2, 5).

The Graph API is a real local HTTP server; failures are injected at its edge (Redis refusing a
publish, a stalled answer, a worker that died half-way).
"""

import datetime as dt
import json
import time

import pytest
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown
from werkzeug import Request, Response

from conversations import services
from conversations.models import ConversationMessage, ConversationSession, OutboxEntry
from conversations.whatsapp import outbound, outbox, tasks
from tests.conversations import whatsapp_support
from tests.conversations.whatsapp_support import post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager_retries")]

PATH = "/v21.0/100200300400/messages"
PHONE = "+6591230002"


def _accepted(wamid: str) -> dict:
    return {"messaging_product": "whatsapp", "messages": [{"id": wamid}]}


@pytest.fixture
def graph(httpserver, settings):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    settings.WHATSAPP_SEND_MAX_RETRIES = 2
    return httpserver


@pytest.fixture
def session(db) -> ConversationSession:
    inbound = services.record_inbound_message(
        phone=PHONE,
        content="20 boxes please",
        timestamp=timezone.now() - dt.timedelta(minutes=1),
        wa_message_id="wamid.IN-OUTBOX",
    )
    return inbound.message.session


def _reply(session, capture) -> ConversationMessage:
    with capture(execute=True):
        message = outbound.reply(session, "Your order is confirmed.", intent="order_placement")
    message.refresh_from_db()
    return message


def _status(message_id: int, wamid: str, status: str, errors: list | None = None) -> dict:
    item = {
        "id": wamid,
        "status": status,
        "timestamp": str(int(timezone.now().timestamp())),
        "recipient_id": PHONE.lstrip("+"),
        "biz_opaque_callback_data": f"tria-message:{message_id}",
    }
    if errors:
        item["errors"] = errors
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "6560001234", "phone_number_id": "100200300400"},
        "statuses": [item],
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}],
    }


def _sweep(minutes: float) -> dict:
    later = timezone.now() + dt.timedelta(minutes=minutes)
    return outbox.sweep(enqueue=tasks.send_whatsapp_message.delay, now=later)


def test_item1_a_reply_is_never_lost_when_redis_refuses_the_enqueue(
    graph, session, monkeypatch, django_capture_on_commit_callbacks
):
    graph.expect_request(PATH).respond_with_json(_accepted("wamid.LATE-BUT-SENT"))

    def refuse(*args, **kwargs):
        raise BrokerDown("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with monkeypatch.context() as patched:
        patched.setattr(tasks.send_whatsapp_message, "delay", refuse)
        message = _reply(session, django_capture_on_commit_callbacks)
    assert graph.log == [] and message.outbox.state == "pending"

    assert _sweep(minutes=0.5)["enqueued"] == 0  # not overdue yet: its own task may be coming
    assert _sweep(minutes=2)["enqueued"] == 1
    message.refresh_from_db()

    assert len(graph.log) == 1
    assert message.wa_message_id == "wamid.LATE-BUT-SENT"
    assert message.outbox.state == "sent"
    assert _sweep(minutes=5)["enqueued"] == 0


def test_a_pending_reply_whose_24_hour_window_closed_is_failed_and_its_session_flagged(
    graph, session, monkeypatch, django_capture_on_commit_callbacks
):
    with monkeypatch.context() as patched:
        patched.setattr(tasks.send_whatsapp_message, "delay", lambda *a: None)  # lost publish
        message = _reply(session, django_capture_on_commit_callbacks)

    assert _sweep(minutes=25 * 60)["expired"] == 1

    message.refresh_from_db()
    session.refresh_from_db()
    assert graph.log == []
    assert (message.delivery_status, message.outbox.state) == ("failed", "failed")
    assert session.flagged_for_followup


def test_item2_a_reply_whose_post_timed_out_is_resolved_by_its_status_not_posted_again(
    graph, session, client, settings, django_capture_on_commit_callbacks
):
    settings.WHATSAPP_TIMEOUT_SECONDS = 0.2

    def accepted_then_stalled(request: Request) -> Response:
        time.sleep(0.6)
        return Response(json.dumps(_accepted("wamid.ACCEPTED")), content_type="application/json")

    graph.expect_request(PATH).respond_with_handler(accepted_then_stalled)
    message = _reply(session, django_capture_on_commit_callbacks)
    assert message.outbox.state == "unknown"
    assert _sweep(minutes=2)["enqueued"] == 0  # unknown is never re-posted

    post(client, _status(message.pk, "wamid.ACCEPTED", "delivered"))
    time.sleep(0.5)  # the stalled answer finishes before the log is read

    message.refresh_from_db()
    assert len(graph.log) == 1
    assert message.wa_message_id == "wamid.ACCEPTED"
    assert (message.delivery_status, message.outbox.state) == ("delivered", "sent")


def test_item2_a_worker_that_died_after_posting_does_not_post_again_on_redelivery(
    graph, session, monkeypatch, django_capture_on_commit_callbacks
):
    with monkeypatch.context() as patched:
        patched.setattr(tasks.send_whatsapp_message, "delay", lambda *a: None)
        message = _reply(session, django_capture_on_commit_callbacks)
    # What a worker killed between the POST and recording the wamid leaves behind.
    OutboxEntry.objects.filter(message_id=message.pk).update(state="sending")

    tasks.send_whatsapp_message.delay(message.pk)  # the redelivered task
    assert graph.log == []
    assert OutboxEntry.objects.get(message_id=message.pk).state == "unknown"

    assert _sweep(minutes=11)["flagged"] == 1  # no status came: staff are told, once
    assert _sweep(minutes=12)["flagged"] == 0
    session.refresh_from_db()
    assert session.flagged_for_followup
    assert graph.log == []


def test_a_reply_rate_limited_then_accepted_is_posted_until_accepted_and_sent_once(
    graph, session, django_capture_on_commit_callbacks
):
    graph.expect_oneshot_request(PATH).respond_with_json({"error": {"code": 4}}, status=429)
    graph.expect_oneshot_request(PATH).respond_with_data("unavailable", status=500)
    graph.expect_request(PATH).respond_with_json(_accepted("wamid.THIRD-TIME"))

    message = _reply(session, django_capture_on_commit_callbacks)
    tasks.send_whatsapp_message.delay(message.pk)

    assert len(graph.log) == 3
    assert (message.wa_message_id, message.outbox.state) == ("wamid.THIRD-TIME", "sent")


def test_a_message_written_through_the_api_is_never_posted(graph, session):
    message = services.record_message(session=session, role="assistant", content="imported")

    tasks.send_whatsapp_message.delay(message.pk)
    outbox.sweep(enqueue=tasks.send_whatsapp_message.delay, now=timezone.now() + dt.timedelta(1))

    assert graph.log == []


def test_item5_a_failed_status_from_meta_flags_the_session(
    graph, session, client, django_capture_on_commit_callbacks
):
    graph.expect_request(PATH).respond_with_json(_accepted("wamid.WILL-FAIL"))
    message = _reply(session, django_capture_on_commit_callbacks)

    post(client, _status(message.pk, "wamid.WILL-FAIL", "failed", [{"code": 131026}]))

    message.refresh_from_db()
    session.refresh_from_db()
    assert message.delivery_status == "failed"
    assert session.flagged_for_followup
    assert "could not deliver" in session.flag_reason


def test_item5_a_status_arriving_before_the_wamid_is_recorded_is_kept(
    graph, session, client, monkeypatch, django_capture_on_commit_callbacks
):
    with monkeypatch.context() as patched:
        patched.setattr(tasks.send_whatsapp_message, "delay", lambda *a: None)
        message = _reply(session, django_capture_on_commit_callbacks)
    OutboxEntry.objects.filter(message_id=message.pk).update(
        state="sending"
    )  # the POST is in flight

    assert post(client, _status(message.pk, "wamid.RACE", "delivered")).json()["statuses"] == 1
    outbox.record_sent(message.pk, "wamid.RACE")  # then the POST's answer arrives

    message.refresh_from_db()
    assert message.wa_message_id == "wamid.RACE"
    assert (message.delivery_status, message.outbox.state) == ("delivered", "sent")
