"""Processing is announced once per stored batch: one broker message carrying every id, and each
message handled on its own (one failure costs the others nothing; only the failed ids retry)."""

import io

import pytest
from django.core.management import call_command

from conversations import processing, tasks
from conversations.models import ConversationMessage
from tests.conversations.whatsapp_support import post, queued_tasks, text_payload
from tria.celery import app as celery_app

PROCESS = "conversations.tasks.process_inbound_messages"


@pytest.fixture
def handled(monkeypatch) -> list[int]:
    """The registered handlers replaced by one that records the ids it is given."""
    seen: list[int] = []
    monkeypatch.setattr(processing, "_inbound_handlers", [seen.append])
    return seen


@pytest.mark.django_db
def test_a_drained_batch_of_three_messages_is_one_broker_message_with_the_three_ids(
    client, settings, redis_client, django_capture_on_commit_callbacks
):
    settings.WHATSAPP_INGEST_INLINE = False
    for n, wa_id in enumerate(["6591230001", "6591230002", "6591230003"]):
        post(client, text_payload(f"{n + 1}00 boxes", wa_id=wa_id))
    celery_app.conf.task_always_eager = False
    try:
        with django_capture_on_commit_callbacks(execute=True):
            call_command("ingest_webhooks", "--once", stdout=io.StringIO())
    finally:
        celery_app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER

    ids = sorted(ConversationMessage.objects.values_list("pk", flat=True))
    assert len(ids) == 3
    assert [(name, sorted(args[0])) for name, args in queued_tasks(redis_client)] == [
        (PROCESS, ids)
    ]


@pytest.mark.django_db
def test_a_larger_batch_is_split_into_tasks_of_processing_task_size(
    client, settings, redis_client, django_capture_on_commit_callbacks
):
    settings.WHATSAPP_INGEST_INLINE = False
    settings.PROCESSING_TASK_SIZE = 2
    for n in range(5):
        post(client, text_payload(f"{n + 1}00 boxes", wa_id=f"659123000{n}"))
    celery_app.conf.task_always_eager = False
    try:
        with django_capture_on_commit_callbacks(execute=True):
            call_command("ingest_webhooks", "--once", stdout=io.StringIO())
    finally:
        celery_app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER

    queued = [args[0] for name, args in queued_tasks(redis_client) if name == PROCESS]
    assert [len(chunk) for chunk in queued] == [2, 2, 1]  # a message waits behind at most one
    stored = sorted(ConversationMessage.objects.values_list("pk", flat=True))
    assert sorted(i for chunk in queued for i in chunk) == stored


@pytest.mark.django_db
def test_every_message_of_a_batch_is_processed_when_the_task_runs(
    client, settings, handled, django_capture_on_commit_callbacks
):
    settings.WHATSAPP_INGEST_INLINE = False
    for wa_id in ["6591230001", "6591230002", "6591230003"]:
        post(client, text_payload("100 boxes", wa_id=wa_id))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingest_webhooks", "--once", stdout=io.StringIO())

    assert sorted(handled) == sorted(ConversationMessage.objects.values_list("pk", flat=True))


def test_a_message_whose_handler_fails_does_not_stop_the_others_and_fails_the_task(
    monkeypatch, caplog
):
    seen: list[int] = []

    def handler(message_id: int) -> None:
        seen.append(message_id)
        if message_id == 2:
            raise ValueError("injected")

    monkeypatch.setattr(processing, "_inbound_handlers", [handler])

    with pytest.raises(ValueError, match="injected"):
        tasks.process_inbound_messages.apply(args=([1, 2, 3],), throw=True)

    assert seen == [1, 2, 3]
    assert "processing message 2 failed" in caplog.text


def test_only_the_messages_whose_handler_asked_to_retry_run_again(monkeypatch, eager_retries):
    seen: list[int] = []

    def handler(message_id: int) -> None:
        seen.append(message_id)
        if message_id in (2, 4) and seen.count(message_id) == 1:
            raise processing.RetryLater("model busy", delay=5)

    monkeypatch.setattr(processing, "_inbound_handlers", [handler])

    tasks.process_inbound_messages.delay([1, 2, 3, 4])

    assert seen == [1, 2, 3, 4, 2, 4]
