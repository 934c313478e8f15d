"""The session admin: the transcript read-only and in order, search by phone, flags, CSV, audit."""

import csv
import datetime as dt
import io
import re

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from conversations import services
from conversations.models import AuditEvent, ConversationSession
from conversations.whatsapp import identity
from orders import services as order_services
from tests.factories import OutletFactory, ProductFactory, SessionFactory

PHONE = "+6591234567"


def _change_url(session: ConversationSession) -> str:
    return reverse("admin:conversations_conversationsession_change", args=[session.pk])


LIST_URL = "/admin/conversations/conversationsession/"


@pytest.fixture
def conversation(db) -> ConversationSession:
    """PHONE's session: three messages recorded out of order, two classified, one scrubbed."""
    start = timezone.now() - dt.timedelta(hours=2)
    session = SessionFactory(user_id=identity.pseudonymize_phone(PHONE), start_time=start)
    later = services.record_message(
        session=session,
        role="assistant",
        content="Order processed. 400 boxes confirmed.",
        timestamp=start + dt.timedelta(minutes=2),
    )
    first = services.record_message(
        session=session,
        role="user",
        content="Hi, we need 400 boxes for 10 inch pizzas",
        timestamp=start,
    )
    services.record_message(
        session=session,
        role="user",
        content="Thanks!",
        timestamp=start + dt.timedelta(minutes=5),
        pii_scrubbed=True,
    )
    services.set_message_intent(first, "order_placement", 0.95)
    services.set_message_intent(later, "order_confirmation", 1.0)
    session.refresh_from_db()
    return session


def _transcript_rows(html: str) -> list[list[str]]:
    table = html[html.index('<table id="transcript">') :]
    table = table[: table.index("</table>")]
    body = table[table.index("<tbody>") :]
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def test_the_session_page_shows_the_transcript_in_order_with_intent_confidence_and_scrub_flag(
    login_as, conversation
):
    response = login_as("Support agent").get(_change_url(conversation))
    assert response.status_code == 200
    rows = _transcript_rows(response.content.decode())
    assert [(r[0], r[2], r[3], r[4], r[5], r[7]) for r in rows] == [
        ("1", "user", "order_placement", "0.95", "no", "Hi, we need 400 boxes for 10 inch pizzas"),
        (
            "2",
            "assistant",
            "order_confirmation",
            "1.00",
            "no",
            "Order processed. 400 boxes confirmed.",
        ),
        ("3", "user", "—", "—", "yes", "Thanks!"),
    ]
    local_start = timezone.localtime(conversation.start_time).strftime("%Y-%m-%d %H:%M:%S")
    assert rows[0][1] == local_start


def test_nobody_can_edit_a_transcript_not_even_a_superuser(
    login_as, conversation, django_user_model
):
    admin_user = django_user_model.objects.create_superuser("root", password="a-long-password-1")
    client = login_as("Supervisor")
    client.force_login(admin_user)
    page = client.get(_change_url(conversation)).content.decode()
    assert 'name="_save"' not in page
    response = client.post(_change_url(conversation), {"language": "xx", "message_count": 0})
    assert response.status_code == 403
    message = conversation.messages.first()
    message_url = reverse("admin:conversations_conversationmessage_change", args=[message.pk])
    assert client.post(message_url, {"content": "rewritten"}).status_code == 403
    message.refresh_from_db()
    conversation.refresh_from_db()
    assert message.content != "rewritten"
    assert (conversation.language, conversation.message_count) == ("", 3)


def test_reading_a_transcript_is_recorded_with_who_when_and_from_where(login_as, conversation):
    client = login_as("Support agent")
    client.get(_change_url(conversation), REMOTE_ADDR="10.1.2.3")
    event = AuditEvent.objects.get(action="transcript.view")
    assert (event.actor, event.actor_label) == (client.user, "support-agent")
    assert (event.object_type, event.object_id) == ("session", str(conversation.session_id))
    assert event.ip_address == "10.1.2.3"
    assert event.details == {"messages": 3}
    assert timezone.now() - event.at < dt.timedelta(minutes=1)


def test_the_audit_trail_cannot_be_edited_or_deleted_in_the_admin(login_as, conversation):
    client = login_as("Supervisor")
    client.get(_change_url(conversation))
    event = AuditEvent.objects.get()
    change = reverse("admin:conversations_auditevent_change", args=[event.pk])
    delete = reverse("admin:conversations_auditevent_delete", args=[event.pk])
    assert client.get(change).status_code == 200
    assert client.post(change, {"action": "nothing happened"}).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk, action="transcript.view").exists()


@pytest.mark.parametrize("typed", ["+65 9123 4567", "91234567", "6591234567"])
def test_searching_a_phone_number_finds_its_sessions_through_the_pseudonym(
    login_as, conversation, typed
):
    SessionFactory()  # someone else
    client = login_as("Support agent")
    response = client.post(f"{LIST_URL}find/", {"q": typed})
    pseudonym = identity.pseudonymize_phone(PHONE)
    assert response.status_code == 302
    assert response["Location"] == f"{LIST_URL}?q={pseudonym}"
    listing = client.get(response["Location"])
    assert [s.pk for s in listing.context["cl"].result_list] == [conversation.pk]


