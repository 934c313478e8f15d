"""The held-out sets (orders and PII) are well formed; no accuracy is asserted here."""

from collections import Counter
from itertools import pairwise

import pytest

from conversations.privacy import scrubber, scrubber_eval
from orders import demo, intents
from orders.eval import run

ORDER_FIELDS = {"id", "lang", "text", "intent", "expect", "items", "repeat_last"}
PII_FIELDS = {"id", "lang", "role", "split", "text", "pii", "protected"}
PII_LANGS = ("en", "singlish", "zh", "ms", "ta")
SKUS = {row[0] for row in demo.DEMO_PRODUCTS}


@pytest.fixture(scope="module")
def orders() -> list[dict]:
    return run.load_cases(run.SETS["heldout"])


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return scrubber_eval.load_corpus(scrubber_eval.HELDOUT_CORPUS_PATH)


def test_the_order_set_has_120_messages_20_per_language(orders):
    assert len(orders) == 120
    assert Counter(case["lang"] for case in orders) == dict.fromkeys(run.LANGS, 20)
    assert len({case["id"] for case in orders}) == len(orders)
    expects = Counter(case["expect"] for case in orders)
    assert set(expects) == {"order", "ask", "none"}
    assert expects["none"] >= 30


def test_every_order_case_follows_the_blind_set_conventions(orders):
    for case in orders:
        assert set(case) >= ORDER_FIELDS, case["id"]
        assert case["intent"] in intents.INTENTS, case["id"]
        if case["expect"] == "order":
            assert case["items"] or case["repeat_last"], case["id"]
        else:
            assert case["items"] == [] and not case["repeat_last"], case["id"]
        for item in case["items"]:
            assert item["sku"] in SKUS, case["id"]
            assert isinstance(item["quantity"], int) and item["quantity"] > 0, case["id"]
            assert set(item) <= {"sku", "quantity", "unit"}, case["id"]
            assert item.get("unit", "carton") == "carton", case["id"]


def test_the_pii_corpus_has_150_messages_a_third_clean(corpus):
    assert len(corpus) == 150
    assert Counter(row["lang"] for row in corpus) == dict.fromkeys(PII_LANGS, 30)
    assert len({row["id"] for row in corpus}) == len(corpus)
    assert len([row for row in corpus if not row["pii"]]) == 50
    types = Counter(span["type"] for row in corpus for span in row["pii"])
    assert set(types) == set(scrubber.PII_TYPES)


def test_every_span_value_sits_at_its_offsets(corpus):
    for row in corpus:
        assert set(row) >= PII_FIELDS, row["id"]
        assert row["split"] == "heldout", row["id"]
        spans = sorted(row["pii"] + row["protected"], key=lambda span: span["start"])
        for span in spans:
            assert row["text"][span["start"] : span["end"]] == span["value"], row["id"]
        for left, right in pairwise(spans):
            assert left["end"] <= right["start"], row["id"]


def _luhn(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()][::-1]
    return (
        sum(d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d) for i, d in enumerate(digits)) % 10
        == 0
    )


def _nric(value: str) -> bool:
    value = value.upper()
    total = sum(int(c) * w for c, w in zip(value[1:8], (2, 7, 6, 5, 4, 3, 2), strict=True))
    total += 4 if value[0] in "TG" else 0
    table = "JZIHGFEDCBA" if value[0] in "ST" else "XWUTRQPNMLK"
    return table[total % 11] == value[8]


def _iban(value: str) -> bool:
    raw = value.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in raw[4:] + raw[:4])) % 97 == 1


def test_cards_nrics_and_ibans_carry_valid_checksums(corpus):
    spans = [span for row in corpus for span in row["pii"]]
    for span in spans:
        if span["type"] == scrubber.CARD:
            assert _luhn(span["value"]), span
        if span["type"] == scrubber.NRIC:
            assert _nric(span["value"]), span
        if span["type"] == scrubber.BANK_ACCOUNT and span["value"][:2].isalpha():
            assert _iban(span["value"]), span


def test_the_runners_select_the_held_out_sets_by_name():
    assert run.SETS["heldout"].name == "heldout_orders.jsonl"
    (heldout,) = scrubber_eval._corpora("heldout")
    assert heldout.path == scrubber_eval.HELDOUT_CORPUS_PATH and not heldout.enforced
    assert heldout not in scrubber_eval._corpora("all")
