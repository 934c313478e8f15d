"""Demo conversations for development: four weeks of synthetic WhatsApp traffic from the demo
outlets, so the dashboard, the inbox and the API show something on first start.

Rules:
- Everything goes through the services real traffic uses: conversations.services stores the
  customers' messages (record_inbound_message: sessions, counters, day stats, identities), their
  language and intent, the assistant's replies (record_message) and ratings
  (record_satisfaction); orders.services creates orders with their deliveries and invoices.
- Each customer message is marked processed as it is stored, so the assistant never answers it
  again; replies are stored as read, never sent.
- Synthetic only: fictitious numbers (orders.demo.DEMO_CONTACTS and one unknown number), no
  personal data in the text. Deterministic for a given day (a seeded random generator).
- Idempotent: every customer message has a fixed WhatsApp id (wamid.DEMO-…); when the demo is
  stored already nothing is added. All or nothing: one transaction.
Needs the demo catalogue and outlets (orders.demo.load_demo_data) first.
"""

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from conversations import services
from conversations.models import ConversationMessage, DeliveryStatus, Outlet, Role
from orders import replies
from orders import services as order_services
from orders.models import DeliveryOrder, Invoice, Product

WAMID_PREFIX = "wamid.DEMO-"
DAYS = 28
SEED = 18


@dataclass(frozen=True)
class Customer:
    phone: str
    outlet: str  # the outlet the customer orders for (name in orders.demo.DEMO_OUTLETS)
    language: str
    chance: float  # of writing on a given weekday


CUSTOMERS = [
    Customer("+6591234567", "Napoli Pizza Bar, Tanjong Pagar", "en", 0.6),
    Customer("+6598765432", "Kopi Corner, Ang Mo Kio", "zh", 0.5),
    Customer("+6587654321", "Warung Sedap, Bedok", "ms", 0.4),
    Customer("+6581112222", "", "en", 0.15),  # not a contact of any outlet: asks questions
]

# (intent, text) per language; an order's lines are (sku, quantity) and follow its text.
ORDERS = {
    "en": [
        ("Hi, we need 400 boxes for 10 inch pizzas", [("PB-10", 400)]),
        ("Can we get 200 12 inch boxes and 2000 napkins pls", [("PB-12", 200), ("NAP-2", 2000)]),
        ("Same as usual: 300 ten inch boxes, 250 large bags", [("PB-10", 300), ("BG-L", 250)]),
    ],
    "zh": [
        ("你好，我们要2000个12oz纸杯和2000个杯盖", [("CUP-12", 2000), ("LID-12", 2000)]),
        ("老板，下单 1000个 8oz 杯", [("CUP-08", 1000)]),
    ],
    "ms": [
        ("Saya nak order 300 kotak 750ml", [("BX-750", 300)]),
        ("Tolong hantar 600 kotak 1000ml dan 500 beg kecil", [("BX-1000", 600), ("BG-S", 500)]),
    ],
}
QUESTIONS = {
    "en": [
        ("delivery_query", "When is our delivery coming?"),
        ("invoice_query", "Can you send me the latest invoice?"),
        ("product_question", "Do you have 16oz cold cups?"),
        ("greeting", "Hello!"),
    ],
    "zh": [("delivery_query", "我们的货什么时候到？"), ("greeting", "你好")],
    "ms": [("delivery_query", "Bila barang sampai?"), ("invoice_query", "Boleh hantar invois?")],
}


@dataclass(frozen=True)
class DemoConversationsResult:
    conversations: int
    messages: int
    orders: int

    def summary_line(self) -> str:
        return (
            f"demo conversations: {self.conversations} conversations, {self.messages} messages "
            f"and {self.orders} orders created"
        )


def demo_stored() -> bool:
    return ConversationMessage.objects.filter(wa_message_id__startswith=WAMID_PREFIX).exists()


def load_demo_conversations(now: dt.datetime | None = None) -> DemoConversationsResult:
    """Store DAYS days of demo conversations ending yesterday, unless they are stored already."""
    if demo_stored():
        return DemoConversationsResult(0, 0, 0)
    writer = _Writer(random.Random(SEED))  # noqa: S311 - synthetic data, not security
    with transaction.atomic():
        for customer, at in _schedule(now or timezone.now(), writer.rng):
            writer.conversation(customer, at)
    return DemoConversationsResult(writer.conversations, writer.messages, writer.orders)


