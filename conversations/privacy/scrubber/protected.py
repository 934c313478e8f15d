"""Order data that must survive scrubbing verbatim, and the labels that tell it from a phone.

A number is order data when the writer labels it so (SKU, item, stock code, order no., PO, DO,
invoice, UEN, barcode, qty, ref, and their zh/ms/ta forms) right before it, or a quantity word
(pcs, ctn, boxes, x 20) right after it; when it has the shape of one of our document numbers
(ORD-2026-000123, DO-..., INV-...); or when it is a SKU of the catalogue (`known_skus`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from conversations.privacy.scrubber.accounts import luhn_is_valid
from conversations.privacy.scrubber.common import NA, NB, Span

# Labels that make the number after them order data. Short upper-case codes (DO, PO, INV) are
# case-sensitive: "do" and "po" are ordinary words too.
_ORDER_LABEL = (
    # Plural labels head a list ("Stock codes 96651203, 96651211"); Malay "kod" takes a qualifier
    # ("kod gudang", "kod produk"); Chinese 编码 / 编号 / 批号 / 型号 say what they number.
    r"(?<![A-Za-z])(?:(?i:skus?|items?(?:\s+codes?)?|stock\s+codes?|product\s+codes?"
    r"|account\s+codes?|customer\s+codes?|(?<!postal )(?<!post )codes?|orders?|invoices?|invois"
    r"|inv|uen|barcodes?|bar\s+codes?|qty|quantity|ref|refs|reference|tracking|pesanan"
    r"|no\.\s*pesanan|kod(?:\s+(?:stok|bar|gudang|produk|barang|item|pesanan|pembekal))?"
    r"|(?:nombor|no\.?)\s+(?:stok|pesanan|invois|barang|produk|item|siri|kelompok)"
    # "nombor siri kotak" (the box's serial number): a Malay serial or batch label and its object.
    r"(?:\s+(?:kotak|karton|barang|produk|item|pek|botol))?|stok|bil|bill|resit|receipt"
    r"|art(?:icle)?|batch|lot|part(?:\s+no)?|model|serial)"
    r"|DO|PO|D/O|P/O|SO|GRN|CN|DN"
    r"|订单号?|订单编号|单号|发票号?|送货单号?|库存代码|货号|条码|条形码|编号|编码|批号|型号|料号|收据号?|账单号?"
    # 批次 (batch), 序列号 / 序号 (serial number), 生产日期码 (production code).
    r"|批次|序列号|序号|生产批号|生产码"
    r"|ஆர்டர்(?:\s+எண்)?|இன்வாய்ஸ்(?:\s+எண்)?|ஸ்டாக்\s+கோட[ு்]|கோடு|பார்கோடு|குறியீடு|ஐட்டம்|பில்|ரசீது)"
)
# "no.", "number", "nombor", "எண்" (number), "号": "DO எண் 84512096" is a delivery order number.
_LABEL_TAIL = r"(?:\s*(?:no\.?|number|num|nombor|bil\.?|எண்|号码?|#|:|：|is))*\s*[#(]?\s*"
# The number may be written in spaced groups of 3-4 digits ("Outlet code 8821 4407", "Tracking
# no. 6120 7735 8841"), as phones are: the label decides.
_LABELLED_NUMBER = re.compile(
    _ORDER_LABEL + _LABEL_TAIL + r"(?P<number>\d{3,4}(?:[ ]\d{3,4}){1,3}|\d[\d-]{3,}\d)(?!\d)"
)
ORDER_LABEL_BEFORE = re.compile(_ORDER_LABEL + _LABEL_TAIL + r"$")
_QUANTITY_AFTER = re.compile(
    r"(?<!\d)(?P<number>\d{5,14})(?=\s*(?:[x×]\s*\d|(?i:pcs|pc|ctn|ctns|cartons?|boxes|box"
    r"|packs?|units|rolls|bags)\b))"
)

# A label after the number: "86620931 (order no.)", "96651203 is the SKU", "86620931 号订单".
_LABEL_AFTER = re.compile(
    r"(?<![\d+])(?P<number>\d{5,14})(?!\d)\s*(?:[(（]\s*|(?i:is|are)\s+(?:the\s+|our\s+|my\s+)?)?"
    r"(?:(?i:sku|item\s+code|stock\s+code|product\s+code|order\s+(?:no|number)|invoice(?:\s+no)?"
    r"|barcode|code|item)|PO|DO|INV|号订单|号单)(?![A-Za-z])"
)
# A reference written with "#" and no label ("pls check #86620931"): a phone is never written so.
# Unit numbers ("#01-23") carry a dash and are left to the address rules.
_HASH_REFERENCE = re.compile(r"(?<![\w#])#\s?(?P<number>\d{5,14})(?![\d-])")

_PROTECTED_PATTERNS = [
    # References and SKUs: ORD-20250312-0042, INV-2025-004512, PB-10-KRAFT, CUP-12OZ-WHT, R-2025...
    re.compile(NB + r"(?!(?:HP|TEL|MOB|PH|WA)-)[A-Z]{1,5}-[A-Z0-9]+(?:-[A-Z0-9]+)*" + NA),
    re.compile(NB + r"(?:PN|PO|QT|SOA|DO|INV|ORD|SI|CN|DN)\d{4,}(?:-\d+)*" + NA),
    # UEN: 201912345K, 53312345K, T08LL1234A; GST numbers such as M90312345A.
    re.compile(NB + r"[A-Z]?\d{8,9}[A-Z]" + NA),
    re.compile(NB + r"[STR]\d{2}[A-Z]{2}\d{4}[A-Z]" + NA),
    # Decimal numbers with a long fraction (durations, coordinates, ratios): 12.91234567
    re.compile(r"(?<![\d.])\d+\.\d{5,}(?![\d.])"),
    # Prices: $0.35, S$1,234.50, RM 12, SGD 130.00
    re.compile(r"(?:S\$|US\$|RM|SGD|\$)\s?\d[\d,]*(?:\.\d+)?"),
    # Dates: 14/03/2025, 2025-03-12, 12.03.2025, ISO timestamps
    re.compile(NB + r"\d{4}-\d{2}-\d{2}(?:T[\d:.+-]+)?" + NA),
    re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/.-])"),
    # Times: 14:30, 09:00-12:00
    re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?:\s?-\s?\d{1,2}:\d{2})?(?![\d:])"),
    _LABELLED_NUMBER,
    _QUANTITY_AFTER,
    _LABEL_AFTER,
    _HASH_REFERENCE,
    re.compile(r"(?i:ean(?:-?(?:8|13))?|upc|kod bar)\.?\s*[:#]?\s*(\d{8,14})(?!\d)"),
]

_GS1_PREFIXES = ("888", "955", "69", "489", "471", "480", "885", "893", "899", "880", "45", "49")
PHONE_LABEL_BEFORE = re.compile(
    r"(?i)(?:call|phone|tel|hp|h/p|mobile|mob|m:|whatsapp|wa|contact|number|no\.|reach|sms|text"
    r"|电话|号码|手机|请打|打|telefon|tel|hubungi|nombor|talian|எண்|தொலைபேசி|கைபேசி|அலுவலகம்)"
    r"[^\d]{0,12}$"
)
_SKU_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]")


def _gtin_is_valid(digits: str) -> bool:
    """The GS1 check digit of an EAN-8 or EAN-13: weights 3 and 1 from the right."""
    body = digits[:-1][::-1]
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
    return (10 - total % 10) % 10 == int(digits[-1])


def _find_barcodes(text: str) -> Iterable[Span]:
    """Bare 8- and 13-digit GS1 barcodes (check digit valid, Asian GS1 prefix) not labelled as a
    phone: "the box say 8882960100547" is the product's EAN-13, not a bank account."""
    for match in re.finditer(r"(?<![\d+])(?:\d{8}|\d{13})(?!\d)", text):
        digits = match.group()
        if not (digits.startswith(_GS1_PREFIXES) and _gtin_is_valid(digits)):
            continue
        if PHONE_LABEL_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        yield match.span()


