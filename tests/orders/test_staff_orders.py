"""Orders placed or corrected by a colleague from a session's page (orders.staff, staff_admin).

The Graph API is a real local HTTP server: what the customer would receive is what is asserted.
"""

import datetime as dt
import json
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone

from conversations.models import AuditEvent, ConversationMessage, ConversationSession, Role
from orders import staff
from orders.models import DeliveryOrder, Invoice, Order
from tests.conversations import whatsapp_support
from tests.factories import OutletContactFactory, OutletFactory
from tests.orders.support import PHONE, inbound, load_catalogue

pytestmark = pytest.mark.django_db

PATH = "/v21.0/100200300400/messages"


@pytest.fixture
def catalogue():
    return load_catalogue()


@pytest.fixture
def graph(httpserver, settings):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    whatsapp_support.accept_every_send(httpserver)
    return httpserver


def sent(graph) -> list[dict]:
    return whatsapp_support.sent_bodies(graph)


def member_of(group: str | None, username: str) -> User:
    user = User.objects.create_user(username, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def agent():
    return member_of("Support agent", "mei.agent")


def customer_session(*, can_order: bool = True) -> ConversationSession:
    """A registered customer of Napoli Pizza Bar who wrote a minute ago."""
    outlet = OutletFactory(name="Napoli Pizza Bar")
    OutletContactFactory(phone=PHONE, outlet=outlet, can_order=can_order)
    session = inbound("can someone put in my usual order?").session
    ConversationSession.objects.filter(pk=session.pk).update(outlet=outlet)
    return ConversationSession.objects.select_related("outlet").get(pk=session.pk)


def place_url(session: ConversationSession) -> str:
    return f"/admin/orders/order/for-session/{session.pk}/"


def correct_url(order: Order, session: ConversationSession) -> str:
    return f"/admin/orders/order/{order.pk}/correct/?session={session.pk}"


def lines_form(*rows: tuple[object, object]) -> dict:
    data = {
        "lines-TOTAL_FORMS": "6",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
    }
    for i, (product, quantity) in enumerate(rows):
        data[f"lines-{i}-product"] = str(product)
        data[f"lines-{i}-quantity"] = str(quantity)
    return data


def test_an_order_placed_from_the_session_page_is_invoiced_confirmed_to_the_customer_and_audited(
    client, graph, agent, catalogue, django_capture_on_commit_callbacks
):
    session = customer_session()
    client.force_login(agent)
    form = lines_form((catalogue["PB-10"].pk, 400), (catalogue["CUP-12"].pk, 1000))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(place_url(session), form)

    assert response.status_code == 302
    assert response["Location"].endswith(f"/conversationsession/{session.pk}/change/")
    order = Order.objects.get()
    assert (order.outlet.name, order.status, order.session_id) == (
        "Napoli Pizza Bar",
        Order.Status.CONFIRMED,
        session.session_id,
    )
    assert sorted((line.product.sku, line.quantity) for line in order.lines.all()) == [
        ("CUP-12", 1000),
        ("PB-10", 400),
    ]
    assert order.total == Decimal("252.88")  # (152.00 + 80.00) + 9% GST
    assert DeliveryOrder.objects.get(order=order).status == DeliveryOrder.Status.SCHEDULED
    assert Invoice.objects.get(order=order).total == order.total

    (body,) = sent(graph)
    assert body["to"] == PHONE.lstrip("+")
    assert body["text"]["body"].startswith("Order processed!")
    assert order.number in body["text"]["body"] and order.invoice.number in body["text"]["body"]
    message = ConversationMessage.objects.get(session=session, role=Role.STAFF)
    assert (message.intent, message.context["sent_by"]) == ("order_confirmation", agent.pk)
    assert message.delivery_status == "sent"

    event = AuditEvent.objects.get(action=staff.PLACED_EVENT)
    assert (event.actor, event.object_id) == (agent, order.number)
    assert event.details["sent"] is True and event.details["lines"] == 2
    assert "Order processed" not in json.dumps(event.details)
    page = client.get(response["Location"]).content.decode()
    assert f"{order.number} placed" in page and "sent the confirmation" in page


def test_an_agent_order_for_a_contact_who_may_not_order_waits_for_approval_and_is_flagged(
    graph, agent, catalogue, django_capture_on_commit_callbacks
):
    session = customer_session(can_order=False)
    line = staff.order_services.LineRequest(catalogue["PB-12"], 200)
    with django_capture_on_commit_callbacks(execute=True):
        result = staff.create_order_for_session(session, [line], agent)

    assert result.order.status == Order.Status.PENDING_APPROVAL
    assert not DeliveryOrder.objects.exists() and not Invoice.objects.exists()
    session.refresh_from_db()
    assert session.flagged_for_followup
    (body,) = sent(graph)
    assert "passed your order" in body["text"]["body"] and "for approval" in body["text"]["body"]


def test_a_supervisor_approves_orders_so_their_order_is_confirmed_directly(
    graph, catalogue, django_capture_on_commit_callbacks
):
    session = customer_session(can_order=False)
    supervisor = member_of("Supervisor", "lim.supervisor")
    line = staff.order_services.LineRequest(catalogue["PB-12"], 200)
    with django_capture_on_commit_callbacks(execute=True):
        result = staff.create_order_for_session(session, [line], supervisor)

    assert result.order.status == Order.Status.CONFIRMED
    assert Invoice.objects.get(order=result.order).total == Decimal("98.10")
    assert sent(graph)[0]["text"]["body"].startswith("Order processed!")


def test_correcting_a_line_changes_the_order_and_invoice_totals_tells_the_customer_and_is_audited(
    client, graph, agent, catalogue, django_capture_on_commit_callbacks
):
    session = customer_session()
    lines = [staff.order_services.LineRequest(catalogue["PB-10"], 400)]
    order = staff.create_order_for_session(session, lines, agent).order
    line = order.lines.get()
    client.force_login(agent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(correct_url(order, session), {"line": line.pk, "quantity": 500})

    assert response.status_code == 302
    order.refresh_from_db()
    line.refresh_from_db()
    assert (line.quantity, line.line_total) == (500, Decimal("190.00"))
    assert (order.total, order.status) == (Decimal("207.10"), Order.Status.CONFIRMED)
    assert Invoice.objects.get(order=order).total == Decimal("207.10")
    bodies = [b["text"]["body"] for b in sent(graph)]
    assert bodies[-1].startswith(f"Updated {order.number}") and "207.10" in bodies[-1]
    event = AuditEvent.objects.get(action=staff.CORRECTED_EVENT)
    assert (event.actor, event.object_id, event.details["quantity"]) == (agent, order.number, 500)
    assert event.details["total"] == "207.10"


@pytest.mark.parametrize("role", [None, "Privacy officer"])
def test_staff_without_the_permission_get_403_and_nothing_changes(client, catalogue, agent, role):
    session = customer_session()
    lines = [staff.order_services.LineRequest(catalogue["PB-10"], 400)]
    order = staff.create_order_for_session(session, lines, agent).order
    client.force_login(member_of(role, "no.orders"))

    assert client.get(place_url(session)).status_code == 403
    form = lines_form((catalogue["PB-10"].pk, 10))
    assert client.post(place_url(session), form).status_code == 403
    line = order.lines.get()
    response = client.post(correct_url(order, session), {"line": line.pk, "quantity": 9})
    assert response.status_code == 403
    assert Order.objects.count() == 1 and order.lines.get().quantity == 400
    assert not AuditEvent.objects.filter(actor__username="no.orders").exists()


@pytest.mark.parametrize(
    ("quantity", "error"),
    [
        ("0", "greater than or equal to 1"),
        ("-5", "greater than or equal to 1"),
        ("lots", "Enter a whole number"),
        ("2000000", "less than or equal to 1000000"),
        ("", "Give a quantity for this product"),
    ],
)
def test_invalid_quantities_give_a_form_error_and_change_nothing(
    client, graph, agent, catalogue, quantity, error
):
    session = customer_session()
    client.force_login(agent)
    response = client.post(place_url(session), lines_form((catalogue["PB-10"].pk, quantity)))

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Order.objects.exists() and not Invoice.objects.exists()
    assert sent(graph) == []
    assert not AuditEvent.objects.filter(action=staff.PLACED_EVENT).exists()


def test_an_invalid_correction_gives_a_form_error_and_changes_nothing(
    client, graph, agent, catalogue
):
    session = customer_session()
    lines = [staff.order_services.LineRequest(catalogue["PB-10"], 400)]
    order = staff.create_order_for_session(session, lines, agent).order
    line = order.lines.get()
    client.force_login(agent)

    response = client.post(correct_url(order, session), {"line": line.pk, "quantity": "0"})

    assert response.status_code == 400
    assert "greater than or equal to 1" in response.content.decode()
    assert order.lines.get().quantity == 400
    assert Invoice.objects.get(order=order).total == Decimal("165.68")
    assert not AuditEvent.objects.filter(action=staff.CORRECTED_EVENT).exists()


def test_an_order_without_any_product_or_with_a_product_twice_is_refused_with_the_reason(
    client, agent, catalogue
):
    session = customer_session()
    client.force_login(agent)
    empty = client.post(place_url(session), lines_form())
    twice = client.post(
        place_url(session), lines_form((catalogue["PB-10"].pk, 1), (catalogue["PB-10"].pk, 2))
    )
    assert "Choose at least one product" in empty.content.decode()
    assert "Each product once" in twice.content.decode()
    assert not Order.objects.exists()


def test_outside_the_window_the_order_stands_and_the_customer_gets_the_invoice_template_in_their_language(  # noqa: E501
    client, graph, agent, catalogue, settings, django_capture_on_commit_callbacks
):
    settings.ORDER_TEMPLATES = {
        "invoice_issued": {"name": "invoice_issued", "languages": {"en": "en", "zh-hans": "zh_CN"}}
    }
    session = customer_session()
    ConversationSession.objects.filter(pk=session.pk).update(context={"language": "zh"})
    client.force_login(agent)
    with (
        time_machine.travel(timezone.now() + dt.timedelta(hours=30)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(place_url(session), lines_form((catalogue["PB-10"].pk, 100)))
        page = client.get(response["Location"]).content.decode()

    order = Order.objects.get()
    assert order.status == Order.Status.CONFIRMED
    (body,) = sent(graph)
    assert body["type"] == "template"
    assert body["template"]["name"] == "invoice_issued"
    assert body["template"]["language"] == {"code": "zh_CN"}
    parameters = [p["text"] for p in body["template"]["components"][0]["parameters"]]
    assert parameters[:3] == [order.invoice.number, order.number, "S$41.42"]
    assert "月" in parameters[3]  # the due date written in Chinese
    assert "sent the invoice notice as the approved template" in page
    assert AuditEvent.objects.get(action=staff.PLACED_EVENT).details["sent"] is True


def test_outside_the_window_a_correction_is_not_sent_and_the_colleague_is_told_why(
    client, graph, agent, catalogue, django_capture_on_commit_callbacks
):
    session = customer_session()
    client.force_login(agent)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(place_url(session), lines_form((catalogue["PB-10"].pk, 100)))
    order = Order.objects.get()
    line = order.lines.get()
    with (
        time_machine.travel(timezone.now() + dt.timedelta(hours=30)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(correct_url(order, session), {"line": line.pk, "quantity": 200})
        page = client.get(response["Location"]).content.decode()

    assert order.lines.get().quantity == 200
    assert [body["type"] for body in sent(graph)] == ["text"]  # only the confirmation, earlier
    assert "The customer was not told" in page and "window closed" in page
    assert AuditEvent.objects.get(action=staff.CORRECTED_EVENT).details["sent"] is False


def test_the_session_page_and_the_inbox_link_to_placing_and_correcting_the_outlets_orders(
    client, agent, catalogue
):
    session = customer_session()
    lines = [staff.order_services.LineRequest(catalogue["PB-10"], 400)]
    order = staff.create_order_for_session(session, lines, agent).order
    client.force_login(agent)

    page = client.get(f"/admin/conversations/conversationsession/{session.pk}/change/")
    inbox = client.get(f"/admin/inbox/?session={session.session_id}")
    for html in (page.content.decode(), inbox.content.decode()):
        assert place_url(session) in html and "Place an order for Napoli Pizza Bar" in html
        assert correct_url(order, session) in html.replace("&amp;", "&")
    form = client.get(place_url(session)).content.decode()
    assert 'id="place-order-form"' in form and "PB-10" in form