def test_a_phone_search_stores_only_the_pseudonym_never_the_number(login_as, conversation):
    client = login_as("Support agent")
    client.post(f"{LIST_URL}find/", {"q": "+65 9123 4567"})
    redirected = client.get(f"{LIST_URL}?q=91234567")
    pseudonym = identity.pseudonymize_phone(PHONE)
    assert redirected.status_code == 302
    assert "91234567" not in redirected["Location"]
    lookups = AuditEvent.objects.filter(action="user.lookup")
    assert [e.object_id for e in lookups] == [pseudonym, pseudonym]
    stored = repr(list(AuditEvent.objects.values())) + repr(list(LogEntry.objects.values()))
    assert "91234567" not in stored.replace(" ", "")


def test_searching_a_session_id_or_pseudonym_finds_that_session(login_as, conversation):
    SessionFactory()
    client = login_as("Support agent")
    for term in (str(conversation.session_id), conversation.user_id):
        listing = client.get(LIST_URL, {"q": term})
        assert [s.pk for s in listing.context["cl"].result_list] == [conversation.pk]


def test_searching_something_that_is_no_id_nor_number_says_what_to_type(login_as, conversation):
    client = login_as("Support agent")
    response = client.post(f"{LIST_URL}find/", {"q": "boxes"}, follow=True)
    assert "Search for a session id, a user id" in response.content.decode()
    assert not AuditEvent.objects.filter(action="user.lookup").exists()


def test_a_supervisor_flags_and_unflags_a_session_from_its_page(login_as, conversation):
    client = login_as("Supervisor")
    flag_url = reverse("admin:conversations_conversationsession_flag", args=[conversation.pk])
    assert "Flag for follow-up" in client.get(_change_url(conversation)).content.decode()
    client.post(flag_url, {"flag": "1", "reason": "asked for a refund"})
    conversation.refresh_from_db()
    assert (conversation.flagged_for_followup, conversation.flag_reason) == (
        True,
        "asked for a refund",
    )
    assert "Remove follow-up flag" in client.get(_change_url(conversation)).content.decode()
    client.post(flag_url, {"flag": "0"})
    conversation.refresh_from_db()
    assert conversation.flagged_for_followup is False
    actions = list(AuditEvent.objects.order_by("at", "id").values_list("action", flat=True))
    assert [a for a in actions if a.startswith("session.")] == ["session.flag", "session.unflag"]


def test_a_support_agent_cannot_flag_a_session(login_as, conversation):
    client = login_as("Support agent")
    flag_url = reverse("admin:conversations_conversationsession_flag", args=[conversation.pk])
    assert "Flag for follow-up" not in client.get(_change_url(conversation)).content.decode()
    assert client.post(flag_url, {"flag": "1"}).status_code == 403
    conversation.refresh_from_db()
    assert conversation.flagged_for_followup is False


def test_a_supervisor_exports_selected_sessions_as_csv_without_any_message_text(
    login_as, conversation
):
    other = SessionFactory(language="zh")
    client = login_as("Supervisor")
    response = client.post(
        LIST_URL,
        {"action": "export_csv", "_selected_action": [conversation.pk, other.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {r["session_id"] for r in rows} == {str(conversation.session_id), str(other.session_id)}
    mine = next(r for r in rows if r["session_id"] == str(conversation.session_id))
    assert (mine["user_id"], mine["message_count"]) == (conversation.user_id, "3")
    assert "boxes" not in response.content.decode()
    event = AuditEvent.objects.get(action="export.csv")
    assert event.details == {"rows": 2}


def test_the_list_filters_by_intent_and_by_flag(login_as, conversation):
    flagged = SessionFactory(flagged_for_followup=True)
    client = login_as("Support agent")
    by_intent = client.get(LIST_URL, {"intent": "order_placement"})
    assert [s.pk for s in by_intent.context["cl"].result_list] == [conversation.pk]
    by_flag = client.get(LIST_URL, {"flagged_for_followup__exact": "1"})
    assert [s.pk for s in by_flag.context["cl"].result_list] == [flagged.pk]


def test_a_session_links_to_its_orders_and_an_order_back_to_its_session(login_as, conversation):
    outlet = OutletFactory()
    order = order_services.create_order(
        outlet=outlet,
        lines=[order_services.LineRequest(ProductFactory(), 400)],
        user_id=conversation.user_id,
        session=conversation,
    )
    client = login_as("Support agent")
    order_url = reverse("admin:orders_order_change", args=[order.pk])
    assert f'href="{order_url}"' in client.get(_change_url(conversation)).content.decode()
    assert f'href="{_change_url(conversation)}"' in client.get(order_url).content.decode()
