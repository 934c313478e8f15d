"""Find and replace personal data in free text: the pure PII scrubber.

Plain functions of strings, no ORM: the scrub workflow (conversations.privacy.scrubbing), the
logging filter (tria.logfilters) and the evaluation (conversations.privacy.scrubber_eval) all call
`scrub_text`. The callers that know more pass it in: the catalogue's SKUs (`known_skus`, kept as
order data) and the names of the people in the conversation (`known_names`, scrubbed wherever
they appear).

Rules:
- Context decides. Order data is kept verbatim: quantities, sizes, prices, dates, times, our
  document numbers, SKUs, barcodes, UENs and every number labelled as order data ("SKU 97310428",
  "Order no. 86620931"). Such "protected" tokens are found first and veto any PII finding that
  overlaps them. A phone label or a phone format makes a number a phone.
- NRIC/FIN numbers, card numbers and IBANs must pass their checksums.
- The scrubber never returns the personal data it found, only types, offsets and counts.

Modules: common (shared pieces), protected (order data and labels), contacts (e-mail, phones),
accounts (cards, NRIC, IBAN, bank accounts), places (addresses), names. May import: nothing of
tria's apps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from conversations.privacy.scrubber.accounts import (
    find_bank_accounts,
    find_cards,
    find_nrics,
    iban_is_valid,
    nric_is_valid,
)
from conversations.privacy.scrubber.common import Span
from conversations.privacy.scrubber.contacts import find_emails, find_phones
from conversations.privacy.scrubber.names import find_names
from conversations.privacy.scrubber.places import find_addresses
from conversations.privacy.scrubber.protected import find_protected

__all__ = [
    "PII_TYPES", "PLACEHOLDERS", "SCRUBBER_VERSION", "Finding", "ScrubResult", "find_pii",
    "find_protected", "iban_is_valid", "nric_is_valid", "scrub_text",
    "scrub_value",
]  # fmt: skip

SCRUBBER_VERSION = "2.7"

PHONE = "PHONE"
EMAIL = "EMAIL"
ADDRESS = "ADDRESS"
NRIC = "NRIC"
CARD = "CARD"
BANK_ACCOUNT = "BANK_ACCOUNT"
NAME = "NAME"
PII_TYPES = (PHONE, EMAIL, ADDRESS, NRIC, CARD, BANK_ACCOUNT, NAME)
PLACEHOLDERS = {pii_type: f"[{pii_type}]" for pii_type in PII_TYPES}


@dataclass(frozen=True, order=True)
class Finding:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class ScrubResult:
    text: str
    findings: tuple[Finding, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.findings)


# Earlier detectors win an overlap: an e-mail's digits are not a phone, a card or an IBAN is not
# a phone, a bank account after "DBS" is not a phone.
_DETECTORS: tuple[tuple[str, Callable[[str], Iterable[Span]]], ...] = (
    (EMAIL, find_emails),
    (BANK_ACCOUNT, find_bank_accounts),
    (CARD, find_cards),
    (NRIC, find_nrics),
    (PHONE, find_phones),
    (ADDRESS, find_addresses),
)


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def find_pii(
    text: str, *, known_skus: Collection[str] = frozenset(), known_names: Iterable[str] = ()
) -> list[Finding]:
    """Non-overlapping PII findings in `text`, in text order. `known_skus` in upper case."""
    if not text:
        return []
    protected = find_protected(text, known_skus)
    accepted: list[Finding] = []
    taken: list[Span] = []
    detectors = [*_DETECTORS, (NAME, lambda value: find_names(value, known_names))]
    for pii_type, detector in detectors:
        for span in detector(text):
            if span[0] >= span[1] or _overlaps(span, protected) or _overlaps(span, taken):
                continue
            accepted.append(Finding(span[0], span[1], pii_type))
            taken.append(span)
    return sorted(accepted)


def scrub_text(
    text: str, *, known_skus: Collection[str] = frozenset(), known_names: Iterable[str] = ()
) -> ScrubResult:
    """Replace every finding by its placeholder, e.g. "call 9123 4567" -> "call [PHONE]"."""
    findings = find_pii(text, known_skus=known_skus, known_names=known_names)
    if not findings:
        return ScrubResult(text=text)
    pieces, position = [], 0
    for finding in findings:
        pieces.append(text[position : finding.start])
        pieces.append(PLACEHOLDERS[finding.type])
        position = finding.end
    pieces.append(text[position:])
    counts = dict(Counter(f.type for f in findings))
    return ScrubResult(text="".join(pieces), findings=tuple(findings), counts=counts)


def scrub_value(value: Any, **known: Any) -> tuple[Any, Counter[str]]:
    """Scrub every string inside a JSON-like value (dicts, lists, strings); keys are kept.
    `known` is passed on to scrub_text (known_skus, known_names)."""
    counts: Counter[str] = Counter()
    if isinstance(value, str):
        result = scrub_text(value, **known)
        counts.update(result.counts)
        return result.text, counts
    if isinstance(value, dict):
        cleaned = {}
        for key, item in value.items():
            cleaned[key], item_counts = scrub_value(item, **known)
            counts.update(item_counts)
        return cleaned, counts
    if isinstance(value, list | tuple):
        items = []
        for item in value:
            cleaned_item, item_counts = scrub_value(item, **known)
            items.append(cleaned_item)
            counts.update(item_counts)
        return items, counts
    return value, counts
