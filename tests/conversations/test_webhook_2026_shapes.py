"""The 2026 Cloud API shapes through the signed webhook and the ingester: usernames and BSUIDs,
number changes, edits, revokes, echoes, flows, and one bad item never costing its neighbours.

Fixtures under tests/fixtures/whatsapp/2026 follow Meta's reference pages field for field.
"""

import copy
import json
import logging
import time

import pytest
from django.utils import timezone

from conversations import services
from conversations.models import (
    AuditEvent,
    ConversationMessage,
    ConversationSession,
    DeliveryStatus,
    IdentityLink,
    Role,
    UserIdentity,
    UserInteractionSummary,
)
from conversations.privacy import gdpr
from conversations.whatsapp import identity
from tests.conversations.whatsapp_support import FIXTURES, post, text_payload
from tests.factories import OutletContactFactory

pytestmark = pytest.mark.django_db

BSUID = "SG.1349120865530274"
PHONE = "+6591230001"
USERNAME = "meiling.kitchen"


def load_2026(name: str) -> dict:
    return json.loads((FIXTURES / "2026" / f"{name}.json").read_text())


def _messages(payload: dict) -> list[dict]:
    return payload["entry"][0]["changes"][0]["value"]["messages"]


def _user_of(wamid: str) -> str:
    return (
        ConversationMessage.objects.select_related("session")
        .get(wa_message_id=wamid)
        .session.user_id
    )


# ------------------------------------------------------------------ item isolation


def test_absurd_timestamps_and_a_nul_cost_no_message_and_are_clamped_with_a_note(client, settings):
    settings.WHATSAPP_TIMESTAMP_MAX_AGE_DAYS = 30
    now = int(time.time())
    payload = text_payload("400 boxes please", at=now)
    good = _messages(payload)[0]
    for n, stamp in enumerate(["1000000000000", str(10**20), "99999999999"]):
        _messages(payload).append({**good, "id": f"wamid.bad-{n}", "timestamp": stamp})
    _messages(payload).append({**good, "id": "wamid.nul", "text": {"body": "12 cups\u0000 thanks"}})
    response = post(client, payload)
    assert response.status_code == 200
    assert response.json()["messages"] == 5
    received = timezone.now()
    for n in range(3):
        bad = ConversationMessage.objects.get(wa_message_id=f"wamid.bad-{n}")
        assert bad.context["timestamp_clamped"] is True
        assert abs((bad.timestamp - received).total_seconds()) < 60
    assert ConversationMessage.objects.get(wa_message_id="wamid.nul").content == "12 cups thanks"
    assert (
        "timestamp_clamped" not in ConversationMessage.objects.get(wa_message_id=good["id"]).context
    )


def test_an_unparsable_item_is_recorded_without_content_and_its_neighbours_are_stored(
    client, caplog
):
    payload = text_payload("400 boxes please")
    good = _messages(payload)[0]
    broken = {**good, "id": "wamid.broken", "type": "reaction", "reaction": {"emoji": "x"}}
    nameless = {k: v for k, v in good.items() if k != "id"}
    _messages(payload).extend([broken, nameless, {**good, "id": "wamid.after"}])
    with caplog.at_level(logging.INFO, logger="conversations"):
        response = post(client, payload)
    assert response.json()["messages"] == 3  # the good two and the record of the broken one
    assert response.json()["unparsable"] == 2
    record = ConversationMessage.objects.get(wa_message_id="wamid.broken")
    assert (record.message_type, record.content, record.processed_at is not None) == (
        "error",
        "",
        True,
    )
    assert record.context["error"] == "missing or invalid message_id"
    assert ConversationMessage.objects.filter(wa_message_id="wamid.after").exists()
    assert "400 boxes" not in caplog.text


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"[" * 5000 + b"]" * 5000, "nested more than"),
        (b'{"object": ' + b'{"a": ' * 40 + b"1" + b"}" * 41, "nested more than"),
        (b"not json", "not valid JSON"),
    ],
)
def test_a_body_too_deep_or_not_json_is_a_400_with_its_reason(client, body, reason):
    response = post(client, body)
    assert response.status_code == 400
    assert reason in response.json()["detail"]


# ------------------------------------------------------------------ usernames and BSUIDs


def test_a_username_only_message_is_stored_under_a_pseudonym_with_the_bsuid_encrypted(client):
    response = post(client, load_2026("username_text"))
    assert response.json()["messages"] == 1
    message = ConversationMessage.objects.select_related("session").get()
    assert message.session.user_id == identity.bsuid_key(BSUID)
    assert message.context["profile_name"] == "Mei Ling"
    known = UserIdentity.objects.get(user_id=message.session.user_id)
    assert known.phone_encrypted == ""
    assert identity.decrypt_phone(known.bsuid_encrypted) == BSUID
    assert identity.decrypt_phone(known.username_encrypted) == USERNAME
    assert BSUID not in json.dumps(message.context)


