"""A demo catalogue and outlets for development: loading twice changes nothing."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from conversations.models import Outlet, OutletContact
from conversations.whatsapp import identity
from orders.models import Product

# sku, name, category, size, unit, pack size, unit price (SGD)
DEMO_PRODUCTS: list[tuple[str, str, str, str, str, int, str]] = [
    ("PB-08", '8" pizza box, kraft', "pizza boxes", '8"', "pcs", 100, "0.32"),
    ("PB-10", '10" pizza box, kraft', "pizza boxes", '10"', "pcs", 100, "0.38"),
    ("PB-12", '12" pizza box, kraft', "pizza boxes", '12"', "pcs", 100, "0.45"),
    ("PB-14", '14" pizza box, kraft', "pizza boxes", '14"', "pcs", 50, "0.55"),
    ("PB-10W", '10" pizza box, white printed', "pizza boxes", '10"', "pcs", 100, "0.42"),
    ("CUP-08", "8oz paper hot cup", "cups", "8oz", "pcs", 1000, "0.06"),
    ("CUP-12", "12oz paper hot cup", "cups", "12oz", "pcs", 1000, "0.08"),
    ("CUP-16", "16oz paper hot cup", "cups", "16oz", "pcs", 1000, "0.09"),
    ("CUP-16C", "16oz PET cold cup", "cups", "16oz", "pcs", 1000, "0.10"),
    ("LID-08", "8oz sip lid", "lids", "8oz", "pcs", 1000, "0.03"),
    ("LID-12", "12/16oz sip lid", "lids", "12oz", "pcs", 1000, "0.03"),
    ("LID-16D", "16oz dome lid for cold cup", "lids", "16oz", "pcs", 1000, "0.04"),
    ("BX-750", "750ml kraft takeaway box", "containers", "750ml", "pcs", 300, "0.18"),
    ("BX-1000", "1000ml kraft takeaway box", "containers", "1000ml", "pcs", 300, "0.21"),
    ("BG-S", "Small kraft paper bag", "bags", "small", "pcs", 500, "0.07"),
    ("BG-L", "Large kraft paper bag", "bags", "large", "pcs", 250, "0.12"),
    ("STR-P", "Paper straw, 6mm", "straws", "6mm", "pcs", 5000, "0.012"),
    ("NAP-2", "2-ply napkin", "napkins", "", "pcs", 5000, "0.008"),
    ("CUT-W", "Wooden cutlery set", "cutlery", "", "sets", 500, "0.09"),
    ("BUR-BX", "Burger clamshell box", "containers", "", "pcs", 250, "0.14"),
]

# name, address, delivery zone, slot, preferred language
DEMO_OUTLETS: list[tuple[str, str, str, str, str]] = [
    ("Napoli Pizza Bar, Tanjong Pagar", "Tanjong Pagar Road", "central", "morning", "en"),
    ("Kopi Corner, Ang Mo Kio", "Ang Mo Kio Avenue 3", "north", "afternoon", "zh"),
    ("Warung Sedap, Bedok", "Bedok North Street 1", "east", "morning", "ms"),
]


# phone, outlet name, contact name, role: `simulate_whatsapp --from 6591234567` writes as Marco;
# the demo conversations (orders.demo_conversations) come from these numbers.
DEMO_CONTACTS: list[tuple[str, str, str, str]] = [
    ("+6591234567", "Napoli Pizza Bar, Tanjong Pagar", "Marco (demo)", "manager"),
    ("+6598765432", "Kopi Corner, Ang Mo Kio", "Mdm Lim (demo)", "owner"),
    ("+6587654321", "Warung Sedap, Bedok", "Aisyah (demo)", "manager"),
]


@dataclass(frozen=True)
class DemoResult:
    products_created: int
    outlets_created: int
    contacts_created: int = 0


@transaction.atomic
def load_demo_data() -> DemoResult:
    products = 0
    for sku, name, category, size, unit, pack, price in DEMO_PRODUCTS:
        _, created = Product.objects.update_or_create(
            sku=sku,
            defaults={
                "name": name,
                "category": category,
                "size": size,
                "unit": unit,
                "pack_size": pack,
                "unit_price": Decimal(price),
                "active": True,
            },
        )
        products += created
    outlets = 0
    for name, address, zone, slot, language in DEMO_OUTLETS:
        _, created = Outlet.objects.update_or_create(
            name=name,
            defaults={
                "address": address,
                "delivery_zone": zone,
                "delivery_slot": slot,
                "preferred_language": language,
            },
        )
        outlets += created
    return DemoResult(products, outlets, _load_demo_contacts())


def _load_demo_contacts() -> int:
    created_count = 0
    for phone, outlet_name, name, role in DEMO_CONTACTS:
        _, created = OutletContact.objects.get_or_create(
            outlet=Outlet.objects.get(name=outlet_name),
            phone_hash=identity.pseudonymize_phone(phone),
            defaults={
                "phone_encrypted": identity.encrypt_phone(phone),
                "phone_masked": identity.mask_phone(phone),
                "name": name,
                "role": role,
                "can_order": True,
            },
        )
        created_count += created
    return created_count
