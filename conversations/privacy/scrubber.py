"""Find and replace personal data in free text: the pure PII scrubber.

Plain functions of strings, no ORM: the scrub workflow (conversations.privacy.scrubbing),
the logging filter (tria.logfilters) and the evaluation (conversations.privacy.scrubber_eval)
all call `scrub_text`.

Rules:
- Order data is kept verbatim: quantities, sizes, prices, order/invoice/DO references, SKUs,
  barcodes, dates, times and company registration numbers (UEN). Such "protected" tokens are found
  first and veto any PII finding that overlaps them.
- Singapore has no trunk prefix, so an SG number never starts with 0; a number written with a
  leading 0 is tried as a national number of our neighbours (MY, ID, IN, ...).
- NRIC/FIN numbers must pass their checksum and card numbers the Luhn check, so that stray
  identifiers and long quantities are not mistaken for them.
- The scrubber never returns the personal data it found, only types, offsets and counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from phonenumbers import Leniency, PhoneNumberMatcher

SCRUBBER_VERSION = "1.0"

PHONE = "PHONE"
EMAIL = "EMAIL"
ADDRESS = "ADDRESS"
NRIC = "NRIC"
CARD = "CARD"
BANK_ACCOUNT = "BANK_ACCOUNT"
NAME = "NAME"
PII_TYPES = (PHONE, EMAIL, ADDRESS, NRIC, CARD, BANK_ACCOUNT, NAME)
PLACEHOLDERS = {pii_type: f"[{pii_type}]" for pii_type in PII_TYPES}

# A character that may not touch an identifier. CJK text is allowed right next to it, which is
# why `\b` (true between "号" and "5" in Python's Unicode regexes) is not used.
_NB = r"(?<![A-Za-z0-9])"
_NA = r"(?![A-Za-z0-9])"


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


# --- protected order data ---------------------------------------------------------------------

_PROTECTED_PATTERNS = [
    # References and SKUs: ORD-20250312-0042, INV-2025-004512, PB-10-KRAFT, CUP-12OZ-WHT, R-2025...
    re.compile(_NB + r"(?!(?:HP|TEL|MOB|PH|WA)-)[A-Z]{1,5}-[A-Z0-9]+(?:-[A-Z0-9]+)*" + _NA),
    re.compile(_NB + r"(?:PN|PO|QT|SOA|DO|INV|ORD)\d{4,}(?:-\d+)*" + _NA),
    # UEN: 201912345K, 53312345K, T08LL1234A; GST numbers such as M90312345A.
    re.compile(_NB + r"[A-Z]?\d{8,9}[A-Z]" + _NA),
    re.compile(_NB + r"[STR]\d{2}[A-Z]{2}\d{4}[A-Z]" + _NA),
    # Decimal numbers with a long fraction (durations, coordinates, ratios): 12.91234567
    re.compile(r"(?<![\d.])\d+\.\d{5,}(?![\d.])"),
    # Prices: $0.35, S$1,234.50, RM 12
    re.compile(r"(?:S\$|US\$|RM|\$)\s?\d[\d,]*(?:\.\d+)?"),
    # Dates: 14/03/2025, 2025-03-12, 12.03.2025, ISO timestamps
    re.compile(_NB + r"\d{4}-\d{2}-\d{2}(?:T[\d:.+-]+)?" + _NA),
    re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/.-])"),
    # Times: 14:30, 09:00-12:00
    re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?:\s?-\s?\d{1,2}:\d{2})?(?![\d:])"),
    # Numbers the writer labels as order data: barcodes, PO numbers, item codes.
    re.compile(
        r"(?i:barcode|bar code|ean(?:-?(?:8|13))?|upc|item code|kod bar|kod|条码|条形码|货号"
        r"|p\.?o\.?(?:\s*(?:no|number|#))?)\.?\s*[:#]?\s*(\d{8,14})(?!\d)"
    ),
    # An item line: "88819075 x 20".
    re.compile(r"(?<!\d)\d{8,13}(?=\s*[x×]\s*\d)"),
]

_GS1_PREFIXES = ("888", "955", "69", "489", "471", "480", "885", "893", "899", "880", "45", "49")
_PHONE_CONTEXT = re.compile(
    r"(?i)(?:call|phone|tel|hp|mobile|mob|whatsapp|contact|number|no\.|reach|sms|text"
    r"|电话|号码|手机|telefon|hubungi|nombor|எண்|தொலைபேசி)[^\d]{0,12}$"
)


def _ean8_is_valid(digits: str) -> bool:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(digits[:7]))
    return (10 - total % 10) % 10 == int(digits[7])


def _find_barcodes(text: str) -> Iterable[tuple[int, int]]:
    """Bare 8-digit GS1 barcodes (check digit valid, Asian GS1 prefix) not labelled as a phone."""
    for match in re.finditer(r"(?<![\d+])\d{8}(?!\d)", text):
        digits = match.group()
        if not (digits.startswith(_GS1_PREFIXES) and _ean8_is_valid(digits)):
            continue
        if _PHONE_CONTEXT.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        yield match.span()


def find_protected(text: str) -> list[tuple[int, int]]:
    """Spans of order data that must survive scrubbing verbatim."""
    spans: list[tuple[int, int]] = []
    for pattern in _PROTECTED_PATTERNS:
        for match in pattern.finditer(text):
            spans.append(match.span(match.lastindex or 0))
    spans.extend(_find_barcodes(text))
    return spans


# --- e-mail -----------------------------------------------------------------------------------

_TLDS = r"(?:com|net|org|edu|gov|sg|my|co|io|info|biz|hk|cn|in|id|au|uk|me|asia)"
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+\s?@\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_AT = r"\s*(?:\(at\)|\[at\]|\{at\}|\sat\s)\s*"
_DOT = r"\s*(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s)\s*"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?i)[A-Za-z0-9_%+-]+(?:(?:\.|{_DOT})[A-Za-z0-9_%+-]+)*{_AT}"
    rf"[A-Za-z0-9-]+(?:(?:\.|{_DOT})[A-Za-z0-9-]+)*(?:\.|{_DOT}){_TLDS}{_NA}"
)


def _find_emails(text: str) -> Iterable[tuple[int, int]]:
    if "@" in text:
        yield from (m.span() for m in _EMAIL.finditer(text))
    if "at" in text.lower():
        yield from (m.span() for m in _OBFUSCATED_EMAIL.finditer(text))


# --- cards, NRIC, bank accounts ----------------------------------------------------------------

# Unbroken, grouped 4-4-4-4(-3) with one separator, or Amex/Diners 4-6-5(4); never the
# fraction of a decimal number ("0.0201345678912345s").
_CARD = re.compile(
    r"(?<![\d+])(?<!\d[.,])(?:\d{13,19}"
    r"|\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?"
    r"|\d{4}([ -])\d{6}\2\d{4,5})(?!\d)"
)


def _luhn_is_valid(digits: str) -> bool:
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _find_cards(text: str) -> Iterable[tuple[int, int]]:
    for match in _CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 13 <= len(digits) <= 19 and _luhn_is_valid(digits):
            yield match.span()


_NRIC = re.compile(_NB + r"([STFGM])(\d{7})([A-Z])" + _NA, re.IGNORECASE)
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


def _find_nrics(text: str) -> Iterable[tuple[int, int]]:
    return (m.span() for m in _NRIC.finditer(text) if nric_is_valid(m.group()))


# DBS 3-6-1, POSB 3-5-1, OCBC 3-6-3, UOB 3-3-3-1: the dashed shapes are account numbers as such.
_BANK_DASHED = re.compile(r"(?<![\d-])(?:\d{3}-\d{5,6}-\d{1,3}|\d{3}-\d{3}-\d{3}-\d)(?![\d-])")
_BANK_CONTEXT = re.compile(
    r"(?i)(?:account|acct|acc|a/c|akaun|bank|dbs|posb|ocbc|uob|maybank|hsbc|citi|"
    r"standard chartered|账户|账号|户口|银行|வங்கி|கணக்கு)"
)
_BANK_PLAIN = re.compile(r"(?<![\d+-])\d{9,14}(?![\d-])")


def _find_bank_accounts(text: str) -> Iterable[tuple[int, int]]:
    yield from (m.span() for m in _BANK_DASHED.finditer(text))
    for match in _BANK_PLAIN.finditer(text):
        if _BANK_CONTEXT.search(text[max(0, match.start() - 40) : match.start()]):
            yield match.span()


# --- phones -----------------------------------------------------------------------------------

_NEIGHBOUR_REGIONS = ("MY", "ID", "IN", "CN", "PH", "TH", "VN", "AU", "GB")
# A number written with a trunk 0 ("012-345 6789"): only then are the neighbours tried (speed).
_NATIONAL_FORM = re.compile(r"(?<![\d.,/+])\(?0\d{1,4}\)?[ -]?\d{3}")
# An SG-shaped number in an unallocated range is still somebody's number when labelled as one.
_SG_SHAPED = re.compile(r"(?<![\d+])[3689]\d{3}[ -]?\d{4}(?!\d)")


def _find_phones(text: str) -> Iterable[tuple[int, int]]:
    if sum(char.isdigit() for char in text) < 7:
        return
    for match in PhoneNumberMatcher(text, "SG", leniency=Leniency.VALID):
        yield match.start, match.end
    if _NATIONAL_FORM.search(text):
        for region in _NEIGHBOUR_REGIONS:
            for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
                if match.raw_string.lstrip("(").startswith("0"):
                    yield match.start, match.end
    for match in _SG_SHAPED.finditer(text):
        if _PHONE_CONTEXT.search(text[max(0, match.start() - 30) : match.start()]):
            yield match.span()


# --- addresses --------------------------------------------------------------------------------

_STREET_SUFFIX = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Lane|Ln|Crescent|Cres|Close|Way|Walk|Link|Place|Pl"
    r"|Terrace|Central|Boulevard|Blvd|Park|Rise|Grove|Sector|Bahru|Square|Sq|Plaza|Hill|Heights"
    r"|Quay|Green|View|Loop|Circle|Gardens|Lor|Lorong)"
)
_HOUSE_NO = r"(?:(?:No\.?\s*)?\d{1,4}[A-Z]?,?\s+)"
_ADDRESS_PARTS = [
    re.compile(r"(?i)" + _NB + r"(?:blk|block|blok|bk)\.?\s*\d{1,4}[A-Z]?" + _NA),
    re.compile(
        _NB
        + _HOUSE_NO
        + r"?(?:[A-Z][a-z']+\s+){1,4}"
        + _STREET_SUFFIX
        + r"\.?(?:\s+\d{1,3}[A-Z]?)?"
        + _NA
    ),
    re.compile(
        _NB + _HOUSE_NO + r"?(?:Lorong|Lor|Jalan|Jln|Kampong|Kg)\s+(?:\d{1,3}[A-Z]?\s+)?"
        r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}" + _NA
    ),
    re.compile(r"(?:#|(?i:unit|units|apt)\s?#?)\s?B?\d{1,3}-\d{1,5}[A-Z]?" + _NA),
    # Chinese forms: 宏茂桥3道 (Ang Mo Kio Ave 3), 123座 (Blk 123).
    re.compile(r"[\u4e00-\u9fff]{2,6}\d{1,3}[道街路巷]|\d{1,4}[A-Z]?座"),
    re.compile(r"(?i)(?:singapore|singapura|s'pore|spore|新加坡)\s*\(?\d{6}\)?(?!\d)"),
    re.compile(_NB + r"S\s?\(\d{6}\)|" + _NB + r"S\d{6}(?!\d)"),
    re.compile(r"(?i:postal code|postal|postcode|poskod|邮编|邮区)\s*(?:is|:)?\s*(\d{6})(?!\d)"),
]
_GAP = re.compile(r"^[\s,]*(?:[A-Za-z0-9][A-Za-z0-9'.&-]*[\s,]+){0,4}$")
_GAP_STOPWORDS = {
    "and", "or", "but", "not", "to", "at", "we", "are", "is", "pls", "please", "can", "the",
    "ya", "leh", "lah", "near", "call", "contact", "for", "before", "after", "by", "on", "then",
}  # fmt: skip


def _address_parts(text: str) -> list[tuple[int, int]]:
    parts = []
    for pattern in _ADDRESS_PARTS:
        parts.extend(m.span(m.lastindex or 0) for m in pattern.finditer(text))
    return sorted(parts)


def _joinable(gap: str) -> bool:
    if len(gap) > 40 or not _GAP.match(gap + " "):
        return False
    return not any(word.lower().strip(".,") in _GAP_STOPWORDS for word in gap.split())


def _find_addresses(text: str) -> Iterable[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in _address_parts(text):
        if merged and (start <= merged[-1][1] or _joinable(text[merged[-1][1] : start])):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


# --- names (introduced as such) ---------------------------------------------------------------

_NAME_WORD = r"[A-Z][a-z]+"
_LATIN_NAME = (
    rf"{_NAME_WORD}(?:\s+(?:bin|binti|bte|s/o|d/o|a/l|a/p)\s+{_NAME_WORD}|\s+{_NAME_WORD}){{0,3}}"
)
_NAME_INTRO = re.compile(
    r"(?i:my name is|my name's|my name|name is|name\s*:|this is|i am|i'm|nama saya|saya|"
    r"contact person\s*:?|attn\s*:?|my colleague|our chef|என் பெயர்)\s+"
    rf"(?P<name>{_LATIN_NAME}|[\u0B80-\u0BFF]+)"
)
_TITLED_NAME = re.compile(
    rf"{_NB}(?:Mr|Mrs|Ms|Mdm|Miss|Dr|Encik|Cik|Puan|Auntie|Aunty|Uncle)\.?\s+{_LATIN_NAME}"
)
_CJK_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤洪"
)
_CJK_NAME = re.compile(
    rf"(?:我叫|我是|我的名字是|联系人[:：]?)\s*(?P<name>[{_CJK_SURNAMES}][\u4e00-\u9fff]{{1,2}})"
    rf"|(?P<titled>[{_CJK_SURNAMES}](?:先生|小姐|太太|女士))"
)
_NOT_NAMES = {
    "ok", "okay", "here", "the", "from", "sorry", "not", "also", "going", "back", "urgent", "away",
    "boss", "new", "in", "on", "at", "outside", "done", "fine", "coming", "late", "free", "busy",
    "same", "confirm", "order", "ordering", "calling", "writing", "texting", "still", "a", "an",
}  # fmt: skip


def _find_names(text: str) -> Iterable[tuple[int, int]]:
    for match in _NAME_INTRO.finditer(text):
        if match.group("name").split()[0].lower() not in _NOT_NAMES:
            yield match.span("name")
    yield from (m.span() for m in _TITLED_NAME.finditer(text))
    for match in _CJK_NAME.finditer(text):
        yield match.span("name") if match.group("name") else match.span("titled")


# --- assembly ---------------------------------------------------------------------------------

# Earlier detectors win an overlap: an e-mail's digits are not a phone, a card is not a phone.
_DETECTORS: tuple[tuple[str, Callable[[str], Iterable[tuple[int, int]]]], ...] = (
    (EMAIL, _find_emails),
    (CARD, _find_cards),
    (NRIC, _find_nrics),
    (BANK_ACCOUNT, _find_bank_accounts),
    (PHONE, _find_phones),
    (ADDRESS, _find_addresses),
    (NAME, _find_names),
)


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def find_pii(text: str) -> list[Finding]:
    """Non-overlapping PII findings in `text`, in text order."""
    if not text:
        return []
    protected = find_protected(text)
    accepted: list[Finding] = []
    for pii_type, detector in _DETECTORS:
        for start, end in detector(text):
            span = (start, end)
            if start >= end or _overlaps(span, protected):
                continue
            if not _overlaps(span, [(f.start, f.end) for f in accepted]):
                accepted.append(Finding(start, end, pii_type))
    return sorted(accepted)


def scrub_text(text: str) -> ScrubResult:
    """Replace every finding by its placeholder, e.g. "call 9123 4567" -> "call [PHONE]"."""
    findings = find_pii(text)
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


def scrub_value(value: Any) -> tuple[Any, Counter[str]]:
    """Scrub every string inside a JSON-like value (dicts, lists, strings); keys are kept."""
    counts: Counter[str] = Counter()
    if isinstance(value, str):
        result = scrub_text(value)
        counts.update(result.counts)
        return result.text, counts
    if isinstance(value, dict):
        cleaned = {}
        for key, item in value.items():
            cleaned[key], item_counts = scrub_value(item)
            counts.update(item_counts)
        return cleaned, counts
    if isinstance(value, list | tuple):
        items = []
        for item in value:
            cleaned_item, item_counts = scrub_value(item)
            items.append(cleaned_item)
            counts.update(item_counts)
        return items, counts
    return value, counts
