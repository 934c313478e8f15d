"""simulate_whatsapp: a signed Cloud API post over real HTTP, then the assistant's reply printed."""

import io

import pytest
from django.core.management import CommandError, call_command

from conversations.models import ConversationMessage
from tests.conversations.whatsapp_support import queued_tasks
from tria.celery import app as celery_app

TEXT = "Hi, we need 400 boxes for 10 inch pizzas"


def _simulate(*args: str) -> str:
    out = io.StringIO()
    call_command("simulate_whatsapp", *args, stdout=out)
    return out.getvalue()


def test_it_posts_the_message_to_the_running_server_and_prints_the_reply(live_server):
    output = _simulate(TEXT, "--from", "6591234567", "--url", live_server.url, "--timeout", "30")

    inbound = ConversationMessage.objects.get(role="user")
    assert (inbound.content, inbound.message_type) == (TEXT, "text")
    assert inbound.wa_message_id.startswith("wamid.sim-")
    reply = ConversationMessage.objects.filter(role="assistant").earliest("id")
    assert reply.session_id == inbound.session_id
    assert output.splitlines()[:2] == [f"> {TEXT}", f"< {reply.content}"]


def test_it_says_so_when_no_reply_comes_in_time(live_server, redis_client):
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False  # no worker: the message waits in the broker
    try:
        with pytest.raises(CommandError, match=r"stored, but no reply within 0\.5 s"):
            _simulate(TEXT, "--from", "6591234567", "--url", live_server.url, "--timeout", "0.5")
    finally:
        celery_app.conf.task_always_eager = previous
    assert [name for name, _ in queued_tasks(redis_client)] == [
        "conversations.tasks.process_inbound_messages"
    ]


def test_a_message_answered_with_silence_says_why_at_once(live_server):
    """An unknown number is told once per session that it is not registered; the second message
    gets no reply, which the simulator reports as such (not as a worker that is down)."""
    args = ("--from", "6591230001", "--url", live_server.url, "--timeout", "30")
    assert "not registered" in _simulate(TEXT, *args)
    no_reply = r"processed, and the assistant sent no reply \(session flagged: unregistered number"
    with pytest.raises(CommandError, match=no_reply):
        _simulate("same as last time", *args)


def test_an_unreachable_server_is_reported_in_one_line(db):
    with pytest.raises(CommandError, match=r"cannot reach http://127.0.0.1:9/webhooks/whatsapp/"):
        _simulate(TEXT, "--from", "6591234567", "--url", "http://127.0.0.1:9")


def test_a_sender_that_is_not_a_phone_number_is_refused(db):
    with pytest.raises(CommandError, match="is not a phone number"):
        _simulate(TEXT, "--from", "pizza")


def test_without_an_app_secret_nothing_is_posted(db, settings):
    settings.WHATSAPP_APP_SECRET = ""
    with pytest.raises(CommandError, match="WHATSAPP_APP_SECRET is not set"):
        _simulate(TEXT, "--from", "6591234567", "--url", "http://127.0.0.1:9")
