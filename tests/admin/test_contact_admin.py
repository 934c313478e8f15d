"""Outlet contacts in the admin: typed numbers normalised, stored as pseudonym/encrypted/masked."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from conversations.models import AuditEvent, OutletContact
from conversations.whatsapp import identity
from tests.factories import OutletFactory, SessionFactory

ADD_URL = "/admin/conversations/outletcontact/add/"
E164 = "+6591234567"


def _add(client, outlet, phone: str, name: str = "Mei Ling", **extra):
    data = {"outlet": outlet.pk, "phone": phone, "name": name, "role": "manager", "can_order": "on"}
    return client.post(ADD_URL, {**data, **extra})


def test_a_typed_number_is_stored_as_pseudonym_encrypted_and_masked_never_in_clear(login_as):
    outlet = OutletFactory()
    response = _add(login_as("Supervisor"), outlet, "+65 9123 4567")
    assert response.status_code == 302
    contact = OutletContact.objects.get()
    assert contact.phone_hash == identity.pseudonymize_phone(E164)
    assert identity.decrypt_phone(contact.phone_encrypted) == E164
    assert contact.phone_masked == "+65 ****4567"
    stored = " ".join(str(v) for v in OutletContact.objects.values().get().values())
    assert "91234567" not in stored


def test_one_number_written_three_ways_ends_as_one_contact(login_as):
    outlet = OutletFactory()
    client = login_as("Supervisor")
    assert _add(client, outlet, "+65 9123 4567").status_code == 302
    for again in ("91234567", "6591234567"):
        response = _add(client, outlet, again, name="Someone else")
        assert response.status_code == 200
        assert "already a contact of this outlet" in response.content.decode()
    assert OutletContact.objects.count() == 1


def test_one_number_may_be_a_contact_of_several_outlets(login_as):
    client = login_as("Supervisor")
    first, second = OutletFactory(), OutletFactory()
    assert _add(client, first, "+65 9123 4567").status_code == 302
    assert _add(client, second, "91234567").status_code == 302
    hashes = set(OutletContact.objects.values_list("phone_hash", flat=True))
    assert hashes == {identity.pseudonymize_phone(E164)}


@pytest.mark.parametrize("typed", ["", "boxes please", "12"])
def test_a_missing_or_impossible_number_is_refused_with_a_reason(login_as, typed):
    response = _add(login_as("Supervisor"), OutletFactory(), typed)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter the contact" in page or "This is not a phone number." in page
    assert OutletContact.objects.count() == 0


def test_editing_a_contact_keeps_its_number_unless_a_new_one_is_typed(login_as):
    outlet = OutletFactory()
    client = login_as("Supervisor")
    _add(client, outlet, E164)
    contact = OutletContact.objects.get()
    url = reverse("admin:conversations_outletcontact_change", args=[contact.pk])
    base = {"outlet": outlet.pk, "name": "Mei Ling Tan", "role": "owner"}
    assert client.post(url, {**base, "phone": ""}).status_code == 302
    contact.refresh_from_db()
    assert (contact.name, contact.phone_hash) == ("Mei Ling Tan", identity.pseudonymize_phone(E164))
    assert client.post(url, {**base, "phone": "8123 4567"}).status_code == 302
    contact.refresh_from_db()
    assert contact.phone_hash == identity.pseudonymize_phone("+6581234567")
    assert contact.phone_masked == "+65 ****4567"
    assert contact.can_order is False


def test_a_flagged_session_of_an_unknown_number_shows_who_it_was_once_the_contact_exists(
    client, make_staff
):
    session = SessionFactory(
        user_id=identity.pseudonymize_phone(E164),
        flagged_for_followup=True,
        flag_reason="unknown number",
    )
    outlet = OutletFactory(name="Pizza Corner Tampines")
    agent, supervisor = make_staff("Support agent"), make_staff("Supervisor")
    flagged_list = "/admin/conversations/conversationsession/?flagged_for_followup__exact=1"
    detail = reverse("admin:conversations_conversationsession_change", args=[session.pk])
    who = "Mei Ling +65 ****4567 · Pizza Corner Tampines"
    client.force_login(agent)
    assert "unknown number" in client.get(flagged_list).content.decode()
    assert who not in client.get(detail).content.decode()
    client.force_login(supervisor)
    assert _add(client, outlet, "9123 4567").status_code == 302
    client.force_login(agent)
    assert who in client.get(flagged_list).content.decode()
    assert who in client.get(detail).content.decode()


def test_saving_a_contact_is_audited_without_the_number(login_as):
    _add(login_as("Supervisor"), OutletFactory(), E164)
    contact = OutletContact.objects.get()
    event = AuditEvent.objects.get(action="contact.save")
    assert (event.object_type, event.object_id) == ("outlet_contact", str(contact.pk))
    entry = LogEntry.objects.get_for_object(contact).get()
    assert entry.actor.username == "supervisor"
    assert "phone_hash" not in entry.changes_dict and "phone_encrypted" not in entry.changes_dict
    assert contact.phone_hash not in str(entry.changes)


def test_contacts_can_be_found_by_their_phone_number_or_name(login_as):
    client = login_as("Supervisor")
    _add(client, OutletFactory(), E164)
    _add(client, OutletFactory(), "+6581112222", name="Ah Seng")
    found = client.post("/admin/conversations/outletcontact/find/", {"q": "9123 4567"})
    assert (
        found["Location"]
        == f"/admin/conversations/outletcontact/?q={identity.pseudonymize_phone(E164)}"
    )
    listing = client.get(found["Location"])
    assert [c.name for c in listing.context["cl"].result_list] == ["Mei Ling"]
    by_name = client.get(
        client.post("/admin/conversations/outletcontact/find/", {"q": "seng"})["Location"]
    )
    assert [c.name for c in by_name.context["cl"].result_list] == ["Ah Seng"]
