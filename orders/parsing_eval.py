"""Accuracy of the offline parser and intent classifier on tests/fixtures/order_messages.json.

Run: `python -m orders.parsing_eval` (add `-v` to list the misses). A message counts as parsed
correctly when every expected item (product words in any order, quantity, unit, size) and the
"same as last time" flag match exactly, and nothing extra was found. The parser is judged on the
order messages (the assistant only parses those); the intent classifier on every message.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from orders import intents, parsing

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "order_messages.json"


@dataclass
class EvalReport:
    total: int = 0
    orders: int = 0
    parsed_ok: int = 0
    intent_ok: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def parse_accuracy(self) -> float:
        return self.parsed_ok / self.orders if self.orders else 0.0

    @property
    def intent_accuracy(self) -> float:
        return self.intent_ok / self.total if self.total else 0.0

    def summary_line(self) -> str:
        return (
            f"offline parser: {self.parsed_ok}/{self.orders} order messages exact "
            f"({self.parse_accuracy:.1%}); "
            f"intent: {self.intent_ok}/{self.total} ({self.intent_accuracy:.1%})"
        )


def load_corpus(path: Path = CORPUS) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def item_key(product: str, quantity: int, unit: str, size: str | None) -> tuple:
    return (tuple(sorted(product.lower().split())), quantity, unit, size)


def expected_keys(case: dict) -> list[tuple]:
    items = case["items"]
    return sorted(item_key(i["product"], i["quantity"], i["unit"], i["size"]) for i in items)


def parsed_keys(order: parsing.ParsedOrder) -> list[tuple]:
    return sorted(item_key(i.product, i.quantity, i.unit, i.size) for i in order.items)


def evaluate(
    cases: list[dict], parse: Callable[[str], parsing.ParsedOrder] = parsing.parse_order
) -> EvalReport:
    report = EvalReport(total=len(cases))
    for case in cases:
        if case["intent"] == intents.ORDER_PLACEMENT:
            score_parse(report, case, parse(case["text"]))
        intent = intents.classify_intent(case["text"]).intent
        report.intent_ok += intent == case["intent"]
        if intent != case["intent"]:
            report.misses.append(f"intent {case['text']!r}: {intent}, expected {case['intent']}")
    return report


def score_parse(report: EvalReport, case: dict, order: parsing.ParsedOrder) -> None:
    items_match = parsed_keys(order) == expected_keys(case)
    repeat_match = order.repeat_last == case.get("repeat_last", False)
    report.orders += 1
    report.parsed_ok += items_match and repeat_match
    if not (items_match and repeat_match):
        got = f"{parsed_keys(order)} repeat={order.repeat_last}"
        report.misses.append(f"parse  {case['text']!r}: got {got}")


def main(argv: list[str]) -> int:
    report = evaluate(load_corpus())
    if "-v" in argv:
        for miss in report.misses:
            print(miss)
    print(report.summary_line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
