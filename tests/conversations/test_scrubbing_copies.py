"""Every copy is scrubbed (issue 20): order notes, flag reasons, known names, catalogue SKUs."""

import datetime as dt

import pytest
import time_machine

from conversations.models import ConversationMessage, ConversationSession
from conversations.privacy import scrubbing
from orders.models import Order
from tests.factories import (
    MessageFactory,
    OutletContactFactory,
    OutletFactory,
    ProductFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db
START = dt.datetime(2025, 3, 10, 9, 0, tzinfo=dt.UTC)
LATER = START + dt.timedelta(hours=12)


def test_order_notes_are_scrubbed_and_their_order_numbers_kept() -> None:
    with time_machine.travel(START, tick=False):
        order = Order.objects.create(
            number="ORD-2025-000001",
            outlet=OutletFactory(),
            notes="Order no. 86620931: call 9123 4567 at the back door",
        )
    with time_machine.travel(LATER, tick=False):
        report = scrubbing.scrub_pending()
    order.refresh_from_db()
    assert order.notes == "Order no. 86620931: call [PHONE] at the back door"
    assert report.counts["PHONE"] >= 1


def test_a_flag_reason_quoting_the_customer_is_scrubbed() -> None:
    with time_machine.travel(START, tick=False):
        session = SessionFactory(flagged_for_followup=True, flag_reason="wants a call on 9123 4567")
    with time_machine.travel(LATER, tick=False):
        scrubbing.scrub_pending()
    session.refresh_from_db()
    assert session.flag_reason == "wants a call on [PHONE]"
    assert session.flagged_for_followup


def test_profile_and_outlet_contact_names_are_scrubbed_in_the_text() -> None:
    contact = OutletContactFactory(name="Rajesh Kumar", phone="+6591110000")
    with time_machine.travel(START, tick=False):
        session = SessionFactory(user_id=contact.phone_hash, outlet=contact.outlet)
        message = MessageFactory(
            session=session,
            content="mei ling says rajesh will collect the 400 boxes",
            context={"profile_name": "Mei Ling Tan"},
        )
    with time_machine.travel(LATER, tick=False):
        scrubbing.scrub_pending()
    message.refresh_from_db()
    assert message.content == "[NAME] says [NAME] will collect the 400 boxes"
    assert message.context["profile_name"] == "[NAME]"


def test_a_catalogue_sku_shaped_like_a_phone_survives_without_a_label() -> None:
    ProductFactory(sku="91234567")
    with time_machine.travel(START, tick=False):
        message = MessageFactory(content="pls send 91234567 again, 20 ctn")
        other = MessageFactory(content="pls send 97654321 again")
    with time_machine.travel(LATER, tick=False):
        scrubbing.scrub_pending()
    assert ConversationMessage.objects.get(pk=message.pk).content == message.content
    assert ConversationMessage.objects.get(pk=other.pk).content == "pls send [PHONE] again"
    assert ConversationSession.objects.count() == 2
