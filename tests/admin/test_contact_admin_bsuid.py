"""Outlet contacts registered by BSUID, for customers who write with a WhatsApp username."""

import pytest

from conversations.models import OutletContact
from conversations.whatsapp import identity
from tests.factories import OutletFactory

ADD_URL = "/admin/conversations/outletcontact/add/"
BSUID = "SG.1349120865530274"


def _add(client, outlet, **fields):
    data = {"outlet": outlet.pk, "phone": "", "name": "Mei Ling", "role": "manager"}
    return client.post(ADD_URL, {**data, "can_order": "on", **fields})


def test_a_contact_can_be_registered_by_bsuid_alone_and_it_is_kept_only_as_a_pseudonym(login_as):
    response = _add(login_as("Supervisor"), OutletFactory(), bsuid=BSUID)
    assert response.status_code == 302
    contact = OutletContact.objects.get()
    assert (contact.bsuid_hash, contact.phone_hash) == (identity.bsuid_key(BSUID), "")
    stored = " ".join(str(v) for v in OutletContact.objects.values().get().values())
    assert "1349120865530274" not in stored


@pytest.mark.parametrize("typed", ["not a bsuid", "S.123", "SG.12 34"])
def test_a_malformed_bsuid_is_refused_with_a_reason(login_as, typed):
    response = _add(login_as("Supervisor"), OutletFactory(), bsuid=typed)
    assert response.status_code == 200
    assert "This is not a business-scoped user id." in response.content.decode()
    assert not OutletContact.objects.exists()
