"""The support actions over REST: /api/v1/sessions/<session_id>/handover|reply|resume|resolve|notes/
with the key's user as the staff member."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone
from rest_framework.test import APIClient

from conversations import services
from conversations.models import AuditEvent, ConversationMessage, ConversationSession, SessionNote
from tests.conversations import whatsapp_support
from tests.factories import OutletFactory
from tria.api import apikeys

pytestmark = pytest.mark.django_db


def key_for(role: str | None, *, read_only: bool = False) -> APIClient:
    name = (role or "nobody").lower().replace(" ", "-")
    user = User.objects.create_user(name, is_staff=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    _, key = apikeys.issue_api_key(f"key-{name}", username=name, read_only=read_only)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    client.user = user
    return client


@pytest.fixture
def agent_api() -> APIClient:
    return key_for("Support agent")


@pytest.fixture
def session():
    return services.record_inbound_message(
        phone="+6591230001", content="hello?", timestamp=timezone.now()
    ).message.session


def url(session, action: str) -> str:
    return f"/api/v1/sessions/{session.session_id}/{action}/"


def test_a_reply_to_a_session_nobody_took_over_is_sent_as_staff_and_takes_it_over(
    agent_api, session
):
    response = agent_api.post(url(session, "reply"), {"text": "Hi, Mei here."}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["role"], body["message_type"], body["handed_over"]) == ("staff", "text", True)
    message = ConversationMessage.objects.get(pk=body["message_id"])
    assert message.context["sent_by"] == agent_api.user.pk
    session.refresh_from_db()
    assert session.handed_over and session.assignee == agent_api.user


def test_free_text_outside_the_window_is_a_409_naming_the_window(agent_api, session):
    with time_machine.travel(timezone.now() + dt.timedelta(hours=25)):
        refused = agent_api.post(url(session, "reply"), {"text": "Hello again"}, format="json")
        template = agent_api.post(
            url(session, "reply"),
            {"template": "follow_up", "parameters": ["ORD-1"]},
            format="json",
        )
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["code"] == "outside_service_window"
    assert "24-hour customer-service window" in error["message"]
    assert template.status_code == 201 and template.json()["message_type"] == "template"


def test_handover_resume_resolve_and_notes(agent_api, session):
    taken = agent_api.post(url(session, "handover"))
    assert taken.status_code == 200
    assert taken.json()["handed_over"] is True
    assert taken.json()["assignee"] == agent_api.user.username
    assert taken.json()["window_ends_at"] is not None

    resumed = agent_api.post(url(session, "resume"))
    assert resumed.json()["handed_over"] is False

    note = agent_api.post(url(session, "notes"), {"text": "asked for a call"}, format="json")
    assert note.status_code == 201
    assert SessionNote.objects.get(pk=note.json()["id"]).author == agent_api.user

    resolved = agent_api.post(url(session, "resolve"))
    assert (resolved.json()["status"], resolved.json()["handed_over"]) == ("resolved", False)
    assert list(AuditEvent.objects.order_by("id").values_list("action", flat=True)) == [
        "session.take_over",
        "session.resume",
        "session.note",
        "session.status",
    ]


def test_bad_bodies_are_400_naming_the_problem(agent_api, session):
    both = agent_api.post(url(session, "reply"), {"text": "a", "template": "b"}, format="json")
    assert both.status_code == 400 and "either" in str(both.json()["error"])
    unknown = agent_api.post(url(session, "reply"), {"template": "nope"}, format="json")
    assert unknown.status_code == 400 and "Unknown template" in unknown.json()["error"]["message"]
    empty = agent_api.post(url(session, "notes"), {}, format="json")
    assert empty.status_code == 400 and "text" in str(empty.json()["error"]["details"])


def test_keys_without_the_role_or_read_only_keys_cannot_act(session):
    nobody = key_for(None)
    assert nobody.post(url(session, "handover")).status_code == 403
    read_only = key_for("Support agent", read_only=True)
    denied = read_only.post(url(session, "handover"))
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "read_only_key"
    assert APIClient().post(url(session, "handover")).status_code == 401
    session.refresh_from_db()
    assert not session.handed_over


def test_an_unknown_session_is_a_404(agent_api):
    response = agent_api.post("/api/v1/sessions/00000000-0000-4000-8000-000000000000/handover/")
    assert response.status_code == 404


def test_the_openapi_schema_documents_the_support_actions(client, settings):
    settings.API_SCHEMA_PUBLIC = True  # the schema needs a key otherwise (tests/api/test_docs.py)
    schema = client.get("/api/schema/?format=json").json()
    for action in ("handover", "reply", "resume", "resolve", "notes"):
        assert f"/api/v1/sessions/{{session_id}}/{action}/" in schema["paths"]
    reply = schema["paths"]["/api/v1/sessions/{session_id}/reply/"]["post"]
    assert "409" in reply["responses"] and "24-hour" in reply["description"]


# The customer's language as the session knows it (context, else the outlet's) -> Meta's code.
FOLLOW_UP_LANGUAGES = [
    ({"language": "zh"}, "en", "zh_CN"),
    ({"language": "ms"}, "en", "ms"),
    ({}, "ta", "ta"),
    ({}, "zh-hans", "zh_CN"),
    ({}, "en", "en_GB"),
]


@pytest.mark.parametrize(("context", "preferred", "code"), FOLLOW_UP_LANGUAGES)
def test_a_follow_up_template_outside_the_window_is_sent_in_the_customer_s_language(
    agent_api,
    session,
    httpserver,
    settings,
    django_capture_on_commit_callbacks,
    context,
    preferred,
    code,
):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    whatsapp_support.accept_every_send(httpserver)
    settings.WHATSAPP_TEMPLATES = {
        "follow_up": {
            "languages": {"en": "en_GB", "zh-hans": "zh_CN", "ms": "ms", "ta": "ta"},
            "parameters": 2,
        }
    }
    outlet = OutletFactory(preferred_language=preferred)
    ConversationSession.objects.filter(pk=session.pk).update(outlet=outlet, context=context)

    with (
        time_machine.travel(timezone.now() + dt.timedelta(hours=25)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = agent_api.post(
            url(session, "reply"),
            {"template": "follow_up", "parameters": ["Mei Ling", "ORD-2026-000042"]},
            format="json",
        )

    assert response.status_code == 201, response.json()
    (body,) = whatsapp_support.sent_bodies(httpserver)
    assert (body["type"], body["to"]) == ("template", "6591230001")
    assert body["template"] == {
        "name": "follow_up",
        "language": {"code": code},
        "components": [
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "text": "Mei Ling"},
                    {"type": "text", "text": "ORD-2026-000042"},
                ],
            }
        ],
    }
    message = ConversationMessage.objects.get(pk=response.json()["message_id"])
    assert message.content == f"[template follow_up, {code}] Mei Ling | ORD-2026-000042"


def test_a_template_configured_with_one_language_goes_out_in_it_to_everyone(
    agent_api, session, httpserver, settings, django_capture_on_commit_callbacks
):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    whatsapp_support.accept_every_send(httpserver)
    settings.WHATSAPP_TEMPLATES = {"follow_up": {"language": "en_US", "parameters": 0}}
    ConversationSession.objects.filter(pk=session.pk).update(context={"language": "ta"})

    with django_capture_on_commit_callbacks(execute=True):
        response = agent_api.post(url(session, "reply"), {"template": "follow_up"}, format="json")

    assert response.status_code == 201, response.json()
    (body,) = whatsapp_support.sent_bodies(httpserver)
    assert body["template"] == {"name": "follow_up", "language": {"code": "en_US"}}