def _find_known_skus(text: str, known_skus: Collection[str]) -> Iterable[Span]:
    for match in _SKU_TOKEN.finditer(text):
        if match.group().upper() in known_skus:
            yield match.span()


# A label carries over a list: "stock code 88123456 and 88123457", "订单号 12345678、12345679".
# A short note in brackets may stand between ("65203318 (LID-16D) dengan 65203326"); the joining
# word may be Malay, Tamil or Chinese ("dan", "dengan", "மற்றும்", "和", "及").
_LIST_NEXT = re.compile(
    r"(?:\s*[(（][^()（）\n]{1,24}[)）])?\s*(?:,|，|、|/|&|;|(?i:and|or|dan|dengan|serta|atau)"
    r"|மற்றும்|அல்லது|和|及|与|或)\s*(?:(?i:and|or)\s+)?(\d[\d-]{3,}\d)(?!\d)"
)


def _listed_after(text: str, end: int) -> Iterable[Span]:
    while match := _LIST_NEXT.match(text, end):
        yield match.span(1)
        end = match.end()


# Order talk: a message that labels order data and has no phone word anywhere. Its other bare
# 8-digit numbers (no +65, no spaces, no dashes) are codes of the same list, not phones: "SKUs
# changed: old 81120045 is now BX-2200", "Stock codes ... finish already? Then give me 66301144".
_ORDER_TALK = re.compile(_ORDER_LABEL + r"(?![A-Za-z])")
_PHONE_WORD = re.compile(
    r"(?i)(?<![A-Za-z])(?:call|phone|tel|hp|h/p|mobile|mob|whatsapp|wa|contact|sms|text|reach"
    r"|number|no\.|nombor|telefon|hubungi|talian|office|m:|t:)(?![A-Za-z])"
    r"|电话|号码|手机|打给|联系|办公室|எண்|நம்பர்|தொலைபேசி|கைபேசி|அழை|அலுவலகம்"
)
_BARE_EIGHT = re.compile(r"(?<![\d+])\d{8}(?![\d-])")
# "+65 97472696", "(65) 67419680": a country code before the number makes it a phone.
_COUNTRY_CODE_BEFORE = re.compile(r"(?:\+\d{1,3}|\(\+?\d{1,3}\))[ .-]?$")


