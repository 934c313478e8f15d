"""The invoice notice (issue 19, outside the 24-hour window): when staff approve an order, the
customer is told of its invoice once, in their language: free text inside the window, the
approved template (name and Meta language code from settings, parameters from the invoice)
outside it, never free text that Meta refuses with 131047. The Graph API is a real local HTTP
server, so what is asserted is the JSON Meta receives."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction

from conversations.models import ConversationMessage, ConversationSession
from orders import notifications
from orders import services as order_services
from orders.models import Invoice, Order
from tests.conversations import whatsapp_support
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import PHONE, inbound, load_catalogue

pytestmark = pytest.mark.django_db

SINGAPORE = ZoneInfo("Asia/Singapore")
APPROVED_AT = dt.datetime(2026, 3, 2, 10, 0, tzinfo=SINGAPORE)  # a Monday; due 30 days later
INSIDE = dt.timedelta(hours=1)  # the customer wrote an hour before the approval
OUTSIDE = dt.timedelta(hours=25)  # a day and an hour before: the window has closed
META_CODES = {"en": "en_GB", "zh-hans": "zh_CN", "ms": "ms", "ta": "ta"}
DUE = {  # 1 April 2026, a Wednesday, as each language writes it
    "en": "Wed 1 Apr",
    "zh-hans": "4月1日（星期三）",
    "ms": "Rab 1 Apr",
    "ta": "1 ஏப் (புதன்)",
}
# What the customer reads inside the window (the catalogues' sentences, filled in).
FREE_TEXT = {
    "en": "Invoice {invoice} for {order}: S$165.68 incl. GST, due Wed 1 Apr.",
    "zh-hans": "{order} 的发票 {invoice}：S$165.68（含消费税），付款期限 4月1日（星期三）。",
    "ms": "Invois {invoice} untuk {order}: S$165.68 termasuk GST, perlu dibayar pada Rab 1 Apr.",
    "ta": ("{order} க்கான விலைப்பட்டியல் {invoice}: S$165.68, GST உட்பட, செலுத்த வேண்டிய நாள் 1 ஏப் (புதன்)."),
}


@pytest.fixture
def graph(httpserver, settings):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    whatsapp_support.accept_every_send(httpserver)
    settings.ORDER_TEMPLATES = {
        "invoice_issued": {"name": "invoice_ready_v2", "languages": META_CODES},
        "delivery_reminder": {"name": "delivery_reminder", "languages": {"en": "en"}},
    }
    return httpserver


def sent(graph) -> list[dict]:
    """What Meta received, without our per-message callback id."""
    bodies = whatsapp_support.sent_bodies(graph)
    for body in bodies:
        body.pop("biz_opaque_callback_data")
    return bodies


def pending_order(language: str, *, wrote_before: dt.timedelta, can_order: bool = False) -> Order:
    """An order awaiting approval of a customer (outlet language `language`) who last wrote
    `wrote_before` the approval."""
    products = load_catalogue()
    outlet = OutletFactory(name="Napoli Pizza Bar", preferred_language=language)
    OutletContactFactory(phone=PHONE, outlet=outlet, can_order=can_order)
    with time_machine.travel(APPROVED_AT - wrote_before, tick=False):
        session = ConversationSession.objects.get(session_id=inbound("hello").session_id)
    return order_services.create_order(
        outlet=outlet,
        lines=[order_services.LineRequest(products["PB-10"], 400)],
        user_id=session.user_id,
        session=session,
        needs_approval=True,
    )


def approve(order: Order, capture) -> Order:
    with time_machine.travel(APPROVED_AT, tick=False), capture(execute=True):
        return order_services.approve_order(order)


@pytest.mark.parametrize("language", list(META_CODES))
def test_outside_the_window_an_approved_order_s_invoice_reaches_meta_as_the_template_in_the_customer_s_language(  # noqa: E501
    graph, django_capture_on_commit_callbacks, language
):
    order = approve(
        pending_order(language, wrote_before=OUTSIDE), django_capture_on_commit_callbacks
    )

    invoice = Invoice.objects.get(order=order)
    assert sent(graph) == [
        {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": PHONE.lstrip("+"),
            "type": "template",
            "template": {
                "name": "invoice_ready_v2",
                "language": {"code": META_CODES[language]},
                "components": [
                    {
                        "type": "body",
                        "parameters": [
                            {"type": "text", "text": invoice.number},
                            {"type": "text", "text": order.number},
                            {"type": "text", "text": "S$165.68"},
                            {"type": "text", "text": DUE[language]},
                        ],
                    }
                ],
            },
        }
    ]
    message = ConversationMessage.objects.get(intent=notifications.INVOICE_ISSUED)
    assert (message.message_type, message.delivery_status) == ("template", "sent")
    # the transcript shows what the customer reads, in their language
    assert message.content == FREE_TEXT[language].format(invoice=invoice.number, order=order.number)


@pytest.mark.parametrize("language", list(META_CODES))
def test_inside_the_window_the_invoice_notice_is_free_text_in_the_customer_s_language(
    graph, django_capture_on_commit_callbacks, language
):
    order = approve(
        pending_order(language, wrote_before=INSIDE), django_capture_on_commit_callbacks
    )

    invoice = Invoice.objects.get(order=order)
    (body,) = sent(graph)
    assert body["type"] == "text" and "template" not in body
    expected = FREE_TEXT[language].format(invoice=invoice.number, order=order.number)
    assert body["text"]["body"] == expected


def test_an_invoice_is_announced_once_however_often_it_is_approved_or_the_notice_retried(
    graph, django_capture_on_commit_callbacks
):
    order = approve(pending_order("ms", wrote_before=OUTSIDE), django_capture_on_commit_callbacks)
    invoice = Invoice.objects.get(order=order)

    with pytest.raises(order_services.OrderError):
        approve(order, django_capture_on_commit_callbacks)  # a second click on "approve"
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.send_invoice_notice(invoice.pk) is None  # a retried notice
    # changed by someone who may not order (back to approval), then approved again
    order_services.change_line_quantity(order, order.lines.get(), 500, needs_approval=True)
    approve(order, django_capture_on_commit_callbacks)

    assert len(sent(graph)) == 1
    assert ConversationMessage.objects.filter(intent=notifications.INVOICE_ISSUED).count() == 1
    assert Invoice.objects.get(pk=invoice.pk).notice_sent_at == APPROVED_AT


def test_an_approval_rolled_back_sends_no_notice_and_a_later_one_does(
    graph, django_capture_on_commit_callbacks
):
    order = pending_order("zh-hans", wrote_before=OUTSIDE)

    with (
        pytest.raises(RuntimeError),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        order_services.approve_order(order)
        raise RuntimeError("the admin action failed after the approval")

    assert Order.objects.get(pk=order.pk).status == Order.Status.PENDING_APPROVAL
    assert sent(graph) == []
    assert not ConversationMessage.objects.filter(intent=notifications.INVOICE_ISSUED).exists()
    approve(order, django_capture_on_commit_callbacks)
    assert [body["template"]["language"]["code"] for body in sent(graph)] == ["zh_CN"]


def test_the_customer_s_own_language_wins_over_the_outlet_s_preferred_one(
    graph, django_capture_on_commit_callbacks
):
    order = pending_order("en", wrote_before=OUTSIDE)
    # the assistant keeps the language the customer last wrote in with confidence
    ConversationSession.objects.filter(pk=order.session.pk).update(context={"language": "ta"})

    approve(order, django_capture_on_commit_callbacks)

    (body,) = sent(graph)
    assert body["template"]["language"] == {"code": "ta"}
    assert body["template"]["components"][0]["parameters"][3] == {"type": "text", "text": DUE["ta"]}


def test_an_order_with_no_customer_to_tell_is_approved_without_a_notice(
    graph, django_capture_on_commit_callbacks
):
    products = load_catalogue()
    order = order_services.create_order(  # placed through the API: no WhatsApp customer
        outlet=OutletFactory(),
        lines=[order_services.LineRequest(products["CUP-12"], 1000)],
        needs_approval=True,
    )

    approve(order, django_capture_on_commit_callbacks)

    assert Order.objects.get(pk=order.pk).status == Order.Status.CONFIRMED
    assert sent(graph) == []
    assert Invoice.objects.get(order=order).notice_sent_at is None


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("ORDER_TEMPLATES", '{"invoice_issued": "invoice_issued"}'),
        ("WHATSAPP_TEMPLATES", '{"follow_up": {"languages": {"en": ""}, "parameters": 1}}'),
    ],
)
def test_a_template_setting_meta_would_refuse_stops_the_start_naming_it(setting, value):
    env = {**os.environ, setting: value, "ENV_FILE": os.devnull}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert f'{setting}["' in result.stderr and '"languages"' in result.stderr
