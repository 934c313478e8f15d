"""Measure the PII scrubber on its corpora: `python -m conversations.privacy.scrubber_eval`.

Corpora: "dev" (tests/fixtures/pii_corpus.jsonl, written together with the rules; its thresholds
fail the run; the default) and "blind" (tests/fixtures/pii_blind_corpus.jsonl, written apart from
the rules, issue 20); `--corpus all` runs both. The corpora written apart from the rules after
those, `--corpus heldout` and `fresh` to `fresh7` (HELD_OUT below), are measured against issue 20's
targets (reported, never enforced); each was written by someone who read only this module, five
lines of pii_heldout_corpus.jsonl and orders/demo.py, and first run before its misses were read.
docs/pii-scrubber.md gives each one's first runs and from which version on it was tuned against
(fresh7 never was: on 2.7 it meets every target). `--corpus PATH` measures any file of this format
against the dev thresholds.

Each corpus line holds a message, its PII spans (type, start, end) and its protected order tokens.
A PII span counts as found ("recall") when findings of the same type cover every digit of it and
at least 90% of its other non-space characters; "hidden" relaxes that to findings of any type
(the data is gone, though under another placeholder). A finding is a false positive when it
overlaps no labelled span of its type. A protected token is kept when no finding overlaps it; a
clean message (no PII) is kept when scrubbing leaves it byte for byte unchanged.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from conversations.privacy import scrubber

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
CORPUS_PATH = FIXTURES / "pii_corpus.jsonl"
BLIND_CORPUS_PATH = FIXTURES / "pii_blind_corpus.jsonl"
HELDOUT_CORPUS_PATH = FIXTURES / "pii_heldout_corpus.jsonl"
FRESH_CORPUS_PATH = FIXTURES / "pii_fresh_corpus.jsonl"
FRESH2_CORPUS_PATH = FIXTURES / "pii_fresh2_corpus.jsonl"
FRESH3_CORPUS_PATH = FIXTURES / "pii_fresh3_corpus.jsonl"
FRESH4_CORPUS_PATH = FIXTURES / "pii_fresh4_corpus.jsonl"
FRESH5_CORPUS_PATH = FIXTURES / "pii_fresh5_corpus.jsonl"
FRESH6_CORPUS_PATH = FIXTURES / "pii_fresh6_corpus.jsonl"
FRESH7_CORPUS_PATH = FIXTURES / "pii_fresh7_corpus.jsonl"
# The corpora written apart from the rules after "dev" and "blind", in the order they were written
# (each while the one before was tuned against; docs/pii-scrubber.md says which were tuned when).
HELD_OUT = {
    "heldout": HELDOUT_CORPUS_PATH,
    "fresh": FRESH_CORPUS_PATH,
    "fresh2": FRESH2_CORPUS_PATH,
    "fresh3": FRESH3_CORPUS_PATH,
    "fresh4": FRESH4_CORPUS_PATH,
    "fresh5": FRESH5_CORPUS_PATH,
    "fresh6": FRESH6_CORPUS_PATH,
    "fresh7": FRESH7_CORPUS_PATH,
}
COVERAGE = 0.9
THRESHOLDS = {
    "recall": {
        scrubber.PHONE: 0.98,
        scrubber.EMAIL: 0.98,
        scrubber.NRIC: 0.98,
        scrubber.CARD: 0.98,
        scrubber.ADDRESS: 0.95,
    },
    "protected_kept": 0.99,
    "clean_unchanged": 0.99,
}
# The targets of issue 20 on the corpus written apart from the rules.
BLIND_TARGETS = {
    "recall": {
        scrubber.PHONE: 0.97,
        scrubber.EMAIL: 0.97,
        scrubber.ADDRESS: 0.97,
        scrubber.NRIC: 0.97,
        scrubber.CARD: 0.97,
        scrubber.BANK_ACCOUNT: 0.97,
        scrubber.NAME: 0.8,
    },
    "protected_kept": 0.995,
    "clean_unchanged": 0.99,
}


@dataclass(frozen=True)
class Corpus:
    name: str
    path: Path
    thresholds: dict
    enforced: bool  # a missed threshold fails the run; otherwise it is only reported


CORPORA = {
    "dev": Corpus("dev", CORPUS_PATH, THRESHOLDS, enforced=True),
    "blind": Corpus("blind", BLIND_CORPUS_PATH, BLIND_TARGETS, enforced=False),
}


@dataclass
class TypeScore:
    gold: int = 0
    found: int = 0
    hidden: int = 0
    predicted: int = 0
    false_positives: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return 1 - self.false_positives / self.predicted if self.predicted else 1.0


@dataclass
class Report:
    messages: int = 0
    by_type: dict[str, TypeScore] = field(
        default_factory=lambda: {t: TypeScore() for t in scrubber.PII_TYPES}
    )
    protected_total: int = 0
    protected_kept: int = 0
    clean_total: int = 0
    clean_unchanged: int = 0
    seconds: float = 0.0  # spent inside the scrubber
    thresholds: dict = field(default_factory=lambda: THRESHOLDS)
    errors: list[str] = field(default_factory=list)

    @property
    def protected_rate(self) -> float:
        return self.protected_kept / self.protected_total if self.protected_total else 1.0

    @property
    def clean_rate(self) -> float:
        return self.clean_unchanged / self.clean_total if self.clean_total else 1.0

    @property
    def messages_per_second(self) -> float:
        return self.messages / self.seconds if self.seconds else 0.0

    def failures(self) -> list[str]:
        """The thresholds this report misses, as readable sentences."""
        limits = self.thresholds
        missed = [
            f"{pii_type} recall {self.by_type[pii_type].recall:.3f} < {minimum}"
            for pii_type, minimum in limits["recall"].items()
            if self.by_type[pii_type].recall < minimum
        ]
        if self.protected_rate < limits["protected_kept"]:
            missed.append(
                f"protected tokens kept {self.protected_rate:.3f} < {limits['protected_kept']}"
            )
        if self.clean_rate < limits["clean_unchanged"]:
            missed.append(
                f"clean messages unchanged {self.clean_rate:.3f} < {limits['clean_unchanged']}"
            )
        return missed


def load_corpus(path: Path = CORPUS_PATH) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _covered(text: str, span: dict, findings: Iterable[scrubber.Finding]) -> bool:
    cover = [(f.start, f.end) for f in findings]
    chars = [i for i in range(span["start"], span["end"]) if not text[i].isspace()]
    hit = {i for i in chars if any(start <= i < end for start, end in cover)}
    if any(text[i].isdigit() and i not in hit for i in chars):
        return False
    return len(hit) >= COVERAGE * len(chars)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _score_pii(report: Report, row: dict, findings: list[scrubber.Finding]) -> None:
    text = row["text"]
    for span in row["pii"]:
        score = report.by_type.setdefault(span["type"], TypeScore())
        score.gold += 1
        same_type = [f for f in findings if f.type == span["type"]]
        score.found += _covered(text, span, same_type)
        score.hidden += _covered(text, span, findings)
        if not _covered(text, span, same_type):
            report.errors.append(f"MISSED {span['type']:<12} {row['id']}: {text}")
    for finding in findings:
        score = report.by_type[finding.type]
        score.predicted += 1
        if not any(
            s["type"] == finding.type
            and _overlaps(finding.start, finding.end, s["start"], s["end"])
            for s in row["pii"]
        ):
            score.false_positives += 1
            report.errors.append(
                f"FALSE+ {finding.type:<12} {row['id']}: {text[finding.start : finding.end]!r}"
            )


def _score_order_data(
    report: Report, row: dict, findings: list[scrubber.Finding], scrubbed: str
) -> None:
    for token in row["protected"]:
        report.protected_total += 1
        if any(_overlaps(f.start, f.end, token["start"], token["end"]) for f in findings):
            report.errors.append(f"BROKEN protected {row['id']}: {token['value']!r}")
        else:
            report.protected_kept += 1
    if not row["pii"]:
        report.clean_total += 1
        report.clean_unchanged += scrubbed == row["text"]


def evaluate(rows: list[dict], thresholds: dict = THRESHOLDS) -> Report:
    report = Report(messages=len(rows), thresholds=thresholds)
    for row in rows:
        started = time.perf_counter()
        result = scrubber.scrub_text(row["text"])
        report.seconds += time.perf_counter() - started
        findings = list(result.findings)
        _score_pii(report, row, findings)
        _score_order_data(report, row, findings, result.text)
    return report


def format_report(report: Report) -> str:
    limits = report.thresholds
    names = report.by_type.get(scrubber.NAME, TypeScore())
    name_target = limits["recall"].get(scrubber.NAME)
    lines = [
        f"PII scrubber v{scrubber.SCRUBBER_VERSION} on {report.messages} messages"
        f" ({report.clean_total} without PII)",
        "",
        f"{'type':<13}{'gold':>6}{'found':>7}{'recall':>8}{'hidden':>8}{'predicted':>11}{'precision':>11}{'target':>8}",
    ]
    for pii_type, score in report.by_type.items():
        target = limits["recall"].get(pii_type)
        lines.append(
            f"{pii_type:<13}{score.gold:>6}{score.found:>7}{score.recall:>8.3f}"
            f"{score.hidden / score.gold if score.gold else 1:>8.3f}{score.predicted:>11}"
            f"{score.precision:>11.3f}{(f'{target:.2f}' if target else '-'):>8}"
        )
    lines += [
        "",
        f"protected order tokens kept verbatim: {report.protected_kept}/{report.protected_total}"
        f" = {report.protected_rate:.3f} (target {limits['protected_kept']})",
        f"clean messages unchanged:             {report.clean_unchanged}/{report.clean_total}"
        f" = {report.clean_rate:.3f} (target {limits['clean_unchanged']})",
        f"names found:                          {names.found}/{names.gold}"
        f" = {names.recall:.3f} (target {name_target if name_target else '-'})",
        f"throughput:                           {report.messages_per_second:,.0f} messages/s"
        f" ({report.seconds * 1000:.1f} ms in the scrubber)",
    ]
    return "\n".join(lines)


def _corpora(choice: str) -> list[Corpus]:
    if choice == "all":
        return list(CORPORA.values())
    if choice in CORPORA:
        return [CORPORA[choice]]
    if choice in HELD_OUT:  # not in "all": reported against the blind targets, never enforced
        return [Corpus(choice, HELD_OUT[choice], BLIND_TARGETS, enforced=False)]
    return [Corpus(Path(choice).stem, Path(choice), THRESHOLDS, enforced=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        "--set",
        dest="corpus",
        default="dev",
        help="dev (default; thresholds enforced); blind, heldout or fresh to fresh7 (targets"
        " reported only); all (dev and blind); or a path",
    )
    parser.add_argument(
        "--errors", action="store_true", help="list every miss, false positive and broken token"
    )
    parser.add_argument(
        "--list", action="store_true", help="print the held-out corpora's names (make pii-eval)"
    )
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(HELD_OUT))
        return 0
    corpora = _corpora(args.corpus)
    status = 0
    for index, corpus in enumerate(corpora):
        if len(corpora) > 1:
            print(("\n" if index else "") + f"== {corpus.name} corpus: {corpus.path.name} ==")
        report = evaluate(load_corpus(corpus.path), corpus.thresholds)
        print(format_report(report))
        if args.errors and report.errors:
            print("\n" + "\n".join(report.errors))
        failures = report.failures()
        if failures and corpus.enforced:
            print(f"\nBELOW TARGET ({corpus.name}): " + "; ".join(failures), file=sys.stderr)
            status = 1
        elif failures:
            print(f"\nbelow target (reported, not enforced): {'; '.join(failures)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
