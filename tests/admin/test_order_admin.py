"""Orders waiting for staff approval are approved or cancelled from the admin, by supervisors."""

import pytest
from django.urls import reverse

from conversations.models import AuditEvent
from orders import services
from orders.models import DeliveryOrder, Invoice, Order
from tests.conversations import whatsapp_support
from tests.factories import OutletContactFactory, OutletFactory, ProductFactory
from tests.orders.support import PHONE, inbound

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:orders_order_changelist"


def _pending_order() -> Order:
    line = services.LineRequest(product=ProductFactory(), quantity=400)
    return services.create_order(outlet=OutletFactory(), lines=[line], needs_approval=True)


def _run(client, action: str, order: Order):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [order.pk]},
        follow=True,
    )


def test_a_supervisor_approves_a_pending_order_and_it_is_scheduled_and_invoiced(login_as):
    order = _pending_order()
    response = _run(login_as("Supervisor"), "approve_selected", order)
    order.refresh_from_db()
    assert order.status == Order.Status.CONFIRMED
    assert DeliveryOrder.objects.filter(order=order).exists()
    assert Invoice.objects.get(order=order).total == order.total
    assert f"1 order(s) approved: {order.number}" in response.content.decode()
    assert AuditEvent.objects.filter(action="order_approved", object_id=order.number).exists()


def test_approving_an_order_that_is_not_waiting_shows_why_and_changes_nothing(login_as):
    order = _pending_order()
    services.approve_order(order)
    response = _run(login_as("Supervisor"), "approve_selected", order)
    assert "is not awaiting approval" in response.content.decode()
    assert Invoice.objects.filter(order=order).count() == 1


def test_a_supervisor_cancels_a_pending_order(login_as):
    order = _pending_order()
    _run(login_as("Supervisor"), "cancel_selected", order)
    order.refresh_from_db()
    assert order.status == Order.Status.CANCELLED


def test_a_support_agent_cannot_approve_orders(login_as):
    order = _pending_order()
    client = login_as("Support agent")
    actions = client.get(reverse(CHANGELIST)).context["action_form"]
    assert actions is None or "approve_selected" not in dict(actions.fields["action"].choices)
    _run(client, "approve_selected", order)
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING_APPROVAL


def test_the_order_status_cannot_be_edited_by_hand_even_by_a_superuser(admin_client):
    order = _pending_order()
    response = admin_client.get(reverse("admin:orders_order_change", args=[order.pk]))
    assert "status" not in response.context["adminform"].form.fields


def test_a_supervisor_s_approval_tells_the_customer_of_the_invoice_in_their_language_once(
    login_as, httpserver, settings, django_capture_on_commit_callbacks
):
    whatsapp_support.point_graph_api_at(httpserver, settings)
    whatsapp_support.accept_every_send(httpserver)
    outlet = OutletFactory(preferred_language="ms")
    OutletContactFactory(phone=PHONE, outlet=outlet, can_order=False)
    session = inbound("hello").session
    line = services.LineRequest(product=ProductFactory(), quantity=400)
    order = services.create_order(
        outlet=outlet, lines=[line], user_id=session.user_id, session=session, needs_approval=True
    )
    client = login_as("Supervisor")

    with django_capture_on_commit_callbacks(execute=True):
        _run(client, "approve_selected", order)
    with django_capture_on_commit_callbacks(execute=True):
        again = _run(client, "approve_selected", order)

    invoice = Invoice.objects.get(order=order)
    (body,) = whatsapp_support.sent_bodies(httpserver)  # inside the window: free text
    assert body["text"]["body"].startswith(f"Invois {invoice.number} untuk {order.number}: S$")
    assert "is not awaiting approval" in again.content.decode()
