"""The development corpus tests/fixtures/order_dev_messages.jsonl: messages written by the
parser's developers, in the evaluation set's format, that must all be read exactly (the blind and
held-out sets in orders/eval/ are measured, not asserted)."""

from collections import Counter
from pathlib import Path

import pytest

from orders.eval import run

DEV_MESSAGES = Path(__file__).resolve().parent.parent / "fixtures" / "order_dev_messages.jsonl"


@pytest.fixture(scope="module")
def results() -> list[run.CaseResult]:
    return run.evaluate(run.load_cases(DEV_MESSAGES))[0]


def test_the_corpus_covers_every_language_and_every_expectation():
    cases = run.load_cases(DEV_MESSAGES)
    assert len(cases) >= 60
    assert set(Counter(case["lang"] for case in cases)) == set(run.LANGS)
    for lang in run.LANGS:
        expects = {case["expect"] for case in cases if case["lang"] == lang}
        assert expects >= {"order", "ask"}, lang


def test_every_development_message_gives_the_expected_order_or_question(results):
    missed = [(r.id, r.lines, r.parsed) for r in results if not r.correct]
    assert missed == []


def test_no_development_message_creates_an_order_nobody_asked_for(results):
    assert [r.id for r in results if r.wrong_order] == []


def test_every_development_message_gets_its_intent(results):
    assert [(r.id, r.intent) for r in results if r.intent != r.intent_expected] == []
