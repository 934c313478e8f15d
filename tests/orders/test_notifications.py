"""Order notifications we send unasked (orders.notifications): outside the 24-hour window they
reach WhatsApp as approved templates in the customer's language, inside it as free text, and a
delivery is reminded once. The Graph API is a real local HTTP server."""

import datetime as dt
import json

import pytest
import time_machine
from django.utils import timezone, translation
from django_celery_beat.models import PeriodicTask
from werkzeug import Response

from conversations.models import ConversationMessage, ConversationSession
from orders import notifications, replies
from orders import services as order_services
from orders.models import DeliveryOrder, Order
from tests.conversations import whatsapp_support
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import PHONE, inbound, load_catalogue
from tria import schedules

pytestmark = pytest.mark.django_db

PATH = "/v21.0/100200300400/messages"
LATER = dt.timedelta(hours=25)  # the customer-service window has closed


@pytest.fixture
def graph(httpserver, settings):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    settings.ORDER_TEMPLATES = {
        "delivery_reminder": {
            "name": "delivery_reminder_v2",
            "languages": {"en": "en", "zh-hans": "zh_CN", "ms": "ms"},
        },
        "invoice_issued": {"name": "invoice_issued", "languages": {"en": "en_US"}},
    }
    counter = iter(range(1, 1000))
    httpserver.expect_request(PATH, method="POST").respond_with_handler(
        lambda request: Response(
            json.dumps(
                {"messaging_product": "whatsapp", "messages": [{"id": f"w.{next(counter)}"}]}
            ),
            content_type="application/json",
        )
    )
    return httpserver


def sent(graph) -> list[dict]:
    return whatsapp_support.sent_bodies(graph)


def order_of_customer(language: str) -> Order:
    """A confirmed order of a customer who wrote to us just now, delivered the day after the
    reminder job runs (LATER from now)."""
    products = load_catalogue()
    outlet = OutletFactory(name="Napoli Pizza Bar", preferred_language=language)
    OutletContactFactory(phone=PHONE, outlet=outlet)
    session = ConversationSession.objects.get(session_id=inbound("hello").session_id)
    order = order_services.create_order(
        outlet=outlet,
        lines=[order_services.LineRequest(products["PB-10"], 400)],
        user_id=session.user_id,
        session=session,
    )
    DeliveryOrder.objects.filter(order=order).update(
        scheduled_date=timezone.localdate(timezone.now() + LATER) + dt.timedelta(days=1)
    )
    return Order.objects.select_related("delivery", "invoice").get(pk=order.pk)


def remind_tomorrow(capture) -> int:
    """The beat job, run a day later (25 hours after the customer's message)."""
    with time_machine.travel(timezone.now() + LATER), capture(execute=True):
        return notifications.send_delivery_reminders()


def test_outside_the_window_the_reminder_is_the_template_in_the_customers_language(
    graph, django_capture_on_commit_callbacks
):
    order = order_of_customer("zh-hans")

    assert remind_tomorrow(django_capture_on_commit_callbacks) == 1

    (body,) = sent(graph)
    assert body["type"] == "template" and body["to"] == PHONE.lstrip("+")
    with translation.override("zh-hans"):
        day = replies.day(order.delivery.scheduled_date)
    assert "月" in day
    assert body["template"] == {
        "name": "delivery_reminder_v2",
        "language": {"code": "zh_CN"},
        "components": [
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "text": order.number},
                    {"type": "text", "text": day},
                    {"type": "text", "text": "S$165.68"},
                ],
            }
        ],
    }
    message = ConversationMessage.objects.get(intent="delivery_reminder")
    assert (message.message_type, message.delivery_status) == ("template", "sent")
    assert message.content.startswith("提醒")  # the transcript shows what the customer reads


def test_a_delivery_is_reminded_once_however_often_the_job_runs(
    graph, django_capture_on_commit_callbacks
):
    order = order_of_customer("en")

    assert remind_tomorrow(django_capture_on_commit_callbacks) == 1
    assert remind_tomorrow(django_capture_on_commit_callbacks) == 0
    assert notifications.send_delivery_reminder(order.delivery.pk) is False

    assert len(sent(graph)) == 1
    assert DeliveryOrder.objects.get(order=order).reminder_sent_at is not None