def test_phone_then_phone_and_bsuid_then_username_only_is_one_user_session_and_summary(client):
    post(client, text_payload("Hi", wa_id="6591230001"))
    post(client, load_2026("phone_and_bsuid_text"))
    post(client, load_2026("username_text"))
    user_id = identity.pseudonymize_phone(PHONE)  # the id this customer had before BSUIDs
    assert set(ConversationSession.objects.values_list("user_id", flat=True)) == {user_id}
    assert ConversationSession.objects.get().message_count == 3
    assert UserInteractionSummary.objects.get().total_messages == 3
    known = UserIdentity.objects.get(user_id=user_id)
    assert identity.decrypt_phone(known.phone_encrypted) == PHONE
    assert identity.decrypt_phone(known.bsuid_encrypted) == BSUID


def test_a_bsuid_first_seen_alone_keeps_its_user_when_the_phone_shows_up(client):
    post(client, load_2026("username_text"))
    post(client, load_2026("phone_and_bsuid_text"))
    assert set(ConversationSession.objects.values_list("user_id", flat=True)) == {
        identity.bsuid_key(BSUID)
    }
    post(client, text_payload("and 200 cups", wa_id="6591230001"))
    assert ConversationSession.objects.values("user_id").distinct().count() == 1


def test_an_outlet_contact_registered_by_phone_is_found_after_the_customer_takes_a_username(
    client,
):
    contact = OutletContactFactory(phone=PHONE)
    post(client, load_2026("phone_and_bsuid_text"))
    post(client, load_2026("username_text"))
    user_id = _user_of(_messages(load_2026("username_text"))[0]["id"])
    assert list(services.contacts_of(user_id)) == [contact]


def test_a_status_with_only_the_recipient_bsuid_moves_our_message_forward(client):
    post(client, load_2026("username_text"))
    session = ConversationSession.objects.get()
    status = load_2026("status_delivered_bsuid")
    wamid = status["entry"][0]["changes"][0]["value"]["statuses"][0]["id"]
    reply = services.record_message(session=session, role=Role.ASSISTANT, content="Noted")
    ConversationMessage.objects.filter(pk=reply.pk).update(
        wa_message_id=wamid, delivery_status=DeliveryStatus.SENT
    )
    assert post(client, status).json()["statuses"] == 1
    reply.refresh_from_db()
    assert reply.delivery_status == DeliveryStatus.DELIVERED
    played = copy.deepcopy(status)
    played["entry"][0]["changes"][0]["value"]["statuses"][0]["status"] = "played"
    post(client, played)
    reply.refresh_from_db()
    assert reply.delivery_status == DeliveryStatus.PLAYED


def test_bsuids_and_usernames_never_reach_the_logs(client, caplog):
    with caplog.at_level(logging.DEBUG):
        for name in ("username_text", "phone_and_bsuid_text", "system_user_changed_user_id"):
            post(client, load_2026(name))
    assert (
        BSUID not in caplog.text and USERNAME not in caplog.text and "6591230001" not in caplog.text
    )


def test_erasure_removes_every_identifier_of_the_user(client):
    post(client, load_2026("phone_and_bsuid_text"))
    post(client, load_2026("username_text"))
    user_id = identity.pseudonymize_phone(PHONE)
    gdpr.erase_user_data(user_id, actor_label="test")
    assert not UserIdentity.objects.exists()
    assert not IdentityLink.objects.filter(user_id=user_id).exists()
    assert not ConversationMessage.objects.exists()


# ------------------------------------------------------------------ number and BSUID changes


