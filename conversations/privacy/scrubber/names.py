"""Personal names: found by the cues people write around them, and the names we already know.

Cues: an introduction ("my name is", "this is", "I'm", "saya", "நான்"), "<name> here" / "di
sini", a request to ask for someone ("ask for", "tanya", "找", "... இடம் கேளுங்கள்"), a field
label ("Name:", "Nama:", "姓名：", "Consignee", "Penerima", "收货人", "பெயர்:", "attn", "contact
person"), a courtesy title ("Mr", "Puan", "陈先生") and a sign-off ("Regards,", "Thanks,", "谢谢！",
"நன்றி,", "- Bala") followed by a line holding only a name. The customer's WhatsApp profile
name and the outlet contact's name (`known_names`) are found wherever they appear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from conversations.privacy.scrubber.common import NB, Span

_NAME_WORD = r"[A-Z][a-z]+"
_PATRONYM = r"(?:bin|binti|bte|s/o|d/o|a/l|a/p)"
_LATIN_NAME = rf"{_NAME_WORD}(?:\s+{_PATRONYM}\s+{_NAME_WORD}|[ \t]+{_NAME_WORD}){{0,3}}"
_CJK_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤洪"
)
_CJK_NAME = rf"[{_CJK_SURNAMES}][\u4e00-\u9fff]{{1,2}}"
_TAMIL_NAME = r"[\u0B80-\u0BFF]+"
_ANY_NAME = rf"(?:{_LATIN_NAME}|{_CJK_NAME}|{_TAMIL_NAME})"

_NAME_INTRO = re.compile(
    r"(?i:my name is|my name's|my name|name is|name\s*[:：]?|nama\s*[:：]|nama saya|this is|i am"
    r"|i'm|saya|contact person\s*:?|contact|attn\.?\s*:?|attention\s*:?|my colleague|our chef"
    r"|consignee\s*:?|recipient\s*:?|receiver\s*:?|penerima\s*:?|ask for|tanya|cari"
    r"|name on card|nama pada kad)[ \t]+"
    rf"(?P<name>{_LATIN_NAME})"
)
_FIELD_NAME = re.compile(
    r"(?:姓名|名字|联系人|收货人|收件人|பெயர்|பெறுநர்|தொடர்பு நபர்|நான்|என் பெயர்)\s*[:：]?\s*"
    rf"(?P<name>{_ANY_NAME})"
)
_NAME_THEN_CUE = re.compile(
    rf"(?P<name>{_LATIN_NAME})[ \t]+(?:here\b|di sini\b|speaking\b"
    r"|will (?:collect|come|pick|receive|sign|take))"
    rf"|(?P<tamil>{_TAMIL_NAME})\s+இடம்\s+கேள"
)
_TITLED_NAME = re.compile(
    rf"{NB}(?:Mr|Mrs|Ms|Mdm|Miss|Dr|Encik|Cik|Puan|Auntie|Aunty|Uncle)\.?\s+{_LATIN_NAME}"
)
_CJK_CUED = re.compile(
    rf"(?:我叫|我是|我的名字是|找|问)\s*(?P<name>{_CJK_NAME})"
    rf"|(?P<titled>[{_CJK_SURNAMES}](?:先生|小姐|太太|女士))"
)
_SIGN_OFF = re.compile(
    r"(?m)(?:^|[.!！,]\s*)(?i:best regards|kind regards|warm regards|regards|rgds|thanks|thank you"
    r"|cheers|salam|terima kasih|tq|谢谢|多谢|நன்றி)[ \t]*(?i:boss|lah|ya)?[ \t]*[,.!！，]?[ \t]*"
    rf"(?:\n[ \t]*(?:[-–—~][ \t]*)?(?P<name>{_ANY_NAME})|[ \t]+(?P<same_line>{_LATIN_NAME}))"
    r"[ \t]*(?=\n|$)"
)
_DASH_SIGNATURE = re.compile(rf"(?m)^[ \t]*[-–—~][ \t]*(?P<name>{_ANY_NAME})[ \t]*$")
_NOT_NAMES = {
    "ok", "okay", "here", "the", "from", "sorry", "not", "also", "going", "back", "urgent", "away",
    "boss", "new", "in", "on", "at", "outside", "done", "fine", "coming", "late", "free", "busy",
    "same", "confirm", "order", "ordering", "calling", "writing", "texting", "still", "a", "an",
    "delivery", "driver", "office", "shop", "kitchen", "store", "outlet", "us", "me", "our", "we",
    "team", "sales", "admin", "accounts", "customer", "service", "please", "pls", "hi", "hello",
    "eh", "can", "will", "it", "this", "that", "today", "tomorrow", "later", "now",
}  # fmt: skip


# A company, not a person: "name Kopi House Pte Ltd".
_COMPANY_WORDS = {"pte", "ltd", "llp", "sdn", "bhd", "enterprise", "trading", "company", "co"}


def _plausible(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[0] not in _NOT_NAMES and not _COMPANY_WORDS & set(words)


def _cued_spans(text: str) -> Iterable[Span]:
    for pattern in (_NAME_INTRO, _FIELD_NAME, _SIGN_OFF, _DASH_SIGNATURE):
        for match in pattern.finditer(text):
            group = "name" if match.group("name") else "same_line"
            if _plausible(match.group(group)):
                yield match.span(group)
    for match in _NAME_THEN_CUE.finditer(text):
        group = "name" if match.group("name") else "tamil"
        name = match.group(group)
        # "Eh boss, Ah Hock here": the name is the last capitalised words before the cue.
        words = name.split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        if words:
            yield match.end(group) - len(" ".join(words)), match.end(group)
    yield from (m.span() for m in _TITLED_NAME.finditer(text))
    for match in _CJK_CUED.finditer(text):
        yield match.span("name") if match.group("name") else match.span("titled")


def _known_name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """The full names, and the name less its first or last word ("Tan Mei Ling" -> "Mei Ling",
    "Tan Mei"), and its first word, where at least 3 letters long; longest first."""
    variants: set[str] = set()
    for name in names:
        words = name.split()
        parts = {
            " ".join(words),
            " ".join(words[1:]),
            " ".join(words[:-1]),
            words[0] if words else "",
        }
        variants.update(p for p in parts if len(p) >= 3 and p.lower() not in _NOT_NAMES)
    if not variants:
        return None
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?i)(?<!\w)(?:{alternatives})(?!\w)")


def find_names(text: str, known_names: Iterable[str] = ()) -> list[Span]:
    spans = list(_cued_spans(text))
    pattern = _known_name_pattern(known_names)
    if pattern:
        spans.extend(m.span() for m in pattern.finditer(text))
    return spans
