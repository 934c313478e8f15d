"""factory_boy factories for every model; phone numbers are generated, never real."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from conversations.models import (
    ConversationMessage,
    ConversationSession,
    Outlet,
    OutletContact,
    UserInteractionSummary,
)
from conversations.whatsapp import identity
from orders.models import Product


def user_id_for(phone: str) -> str:
    return identity.pseudonymize_phone(phone)


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    address = "1 Test Road"
    delivery_zone = "central"


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    sku = factory.Sequence(lambda n: f"SKU-{n:04d}")
    name = factory.Sequence(lambda n: f"Product {n}")
    unit_price = Decimal("0.50")


class OutletContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutletContact
        exclude = ("phone",)

    phone = factory.Sequence(lambda n: f"+6591{n:06d}")
    outlet = factory.SubFactory(OutletFactory)
    phone_hash = factory.LazyAttribute(lambda o: identity.pseudonymize_phone(o.phone))
    phone_encrypted = factory.LazyAttribute(lambda o: identity.encrypt_phone(o.phone))
    phone_masked = factory.LazyAttribute(lambda o: identity.mask_phone(o.phone))
    name = "Test Contact"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConversationSession

    user_id = factory.Sequence(lambda n: user_id_for(f"+6592{n:06d}"))
    start_time = factory.LazyFunction(timezone.now)
    last_activity_at = factory.LazyAttribute(lambda o: o.start_time)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConversationMessage

    session = factory.SubFactory(SessionFactory)
    role = "user"
    content = "Hi, we need 400 boxes for 10 inch pizzas"
    timestamp = factory.LazyFunction(timezone.now)


class SummaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UserInteractionSummary

    user_id = factory.Sequence(lambda n: user_id_for(f"+6593{n:06d}"))
    last_interaction = factory.LazyFunction(timezone.now)
    first_interaction = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30))
