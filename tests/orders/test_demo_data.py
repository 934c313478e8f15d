import pytest
from django.core.management import call_command

from orders import demo
from orders.models import Outlet, Product

pytestmark = pytest.mark.django_db


def test_loading_demo_data_twice_creates_it_once(capsys):
    call_command("load_demo_data")
    call_command("load_demo_data")
    assert Product.objects.count() == len(demo.DEMO_PRODUCTS)
    assert Outlet.objects.count() == len(demo.DEMO_OUTLETS)
    assert "0 products and 0 outlets created" in capsys.readouterr().out


def test_demo_catalogue_has_the_ten_inch_pizza_box():
    demo.load_demo_data()
    box = Product.objects.get(sku="PB-10")
    assert box.size == '10"'
    assert box.unit_price > 0
