"""Identifiers with a check digit or a bank's shape: cards, NRIC/FIN, IBANs and bank accounts.

- Card numbers must pass the Luhn check, NRIC/FIN numbers their checksum, IBANs the mod-97
  check, so that stray identifiers and long quantities are not mistaken for them.
- A plain run of digits is a bank account only right after a bank name or an account label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from conversations.privacy.scrubber.common import NA, NB, Span

# Unbroken, grouped 4-4-4-4(-3) with one separator, or Amex/Diners 4-6-5(4); never the
# fraction of a decimal number ("0.0201345678912345s").
_CARD = re.compile(
    r"(?<![\d+])(?<!\d[.,])(?:\d{13,19}"
    r"|\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?"
    r"|\d{4}([ -])\d{6}\2\d{4,5})(?!\d)"
)


def luhn_is_valid(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


# The first four groups of a grouped number: "card 4917 6100 0000 0000 30-day account" is a card
# and the days of credit after it.
_FOUR_GROUPS = re.compile(r"\d{4}([ -])\d{4}\1\d{4}\1\d{4}")


def _card_span(match: re.Match[str]) -> Span | None:
    digits = re.sub(r"\D", "", match.group())
    if 13 <= len(digits) <= 19 and luhn_is_valid(digits):
        return match.span()
    head = _FOUR_GROUPS.match(match.group())
    if head and head.end() < len(match.group()) and luhn_is_valid(re.sub(r"\D", "", head.group())):
        return match.start(), match.start() + head.end()
    return None


def find_cards(text: str) -> Iterable[Span]:
    for match in _CARD.finditer(text):
        span = _card_span(match)
        if span:
            yield span


_NRIC = re.compile(NB + r"([STFGM])(\d{7})([A-Z])" + NA, re.IGNORECASE)
_NRIC_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)
_NRIC_OFFSET = {"S": 0, "T": 4, "F": 0, "G": 4, "M": 3}
_NRIC_LETTERS = {
    "S": "JZIHGFEDCBA",
    "T": "JZIHGFEDCBA",
    "F": "XWUTRQPNMLK",
    "G": "XWUTRQPNMLK",
    "M": "XWUTRQPNJLK",
}


def nric_is_valid(value: str) -> bool:
    """Checksum of a Singapore NRIC (S/T) or FIN (F/G/M) number."""
    match = _NRIC.fullmatch(value.strip())
    if not match:
        return False
    prefix, digits, letter = match.group(1).upper(), match.group(2), match.group(3).upper()
    total = sum(int(d) * w for d, w in zip(digits, _NRIC_WEIGHTS, strict=True))
    return _NRIC_LETTERS[prefix][(total + _NRIC_OFFSET[prefix]) % 11] == letter


def find_nrics(text: str) -> Iterable[Span]:
    return (m.span() for m in _NRIC.finditer(text) if nric_is_valid(m.group()))


# Country code, check digits, then 11-30 letters and digits, written whole or in groups of 4.
_IBAN = re.compile(NB + r"[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}" + NA)


def iban_is_valid(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _find_ibans(text: str) -> Iterable[Span]:
    for match in _IBAN.finditer(text):
        # The greedy groups may swallow a following word: shorten until the check holds.
        value = match.group()
        while value and not iban_is_valid(value):
            value = value.rsplit(" ", 1)[0] if " " in value.strip() else ""
        if value:
            yield match.start(), match.start() + len(value)


# DBS 3-6-1, POSB 3-5-1, OCBC 3-6-3, UOB 3-3-3-1: the dashed shapes are account numbers as such.
_BANK_DASHED = re.compile(r"(?<![\d-])(?:\d{3}-\d{5,6}-\d{1,3}|\d{3}-\d{3}-\d{3}-\d)(?![\d-])")
_BANK_LABEL = (
    r"(?i:account|acct|acc|a/c|akaun|bank|dbs|posb|ocbc|uob|maybank|hsbc|citi(?:bank)?|cimb"
    r"|rhb|sc|scb|standard chartered|icbc|boc|bank of china|public bank|hong leong|ambank"
    r"|trust|gxs|账户|账号|户口|银行|வங்கி|கணக்கு)"
)
# A bank name or label, up to a few words ("a/c no.", "account number is"), then 6-17 digits
# in at most four groups.
_BANK_AFTER_LABEL = re.compile(
    NB + _BANK_LABEL + r"(?:\s*(?:no\.?|number|num|#|:|：|is|-|account|a/c|acct))*\s*"
    r"(?P<number>\d{2,}(?:[ -]\d{1,}){0,3})(?![\d])"
)
_BANK_PLAIN = re.compile(r"(?<![\d+-])\d{9,14}(?![\d-])")
# A whole word: "sc" in "cannot scan" is no Standard Chartered.
_BANK_CONTEXT = re.compile(r"(?<![A-Za-z])" + _BANK_LABEL + r"(?![A-Za-z])")


def find_bank_accounts(text: str) -> Iterable[Span]:
    yield from _find_ibans(text)
    yield from (m.span() for m in _BANK_DASHED.finditer(text))
    for match in _BANK_AFTER_LABEL.finditer(text):
        if 6 <= sum(char.isdigit() for char in match.group("number")) <= 17:
            yield match.span("number")
    for match in _BANK_PLAIN.finditer(text):
        if _BANK_CONTEXT.search(text[max(0, match.start() - 40) : match.start()]):
            yield match.span()
