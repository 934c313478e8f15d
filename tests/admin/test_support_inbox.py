"""The support inbox page (/admin/inbox/): who sees it, the queue, search, polling and actions."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from conversations import services, support
from conversations.models import AuditEvent, ConversationMessage, ConversationSession
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db

PHONE = "+6591230007"


@pytest.fixture
def flagged() -> ConversationSession:
    session = services.record_inbound_message(
        phone=PHONE, content="I need someone to call me", timestamp=timezone.now()
    ).message.session
    services.flag_session(session, "unregistered number: add an outlet contact")
    return session


def action(session, name: str) -> str:
    return f"/admin/inbox/{session.session_id}/{name}/"


def test_staff_without_a_role_see_nothing(login_as, flagged):
    client = login_as(None)
    assert client.get("/admin/inbox/").status_code == 403
    assert client.get("/admin/inbox/poll/?filter=flagged").status_code == 403
    assert client.post(action(flagged, "take-over")).status_code == 403
    flagged.refresh_from_db()
    assert not flagged.handed_over


def test_the_queue_shows_flagged_sessions_with_counts_and_only_the_masked_number(login_as, flagged):
    page = login_as("Support agent").get("/admin/inbox/").content.decode()
    assert 'id="count-flagged">1<' in page and 'id="count-resolved">0<' in page
    assert "+65 ****0007" in page
    assert "91230007" not in page


def test_opening_a_session_shows_the_window_and_is_audited(login_as, flagged):
    client = login_as("Support agent")
    page = client.get(f"/admin/inbox/?session={flagged.session_id}").content.decode()
    assert "I need someone to call me" in page
    assert "Free text allowed for 23 h" in page
    assert AuditEvent.objects.filter(action="transcript.view").count() == 1
    with time_machine.travel(timezone.now() + dt.timedelta(hours=30)):
        later = client.get(f"/admin/inbox/?session={flagged.session_id}").content.decode()
    assert "The 24-hour window is closed" in later
    # the template menu says the template goes out in the customer's language
    assert "follow_up (1 parameter; in the customer's language of en, zh_CN, ms, ta)" in later


def test_search_by_phone_number_is_posted_and_never_in_the_url(login_as, flagged):
    client = login_as("Support agent")
    response = client.post("/admin/inbox/find/", {"search": "+65 9123 0007", "filter": "flagged"})
    assert response.status_code == 302
    assert "9123" not in response["Location"]
    assert flagged.user_id in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert str(flagged.session_id) in page
    assert AuditEvent.objects.filter(action="user.lookup", object_id=flagged.user_id).exists()


def test_polling_returns_new_messages_and_counts(login_as, flagged):
    client = login_as("Support agent")
    first = ConversationMessage.objects.get(session_id=flagged.session_id)
    services.record_inbound_message(phone=PHONE, content="hello??", timestamp=timezone.now())
    body = client.get(
        f"/admin/inbox/poll/?filter=flagged&session={flagged.session_id}&after={first.pk}"
    ).json()
    assert [m["content"] for m in body["messages"]] == ["hello??"]
    assert body["counts"]["flagged"] == 1
    assert body["rows"][0]["who"] == "+65 ****0007"
    assert body["session"]["window"].startswith("Free text allowed")


def test_take_over_reply_note_and_resolve_from_the_page(login_as, flagged):
    client = login_as("Support agent")
    client.post(action(flagged, "take-over"), {"filter": "flagged"})
    client.post(action(flagged, "reply"), {"text": "Hello, Mei from support here."})
    client.post(action(flagged, "note"), {"text": "wants a call back"})
    response = client.post(action(flagged, "status"), {"status": "resolved"}, follow=True)
    assert "Status: resolved." in response.content.decode()
    flagged.refresh_from_db()
    assert flagged.status == "resolved" and not flagged.flagged_for_followup
    staff = ConversationMessage.objects.get(session_id=flagged.session_id, role="staff")
    assert staff.context["sent_by"] == client.user.pk
    assert flagged.notes.get().text == "wants a call back"


def test_free_text_outside_the_window_shows_the_reason(login_as, flagged):
    client = login_as("Support agent")
    with time_machine.travel(timezone.now() + dt.timedelta(hours=25)):
        response = client.post(action(flagged, "reply"), {"text": "Hello?"}, follow=True)
    assert "24-hour customer-service window closed" in response.content.decode()
    assert not ConversationMessage.objects.filter(role="staff").exists()


def test_an_agent_cannot_reassign_from_the_page_and_a_supervisor_can(login_as, make_staff, flagged):
    colleague = make_staff("Support agent", "colleague")
    agent = login_as("Support agent")
    page = agent.get(f"/admin/inbox/?session={flagged.session_id}").content.decode()
    assert 'id="assign-form"' not in page
    refused = agent.post(action(flagged, "assign"), {"assignee": colleague.pk}, follow=True)
    assert "assign_session" in refused.content.decode()
    flagged.refresh_from_db()
    assert flagged.assignee is None

    agent.force_login(make_staff("Supervisor"))
    agent.post(action(flagged, "assign"), {"assignee": colleague.pk})
    flagged.refresh_from_db()
    assert flagged.assignee == colleague


def test_an_unknown_sender_is_registered_from_the_page(login_as, flagged):
    outlet = OutletFactory(name="Kopi Corner")
    client = login_as("Support agent")
    page = client.get(f"/admin/inbox/?session={flagged.session_id}").content.decode()
    assert 'id="register-form"' in page and "Kopi Corner" in page
    client.post(
        action(flagged, "register"),
        {"outlet": outlet.pk, "role": "manager", "can_order": "on", "name": "Ah Kow"},
    )
    contact = outlet.contacts.get()
    assert (contact.phone_hash, contact.role, contact.can_order) == (
        flagged.user_id,
        "manager",
        True,
    )
    assert support.masked_number(flagged.user_id) == contact.phone_masked == "+65 ****0007"
