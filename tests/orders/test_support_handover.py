"""The support inbox with the assistant (conversations.support + orders.assistant): a colleague
takes a session over and the assistant stands aside until it is handed back. The Graph API is a
real local HTTP server, so what WhatsApp would receive is what is asserted."""

import datetime as dt
import json

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone

from conversations import support
from conversations.models import AuditEvent, ConversationMessage, ConversationSession, Role
from conversations.whatsapp import tasks
from orders import assistant
from orders.models import Order
from tests.conversations import whatsapp_support
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import PHONE, inbound, load_catalogue

pytestmark = pytest.mark.django_db

PATH = "/v21.0/100200300400/messages"


@pytest.fixture(autouse=True)
def catalogue():
    return load_catalogue()


@pytest.fixture
def graph(httpserver, settings):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    settings.WHATSAPP_TEMPLATES = {"follow_up": {"language": "en", "parameters": 1}}
    whatsapp_support.accept_every_send(httpserver)
    return httpserver


def sent(graph) -> list[dict]:
    return whatsapp_support.sent_bodies(graph)


@pytest.fixture
def agent():
    user = User.objects.create_user("mei.agent", is_staff=True)
    user.groups.add(Group.objects.get(name="Support agent"))
    return user


@pytest.fixture
def supervisor():
    user = User.objects.create_user("lim.supervisor", is_staff=True)
    user.groups.add(Group.objects.get(name="Supervisor"))
    return user


def handle(text: str, capture) -> ConversationMessage:
    """A customer's message stored as the webhook stores it, then the assistant's turn, with
    the replies' send tasks run once committed."""
    message = inbound(text)
    with capture(execute=True):
        assistant.handle_inbound(message.pk)
    message.refresh_from_db()
    return message


def session_of(message: ConversationMessage) -> ConversationSession:
    return ConversationSession.objects.get(session_id=message.session_id)


def test_a_taken_over_session_gets_no_assistant_reply_and_does_after_resume(
    graph, agent, django_capture_on_commit_callbacks
):
    OutletContactFactory(phone=PHONE, outlet=OutletFactory(name="Napoli Pizza Bar"))
    first = handle("hello", django_capture_on_commit_callbacks)
    session = session_of(first)
    before = len(sent(graph))
    assert before >= 1

    support.take_over(session, agent)
    quiet = handle("Hi, we need 400 boxes for 10 inch pizzas", django_capture_on_commit_callbacks)

    assert len(sent(graph)) == before
    assert quiet.processed_at is not None
    assert Order.objects.count() == 0
    stored = ConversationMessage.objects.filter(session_id=session.session_id).count()
    assert session_of(quiet).message_count == stored  # stored and counted as usual
    assert not ConversationMessage.objects.filter(pk__gt=quiet.pk).exists()

    support.resume(session, agent)
    answered = handle(
        "Hi, we need 400 boxes for 10 inch pizzas", django_capture_on_commit_callbacks
    )
    assert Order.objects.get().source_message_id == answered.pk
    assert len(sent(graph)) > before


def test_pending_assistant_questions_are_dropped_when_a_colleague_has_the_session(
    agent, django_capture_on_commit_callbacks
):
    OutletContactFactory(phone=PHONE)
    message = handle("hello", django_capture_on_commit_callbacks)
    session = session_of(message)
    ConversationSession.objects.filter(pk=session.pk).update(
        context={"awaiting_rating": True, "pending_order": {"items": []}, "last_order_id": 7}
    )
    support.take_over(session, agent)
    handle("5", django_capture_on_commit_callbacks)
    assert session_of(message).context == {"last_order_id": 7}


def test_a_staff_reply_reaches_whatsapp_with_the_customer_number_and_is_stored_as_staff(
    graph, agent, django_capture_on_commit_callbacks
):
    session = session_of(inbound("is anyone there?"))
    with django_capture_on_commit_callbacks(execute=True):
        message = support.staff_reply(session, agent, text="Yes, Mei here. How can I help?")

    (body,) = sent(graph)
    assert body["to"] == PHONE.lstrip("+")
    assert body["text"]["body"] == "Yes, Mei here. How can I help?"
    message.refresh_from_db()
    assert (message.role, message.context["sent_by"]) == (Role.STAFF, agent.pk)
    assert (message.delivery_status, message.wa_message_id) == ("sent", "wamid.OUT-1")
    session.refresh_from_db()
    assert session.handed_over and session.assignee == agent  # the reply took it over


