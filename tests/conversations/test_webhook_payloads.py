"""Parsing Cloud API notifications is pure: plain JSON in, plain dataclasses out."""

import datetime as dt

import pytest

from conversations.whatsapp.payloads import (
    InboundMessage,
    Reaction,
    Skipped,
    StatusUpdate,
    parse_notification,
    text_notification,
)
from tests.conversations.whatsapp_support import FIXTURES, OUTBOUND_WAMID, load

OURS = "100200300400"


def _value(payload: dict) -> dict:
    return payload["entry"][0]["changes"][0]["value"]


def test_every_fixture_parses_into_what_it_holds():
    expected = {
        "batch": (3, 0, 1, 1),
        "reaction": (0, 1, 0, 0),
        "reaction_removed": (0, 1, 0, 0),
        "status_sent": (0, 0, 1, 0),
        "status_delivered": (0, 0, 1, 0),
        "status_read": (0, 0, 1, 0),
        "status_failed": (0, 0, 1, 0),
        "other_object": (0, 0, 0, 1),
        "other_field": (0, 0, 0, 1),
        "foreign_phone_number_id": (0, 0, 0, 1),
        "unknown_type": (0, 0, 0, 0),  # a number change: an identity change
    }
    for path in sorted(FIXTURES.glob("*.json")):
        parsed = parse_notification(load(path.stem), OURS)
        counts = (
            len(parsed.messages),
            len(parsed.reactions),
            len(parsed.statuses),
            len(parsed.skipped),
        )
        assert counts == expected.get(path.stem, (1, 0, 0, 0)), path.stem


def test_a_text_message_becomes_an_inbound_message_in_utc():
    [message] = parse_notification(load("text"), OURS).messages
    assert message == InboundMessage(
        wa_message_id="wamid.HBgKNjU5MTIzMDAwMRUCABIYFDNBTEXT01AA==",
        from_wa_id="6591230001",
        timestamp=dt.datetime(2026, 1, 1, 2, 0, tzinfo=dt.UTC),
        message_type="text",
        content="Hi, we need 400 boxes for 10 inch pizzas",
        context={"profile_name": "Mei Ling"},
    )


def test_a_reaction_names_its_target_and_a_removed_one_has_no_emoji():
    [added] = parse_notification(load("reaction"), OURS).reactions
    [removed] = parse_notification(load("reaction_removed"), OURS).reactions
    assert (added.target_wa_message_id, added.emoji) == (OUTBOUND_WAMID, "\U0001f44d")
    assert isinstance(removed, Reaction)
    assert removed.emoji is None
    assert removed.timestamp > added.timestamp


def test_a_failed_status_keeps_metas_error_code_and_title():
    [status] = parse_notification(load("status_failed"), OURS).statuses
    assert status == StatusUpdate(
        wa_message_id=OUTBOUND_WAMID,
        status="failed",
        timestamp=dt.datetime(2026, 1, 1, 2, 0, 6, tzinfo=dt.UTC),
        errors=({"code": 131047, "title": "Re-engagement message"},),
        recipient_id="6591230001",
    )


def test_a_number_change_is_an_identity_change_and_its_body_is_not_kept():
    parsed = parse_notification(load("unknown_type"), OURS)
    [change] = parsed.identity_changes
    assert (change.kind, change.from_wa_id, change.new_wa_id) == (
        "user_changed_number",
        "6591230001",
        "6591239999",
    )
    assert "changed from" not in repr(parsed)


def test_skipped_items_are_named_without_their_content():
    parsed = parse_notification(load("other_field"), OURS)
    assert [s.kind for s in parsed.skipped] == ["field"]


def test_with_no_phone_number_id_configured_every_number_is_accepted():
    assert len(parse_notification(load("foreign_phone_number_id"), "").messages) == 1


def test_a_voice_played_status_is_a_status():
    payload = load("status_read")
    _value(payload)["statuses"][0]["status"] = "played"
    assert [s.status for s in parse_notification(payload, OURS).statuses] == ["played"]


def test_a_status_of_another_kind_is_skipped_by_name():
    payload = load("status_read")
    _value(payload)["statuses"][0]["status"] = "deleted"
    assert parse_notification(payload, OURS).skipped == [Skipped("status", "deleted")]


def test_an_interactive_reply_of_a_kind_we_do_not_know_is_kept_without_content():
    payload = load("interactive_button_reply")
    _value(payload)["messages"][0]["interactive"] = {"type": "product_reply"}
    [message] = parse_notification(payload, OURS).messages
    assert (message.content, message.context["interactive"]) == ("", {"type": "product_reply"})


@pytest.mark.parametrize(
    ("field", "value"),
    [("id", None), ("from", 6591230001), ("timestamp", "yesterday"), ("timestamp", "-5")],
)
def test_a_message_missing_a_required_field_is_a_failure_without_content(field, value):
    payload = load("text")
    _value(payload)["messages"][0][field] = value
    parsed = parse_notification(payload, OURS)
    assert parsed.messages == []
    [failure] = parsed.failures
    assert failure.error.startswith("missing or invalid")
    assert "pizza" not in repr(failure)


@pytest.mark.parametrize(
    "payload",
    [
        None,
        [],
        {"object": "whatsapp_business_account"},
        {"object": "whatsapp_business_account", "entry": "x"},
        {"object": "whatsapp_business_account", "entry": [{"changes": [None, 3, "x"]}]},
        {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages"}]}]},
    ],
)
def test_odd_shapes_never_raise(payload):
    parsed = parse_notification(payload, "")
    assert parsed.messages == [] and parsed.statuses == []


def test_the_simulators_notification_parses_back_to_the_same_message():
    payload = text_notification(
        wa_id="6591234567",
        body="Hi, we need 400 boxes for 10 inch pizzas",
        wa_message_id="wamid.sim-1",
        timestamp=1767232800,
        phone_number_id=OURS,
        profile_name="Sim",
    )
    [message] = parse_notification(payload, OURS).messages
    assert (message.from_wa_id, message.content, message.wa_message_id) == (
        "6591234567",
        "Hi, we need 400 boxes for 10 inch pizzas",
        "wamid.sim-1",
    )
