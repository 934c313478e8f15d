"""Order notifications we send unasked: the day-before delivery reminder and the invoice notice.

Rules:
- They go to the customer who placed the order (Order.user_id), in the session of the order or
  else their latest one. An order with no customer left (placed through the API, or erased) is
  not notified.
- Inside the 24-hour customer-service window they are free text; outside it they go as the
  approved template of their kind (settings.ORDER_TEMPLATES), never as free text that Meta
  refuses with 131047. The assistant's own replies answer a message, so they stay free text.
- The language is the customer's reply language: the one they last wrote in with confidence (in
  any of their sessions, not only the order's), else the outlet's preferred one
  (conversations.language.reply_language). A template is sent in that language when it is approved
  in it, else in English, and its parameters (dates, S$ amounts) follow the language sent.
- One reminder per delivery: DeliveryOrder.reminder_sent_at is set in the transaction that stores
  the message, under the delivery's row lock, so a repeated or concurrent beat run sends none.
- One notice per invoice, likewise (Invoice.notice_sent_at). It goes out when an invoice is issued
  while the customer is not in the conversation: staff approve their order (orders.services.
  approve_order, from the admin or the API), or a colleague places it for them outside the window
  (orders.staff). When the assistant or a colleague confirms an order inside the window, the
  confirmation itself carries the invoice number and total. An invoice issued again after a
  change (back to approval, approved again) is not announced twice: the customer was told the
  new total when the change was made.
- A customer we hold no identity for (no number or BSUID to write to) is not notified.

May import: conversations (services, models, whatsapp.graph, whatsapp.outbound) and orders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from conversations import services
from conversations.language import reply_language
from conversations.models import ConversationMessage, ConversationSession
from conversations.whatsapp import graph, outbound
from orders import replies
from orders.models import DeliveryOrder, Invoice, Order

DELIVERY_REMINDER = "delivery_reminder"
INVOICE_ISSUED = "invoice_issued"


# ------------------------------------------------------------------ delivery reminders


def send_delivery_reminders(now: dt.datetime | None = None) -> int:
    """Beat: remind every customer whose confirmed order is delivered tomorrow; the count sent."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
    due = DeliveryOrder.objects.filter(
        scheduled_date=tomorrow,
        status=DeliveryOrder.Status.SCHEDULED,
        order__status=Order.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
    ).order_by("pk")
    return sum(send_delivery_reminder(pk, now) for pk in due.values_list("pk", flat=True))


def send_delivery_reminder(delivery_id: int, now: dt.datetime | None = None) -> bool:
    """Remind the customer of one delivery, once: False when already reminded or no one to tell."""
    now = now or timezone.now()
    with transaction.atomic():
        delivery = (
            DeliveryOrder.objects.select_for_update(of=("self",))
            .select_related("order__outlet")
            .get(pk=delivery_id)
        )
        if delivery.reminder_sent_at is not None:
            return False
        message = notify(
            delivery.order,
            DELIVERY_REMINDER,
            text=lambda: replies.delivery_reminder(delivery),
            parameters=lambda: [
                delivery.order.number,
                replies.day(delivery.scheduled_date),
                replies.money(delivery.order.total),
            ],
            now=now,
        )
        if message is None:
            return False
        DeliveryOrder.objects.filter(pk=delivery.pk).update(reminder_sent_at=now, updated_at=now)
    return True


# ------------------------------------------------------------------ invoices


def send_invoice_notice(
    invoice_id: int, now: dt.datetime | None = None
) -> ConversationMessage | None:
    """Tell the customer about an issued invoice, once (see the rules): the message stored, or
    None when already told, not issued, or no one to tell. In the caller's transaction, if any:
    the notice commits (and is then sent) with whatever issued the invoice."""
    now = now or timezone.now()
    with transaction.atomic():
        invoice = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("order__outlet")
            .get(pk=invoice_id)
        )
        if invoice.notice_sent_at is not None or invoice.status != Invoice.Status.ISSUED:
            return None
        message = notify(
            invoice.order,
            INVOICE_ISSUED,
            text=lambda: replies.invoice_issued(invoice),
            parameters=lambda: [
                invoice.number,
                invoice.order.number,
                replies.money(invoice.total),
                replies.day(invoice.due_date),
            ],
            now=now,
        )
        if message is not None:
            Invoice.objects.filter(pk=invoice.pk).update(notice_sent_at=now, updated_at=now)
    return message


# ------------------------------------------------------------------ one notification


def notify(
    order: Order,
    kind: str,
    *,
    text: Callable[[], str],
    parameters: Callable[[], list[str]],
    now: dt.datetime,
) -> ConversationMessage | None:
    """Store and (on commit) send one notification: free text inside the window, else the
    kind's template. `text` and `parameters` are called in the language of what is sent."""
    session = session_for(order)
    if session is None:
        return None
    preferred = order.outlet.preferred_language if order.outlet_id else ""
    language = reply_language(last_language(order.user_id), preferred)
    known = services.user_identity(order.user_id)
    if known is None:
        return None
    if graph.within_service_window(known.last_inbound_at, now):
        with translation.override(language):
            return outbound.reply(session, text(), intent=kind)
    template_language, code = template_language_for(kind, language)
    with translation.override(template_language):
        template = outbound.template_payload(template_name(kind), code, parameters())
        return outbound.reply(session, text(), intent=kind, template=template)


def last_language(user_id: str) -> str:
    """The language the customer last wrote in with confidence: the one the assistant kept for
    their latest session that has one ("" when none has)."""
    sessions = ConversationSession.objects.filter(user_id=user_id, context__has_key="language")
    latest = sessions.order_by("-last_activity_at").values_list("context__language", flat=True)
    return latest.first() or ""


def session_for(order: Order) -> ConversationSession | None:
    if not order.user_id:
        return None
    if order.session_id and order.session.user_id == order.user_id:
        return order.session
    sessions = ConversationSession.objects.filter(user_id=order.user_id)
    return sessions.order_by("-last_activity_at").first()


def template_spec(kind: str) -> dict:
    """The kind's entry of settings.ORDER_TEMPLATES; a kind left out is sent as the template of
    its own name, approved in English."""
    return settings.ORDER_TEMPLATES.get(kind) or {}


def template_name(kind: str) -> str:
    return template_spec(kind).get("name") or kind


def template_language_for(kind: str, language: str) -> tuple[str, str]:
    """(reply language, Meta language code) of the template sent to a customer of `language`:
    theirs when the template is approved in it, else English."""
    approved = template_spec(kind).get("languages") or {"en": "en"}
    if language in approved:
        return language, approved[language]
    return "en", approved.get("en", "en")
