"""WhatsApp delivers at least once, in parallel: real threads post at the same time.

These tests use `transactional_db`, so every request commits for real, as in production.
"""

import threading
from collections.abc import Callable

import pytest
from django.db import connections
from django.test import Client

from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from tests.conversations.whatsapp_support import FIXTURE_TIME, post, queued_tasks, text_payload
from tria.celery import app as celery_app

PROCESS = "conversations.tasks.process_inbound_messages"


@pytest.fixture
def broker(redis_client):
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield lambda: queued_tasks(redis_client)
    celery_app.conf.task_always_eager = previous


def _post_all_at_once(payloads: list[dict]) -> list[int]:
    """Post every payload from its own thread, all released together; the status codes."""
    # One request first: the metrics middleware registers its collectors on first use, which is
    # not thread-safe (in production gunicorn loads the middleware once, before any request).
    Client().get("/health/")
    barrier = threading.Barrier(len(payloads))
    statuses: list[int] = []
    errors: list[BaseException] = []

    def worker(payload: dict) -> None:
        try:
            client = Client()
            barrier.wait()
            statuses.append(post(client, payload).status_code)
        except BaseException as exc:  # reported by the test, not lost in the thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return statuses


def test_twenty_messages_of_one_user_at_once_are_all_counted_in_one_session(
    transactional_db, broker: Callable
):
    payloads = [
        text_payload(f"line {n}: 100 boxes", at=FIXTURE_TIME + n, wa_message_id=f"wamid.conc-{n}")
        for n in range(20)
    ]

    assert _post_all_at_once(payloads) == [200] * 20

    session = ConversationSession.objects.get()
    assert session.message_count == 20
    assert ConversationMessage.objects.filter(session=session).count() == 20
    summary = UserInteractionSummary.objects.get()
    assert (summary.total_messages, summary.total_conversations) == (20, 1)
    assert sorted(pk for name, (ids,) in broker() if name == PROCESS for pk in ids) == sorted(
        ConversationMessage.objects.values_list("pk", flat=True)
    )


def test_one_wamid_posted_ten_times_at_once_is_stored_and_queued_once(
    transactional_db, broker: Callable
):
    payload = text_payload("400 boxes for 10 inch pizzas", wa_message_id="wamid.same-one")

    assert _post_all_at_once([payload] * 10) == [200] * 10

    message = ConversationMessage.objects.get()
    assert message.wa_message_id == "wamid.same-one"
    assert ConversationSession.objects.get().message_count == 1
    assert UserInteractionSummary.objects.get().total_messages == 1
    assert broker() == [(PROCESS, ([message.pk],))]
