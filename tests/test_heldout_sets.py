"""The held-out and fresh sets (orders and PII) are well formed; no accuracy is asserted here."""

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


# name: (messages per language, order/ask/none per language) of the order sets
ORDER_SETS = {
    "heldout": (20, (10, 3, 7)),
    "fresh": (30, (15, 5, 10)),
    "fresh2": (40, (20, 7, 13)),
    "fresh3": (40, (20, 7, 13)),
    "fresh4": (40, (20, 7, 13)),
    "fresh5": (40, (20, 7, 13)),
    "fresh6": (40, (20, 7, 13)),
    "fresh7": (40, (20, 7, 13)),
    "fresh8": (40, (20, 7, 13)),
    "fresh9": (40, (20, 7, 13)),
    "fresh10": (40, (20, 7, 13)),
    "fresh11": (40, (20, 7, 13)),
    "fresh12": (40, (20, 7, 13)),
    "fresh13": (40, (20, 7, 13)),
    "fresh14": (40, (20, 7, 13)),
    "fresh15": (40, (20, 7, 13)),
    "fresh16": (40, (20, 7, 13)),
    "fresh17": (40, (20, 7, 13)),
    "fresh18": (40, (20, 7, 13)),
    "fresh19": (40, (20, 7, 13)),
    "fresh20": (40, (20, 7, 13)),
    "fresh21": (40, (20, 7, 13)),
    "fresh22": (40, (20, 7, 13)),
    "fresh23": (40, (20, 7, 13)),
    "fresh24": (40, (20, 7, 13)),
    "fresh25": (40, (20, 7, 13)),
    "fresh26": (40, (20, 7, 13)),
    "fresh27": (40, (20, 7, 13)),
    "fresh28": (40, (20, 7, 13)),
    "fresh29": (40, (20, 7, 13)),
    "fresh30": (40, (20, 7, 13)),
    "fresh31": (40, (20, 7, 13)),
    "fresh32": (40, (20, 7, 13)),
    "fresh33": (40, (20, 7, 13)),
    "fresh34": (40, (20, 7, 13)),
    "fresh35": (40, (20, 7, 13)),
    "fresh36": (40, (20, 7, 13)),
    "fresh37": (40, (20, 7, 13)),
    "fresh38": (40, (20, 7, 13)),
    "fresh39": (40, (20, 7, 13)),
    "fresh40": (40, (20, 7, 13)),
    "fresh41": (40, (20, 7, 13)),
    "fresh42": (40, (20, 7, 13)),
    "fresh43": (40, (20, 7, 13)),
    "fresh44": (40, (20, 7, 13)),
    "fresh45": (40, (20, 7, 13)),
    "fresh46": (40, (20, 7, 13)),
    "fresh47": (40, (20, 7, 13)),
    "fresh48": (40, (20, 7, 13)),
    "fresh49": (40, (20, 7, 13)),
    "fresh50": (40, (20, 7, 13)),
    "fresh51": (40, (20, 7, 13)),
    "fresh52": (40, (20, 7, 13)),
    "fresh53": (40, (20, 7, 13)),
    "fresh54": (40, (20, 7, 13)),
    "fresh55": (40, (20, 7, 13)),
    "fresh56": (40, (20, 7, 13)),
    "fresh57": (40, (20, 7, 13)),
    "fresh58": (40, (20, 7, 13)),
    "fresh59": (40, (20, 7, 13)),
    "fresh60": (40, (20, 7, 13)),
    "fresh61": (40, (20, 7, 13)),
    "fresh62": (40, (20, 7, 13)),
    "fresh63": (40, (20, 7, 13)),
    "fresh64": (40, (20, 7, 13)),
    "fresh65": (40, (20, 7, 13)),
    "fresh66": (40, (20, 7, 13)),
    "fresh67": (40, (20, 7, 13)),
    "fresh68": (40, (20, 7, 13)),
    "fresh69": (40, (20, 7, 13)),
    "fresh70": (40, (20, 7, 13)),
    "fresh71": (40, (20, 7, 13)),
    "fresh72": (40, (20, 7, 13)),
    "fresh73": (40, (20, 7, 13)),
}
# name: (path, messages, split, messages per language, clean messages) of the PII corpora
PII_CORPORA = {
    "heldout": (scrubber_eval.HELDOUT_CORPUS_PATH, 150, "heldout", 30, 50),
    "fresh": (scrubber_eval.FRESH_CORPUS_PATH, 300, "fresh", 60, 100),
    "fresh2": (scrubber_eval.FRESH2_CORPUS_PATH, 300, "fresh2", 60, 100),
    "fresh3": (scrubber_eval.FRESH3_CORPUS_PATH, 300, "fresh3", 60, 100),
    "fresh4": (scrubber_eval.FRESH4_CORPUS_PATH, 300, "fresh4", 60, 100),
    "fresh5": (scrubber_eval.FRESH5_CORPUS_PATH, 300, "fresh5", 60, 100),
    "fresh6": (scrubber_eval.FRESH6_CORPUS_PATH, 300, "fresh6", 60, 100),
    "fresh7": (scrubber_eval.FRESH7_CORPUS_PATH, 300, "fresh7", 60, 100),
}