def test_free_text_outside_the_window_is_refused_with_the_reason_and_a_template_goes_out(
    graph, agent, django_capture_on_commit_callbacks
):
    session = session_of(inbound("please call me tomorrow"))
    with time_machine.travel(timezone.now() + dt.timedelta(hours=25)):
        with pytest.raises(support.OutsideServiceWindow) as refused:
            support.staff_reply(session, agent, text="Hello again!")
        assert "24-hour customer-service window closed" in refused.value.message
        assert "template" in refused.value.message
        with django_capture_on_commit_callbacks(execute=True):
            message = support.staff_reply(
                session, agent, template="follow_up", parameters=["your order ORD-1"]
            )

    (body,) = sent(graph)
    assert body["type"] == "template"
    assert body["template"] == {
        "name": "follow_up",
        "language": {"code": "en"},
        "components": [
            {"type": "body", "parameters": [{"type": "text", "text": "your order ORD-1"}]}
        ],
    }
    message.refresh_from_db()
    assert (message.role, message.message_type, message.delivery_status) == (
        Role.STAFF,
        "template",
        "sent",
    )


def test_an_unknown_template_or_wrong_parameters_are_refused(agent):
    session = session_of(inbound("hello"))
    with pytest.raises(support.SupportError, match="Unknown template"):
        support.staff_reply(session, agent, template="nope")
    with pytest.raises(support.SupportError, match="takes 1"):
        support.staff_reply(session, agent, template="follow_up", parameters=[])
    assert not ConversationMessage.objects.filter(role=Role.STAFF).exists()


def test_a_failed_staff_reply_flags_the_session(httpserver, settings, agent, eager_retries):
    settings.WHATSAPP_GRAPH_API_BASE = httpserver.url_for("/").rstrip("/")
    settings.WHATSAPP_PHONE_NUMBER_ID = "100200300400"
    settings.WHATSAPP_ACCESS_TOKEN = "test-access-token"
    error = {"error": {"code": 131026, "message": "undeliverable"}}
    httpserver.expect_request(PATH, method="POST").respond_with_json(error, status=400)
    session = session_of(inbound("hello"))
    message = support.staff_reply(session, agent, text="Are you still there?")
    tasks.send_whatsapp_message.delay(message.pk)
    message.refresh_from_db()
    session.refresh_from_db()
    assert message.delivery_status == "failed"
    assert session.flagged_for_followup and "not delivered" in session.flag_reason


def test_a_support_agent_cannot_reassign_but_a_supervisor_can(agent, supervisor):
    session = session_of(inbound("hello"))
    support.assign(session, agent, agent)  # to themselves: allowed
    with pytest.raises(support.NotAllowed):
        support.assign(session, supervisor, agent)
    with pytest.raises(support.NotAllowed):
        support.assign(session, None, agent)
    support.assign(session, agent, supervisor)
    support.assign(session, None, supervisor)
    session.refresh_from_db()
    assert session.assignee is None


def test_staff_without_a_role_can_do_nothing():
    nobody = User.objects.create_user("no.role", is_staff=True)
    session = session_of(inbound("hello"))
    for act in (
        lambda: support.take_over(session, nobody),
        lambda: support.staff_reply(session, nobody, text="hi"),
        lambda: support.add_note(session, "x", nobody),
        lambda: support.set_status(session, "resolved", nobody),
    ):
        with pytest.raises(support.NotAllowed):
            act()
    assert not AuditEvent.objects.exists()


def test_a_registered_sender_is_handled_normally_and_never_sees_more_than_the_mask(
    agent, django_capture_on_commit_callbacks
):
    outlet = OutletFactory(name="Kopi Corner")
    first = handle("400 boxes for 10 inch pizzas", django_capture_on_commit_callbacks)
    session = session_of(first)
    assert session.flagged_for_followup and Order.objects.count() == 0
    assert support.masked_number(session.user_id) == "+65 ****0001"

    contact = support.register_contact(session, agent, outlet=outlet, role="manager", name="Ah Kow")
    assert (contact.phone_hash, contact.phone_masked) == (session.user_id, "+65 ****0001")
    with pytest.raises(support.Conflict):
        support.register_contact(session, agent, outlet=outlet)

    second = handle("400 boxes for 10 inch pizzas", django_capture_on_commit_callbacks)
    order = Order.objects.get()
    assert (order.outlet, order.source_message_id) == (outlet, second.pk)


def test_every_action_is_audited_without_message_content(
    agent, supervisor, django_capture_on_commit_callbacks
):
    session = session_of(inbound("my number is +65 9111 0001, call me"))
    support.take_over(session, agent)
    with django_capture_on_commit_callbacks(execute=True):
        support.staff_reply(session, agent, text="Calling you now at +65 9111 0001")
    support.add_note(session, "customer wants a call back", agent)
    support.assign(session, agent, supervisor)
    support.set_status(session, "resolved", agent)
    support.resume(session, agent)
    support.register_contact(session, agent, outlet=OutletFactory())

    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions == [
        "session.take_over",
        "session.reply",
        "session.note",
        "session.assign",
        "session.status",
        "session.resume",
        "contact.register",
    ]
    stored = json.dumps(list(AuditEvent.objects.values("details", "object_id")))
    assert "9111" not in stored and "Calling" not in stored and "call back" not in stored
    session.refresh_from_db()
    assert session.status == "resolved" and not session.flagged_for_followup