def _schedule(now: dt.datetime, rng: random.Random) -> Iterator[tuple[Customer, dt.datetime]]:
    """(customer, start) of each conversation, oldest first: weekdays and Saturdays, 9:00-17:00."""
    today = timezone.localdate(now)
    for days_ago in range(DAYS, 0, -1):
        day = today - dt.timedelta(days=days_ago)
        if day.weekday() == order_services.SUNDAY:
            continue
        starts = [
            (customer, dt.datetime.combine(day, dt.time(9), timezone.get_default_timezone()))
            for customer in CUSTOMERS
            if rng.random() < customer.chance
        ]
        timed = [(c, start + dt.timedelta(minutes=rng.randrange(480))) for c, start in starts]
        yield from sorted(timed, key=lambda pair: pair[1])


class _Writer:
    """Writes conversations through the services, counting what it wrote."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.conversations = self.messages = self.orders = 0

    def conversation(self, customer: Customer, at: dt.datetime) -> None:
        self.conversations += 1
        outlet = Outlet.objects.filter(name=customer.outlet).first()
        if outlet is not None and self.rng.random() < 0.6:
            self._order(customer, outlet, at)
        else:
            intent, text = self.rng.choice(QUESTIONS[customer.language])
            message = self._inbound(customer, text, at, intent)
            self._reply(message, *_answer(intent, outlet), at)

    def _order(self, customer: Customer, outlet: Outlet, at: dt.datetime) -> None:
        text, wanted = self.rng.choice(ORDERS[customer.language])
        message = self._inbound(customer, text, at, "order_placement")
        products = Product.objects.in_bulk([sku for sku, _ in wanted], field_name="sku")
        lines = [order_services.LineRequest(products[sku], qty) for sku, qty in wanted]
        order = order_services.create_order(
            outlet=outlet,
            lines=lines,
            user_id=message.session.user_id,
            session=message.session,
            source_message=message,
            at=at,
        )
        self.orders += 1
        at = self._reply(message, replies.confirmation(order), "order_confirmation", at)
        at = self._reply(message, replies.RATING_QUESTION, "rating_request", at)
        if self.rng.random() < 0.7:
            rating = self.rng.choices([5, 4, 3, 2], weights=[6, 3, 1, 0.5])[0]
            answer = self._inbound(customer, str(rating), at, "rating")
            services.record_satisfaction(message.session.user_id, rating)
            self._reply(answer, replies.RATING_THANKS, "rating_ack", at)

    def _inbound(
        self, customer: Customer, text: str, at: dt.datetime, intent: str
    ) -> ConversationMessage:
        at += dt.timedelta(seconds=self.rng.randrange(20, 120))
        self.messages += 1
        result = services.record_inbound_message(
            phone=customer.phone,
            content=text,
            timestamp=at,
            wa_message_id=f"{WAMID_PREFIX}{self.messages:05d}",
        )
        message = result.message
        services.mark_processed(message)
        services.set_message_language(message, customer.language)
        services.set_message_intent(message, intent, round(self.rng.uniform(0.8, 0.99), 2))
        return message

    def _reply(
        self, to: ConversationMessage, text: str, intent: str, at: dt.datetime
    ) -> dt.datetime:
        at = max(at, to.timestamp) + dt.timedelta(seconds=self.rng.randrange(3, 15))
        self.messages += 1
        services.record_message(
            session=to.session,
            role=Role.ASSISTANT,
            content=text,
            timestamp=at,
            intent=intent,
            confidence=1.0,
            delivery_status=DeliveryStatus.READ,
        )
        return at


def _answer(intent: str, outlet: Outlet | None) -> tuple[str, str]:
    """The assistant's answer to a question and its intent (as orders.handlers answers)."""
    if outlet is None and intent != "product_question":
        return replies.NOT_REGISTERED, "registration_required"
    if intent == "delivery_query":
        scheduled = DeliveryOrder.objects.filter(order__outlet=outlet).select_related("order")
        return replies.deliveries(list(scheduled.order_by("-scheduled_date")[:2])), "delivery_info"
    if intent == "invoice_query":
        issued = Invoice.objects.filter(order__outlet=outlet).select_related("order")
        return replies.invoices(list(issued.order_by("-issued_at")[:2])), "invoice_info"
    if intent == "product_question":
        products = Product.objects.filter(sku__in=["CUP-16C", "LID-16D"])
        return replies.product_info(list(products)), "product_info"
    return replies.GREETING, "greeting"
