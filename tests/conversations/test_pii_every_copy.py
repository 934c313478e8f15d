"""Issue 20, every copy: set-aside webhook rows lose their profile names; the retention export
holds summaries after scrubbing, and an index of who is in which file lets an erasure rewrite
exactly those files."""

import datetime as dt
import json

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core.files.storage import storages

from conversations import services
from conversations.models import (
    ConversationMessage,
    ExportFileUser,
    PurgeRun,
    UserInteractionSummary,
    WebhookInbox,
)
from conversations.privacy import gdpr
from conversations.retention import cold_storage, exports, purging
from conversations.whatsapp import ingest
from tests.conversations.whatsapp_support import post, text_payload
from tests.factories import SummaryFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)
WA_ID = "6591230077"


@pytest.fixture(autouse=True)
def export_dir(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        purging.EXPORT_STORAGE: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "exports")},
        },
    }
    return tmp_path / "exports"


def _purge_at(at: dt.datetime) -> purging.PurgeResult:
    with time_machine.travel(at, tick=False):
        return purging.purge()


def _users_in(name: str) -> list[str]:
    return [row["user_id"] for row in exports.read_export(storages["retention_exports"], name)]


# ------------------------------------------------------------------ the webhook inbox


def test_a_set_aside_notification_loses_the_profile_name_and_a_retry_still_stores_its_message(
    client, settings, monkeypatch
):
    settings.WHATSAPP_INGEST_INLINE = False
    post(client, text_payload("300 cups to Blk 12", wa_id=WA_ID, wa_message_id="wamid.ASIDE"))
    row = WebhookInbox.objects.get()
    real = services.record_inbound_messages

    def fails(items):
        raise RuntimeError("injected: the notification cannot be stored")

    monkeypatch.setattr(services, "record_inbound_messages", fails)
    for _ in range(django_settings.WEBHOOK_INGEST_MAX_ATTEMPTS - 1):
        assert ingest.drain().failed == 1
    row.refresh_from_db()
    assert "Mei Ling" in row.body  # still waiting: the ingester needs the whole notification

    assert ingest.drain().failed == 1  # the last attempt: set aside
    row.refresh_from_db()
    assert row.attempts == django_settings.WEBHOOK_INGEST_MAX_ATTEMPTS
    assert "Mei Ling" not in row.body
    assert WA_ID in row.body and "300 cups to Blk 12" in row.body  # what a retry and erasure need

    monkeypatch.setattr(services, "record_inbound_messages", real)
    ingest.retry([row.pk])
    assert ingest.drain().messages == 1
    message = ConversationMessage.objects.get()
    assert message.content == "300 cups to Blk 12"
    assert "profile_name" not in message.context


def test_a_body_that_is_not_json_or_names_nobody_is_left_as_it_is():
    assert ingest.without_profile_names('{"text": "Mei Ling') == '{"text": "Mei Ling'
    body = json.dumps({"entry": [{"changes": [{"value": {"contacts": [{"wa_id": WA_ID}]}}]}]})
    assert ingest.without_profile_names(body) == body


# ------------------------------------------------------------------ the retention export


def test_the_export_holds_each_summary_after_scrubbing_its_metadata(export_dir):
    summary = SummaryFactory(
        last_interaction=NOW - 800 * DAY,
        metadata={"notes": "call Mei Ling at +65 9123 4567 about PO 86620931"},
    )
    result = _purge_at(NOW)

    (row,) = exports.read_export(storages["retention_exports"], result.export_file)
    assert row["user_id"] == summary.user_id
    assert "9123 4567" not in row["metadata"]["notes"]
    assert "[PHONE]" in row["metadata"]["notes"]
    assert "PO 86620931" in row["metadata"]["notes"]  # order data kept
    on_disk = b"".join(p.read_bytes() for p in export_dir.iterdir())
    assert b"9123" not in on_disk


def test_every_export_file_is_indexed_by_the_pseudonyms_it_holds():
    first = SummaryFactory(last_interaction=NOW - 800 * DAY)
    second = SummaryFactory(last_interaction=NOW - 800 * DAY)
    result = _purge_at(NOW)

    index = set(ExportFileUser.objects.values_list("file_name", "user_id"))
    assert index == {(result.export_file, first.user_id), (result.export_file, second.user_id)}


def test_an_erasure_rewrites_only_the_files_the_index_names_and_the_others_follow_the_new_name():
    erased = SummaryFactory(last_interaction=NOW - 800 * DAY)
    neighbour = SummaryFactory(last_interaction=NOW - 800 * DAY)
    shared = _purge_at(NOW).export_file
    bystander = SummaryFactory(last_interaction=NOW - 800 * DAY)
    untouched = _purge_at(NOW + DAY).export_file
    storage = storages["retention_exports"]
    untouched_bytes = storage.open(untouched).read()
    services.open_session(user_id=erased.user_id)

    counts = gdpr.erase_user_data(erased.user_id).counts

    assert counts["summary_exports_rewritten"] == 1
    assert not ExportFileUser.objects.filter(user_id=erased.user_id).exists()
    (rewritten,) = ExportFileUser.objects.filter(user_id=neighbour.user_id).values_list(
        "file_name", flat=True
    )
    assert rewritten != shared and not storage.exists(shared)
    assert _users_in(rewritten) == [neighbour.user_id]
    assert PurgeRun.objects.filter(export_file=rewritten).exists()
    assert storage.open(untouched).read() == untouched_bytes
    assert _users_in(untouched) == [bystander.user_id]

    # The neighbour's erasure finds the rewritten file through the index: nothing is left.
    services.open_session(user_id=neighbour.user_id)
    assert gdpr.erase_user_data(neighbour.user_id).counts["summary_exports_rewritten"] == 1
    assert not storage.exists(rewritten)
    assert set(PurgeRun.objects.exclude(export_file="").values_list("export_file", flat=True)) == {
        untouched
    }
    assert set(ExportFileUser.objects.values_list("user_id", flat=True)) == {bystander.user_id}


def test_a_failed_rewrite_keeps_the_index_so_the_erasure_can_be_run_again(monkeypatch):
    erased = SummaryFactory(last_interaction=NOW - 800 * DAY)
    SummaryFactory(last_interaction=NOW - 800 * DAY)
    name = _purge_at(NOW).export_file
    services.open_session(user_id=erased.user_id)

    def write_fails(*args, **kwargs):
        raise cold_storage.ColdStorageError("injected: the storage is down")

    monkeypatch.setattr(cold_storage, "write_jsonl_gz", write_fails)
    with pytest.raises(cold_storage.ColdStorageError):
        gdpr.erase_user_data(erased.user_id)

    assert ExportFileUser.objects.filter(user_id=erased.user_id, file_name=name).exists()
    assert erased.user_id in _users_in(name)
    assert UserInteractionSummary.objects.filter(user_id=erased.user_id).exists()  # rolled back

    monkeypatch.undo()
    assert gdpr.erase_user_data(erased.user_id).counts["summary_exports_rewritten"] == 1
    assert not ExportFileUser.objects.filter(user_id=erased.user_id).exists()
