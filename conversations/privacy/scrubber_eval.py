"""Measure the PII scrubber on the labelled corpus: `python -m conversations.privacy.scrubber_eval`.

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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from conversations.privacy import scrubber

CORPUS_PATH = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pii_corpus.jsonl"
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
    errors: list[str] = field(default_factory=list)

    @property
    def protected_rate(self) -> float:
        return self.protected_kept / self.protected_total if self.protected_total else 1.0

    @property
    def clean_rate(self) -> float:
        return self.clean_unchanged / self.clean_total if self.clean_total else 1.0

    def failures(self) -> list[str]:
        """The thresholds this report misses, as readable sentences."""
        missed = [
            f"{pii_type} recall {self.by_type[pii_type].recall:.3f} < {minimum}"
            for pii_type, minimum in THRESHOLDS["recall"].items()
            if self.by_type[pii_type].recall < minimum
        ]
        if self.protected_rate < THRESHOLDS["protected_kept"]:
            missed.append(
                f"protected tokens kept {self.protected_rate:.3f} < {THRESHOLDS['protected_kept']}"
            )
        if self.clean_rate < THRESHOLDS["clean_unchanged"]:
            missed.append(
                f"clean messages unchanged {self.clean_rate:.3f} < {THRESHOLDS['clean_unchanged']}"
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
        score = report.by_type[span["type"]]
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


def evaluate(rows: list[dict]) -> Report:
    report = Report(messages=len(rows))
    for row in rows:
        result = scrubber.scrub_text(row["text"])
        findings = list(result.findings)
        _score_pii(report, row, findings)
        _score_order_data(report, row, findings, result.text)
    return report


def format_report(report: Report) -> str:
    lines = [
        f"PII scrubber v{scrubber.SCRUBBER_VERSION} on {report.messages} messages"
        f" ({report.clean_total} without PII)",
        "",
        f"{'type':<13}{'gold':>6}{'found':>7}{'recall':>8}{'hidden':>8}{'predicted':>11}{'precision':>11}{'target':>8}",
    ]
    for pii_type, score in report.by_type.items():
        target = THRESHOLDS["recall"].get(pii_type)
        lines.append(
            f"{pii_type:<13}{score.gold:>6}{score.found:>7}{score.recall:>8.3f}"
            f"{score.hidden / score.gold if score.gold else 1:>8.3f}{score.predicted:>11}"
            f"{score.precision:>11.3f}{(f'{target:.2f}' if target else '-'):>8}"
        )
    lines += [
        "",
        f"protected order tokens kept verbatim: {report.protected_kept}/{report.protected_total}"
        f" = {report.protected_rate:.3f} (target {THRESHOLDS['protected_kept']})",
        f"clean messages unchanged:             {report.clean_unchanged}/{report.clean_total}"
        f" = {report.clean_rate:.3f} (target {THRESHOLDS['clean_unchanged']})",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS_PATH)
    parser.add_argument(
        "--errors", action="store_true", help="list every miss, false positive and broken token"
    )
    args = parser.parse_args(argv)
    report = evaluate(load_corpus(args.corpus))
    print(format_report(report))
    if args.errors and report.errors:
        print("\n" + "\n".join(report.errors))
    failures = report.failures()
    if failures:
        print("\nBELOW TARGET: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
