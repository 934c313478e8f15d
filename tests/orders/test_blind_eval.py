"""The blind evaluation set (orders/eval/, issue 19) is well formed; no accuracy asserted here."""

from collections import Counter
from types import SimpleNamespace

import pytest

from orders import demo, intents
from orders.eval import run

FIELDS = {"id", "lang", "text", "intent", "expect", "items", "repeat_last"}


@pytest.fixture(scope="module")
def cases() -> list[dict]:
    return run.load_cases()


def test_the_set_loads_with_200_messages_and_30_per_main_language(cases):
    assert len(cases) >= 200
    per_lang = Counter(case["lang"] for case in cases)
    assert set(per_lang) <= set(run.LANGS)
    for lang in ("en", "singlish", "zh", "ms", "ta"):
        assert per_lang[lang] >= 30, lang
    assert len({case["id"] for case in cases}) == len(cases)


def test_every_line_has_the_fields_and_known_values(cases):
    for case in cases:
        assert set(case) >= FIELDS, case["id"]
        assert case["text"].strip(), case["id"]
        assert case["intent"] in intents.INTENTS, case["id"]
        assert case["expect"] in run.EXPECTS, case["id"]
        if case["expect"] == "order":
            assert case["items"] or case["repeat_last"], case["id"]
        else:
            assert not case["items"] and not case["repeat_last"], case["id"]


def test_every_expected_sku_is_in_the_demo_catalogue(cases):
    skus = {row[0] for row in demo.DEMO_PRODUCTS}
    for case in cases:
        for item in case["items"]:
            assert item["sku"] in skus, case["id"]
            assert isinstance(item["quantity"], int) and item["quantity"] > 0, case["id"]
            assert item.get("unit", "carton") == "carton", case["id"]


def test_the_runner_reads_the_same_catalogue_without_django():
    catalogue = run.load_catalogue()
    assert [(p.sku, p.pack_size) for p in catalogue.values()] == [
        (row[0], row[5]) for row in demo.DEMO_PRODUCTS
    ]


@pytest.mark.parametrize(
    ("product", "size", "sku"),
    [
        ("cup", "12 oz", "CUP-12"),
        ("cup", "16 oz", None),  # hot or cold
        ("cold cup", "16oz", "CUP-16C"),
        ("lid", "16oz", None),  # sip or dome
        ("pizza box", '10"', None),  # kraft or white
        ("white pizza box", "10 inch", "PB-10W"),
        ("外卖盒", "750毫升", "BX-750"),
        ("foam box", "750ml", None),
    ],
)
def test_the_runner_resolves_an_item_only_when_one_product_fits(product, size, sku):
    index = run.catalogue_index(run.load_catalogue())
    item = SimpleNamespace(product=product, size=size, quantity=1, unit="pcs")
    resolved = run.resolve_item(item, index)
    assert (resolved.sku if resolved else None) == sku
