"""The blind PII corpus (issue 20): well formed and honestly labelled. No accuracy assertion here:
`python -m conversations.privacy.scrubber_eval --corpus blind` reports where the scrubber stands on
it."""

import json
import re
from collections import Counter
from itertools import pairwise

import pytest

from conversations.privacy import scrubber_eval

ALLOWED_TYPES = {"PHONE", "EMAIL", "ADDRESS", "NRIC", "CARD", "BANK_ACCOUNT", "NAME"}
LANGUAGES = {"en", "singlish", "zh", "ms", "ta"}
NRIC_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)


def nric_is_valid(value: str) -> bool:
    """The NRIC/FIN check letter: weights 2,7,6,5,4,3,2; S/T, F/G and M (from 2022) tables."""
    match = re.fullmatch(r"([STFGM])(\d{7})([A-Z])", value.upper())
    if not match:
        return False
    prefix, digits, letter = match.groups()
    total = sum(int(d) * w for d, w in zip(digits, NRIC_WEIGHTS, strict=True))
    if prefix == "M":
        return letter == "KLJNPQRTUWX"[10 - (total + 3) % 11]
    total += 4 if prefix in "TG" else 0
    table = "JZIHGFEDCBA" if prefix in "ST" else "XWUTRQPNMLK"
    return letter == table[total % 11]


def luhn_is_valid(value: str) -> bool:
    digits = [int(c) for c in value if c.isdigit()]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2:
            digit = digit * 2 - 9 if digit * 2 > 9 else digit * 2
        total += digit
    return 13 <= len(digits) <= 19 and total % 10 == 0


def iban_is_valid(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return scrubber_eval.load_corpus(scrubber_eval.BLIND_CORPUS_PATH)


def test_every_line_parses_with_the_expected_fields() -> None:
    lines = scrubber_eval.BLIND_CORPUS_PATH.read_text(encoding="utf-8").splitlines()
    ids = set()
    for line in lines:
        row = json.loads(line)
        assert set(row) == {"id", "lang", "role", "split", "text", "pii", "protected"}, row
        assert row["lang"] in LANGUAGES
        assert row["role"] == "user"
        assert row["split"] == "blind"
        assert row["id"] not in ids
        ids.add(row["id"])


def test_corpus_is_large_with_a_third_clean_and_every_language(corpus: list[dict]) -> None:
    languages = Counter(row["lang"] for row in corpus)
    clean = [row for row in corpus if not row["pii"]]
    assert len(corpus) >= 300
    assert len(clean) >= 100
    assert len(clean) * 3 >= len(corpus)
    assert all(row["protected"] for row in clean)
    assert all(languages[lang] >= 25 for lang in ("zh", "ms", "ta")), languages
    assert set(languages) == LANGUAGES


def test_every_span_points_at_the_text_it_names(corpus: list[dict]) -> None:
    for row in corpus:
        for span in row["pii"] + row["protected"]:
            assert row["text"][span["start"] : span["end"]] == span["value"], (row["id"], span)
        for span in row["pii"]:
            assert span["type"] in ALLOWED_TYPES, (row["id"], span)


def test_pii_spans_and_protected_tokens_never_overlap(corpus: list[dict]) -> None:
    for row in corpus:
        spans = sorted((s["start"], s["end"]) for s in row["pii"] + row["protected"])
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, row["id"]


def test_every_type_is_present(corpus: list[dict]) -> None:
    types = Counter(span["type"] for row in corpus for span in row["pii"])
    assert set(types) == ALLOWED_TYPES, types


def test_clean_chats_hold_order_numbers_shaped_like_singapore_phones(corpus: list[dict]) -> None:
    shaped = [
        token["value"]
        for row in corpus
        if not row["pii"]
        for token in row["protected"]
        if re.fullmatch(r"[89]\d{7}", token["value"])
    ]
    assert len(shaped) >= 30


def test_identifiers_pass_their_checksums(corpus: list[dict]) -> None:
    values = Counter()
    for row in corpus:
        for span in row["pii"]:
            value = span["value"]
            if span["type"] == "NRIC":
                assert nric_is_valid(value), (row["id"], value)
                values["NRIC"] += 1
            elif span["type"] == "CARD":
                assert luhn_is_valid(value), (row["id"], value)
                values["CARD"] += 1
            elif span["type"] == "BANK_ACCOUNT" and re.match(r"[A-Z]{2}\d{2}", value):
                assert iban_is_valid(value), (row["id"], value)
                values["IBAN"] += 1
    assert min(values["NRIC"], values["CARD"], values["IBAN"]) >= 5, values


@pytest.mark.parametrize(
    ("check", "valid", "invalid"),
    [
        (nric_is_valid, "S1234567D", "S1234567A"),
        (nric_is_valid, "T1234567J", "T1234567D"),
        (nric_is_valid, "F1234567N", "F1234567X"),
        (nric_is_valid, "G1234567X", "G1234567N"),
        (luhn_is_valid, "4111 1111 1111 1111", "4111 1111 1111 1112"),
        (iban_is_valid, "GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 33"),
        (iban_is_valid, "DE89370400440532013000", "DE89370400440532013001"),
    ],
)
def test_the_checksum_helpers_know_published_examples(check, valid, invalid) -> None:
    assert check(valid)
    assert not check(invalid)


def test_pii_eval_reports_the_blind_corpus_without_failing(capsys: pytest.CaptureFixture) -> None:
    assert scrubber_eval.main(["--corpus", "blind"]) == 0
    out = capsys.readouterr().out
    for label in ("PHONE", "BANK_ACCOUNT", "NAME", "protected order tokens kept", "names found"):
        assert label in out
    assert "clean messages unchanged" in out
    assert "messages/s" in out
