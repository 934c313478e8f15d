"""Product search against the real PostgreSQL full-text and trigram indexes."""

from decimal import Decimal

import pytest
from django.db import connection

from orders import catalog, demo
from orders.parsing import ParsedItem, parse_order
from orders.services import LineRequest, create_order
from tests.factories import OutletFactory, ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_catalogue():
    demo.load_demo_data()


def skus(candidates):
    return [c.product.sku for c in candidates]


def match(text, outlet_id=None):
    return catalog.match_item(parse_order(text).items[0], outlet_id=outlet_id)


def test_the_design_phrase_finds_the_ten_inch_pizza_boxes_and_no_other_size(demo_catalogue):
    result = match("400 boxes for 10 inch pizzas")
    assert {p.sku for p in result.options} == {"PB-10", "PB-10W"}
    assert all(c.score < result.candidates[0].score for c in result.candidates[2:])


def test_two_equally_good_products_are_offered_as_a_choice_not_guessed(demo_catalogue):
    result = match("400 10 inch pizza boxes")
    assert result.best is None
    assert [p.sku for p in result.options] == ["PB-10", "PB-10W"]


def test_a_pizza_box_without_a_size_offers_every_size(demo_catalogue):
    result = match("400 pizza boxes")
    assert result.best is None
    assert {p.sku for p in result.options} == {"PB-08", "PB-10", "PB-10W", "PB-12", "PB-14"}


def test_the_size_picks_the_cup(demo_catalogue):
    assert match("2 ctn 12oz cups").best.sku == "CUP-12"
    assert match("500 8 oz cups").best.sku == "CUP-08"


def test_cold_cups_are_cups_not_lids_for_cold_cups(demo_catalogue):
    assert match("500 16oz cold cups").best.sku == "CUP-16C"
    assert match("1000 16oz dome lids").best.sku == "LID-16D"


def test_a_typo_still_finds_the_product(demo_catalogue):
    assert match("100 piza box 12 inch").best.sku == "PB-12"


def test_scores_are_between_zero_and_one_best_first(demo_catalogue):
    candidates = catalog.search_products("paper straw")
    assert candidates[0].product.sku == "STR-P"
    scores = [c.score for c in candidates]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)


def test_a_product_we_do_not_sell_matches_nothing(demo_catalogue):
    result = match("100 chopsticks")
    assert result.best is None and result.options == []


def test_an_inactive_product_is_never_offered():
    ProductFactory(sku="OLD-1", name="Sugarcane bowl 500ml", size="500ml", active=False)
    ProductFactory(sku="NEW-1", name="Kraft bowl 500ml", size="500ml")
    assert skus(catalog.search_products("bowl", "500 ml")) == ["NEW-1"]


def test_the_outlet_s_usual_product_wins_a_tie(demo_catalogue):
    outlet = OutletFactory()
    white = demo.Product.objects.get(sku="PB-10W")
    create_order(outlet=outlet, lines=[LineRequest(white, 100)])
    assert match("400 10 inch pizza boxes", outlet_id=outlet.pk).best == white
    assert match("400 10 inch pizza boxes", outlet_id=OutletFactory().pk).best is None


def test_cartons_are_counted_in_the_product_s_units():
    cups = ProductFactory(name="12oz cup", unit="pcs", pack_size=1000, unit_price=Decimal("0.08"))
    assert catalog.units_to_quantity(ParsedItem("cup", 2, unit="carton"), cups) == 2000
    assert catalog.units_to_quantity(ParsedItem("cup", 300), cups) == 300


def test_sizes_written_as_a_range_belong_to_both_sizes():
    lid = ProductFactory(name="12/16oz sip lid", size="12oz")
    assert catalog.product_sizes(lid) == {"12 oz", "16 oz"}


def test_the_search_uses_the_gin_indexes(demo_catalogue):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        queryset = demo.Product.objects.filter(name__trigram_word_similar="pizza box").order_by()
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        trigram_plan = " ".join(row[0] for row in cursor.fetchall())
        search = catalog.SEARCH_VECTOR
        queryset = demo.Product.objects.annotate(search=search).filter(search="pizza").order_by()
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        fulltext_plan = " ".join(row[0] for row in cursor.fetchall())
    assert "product_name_trgm" in trigram_plan
    assert "product_search_gin" in fulltext_plan