def test_inside_the_window_the_reminder_is_free_text_in_the_customers_language(
    graph, django_capture_on_commit_callbacks
):
    order = order_of_customer("ms")
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.send_delivery_reminder(order.delivery.pk) is True

    (body,) = sent(graph)
    assert body["type"] == "text"
    assert body["text"]["body"].startswith(f"Peringatan: {order.number}")
    assert "S$165.68 termasuk GST" in body["text"]["body"]


def test_a_language_the_template_is_not_approved_in_gets_the_english_one(
    graph, django_capture_on_commit_callbacks
):
    order = order_of_customer("ta")

    remind_tomorrow(django_capture_on_commit_callbacks)

    (body,) = sent(graph)
    assert body["template"]["language"] == {"code": "en"}
    parameters = [p["text"] for p in body["template"]["components"][0]["parameters"]]
    with translation.override("en"):
        assert parameters[1] == replies.day(order.delivery.scheduled_date)


def test_a_cancelled_order_is_not_reminded(graph, django_capture_on_commit_callbacks):
    order = order_of_customer("en")
    order_services.cancel_order(order)

    assert remind_tomorrow(django_capture_on_commit_callbacks) == 0
    assert sent(graph) == []


def test_an_invoice_notice_outside_the_window_is_the_invoice_template(
    graph, django_capture_on_commit_callbacks
):
    order = order_of_customer("zh-hans")

    with (
        time_machine.travel(timezone.now() + LATER),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert notifications.send_invoice_notice(order.invoice.pk) is not None

    (body,) = sent(graph)
    assert body["template"]["name"] == "invoice_issued"
    assert body["template"]["language"] == {"code": "en_US"}  # approved in English only
    parameters = [p["text"] for p in body["template"]["components"][0]["parameters"]]
    with translation.override("en"):
        due = replies.day(order.invoice.due_date)
    assert parameters == [order.invoice.number, order.number, "S$165.68", due]


def test_the_reminder_is_in_the_language_the_customer_writes_in_not_the_outlet_s(
    graph, django_capture_on_commit_callbacks
):
    order = order_of_customer("en")
    # the assistant keeps the language the customer last wrote in with confidence
    ConversationSession.objects.filter(pk=order.session.pk).update(context={"language": "ms"})

    remind_tomorrow(django_capture_on_commit_callbacks)

    (body,) = sent(graph)
    assert body["template"]["language"] == {"code": "ms"}
    with translation.override("ms"):
        day = replies.day(order.delivery.scheduled_date)
    assert body["template"]["components"][0]["parameters"][1] == {"type": "text", "text": day}
    assert ConversationMessage.objects.get(intent="delivery_reminder").content.startswith(
        f"Peringatan: {order.number}"
    )


def test_the_reminder_job_is_a_daily_beat_row_at_the_configured_hour(settings):
    settings.DELIVERY_REMINDER_HOUR = 17
    schedules.ensure_schedules()
    row = PeriodicTask.objects.get(name=schedules.REMINDER_SCHEDULE)
    assert (row.task, row.crontab.hour, row.enabled) == (
        "orders.tasks.send_delivery_reminders",
        "17",
        True,
    )


def test_the_reminder_follows_the_language_of_the_customer_s_latest_session_not_the_order_s(
    graph, django_capture_on_commit_callbacks
):
    order = order_of_customer("en")
    ConversationSession.objects.filter(pk=order.session.pk).update(context={"language": "zh"})
    with time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
        later = inbound("hello again").session  # a new session, two hours on
    assert later.pk != order.session.pk
    ConversationSession.objects.filter(pk=later.pk).update(context={"language": "ms"})

    remind_tomorrow(django_capture_on_commit_callbacks)

    (body,) = sent(graph)  # 23 hours after their latest message: free text, in Malay
    assert body["text"]["body"].startswith(f"Peringatan: {order.number}")
