"""Outlet contacts through the API: the phone number goes in, only its masked form comes out."""

import pytest

from conversations.models import OutletContact
from conversations.whatsapp import identity
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db

CONTACTS = "/api/v1/outlet-contacts/"
DIGITS = "91234567"  # the subscriber number; must never appear in a response


def _create(api, outlet, phone="+6591234567", **fields):
    body = {"outlet": outlet.pk, "phone": phone, "name": "Mei Ling", "role": "manager", **fields}
    return api.post(CONTACTS, body, format="json")


def test_a_contact_is_stored_as_pseudonym_ciphertext_and_mask(api):
    outlet = OutletFactory()
    response = _create(api, outlet, can_order=True)
    assert response.status_code == 201
    assert response.json() == {
        "id": response.json()["id"],
        "outlet": outlet.pk,
        "phone_masked": "+65 ****4567",
        "name": "Mei Ling",
        "role": "manager",
        "can_order": True,
        "created_at": response.json()["created_at"],
        "updated_at": response.json()["updated_at"],
    }
    contact = OutletContact.objects.get()
    assert contact.phone_hash == identity.pseudonymize_phone("+6591234567")
    assert identity.decrypt_phone(contact.phone_encrypted) == "+6591234567"
    assert DIGITS not in contact.phone_encrypted


@pytest.mark.parametrize("written", ["+65 9123 4567", "9123 4567", "6591234567", "+65-9123-4567"])
def test_numbers_written_in_any_common_format_are_the_same_contact(api, written):
    outlet = OutletFactory()
    _create(api, outlet, phone="+6591234567")
    again = _create(api, outlet, phone=written)
    assert again.status_code == 400
    assert again.json()["error"]["details"] == {
        "phone": ["This number is already a contact of this outlet."]
    }
    assert OutletContact.objects.count() == 1


def test_one_number_may_be_a_contact_of_several_outlets(api):
    first, second = OutletFactory(), OutletFactory()
    assert _create(api, first).status_code == 201
    assert _create(api, second, phone="9123 4567").status_code == 201
    hashes = set(OutletContact.objects.values_list("phone_hash", flat=True))
    assert hashes == {identity.pseudonymize_phone("+6591234567")}


@pytest.mark.parametrize("phone", ["12", "not a number", "+65 9123 4567 8901 2345", ""])
def test_an_invalid_phone_is_a_400_naming_the_field(api, phone):
    response = _create(api, OutletFactory(), phone=phone)
    assert response.status_code == 400
    assert list(response.json()["error"]["details"]) == ["phone"]
    assert not OutletContact.objects.exists()


def test_changing_the_number_updates_hash_ciphertext_and_mask(api):
    contact_id = _create(api, OutletFactory()).json()["id"]
    response = api.patch(f"{CONTACTS}{contact_id}/", {"phone": "+65 8765 4321"}, format="json")
    assert response.json()["phone_masked"] == "+65 ****4321"
    contact = OutletContact.objects.get()
    assert contact.phone_hash == identity.pseudonymize_phone("+6587654321")
    assert identity.decrypt_phone(contact.phone_encrypted) == "+6587654321"


def test_a_contact_can_be_found_by_its_number_in_a_query_body(api):
    outlet = OutletFactory()
    wanted = _create(api, outlet).json()["id"]
    _create(api, outlet, phone="+6587654321")
    response = api.post(f"{CONTACTS}query/", {"filters": {"phone": "9123 4567"}}, format="json")
    assert [row["id"] for row in response.json()["results"]] == [wanted]


def test_a_phone_number_is_not_accepted_in_a_query_string(api):
    response = api.get(CONTACTS, {"phone": "+6591234567"})
    assert response.status_code == 400


def test_no_response_ever_contains_the_number_unmasked(api):
    outlet = OutletFactory()
    created = _create(api, outlet)
    contact_id = created.json()["id"]
    responses = [
        created,
        _create(api, outlet),  # duplicate: the error must not echo the number
        api.get(CONTACTS),
        api.get(f"{CONTACTS}{contact_id}/"),
        api.patch(f"{CONTACTS}{contact_id}/", {"phone": "+65 9123 4567"}, format="json"),
        api.put(
            f"{CONTACTS}{contact_id}/",
            {"outlet": outlet.pk, "phone": "6591234567", "name": "Mei", "role": "owner"},
            format="json",
        ),
        api.post(f"{CONTACTS}query/", {"filters": {"phone": "+6591234567"}}, format="json"),
        api.post(f"{CONTACTS}query/", {"filters": {"phone": "9123"}}, format="json"),
        api.post(
            f"{CONTACTS}bulk/",
            [{"outlet": OutletFactory().pk, "phone": "+6591234567"}, {"phone": "+6591234567"}],
            format="json",
        ),
        api.post(
            f"{CONTACTS}bulk/", [{"outlet": OutletFactory().pk, "phone": "91234567"}], format="json"
        ),
        api.patch(f"{CONTACTS}bulk/", [{"id": contact_id, "phone": "+6591234567"}], format="json"),
    ]
    statuses = [r.status_code for r in responses]
    assert statuses == [201, 400, 200, 200, 200, 200, 200, 400, 400, 201, 200]
    for response in responses:
        body = response.content.decode()
        assert DIGITS not in body
        assert "4567" not in body.replace("****4567", "")


def test_deleting_a_contact_removes_it(api):
    contact_id = _create(api, OutletFactory()).json()["id"]
    assert api.delete(f"{CONTACTS}{contact_id}/").status_code == 204
    assert not OutletContact.objects.exists()
