"""Approving an order through the API tells its WhatsApp customer of the invoice (issue 19):
outside the 24-hour window as the approved template in their language, once."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.utils import timezone

from orders import services
from orders.models import Invoice
from tests.conversations import whatsapp_support
from tests.factories import OutletContactFactory, OutletFactory, ProductFactory
from tests.orders.support import PHONE, inbound

pytestmark = pytest.mark.django_db


def test_approving_through_the_api_sends_the_invoice_template_in_the_customer_s_language(
    api, django_user_model, httpserver, settings, django_capture_on_commit_callbacks
):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    whatsapp_support.accept_every_send(httpserver)
    settings.ORDER_TEMPLATES = {
        "invoice_issued": {"name": "invoice_issued", "languages": {"en": "en", "zh-hans": "zh_CN"}}
    }
    outlet = OutletFactory(preferred_language="zh-hans")
    OutletContactFactory(phone=PHONE, outlet=outlet, can_order=False)
    session = inbound("hello").session
    line = services.LineRequest(product=ProductFactory(), quantity=400)
    order = services.create_order(
        outlet=outlet, lines=[line], user_id=session.user_id, session=session, needs_approval=True
    )
    user = django_user_model.objects.get(username__startswith="api-")
    user.user_permissions.add(Permission.objects.get(codename="approve_order"))

    with (
        time_machine.travel(timezone.now() + dt.timedelta(hours=25)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        approved = api.post(f"/api/v1/orders/{order.pk}/approve/")
        again = api.post(f"/api/v1/orders/{order.pk}/approve/")

    assert (approved.status_code, again.status_code) == (200, 409)
    invoice = Invoice.objects.get(order=order)
    (body,) = whatsapp_support.sent_bodies(httpserver)
    assert body["type"] == "template"
    assert body["template"]["name"] == "invoice_issued"
    assert body["template"]["language"] == {"code": "zh_CN"}
    parameters = [p["text"] for p in body["template"]["components"][0]["parameters"]]
    assert parameters[:3] == [invoice.number, order.number, f"S${invoice.total:,.2f}"]
    assert "月" in parameters[3]  # the due date as Chinese writes it
