"""Every documented message type arrives through the webhook and lands in the sender's session."""

import datetime as dt
import logging

import pytest

from conversations.models import ConversationMessage, ConversationSession, UserIdentity
from conversations.whatsapp import identity
from tests.conversations.whatsapp_support import (
    FIXTURE_TIME,
    OUTBOUND_WAMID,
    USER_WA_ID,
    load,
    post,
    queued_tasks,
    text_payload,
)
from tria.celery import app as celery_app

pytestmark = pytest.mark.django_db

AT = dt.datetime.fromtimestamp(FIXTURE_TIME, tz=dt.UTC)


@pytest.fixture
def broker(redis_client):
    """Tasks go to the real Redis broker instead of running, so the test can see what was queued."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield lambda: queued_tasks(redis_client)
    celery_app.conf.task_always_eager = previous


def _only_message() -> ConversationMessage:
    return ConversationMessage.objects.select_related("session").get()


@pytest.mark.parametrize(
    ("fixture", "message_type", "content", "context"),
    [
        ("text", "text", "Hi, we need 400 boxes for 10 inch pizzas", {}),
        (
            "interactive_button_reply",
            "interactive",
            "Confirm order",
            {
                "interactive": {
                    "type": "button_reply",
                    "id": "confirm_order",
                    "title": "Confirm order",
                },
                "reply_to": OUTBOUND_WAMID,
            },
        ),
        (
            "interactive_list_reply",
            "interactive",
            "10-inch pizza box",
            {
                "interactive": {
                    "type": "list_reply",
                    "id": "sku-PB10",
                    "title": "10-inch pizza box",
                    "description": "Kraft, 100 per bundle",
                }
            },
        ),
        (
            "button",
            "button",
            "Reorder last week",
            {"button": {"payload": "REORDER_LAST", "text": "Reorder last week"}},
        ),
        (
            "image",
            "image",
            "This box please, 200 pcs",
            {"media": {"id": "1234567890123456", "mime_type": "image/jpeg"}},
        ),
        (
            "document",
            "document",
            "PO-2026-0042.pdf",
            {"media": {"id": "2234567890123456", "filename": "PO-2026-0042.pdf"}},
        ),
        ("audio", "audio", "", {"media": {"id": "3234567890123456", "voice": True}}),
        ("video", "video", "The lid does not close", {"media": {"id": "4234567890123456"}}),
        ("sticker", "sticker", "", {"media": {"id": "5234567890123456", "animated": False}}),
        (
            "location",
            "location",
            "Lau Pa Sat, 18 Raffles Quay, Singapore 048582",
            {"location": {"latitude": 1.2839, "longitude": 103.8515, "name": "Lau Pa Sat"}},
        ),
        ("contacts", "contacts", "Ahmad Tan +65 9876 5432", {"shared_contacts": 1}),
        (
            "unsupported",
            "unsupported",
            "",
            {"unsupported": {"type": "poll", "error_codes": [131051]}},
        ),
    ],
)
def test_each_message_type_is_stored_with_its_text_and_its_data(
    client, fixture, message_type, content, context
):
    response = post(client, load(fixture))

    assert response.status_code == 200
    assert response.json()["messages"] == 1
    message = _only_message()
    assert (message.role, message.message_type, message.content) == ("user", message_type, content)
    assert message.timestamp == AT
    assert message.context["profile_name"] == "Mei Ling"
    for key, expected in context.items():
        if isinstance(expected, dict):
            assert expected.items() <= message.context[key].items()
        else:
            assert message.context[key] == expected


def test_a_shared_contacts_number_is_kept_in_the_text_only_where_the_scrubber_runs(client):
    post(client, load("contacts"))
    message = _only_message()
    assert "9876" in message.content
    assert "9876" not in str(message.context)


def test_message_time_is_whatsapps_timestamp_not_the_arrival_time(client):
    post(client, text_payload("Hi", at=FIXTURE_TIME - 3600))
    message = _only_message()
    assert message.timestamp == AT - dt.timedelta(hours=1)
    assert message.session.start_time == AT - dt.timedelta(hours=1)
    assert message.created_at > message.timestamp


def test_the_sender_is_known_by_a_pseudonym_and_the_number_only_encrypted(client):
    post(client, load("text"))
    session = ConversationSession.objects.get()
    assert session.user_id == identity.pseudonymize_phone("+6591230001")
    stored = UserIdentity.objects.get()
    assert USER_WA_ID not in stored.phone_encrypted
    assert identity.decrypt_phone(stored.phone_encrypted) == "+6591230001"
    assert stored.last_inbound_at == AT


def test_same_wamid_twice_is_stored_once(client):
    first = post(client, load("text"))
    second = post(client, load("text"))
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json()["duplicates"] == 1
    assert ConversationMessage.objects.count() == 1
    assert ConversationSession.objects.get().message_count == 1


def test_each_new_message_is_queued_for_processing_once(
    client, broker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, load("text"))
        post(client, load("text"))
        post(client, load("image"))
    ids = list(ConversationMessage.objects.order_by("id").values_list("id", flat=True))
    assert broker() == [("conversations.tasks.process_inbound_messages", ([pk],)) for pk in ids]


def test_several_entries_changes_and_messages_in_one_post_are_all_stored(client):
    response = post(client, load("batch"))

    assert response.status_code == 200
    assert response.json()["messages"] == 3
    mei_ling = identity.pseudonymize_phone("+6591230001")
    raj = identity.pseudonymize_phone("+6591230002")
    by_user = {s.user_id: s.message_count for s in ConversationSession.objects.all()}
    assert by_user == {mei_ling: 2, raj: 1}


def test_contacts_are_matched_to_messages_by_wa_id_not_by_position(client):
    post(client, load("batch"))
    names = dict(ConversationMessage.objects.values_list("content", "context__profile_name"))
    assert names["Morning! Same order as last week"] == "Mei Ling"
    assert names["Can deliver before 11am?"] == "Raj"


def test_a_malformed_message_does_not_hide_the_others_in_the_same_post(client):
    payload = load("batch")
    del payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
    response = post(client, payload)
    assert response.status_code == 200
    assert response.json()["messages"] == 2
    assert ConversationMessage.objects.count() == 2


@pytest.mark.parametrize(
    ("fixture", "logged"),
    [
        ("other_object", "skipped object page"),
        ("other_field", "skipped field message_template_status_update"),
        ("foreign_phone_number_id", "skipped phone_number_id 999888777666"),
    ],
)
def test_notifications_we_do_not_use_are_acknowledged_and_logged_without_content(
    client, caplog, broker, django_capture_on_commit_callbacks, fixture, logged
):
    with (
        caplog.at_level(logging.INFO, logger="conversations"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = post(client, load(fixture))

    assert response.status_code == 200
    assert ConversationMessage.objects.count() == 0
    assert broker() == []
    assert logged in caplog.text
    for secret in ("hello", "another business number", "changed from", "6591230001"):
        assert secret not in caplog.text


def test_a_sender_that_is_not_a_phone_number_is_skipped_without_error(client):
    response = post(client, text_payload("Hi", wa_id="12"))
    assert response.status_code == 200
    assert response.json()["skipped"] == 1
    assert ConversationMessage.objects.count() == 0