def test_a_number_change_moves_history_contact_and_replies_to_the_new_number(client):
    contact = OutletContactFactory(phone=PHONE)
    post(client, load_2026("phone_and_bsuid_text"))
    user_id = identity.pseudonymize_phone(PHONE)
    response = post(client, load_2026("system_user_changed_number"))
    assert response.json()["identity_changes"] == 1
    post(client, text_payload("it's me on my new number", wa_id="6591239999"))
    assert set(ConversationSession.objects.values_list("user_id", flat=True)) == {user_id}
    contact.refresh_from_db()
    assert contact.phone_hash == identity.pseudonymize_phone("+6591239999")
    assert list(services.contacts_of(user_id)) == [contact]
    known = UserIdentity.objects.get(user_id=user_id)
    assert identity.decrypt_phone(known.phone_encrypted) == "+6591239999"
    event = AuditEvent.objects.get(action="whatsapp.identity_changed")
    assert event.details == {"change": "user_changed_number", "contacts_moved": 1}
    record = ConversationMessage.objects.get(message_type="system")
    assert record.content == "" and "6591239999" not in json.dumps(record.context)
    # whoever gets the old number next is somebody else, and a contact of theirs is not ours
    post(client, text_payload("hello?", wa_id="6591230001"))
    assert ConversationSession.objects.values("user_id").distinct().count() == 2
    OutletContactFactory(phone=PHONE)
    assert list(services.contacts_of(user_id)) == [contact]


def test_a_bsuid_change_lets_the_new_bsuid_join_the_same_user(client):
    post(client, load_2026("username_text"))
    post(client, load_2026("system_user_changed_user_id"))
    later = load_2026("username_text")
    later["entry"][0]["changes"][0]["value"]["contacts"][0]["user_id"] = "SG.3381529902345678"
    _messages(later)[0].update(from_user_id="SG.3381529902345678", id="wamid.after-change")
    post(client, later)
    assert ConversationSession.objects.values("user_id").distinct().count() == 1
    assert AuditEvent.objects.filter(action="whatsapp.identity_changed").count() == 1


def test_other_system_messages_are_kept_by_type_and_never_processed(client):
    post(client, load_2026("system_customer_identity_changed"))
    message = ConversationMessage.objects.get()
    assert (message.message_type, message.content, message.context["system"]) == (
        "system",
        "",
        {"type": "customer_identity_changed"},
    )
    assert message.processed_at is not None


# ------------------------------------------------------------------ edits and revokes


def test_an_edit_replaces_the_text_keeps_a_mark_and_is_what_the_assistant_will_read(client):
    post(client, load_2026("phone_and_bsuid_text"))
    assert post(client, load_2026("edit")).json()["edits"] == 1
    message = ConversationMessage.objects.get()
    assert message.content == "Hi, we need 500 boxes for 10 inch pizzas"
    assert "edited" in message.context and message.processed_at is None
    assert ConversationSession.objects.get().message_count == 1


def test_a_revoke_removes_the_text_and_what_was_derived_and_leaves_a_deleted_record(client):
    post(client, load_2026("phone_and_bsuid_text"))
    ConversationMessage.objects.update(embedding_vector=[0.1, 0.2], language="en")
    assert post(client, load_2026("revoke")).json()["revokes"] == 1
    message = ConversationMessage.objects.get()
    assert (message.content, message.embedding_vector, message.language) == ("", None, "")
    assert list(message.context) == ["deleted"]


def test_a_revoke_that_overtakes_its_message_keeps_the_message_from_ever_being_stored(client):
    post(client, load_2026("revoke"))
    post(client, load_2026("phone_and_bsuid_text"))
    message = ConversationMessage.objects.get()
    assert message.content == "" and "deleted" in message.context


# ------------------------------------------------------------------ echoes, flows, interactive


def test_what_staff_send_from_the_business_app_is_kept_in_the_customers_session(client):
    post(client, load_2026("phone_and_bsuid_text"))
    assert post(client, load_2026("echo")).json()["messages"] == 1
    echo = ConversationMessage.objects.get(role=Role.STAFF)
    assert echo.content.startswith("Hi Mei Ling, this is Jun")
    assert echo.processed_at is not None  # the assistant never acts on it
    assert ConversationSession.objects.count() == 1


def test_a_flow_reply_is_stored_with_its_answers(client):
    post(client, load_2026("nfm_reply"))
    message = ConversationMessage.objects.get()
    assert message.context["interactive"]["type"] == "nfm_reply"
    assert message.context["interactive"]["response"]["slot"] == "morning"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("interactive_without_subobject", {"type": "button_reply", "error_codes": [131051]}),
        ("call_permission_reply", "accept"),
    ],
)
def test_interactive_replies_without_a_known_sub_object_are_kept(client, fixture, expected):
    assert post(client, load_2026(fixture)).json()["messages"] == 1
    interactive = ConversationMessage.objects.get().context["interactive"]
    assert interactive == expected or interactive.get("response") == expected


def test_a_message_from_an_ad_keeps_the_referral(client):
    post(client, load_2026("referral_text"))
    referral = ConversationMessage.objects.get().context["referral"]
    assert referral["source_type"] == "ad" and referral["ctwa_clid"] == "ARAkLkA8rmlFeiCktEJQ"
