"""Staff's private notes on a session (SessionNote) under the data-protection rules: in the
user's export, deleted and counted by erasure, kept with their session by the retention purge."""

import csv
import datetime as dt
import io
import json

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone
from pypdf import PdfReader

from conversations import services, support
from conversations.models import ConversationMessage, ConversationSession, SessionNote
from conversations.privacy import gdpr
from conversations.retention import purging
from conversations.whatsapp import identity

pytestmark = pytest.mark.django_db

PHONE = "+65 9123 0044"
NOTE = "Customer prefers delivery after 3pm, MARKER-NOTE"


@pytest.fixture(autouse=True)
def export_dir(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        purging.EXPORT_STORAGE: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "exports")},
        },
    }


@pytest.fixture
def agent() -> User:
    user = User.objects.create_user("mei.agent", is_staff=True)
    user.groups.add(Group.objects.get(name="Support agent"))
    return user


@pytest.fixture
def noted(agent) -> ConversationSession:
    """A customer's session with their message and a colleague's private note."""
    user_id = identity.pseudonymize_phone(PHONE)
    session = services.open_session(user_id=user_id)
    services.record_message(session=session, role="user", content="please call me")
    support.add_note(session, NOTE, agent)
    return session


def test_the_export_holds_each_sessions_notes_with_author_and_time(noted) -> None:
    data = json.loads(gdpr.export_user_data(noted.user_id, "json"))

    (session,) = data["sessions"]
    (note,) = session["notes"]
    assert (note["author"], note["text"]) == ("mei.agent", NOTE)
    assert dt.datetime.fromisoformat(note["created_at"]) <= timezone.now()
    assert gdpr.export_counts(data)["notes"] == 1


def test_the_csv_and_pdf_exports_show_the_notes(noted) -> None:
    content = gdpr.export_user_data(noted.user_id, "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    (note,) = [row for row in rows if row["record"] == "staff_note"]
    assert note["content"] == NOTE and "mei.agent" in note["details"]
    assert NOTE not in next(r for r in rows if r["record"] == "session")["details"]

    pdf = gdpr.export_user_data(noted.user_id, "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "MARKER-NOTE" in text and "note by" in text and "mei.agent" in text


def test_a_note_whose_author_was_deleted_is_exported_without_a_name(noted, agent) -> None:
    agent.delete()
    data = json.loads(gdpr.export_user_data(noted.user_id, "json"))
    assert data["sessions"][0]["notes"][0]["author"] is None


def test_erasure_deletes_the_notes_and_counts_them_apart_from_the_sessions(noted) -> None:
    result = gdpr.erase_user_data(noted.user_id)

    assert (result.counts["notes"], result.counts["sessions"]) == (1, 1)
    assert not SessionNote.objects.exists()
    assert not SessionNote.objects.filter(text__contains="MARKER-NOTE").exists()


def test_a_failure_during_erasure_keeps_the_notes(noted, monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise RuntimeError("injected failure after the deletes")

    monkeypatch.setattr(gdpr, "_repoint_audit_trail", fail)
    with pytest.raises(RuntimeError):
        gdpr.erase_user_data(noted.user_id)
    assert SessionNote.objects.get(session=noted).text == NOTE


def test_the_retention_purge_keeps_notes_with_their_session_when_its_messages_go(noted) -> None:
    with time_machine.travel(timezone.now() + dt.timedelta(days=91), tick=False):
        result = purging.purge()

    assert result.messages == 1
    assert not ConversationMessage.objects.filter(session=noted).exists()
    assert SessionNote.objects.get(session=noted).text == NOTE
    assert ConversationSession.objects.filter(pk=noted.pk).exists()
