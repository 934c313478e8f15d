"""Outlet contacts by BSUID through the API: a customer who writes with a WhatsApp username has
no phone number, only a business-scoped user id; it goes in and is kept only as a pseudonym."""

import pytest

from conversations.models import OutletContact
from conversations.whatsapp import identity
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db

CONTACTS = "/api/v1/outlet-contacts/"
BSUID = "SG.1349120865530274"


def _create(api, outlet, **fields):
    body = {"outlet": outlet.pk, "name": "Mei Ling", "role": "manager", **fields}
    return api.post(CONTACTS, body, format="json")


def test_a_contact_can_be_created_by_bsuid_alone_and_it_is_kept_only_as_a_pseudonym(api):
    response = _create(api, OutletFactory(), bsuid=BSUID)
    assert response.status_code == 201
    assert response.json()["phone_masked"] == ""
    assert "bsuid" not in response.json()
    contact = OutletContact.objects.get()
    assert (contact.bsuid_hash, contact.phone_hash) == (identity.bsuid_key(BSUID), "")
    stored = " ".join(str(v) for v in OutletContact.objects.values().get().values())
    for shown in (stored, response.content.decode(), api.get(CONTACTS).content.decode()):
        assert "1349120865530274" not in shown


def test_a_contact_may_have_both_a_phone_number_and_a_bsuid(api):
    response = _create(api, OutletFactory(), phone="+65 9123 4567", bsuid=BSUID)
    assert response.status_code == 201
    assert response.json()["phone_masked"] == "+65 ****4567"
    contact = OutletContact.objects.get()
    assert contact.phone_hash == identity.pseudonymize_phone("+6591234567")
    assert contact.bsuid_hash == identity.bsuid_key(BSUID)


@pytest.mark.parametrize("typed", ["not a bsuid", "S.123", "SG.12 34"])
def test_a_malformed_bsuid_is_a_400_naming_the_field(api, typed):
    response = _create(api, OutletFactory(), bsuid=typed)
    assert response.status_code == 400
    assert list(response.json()["error"]["details"]) == ["bsuid"]
    assert not OutletContact.objects.exists()


@pytest.mark.parametrize("fields", [{}, {"phone": "", "bsuid": ""}])
def test_a_contact_without_phone_or_bsuid_is_a_400_asking_for_one(api, fields):
    response = _create(api, OutletFactory(), **fields)
    assert response.status_code == 400
    assert response.json()["error"]["details"] == {
        "phone": ["Enter the contact's phone number or bsuid."]
    }
    assert not OutletContact.objects.exists()


def test_the_same_bsuid_twice_in_one_outlet_is_a_400_but_another_outlet_may_have_it(api):
    outlet = OutletFactory()
    assert _create(api, outlet, bsuid=BSUID).status_code == 201
    again = _create(api, outlet, bsuid=BSUID)
    assert again.status_code == 400
    assert again.json()["error"]["details"] == {
        "bsuid": ["This BSUID is already a contact of this outlet."]
    }
    assert "1349120865530274" not in again.content.decode()
    assert _create(api, OutletFactory(), bsuid=BSUID).status_code == 201


def test_a_bsuid_can_be_added_to_a_contact_known_by_phone(api):
    contact_id = _create(api, OutletFactory(), phone="+6591234567").json()["id"]
    response = api.patch(f"{CONTACTS}{contact_id}/", {"bsuid": BSUID}, format="json")
    assert response.status_code == 200
    assert response.json()["phone_masked"] == "+65 ****4567"  # the number is kept
    assert OutletContact.objects.get().bsuid_hash == identity.bsuid_key(BSUID)


def test_a_contact_can_be_found_by_its_bsuid_in_a_query_body_but_never_a_query_string(api):
    outlet = OutletFactory()
    wanted = _create(api, outlet, bsuid=BSUID).json()["id"]
    _create(api, outlet, phone="+6587654321")
    response = api.post(f"{CONTACTS}query/", {"filters": {"bsuid": BSUID}}, format="json")
    assert [row["id"] for row in response.json()["results"]] == [wanted]
    assert api.get(CONTACTS, {"bsuid": BSUID}).status_code == 400
