"""E-mail addresses and phone numbers.

Phones: phonenumbers' matcher finds valid Singapore numbers and numbers written with a country
code (any region) in every usual format (spaces, dashes, dots, brackets, "(65)"). Singapore has
no trunk prefix, so an SG number never starts with 0; a number written with a leading 0 is tried
as a national number of our neighbours (MY, ID, IN, ...). Context then decides a bare number: a
phone label before it ("hp", "call", "tel", ...) makes it a phone; order data is protected
before this runs (conversations.privacy.scrubber.protected), so "SKU 91234567" never gets here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from conversations.privacy.scrubber.common import NA, Span
from conversations.privacy.scrubber.protected import PHONE_LABEL_BEFORE

_TLDS = r"(?:com|net|org|edu|gov|sg|my|co|io|info|biz|hk|cn|in|id|au|uk|me|asia)"
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+\s?@\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_AT = r"\s*(?:\(at\)|\[at\]|\{at\}|\sat\s)\s*"
_DOT = r"\s*(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s)\s*"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?i)[A-Za-z0-9_%+-]+(?:(?:\.|{_DOT})[A-Za-z0-9_%+-]+)*{_AT}"
    rf"[A-Za-z0-9-]+(?:(?:\.|{_DOT})[A-Za-z0-9-]+)*(?:\.|{_DOT}){_TLDS}{NA}"
)


def find_emails(text: str) -> Iterable[Span]:
    if "@" in text:
        yield from (m.span() for m in _EMAIL.finditer(text))
    if "at" in text.lower():
        yield from (m.span() for m in _OBFUSCATED_EMAIL.finditer(text))


_NEIGHBOUR_REGIONS = ("MY", "ID", "IN", "CN", "PH", "TH", "VN", "AU", "GB")
# A number written with a trunk 0 ("012-345 6789"): only then are the neighbours tried (speed).
_NATIONAL_FORM = re.compile(r"(?<![\d.,/+])\(?0\d{1,4}\)?[ -]?\d{3}")
# An SG-shaped number in an unallocated range is still somebody's number when labelled as one,
# whatever its separators: 9xxx xxxx, 9xxx-xxxx, 9xxx.xxxx, (65) 6xxx xxxx, 65 9xxx xxxx.
_SG_SHAPED = re.compile(r"(?<![\d+])(?:\(?\+?65\)?[ .-]?)?[3689]\d{3}[ .-]?\d{4}(?!\d)")
# A number with its country code: the matcher's validity check is skipped for these (a foreign
# range it does not know yet is still a phone).
_WITH_COUNTRY_CODE = re.compile(r"(?:\+|\(\+?)\d{1,3}\)?[ .-]?\d[\d .-]{6,14}\d")


def find_phones(text: str) -> Iterable[Span]:
    if sum(char.isdigit() for char in text) < 7:
        return
    for match in PhoneNumberMatcher(text, "SG", leniency=Leniency.VALID):
        yield match.start, match.end
    if _NATIONAL_FORM.search(text):
        for region in _NEIGHBOUR_REGIONS:
            for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
                if match.raw_string.lstrip("(").startswith("0"):
                    yield match.start, match.end
    if "+" in text:
        for match in _WITH_COUNTRY_CODE.finditer(text):
            if phone_is_possible(re.sub(r"[^\d+]", "", match.group()).lstrip("(")):
                yield match.span()
    for match in _SG_SHAPED.finditer(text):
        if PHONE_LABEL_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            yield match.span()


def phone_is_possible(value: str) -> bool:
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(value, None))
    except phonenumbers.NumberParseException:
        return False
