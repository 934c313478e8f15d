"""The transcript shows what the 2026 shapes leave: deleted and edited marks, staff echoes,
carts and flow answers (stored through the signed webhook)."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from conversations.models import ConversationSession
from tests.conversations.whatsapp_support import FIXTURES, post

pytestmark = pytest.mark.django_db


def _post(name: str) -> None:
    payload = json.loads((FIXTURES / "2026" / f"{name}.json").read_text())
    assert post(Client(), payload).status_code == 200


def test_the_transcript_shows_deleted_edited_staff_cart_and_flow_marks(login_as):
    for name in ("phone_and_bsuid_text", "revoke", "referral_text", "edit", "echo", "nfm_reply"):
        _post(name)
    _post("order_username")  # the same customer: its BSUID is linked to the phone
    session = ConversationSession.objects.get()
    url = reverse("admin:conversations_conversationsession_change", args=[session.pk])
    html = login_as("Support agent").get(url).content.decode()
    text = re.sub(r"<[^>]+>", "", html[html.index('<table id="transcript">') :])
    assert "[deleted by the customer]" in text
    assert "400 boxes for 10 inch" not in text  # the revoked text is gone
    assert "[sent by staff from the WhatsApp Business app] Hi Mei Ling" in text
    assert "[cart: 400 × PB-10, 1000 × CUP-12] For Friday please" in text
    assert "[flow answers: slot=morning, cartons=4]" in text