def _has_phone_word(text: str) -> bool:
    """A phone word anywhere, except one that is part of an order label ("Order no. 85507712")."""
    return any(
        not ORDER_LABEL_BEFORE.search(text, max(0, match.start() - 30), match.start())
        or not match.group().lower().startswith(("no", "number"))
        for match in _PHONE_WORD.finditer(text)
    )


def _bare_numbers_in_order_talk(text: str) -> Iterable[Span]:
    if not _ORDER_TALK.search(text) or _has_phone_word(text):
        return
    for match in _BARE_EIGHT.finditer(text):
        if not _COUNTRY_CODE_BEFORE.search(text, max(0, match.start() - 7), match.start()):
            yield match.span()


_GROUPED_CARD = re.compile(r"\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}|\d{4}([ -])\d{6}\2\d{4,5}")


def _is_grouped_card(number: str) -> bool:
    return bool(_GROUPED_CARD.fullmatch(number)) and luhn_is_valid(re.sub(r"\D", "", number))


def find_protected(text: str, known_skus: Collection[str] = frozenset()) -> list[Span]:
    """Spans of order data that must survive scrubbing verbatim; `known_skus` in upper case."""
    spans: list[Span] = []
    for pattern in _PROTECTED_PATTERNS:
        for match in pattern.finditer(text):
            # "standing order: 5412-7534-9021-6632": a grouped number passing Luhn is a card
            # whatever label stands before it.
            if pattern is _LABELLED_NUMBER and _is_grouped_card(match.group("number")):
                continue
            spans.append(match.span(match.lastindex or 0))
    for match in _LABELLED_NUMBER.finditer(text):
        spans.extend(_listed_after(text, match.end()))
    spans.extend(_find_barcodes(text))
    spans.extend(_bare_numbers_in_order_talk(text))
    if known_skus:
        spans.extend(_find_known_skus(text, known_skus))
    return spans