@pytest.fixture(scope="module", params=sorted(ORDER_SETS))
def order_set(request) -> tuple[str, list[dict]]:
    return request.param, run.load_cases(run.SETS[request.param])


@pytest.fixture(scope="module")
def orders(order_set) -> list[dict]:
    return order_set[1]


@pytest.fixture(scope="module", params=sorted(PII_CORPORA))
def pii_corpus(request) -> tuple[str, list[dict]]:
    return request.param, scrubber_eval.load_corpus(PII_CORPORA[request.param][0])


@pytest.fixture(scope="module")
def corpus(pii_corpus) -> list[dict]:
    return pii_corpus[1]


def test_each_order_set_has_the_same_messages_in_every_language(order_set):
    name, orders = order_set
    per_language, (order, ask, none) = ORDER_SETS[name]
    assert len(orders) == per_language * len(run.LANGS)
    assert Counter(case["lang"] for case in orders) == dict.fromkeys(run.LANGS, per_language)
    for lang in run.LANGS:
        expects = Counter(case["expect"] for case in orders if case["lang"] == lang)
        assert expects == {"order": order, "ask": ask, "none": none}, (name, lang)
    assert len({case["id"] for case in orders}) == len(orders)


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


def test_each_pii_corpus_is_a_third_clean_in_every_language(pii_corpus):
    name, corpus = pii_corpus
    _, size, _, per_language, clean = PII_CORPORA[name]
    assert len(corpus) == size
    assert Counter(row["lang"] for row in corpus) == dict.fromkeys(PII_LANGS, per_language)
    assert len({row["id"] for row in corpus}) == len(corpus)
    assert len([row for row in corpus if not row["pii"]]) == clean
    types = Counter(span["type"] for row in corpus for span in row["pii"])
    assert set(types) == set(scrubber.PII_TYPES)


def test_every_span_value_sits_at_its_offsets(pii_corpus):
    name, corpus = pii_corpus
    for row in corpus:
        assert set(row) >= PII_FIELDS, row["id"]
        assert row["split"] == PII_CORPORA[name][2], row["id"]
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
    total += {"T": 4, "G": 4, "M": 3}.get(value[0], 0)
    tables = {"S": "JZIHGFEDCBA", "T": "JZIHGFEDCBA", "M": "XWUTRQPNJLK"}
    table = tables.get(value[0], "XWUTRQPNMLK")
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


def test_every_set_the_runners_know_is_checked_here(capsys):
    assert run.main(["--list"]) == 0
    assert capsys.readouterr().out.split() == ["blind", *ORDER_SETS]
    assert scrubber_eval.main(["--list"]) == 0
    assert capsys.readouterr().out.split() == list(PII_CORPORA)


@pytest.mark.parametrize("name", sorted(set(ORDER_SETS) & set(PII_CORPORA)))
def test_the_runners_select_the_held_out_sets_by_name(name):
    assert run.SETS[name].name == f"{name}_orders.jsonl"
    (chosen,) = scrubber_eval._corpora(name)
    assert chosen.path == PII_CORPORA[name][0] and not chosen.enforced
    assert chosen not in scrubber_eval._corpora("all")
