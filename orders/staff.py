"""Orders placed or corrected by a colleague from a customer's session (the support inbox).

Rules:
- Only staff with orders.place_order_for_customer (the Support agent and Supervisor groups) may;
  the service checks, so every edge gets the same answer.
- The order is for the session's outlet and goes through orders.services: the same validation,
  delivery, invoice and approval rules as the assistant's. Quantities are whole numbers from 1 to
  MAX_QUANTITY; inactive products are refused.
- Approval: a colleague holding orders.approve_order (a supervisor) is the approver, so their
  order or correction is confirmed directly. Anyone else follows the customer's rule: the
  session's contact for that outlet must have can_order, else the order waits for approval (and
  a confirmed order they correct goes back to approval), the session is flagged as the
  assistant flags it.
- The customer gets the assistant's own text (orders.replies: confirmation, awaiting approval,
  updated) in the session's language, stored as a staff message sent by the colleague and sent
  through conversations.whatsapp.outbound. WhatsApp allows free text only inside the 24-hour
  customer-service window: outside it the order stands, and a confirmed new order is announced
  by the approved invoice template in the customer's language (orders.notifications, once per
  invoice); anything else is not sent and the result says why, so the colleague can send a
  template from the inbox.
- The order, its message and its audit event (ids, counts and totals; never text or a number)
  commit together or not at all. The session is not taken over: the assistant may still answer
  a later "make it 500" about the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation

from conversations import audit, services, support
from conversations.language import reply_language
from conversations.models import ConversationMessage, ConversationSession, OutletContact
from conversations.whatsapp import outbound
from orders import notifications, replies
from orders import services as order_services
from orders.models import Order, OrderLine
from orders.turn import APPROVAL_FLAG

PLACE = "orders.place_order_for_customer"
APPROVE = "orders.approve_order"
PLACED_EVENT = "order.staff_place"
CORRECTED_EVENT = "order.staff_correct"
MAX_QUANTITY = 1_000_000
INVOICE_TEMPLATE_SENT = (
    "the invoice notice as the approved template (the 24-hour window is closed, so the "
    "confirmation could not go as free text)"
)


@dataclass(frozen=True)
class StaffOrderResult:
    order: Order
    message: ConversationMessage | None  # what the customer was sent, None when not sent
    not_sent: str = ""  # why the customer was not told ("" when they were)
    sent_as: str = "the confirmation"  # what the customer was sent, for the colleague


def create_order_for_session(
    session: ConversationSession,
    lines: Sequence[order_services.LineRequest],
    staff_user: AbstractBaseUser,
    *,
    request: HttpRequest | None = None,
) -> StaffOrderResult:
    """Place an order for the session's outlet on the customer's behalf (see the rules)."""
    _require(staff_user)
    if session.outlet_id is None:
        raise order_services.OrderError(
            "This session has no outlet: register the sender as an outlet contact first."
        )
    _check_lines(lines)
    needs_approval = _needs_approval(session, session.outlet_id, staff_user)
    with transaction.atomic():
        order = order_services.create_order(
            outlet=session.outlet,
            lines=lines,
            user_id=session.user_id,
            session=session,
            needs_approval=needs_approval,
        )
        if needs_approval:
            services.flag_session(session, APPROVAL_FLAG)
        result = _tell_customer(session, order, staff_user, placed=True)
        audit.record_event(
            request or staff_user,
            PLACED_EVENT,
            "order",
            order.number,
            session=str(session.session_id),
            lines=len(lines),
            status=order.status,
            total=str(order.total),
            sent=result.message is not None,
        )
    return result


def correct_order_line(
    order: Order,
    line: OrderLine,
    quantity: int,
    staff_user: AbstractBaseUser,
    *,
    session: ConversationSession | None = None,
    request: HttpRequest | None = None,
) -> StaffOrderResult:
    """Set one line's quantity; totals and invoice follow (orders.services.change_line_quantity).

    The customer is told in `session` (the one the colleague works in), else the order's own.
    """
    _require(staff_user)
    _check_quantity(quantity)
    session = session or order.session
    needs_approval = _needs_approval(session, order.outlet_id, staff_user)
    with transaction.atomic():
        was = order.status
        order = order_services.change_line_quantity(
            order, line, quantity, needs_approval=needs_approval
        )
        if order.status == Order.Status.PENDING_APPROVAL and session is not None:
            services.flag_session(session, APPROVAL_FLAG)
        result = _tell_customer(session, order, staff_user, placed=False)
        audit.record_event(
            request or staff_user,
            CORRECTED_EVENT,
            "order",
            order.number,
            session=str(session.session_id) if session else "",
            line=line.pk,
            quantity=quantity,
            status_before=was,
            status=order.status,
            total=str(order.total),
            sent=result.message is not None,
        )
    return result


# ------------------------------------------------------------------ rules


def _require(staff_user: AbstractBaseUser) -> None:
    if not staff_user.has_perm(PLACE):
        raise PermissionDenied(f"You need the permission {PLACE} for this.")


def _check_quantity(quantity: int) -> None:
    if not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
        raise order_services.OrderError(
            f"Quantities must be whole numbers from 1 to {MAX_QUANTITY:,}."
        )


def _check_lines(lines: Sequence[order_services.LineRequest]) -> None:
    if not lines:
        raise order_services.OrderError("An order needs at least one item.")
    for line in lines:
        _check_quantity(line.quantity)
        if not line.product.active:
            raise order_services.OrderError(f"{line.product.sku} is no longer sold.")


def _needs_approval(
    session: ConversationSession | None, outlet_id: int, staff_user: AbstractBaseUser
) -> bool:
    if staff_user.has_perm(APPROVE):
        return False
    contact = _contact(session, outlet_id)
    return contact is None or not contact.can_order


def _contact(session: ConversationSession | None, outlet_id: int) -> OutletContact | None:
    if session is None:
        return None
    return services.active_contacts_of(session.user_id).filter(outlet_id=outlet_id).first()


# ------------------------------------------------------------------ the customer's message


def _tell_customer(
    session: ConversationSession | None,
    order: Order,
    staff_user: AbstractBaseUser,
    *,
    placed: bool,
) -> StaffOrderResult:
    """The assistant's text for this order, sent as the colleague's message when WhatsApp
    allows free text; else the reason it was not sent."""
    if session is None:
        return StaffOrderResult(order, None, "the order has no conversation to write in")
    window = support.service_window(session)
    if window.last_inbound_at is None:
        return StaffOrderResult(order, None, "we hold no number for this customer")
    if not window.is_open:
        return _announce_invoice(order, placed=placed, refusal=window.refusal())
    with translation.override(_language(session, order)):
        if order.status == Order.Status.PENDING_APPROVAL:
            text, intent = replies.awaiting_approval(order), "approval_pending"
        elif placed:
            text, intent = replies.confirmation(order), "order_confirmation"
        else:
            text, intent = replies.updated(order), "order_update"
        text = str(text)
    message = outbound.send_staff_reply(session, text, sent_by=staff_user.pk, intent=intent)
    return StaffOrderResult(order, message)


def _announce_invoice(order: Order, *, placed: bool, refusal: str) -> StaffOrderResult:
    """Outside the window a new confirmed order reaches the customer as the invoice template."""
    if placed and order.status == Order.Status.CONFIRMED:
        message = notifications.send_invoice_notice(order.invoice.pk)
        if message is not None:
            return StaffOrderResult(order, message, sent_as=INVOICE_TEMPLATE_SENT)
    return StaffOrderResult(order, None, refusal)


def _language(session: ConversationSession, order: Order) -> str:
    """The session's language (the assistant keeps the last confident one), else the outlet's."""
    return reply_language((session.context or {}).get("language"), order.outlet.preferred_language)
