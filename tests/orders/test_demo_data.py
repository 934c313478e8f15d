import pytest
from django.core.management import call_command

from conversations.models import Outlet, OutletContact
from orders import demo
from orders.models import Product

pytestmark = pytest.mark.django_db


def test_loading_demo_data_twice_creates_it_once(capsys):
    call_command("load_demo_data")
    call_command("load_demo_data")
    assert Product.objects.count() == len(demo.DEMO_PRODUCTS)
    assert Outlet.objects.count() == len(demo.DEMO_OUTLETS)
    assert OutletContact.objects.count() == len(demo.DEMO_CONTACTS)
    output = capsys.readouterr().out
    assert "0 products and 0 outlets created" in output
    assert "0 demo contacts created" in output


def test_demo_catalogue_has_the_ten_inch_pizza_box():
    demo.load_demo_data()
    box = Product.objects.get(sku="PB-10")
    assert box.size == '10"'
    assert box.unit_price > 0


def test_the_demo_number_orders_for_the_pizza_bar_and_is_stored_only_masked():
    demo.load_demo_data()
    contact = OutletContact.objects.get(name="Marco (demo)")
    assert contact.outlet.name.startswith("Napoli Pizza Bar")
    assert contact.phone_masked == "+65 ****4567"
    assert "91234567" not in contact.phone_hash + contact.phone_encrypted
