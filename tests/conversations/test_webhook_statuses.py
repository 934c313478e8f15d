"""Statuses move our replies forward only; reactions land on the message they target.

Neither ever starts processing, and neither is counted as a message.
"""

import datetime as dt

import pytest

from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from conversations.whatsapp import ingest
from tests.conversations.whatsapp_support import (
    FIXTURE_TIME,
    OUTBOUND_WAMID,
    load,
    post,
    queued_tasks,
    text_payload,
)
from tests.factories import MessageFactory
from tria.celery import app as celery_app

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker(redis_client):
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield lambda: queued_tasks(redis_client)
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def reply(client) -> ConversationMessage:
    """Our answer to the user's first message, accepted by the Graph API as OUTBOUND_WAMID."""
    post(client, load("text"))
    session = ConversationSession.objects.get()
    return MessageFactory(
        session=session,
        role="assistant",
        content="400 x 10-inch pizza boxes: S$200.00. Confirm?",
        wa_message_id=OUTBOUND_WAMID,
        timestamp=dt.datetime.fromtimestamp(FIXTURE_TIME + 4, tz=dt.UTC),
    )


def _status_of(message: ConversationMessage) -> str:
    message.refresh_from_db()
    return message.delivery_status


def _status_payload(status: str, at: int) -> dict:
    payload = load(f"status_{status}")
    payload["entry"][0]["changes"][0]["value"]["statuses"][0]["timestamp"] = str(at)
    return payload


def test_statuses_move_a_reply_from_sent_to_delivered_to_read(client, reply):
    for status in ("sent", "delivered", "read"):
        response = post(client, load(f"status_{status}"))
        assert response.status_code == 200
        assert response.json()["statuses"] == 1
        assert _status_of(reply) == status
    assert reply.status_updated_at == dt.datetime.fromtimestamp(1767232900, tz=dt.UTC)


def test_a_late_delivered_never_downgrades_read(client, reply):
    post(client, _status_payload("read", FIXTURE_TIME + 60))
    response = post(client, _status_payload("delivered", FIXTURE_TIME + 30))
    assert response.json()["statuses"] == 0
    assert _status_of(reply) == "read"


def test_a_late_sent_never_downgrades_delivered(client, reply):
    post(client, load("status_delivered"))
    post(client, load("status_sent"))
    assert _status_of(reply) == "delivered"


def test_read_without_delivered_is_accepted(client, reply):
    """Meta skips "delivered" when a message is read at once."""
    post(client, load("status_sent"))
    post(client, load("status_read"))
    assert _status_of(reply) == "read"


def test_failed_keeps_metas_error_code_and_is_final(client, reply):
    post(client, load("status_sent"))
    post(client, load("status_failed"))
    post(client, load("status_read"))
    reply.refresh_from_db()
    assert reply.delivery_status == "failed"
    assert reply.context["delivery_errors"] == [131047]


def _drain_together(client, settings, *fixtures: str) -> int:
    """Queue the notifications (no ingester between them), then store them in one batch."""
    settings.WHATSAPP_INGEST_INLINE = False
    for fixture in fixtures:
        assert post(client, load(fixture)).json() == {"queued": 1}
    result = ingest.drain()
    assert result.notifications == len(fixtures)
    return result.statuses


def test_statuses_arriving_together_leave_the_reply_at_the_furthest_one(client, settings, reply):
    moved = _drain_together(client, settings, "status_read", "status_sent", "status_delivered")
    assert moved == 1  # one message moved, straight to read
    assert _status_of(reply) == "read"
    assert reply.status_updated_at == dt.datetime.fromtimestamp(1767232900, tz=dt.UTC)


def test_failed_arriving_with_read_in_one_batch_wins_and_keeps_its_error_code(
    client, settings, reply
):
    _drain_together(client, settings, "status_sent", "status_read", "status_failed")
    reply.refresh_from_db()
    assert reply.delivery_status == "failed"
    assert reply.context["delivery_errors"] == [131047]


def test_a_batch_of_older_statuses_never_downgrades_read(client, settings, reply):
    post(client, load("status_read"))
    assert _drain_together(client, settings, "status_sent", "status_delivered") == 0
    assert _status_of(reply) == "read"


def test_the_same_status_twice_changes_nothing_the_second_time(client, reply):
    post(client, load("status_delivered"))
    response = post(client, load("status_delivered"))
    assert response.json()["statuses"] == 0
    assert _status_of(reply) == "delivered"


def test_a_status_for_a_message_we_do_not_know_is_acknowledged(client, db):
    response = post(client, load("status_read"))
    assert response.status_code == 200
    assert response.json()["statuses"] == 0


def test_statuses_and_reactions_never_start_processing(
    client, reply, broker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for fixture in ("status_sent", "status_delivered", "status_read", "reaction"):
            assert post(client, load(fixture)).status_code == 200
    assert broker() == []


def test_a_reaction_is_put_on_the_message_it_targets_and_not_counted(client, reply):
    session = ConversationSession.objects.get()
    response = post(client, load("reaction"))

    assert response.json()["reactions"] == 1
    reply.refresh_from_db()
    assert reply.context["reaction"]["emoji"] == "\U0001f44d"
    assert ConversationMessage.objects.count() == 2  # the user's message and our reply
    session.refresh_from_db()
    assert session.message_count == 1  # the reply was made by a factory, not counted
    assert UserInteractionSummary.objects.get().total_messages == 1


def test_removing_a_reaction_clears_its_emoji(client, reply):
    post(client, load("reaction"))
    post(client, load("reaction_removed"))
    reply.refresh_from_db()
    assert reply.context["reaction"]["emoji"] is None


def test_an_older_reaction_arriving_late_does_not_replace_a_newer_one(client, reply):
    post(client, load("reaction_removed"))
    post(client, load("reaction"))
    reply.refresh_from_db()
    assert reply.context["reaction"]["emoji"] is None


def test_the_same_reaction_delivered_twice_leaves_one_reaction(client, reply):
    post(client, load("reaction"))
    post(client, load("reaction"))
    reply.refresh_from_db()
    assert reply.context["reaction"]["emoji"] == "\U0001f44d"
    assert ConversationMessage.objects.count() == 2


def test_a_reaction_to_another_users_message_is_ignored(client, reply):
    post(client, text_payload("Hello", wa_id="6591230002"))
    payload = load("reaction")
    message = payload["entry"][0]["changes"][0]["value"]["messages"][0]
    message["from"] = "6591230002"
    response = post(client, payload)
    assert response.json()["reactions"] == 0
    reply.refresh_from_db()
    assert "reaction" not in reply.context
