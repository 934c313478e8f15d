"""Postal addresses: block, street, unit, building name and postal code become one span.

The parts are found one by one and joined when only a few words stand between them; a unit
number ("#03-05") carries the building name written after it ("Excalibur Centre"), and a postal
code after a comma ("..., 408571") belongs to the address before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from conversations.privacy.scrubber.common import NA, NB, Span

_STREET_SUFFIX = (
    r"(?:Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Lane|Ln|Crescent|Cres|Close|Way|Walk|Link|Place|Pl"
    r"|Terrace|Central|Boulevard|Blvd|Park|Rise|Grove|Sector|Bahru|Square|Sq|Plaza|Hill|Heights"
    r"|Quay|Green|View|Loop|Circle|Gardens|Garden|Lor|Lorong|Estate|Ter|Cl|Pk|Gdns|Hts)"
)
# Suffixes that are ordinary words too ("Spice Junction", "Holland Village"): a street only after a
# house number ("1 Engku Aman Turn").
_NUMBERED_STREET_SUFFIX = (
    r"(?:Turn|Vale|Ring|Mount|Ridge|Vista|Gate|Concourse|Promenade|Junction|Village|Highway"
    r"|Height|Bow|Field|Wood|Reach|Cross|Track|Industrial Park)"
)
_HOUSE_NO = r"(?:(?:No\.?\s*)?\d{1,4}[A-Z]?,?\s+)"
# Words that end a building name: the sentence goes on.
_NOT_BUILDING = (
    r"(?!(?:Can|Pls|Please|Thanks|Thank|Call|Contact|Tel|Hp|Order|Deliver|Send|Before|After"
    r"|Ok|Okay|And|Or|Then|By|From|To|For|The|Is|Are|We|I|Our|My)" + NA + ")"
)
_BUILDING = r"(?:\s+" + _NOT_BUILDING + r"[A-Z][A-Za-z0-9'&.-]*){0,4}"
_ADDRESS_PARTS = [
    # "Blk 45 Bedok North": the block carries the street name written after it without a suffix.
    re.compile(r"(?i:" + NB + r"(?:blk|block|blok|bk)\.?\s*\d{1,4}[A-Z]?)" + NA + _BUILDING),
    re.compile(
        NB
        + _HOUSE_NO
        + r"?(?:[A-Z][a-z']+\s+){1,4}"
        + _STREET_SUFFIX
        + r"\.?(?:\s+\d{1,3}[A-Z]?)?"
        + NA
    ),
    re.compile(
        NB
        + _HOUSE_NO
        + r"(?:[A-Z][a-z']+\s+){1,4}"
        + _NUMBERED_STREET_SUFFIX
        + r"(?:\s+\d{1,3}[A-Z]?)?"
        + NA
    ),
    re.compile(
        NB + _HOUSE_NO + r"?(?:Lorong|Lor|Jalan|Jln|Kampong|Kg)\s+(?:\d{1,3}[A-Z]?\s+)?"
        r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}" + NA
    ),
    re.compile(r"(?:#|(?i:unit|units|apt)\s?#?)\s?B?\d{1,3}-\d{1,5}[A-Z]?" + NA + _BUILDING),
    # Chinese forms: 宏茂桥3道 (Ang Mo Kio Ave 3), 乌节路313号 (313 Orchard Road), 大牌123 and
    # 123座 (Blk 123).
    # A park, estate or square numbered too (樟宜商业园1号, 淡滨尼中路 8号); a street written
    # before the block (芽笼东路 Blk 14).
    re.compile(
        r"[\u4e00-\u9fff]{2,6}\d{1,3}[道街路巷]"
        r"|[\u4e00-\u9fff]{1,6}[路道街巷][ \t]?\d{1,4}[A-Z]?号"
        r"|[\u4e00-\u9fff]{2,6}(?:[园苑坊]|广场|大厦)[ \t]?\d{1,4}[A-Z]?号"
        r"|(?:大牌|组屋)\s?\d{1,4}[A-Z]?|\d{1,4}[A-Z]?座"
        r"|[\u4e00-\u9fff]{2,6}[路道街](?=[ \t]*(?i:blk|block|blok|大牌|#))"
    ),
    re.compile(r"(?i)(?:singapore|singapura|s'pore|spore|新加坡|சிங்கப்பூர்)\s*\(?\d{6}\)?(?!\d)"),
    re.compile(NB + r"S\s?\(\d{6}\)|" + NB + r"S\d{6}(?!\d)"),
    re.compile(r"(?i:postal code|postal|postcode|poskod|邮编|邮区)\s*(?:is|:|：)?\s*\d{6}(?!\d)"),
]
_GAP = re.compile(r"^[\s,，]*(?:[A-Za-z0-9][A-Za-z0-9'.&@-]*[\s,，]+){0,4}$")
_GAP_STOPWORDS = {
    "and", "or", "but", "not", "to", "at", "we", "are", "is", "pls", "please", "can", "the",
    "ya", "leh", "lah", "near", "call", "contact", "for", "before", "after", "by", "on", "then",
}  # fmt: skip
# A postal code right after an address: ", 408571", " S151115", ", Singapore 079903"; a building
# name between commas may stand before it (", #05-42, Ubi Techpark, 408564"), and the number
# closing a building's name before it ("#03-11 Kallang Pudding Hub 2, 349317").
_POSTAL_AFTER = re.compile(
    r"(?:[ \t]+\d{1,3}[A-Z]?(?=[ \t]*[,，]))?[ \t]*[,，]?[ \t]*"
    r"(?:[A-Z][A-Za-z0-9'&.-]*(?:[ \t]+[A-Z0-9][A-Za-z0-9'&.-]*){0,3}[ \t]*[,，][ \t]*)?"
    r"(?:S\s?\(?|\()?\d{6}\)?(?!\d)"
)


_HAS_DIGIT = re.compile(r"\d")
_CJK_LEAD = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:送到|送去|寄到|寄去|搬到|地址是?|住在|到|在)")


# A street with its number ("Jurong West Street 52", "宏茂桥3道") names a place, not yet somebody's
# address: it needs a house number, block, unit or postal code beside it, or a cue before it
# ("deliver to", "Hantar ke", "送到") and no outlet word after it.
_WEAK_PARTS = (_ADDRESS_PARTS[1], _ADDRESS_PARTS[3], _ADDRESS_PARTS[5])
_OUTLET_AFTER = re.compile(
    r"\s*(?i:outlet|branch|stall|shop|store|kiosk|market|food centre|hawker|coffeeshop|kopitiam"
    r"|mrt|station|interchange|cawangan|kedai|分店|店)"
)


def _address_parts(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, strong) of every address part; a street is strong only with its house number."""
    parts = []
    for pattern in _ADDRESS_PARTS:
        weak = pattern in _WEAK_PARTS
        for match in pattern.finditer(text):
            strong = not weak or match.group()[:1].isdigit() or "号" in match.group()
            parts.append((match.start(), match.end(), strong))
    return sorted(parts)


def _is_address(text: str, start: int, end: int, strong: bool) -> bool:
    # A street, estate or "Lor Mee" with no number at all is a place staff need, not an address.
    if not _HAS_DIGIT.search(text, start, end):
        return False
    if strong:
        return True
    cued = _ADDRESS_CUE.search(text, max(0, start - 20), start)
    return bool(cued) and not _OUTLET_AFTER.match(text, end)


def _joinable(gap: str) -> bool:
    if len(gap) > 40 or not _GAP.match(gap + " "):
        return False
    return not any(word.lower().strip(".,，") in _GAP_STOPWORDS for word in gap.split())


# A building written before the street: "Tekka Centre, 665 Buffalo Road", "deliver to Northpoint
# City South Wing, 1 Northpoint Dr". Taken when it ends with a building word or starts with
# "Wisma"/"Menara", or when an address cue stands before it.
_BUILDING_WORDS = (
    r"(?:Centre|Center|City|Mall|Plaza|Point|Wing|Tower|Towers|Building|Bldg|Complex|Hub|Square"
    r"|Court|House|Residences|Residence|Condo|Condominium|Market|Arcade|Galleria|Junction|Place"
    r"|Shopping|Industrial|Estate|Park|Hall|Block|Annexe|Suites|Lodge|Village|Food Court"
    r"|Kopitiam|Hawker|Coffeeshop)"
)
_BUILDING_WORD = r"[A-Z][A-Za-z0-9'&@.-]*"
_BUILDING_BEFORE = re.compile(
    rf"(?P<building>{_BUILDING_WORD}(?:[ \t]+{_NOT_BUILDING}{_BUILDING_WORD}){{0,4}})"
    r"[ \t]*[,，]?[ \t]*$"
)
_ADDRESS_CUE = re.compile(
    r"(?<![A-Za-z])(?i:address|addr|alamat|deliver(?:y)? to|send to|ship to|hantar ke|at"
    r"|located at|di|to)"
    r"\s*[:：]?\s*$|(?:地址|送到|送去|寄到|முகவரி)\s*[:：]?\s*$"
)
_BUILDING_LAST = re.compile(rf"(?:^|\s){_BUILDING_WORDS}$|^(?:Wisma|Menara|The)\s")


def _building_start(text: str, start: int) -> int:
    """Where a building name written before the address at `start` begins, or `start`."""
    match = _BUILDING_BEFORE.search(text, max(0, start - 60), start)
    if not match:
        return start
    building = match.group("building")
    cued = _ADDRESS_CUE.search(text, max(0, match.start() - 20), match.start())
    if cued or _BUILDING_LAST.search(building):
        return match.start("building")
    return start


def find_addresses(text: str) -> Iterable[Span]:
    merged: list[list[int]] = []
    for start, end, strong in _address_parts(text):
        if merged and (start <= merged[-1][1] or _joinable(text[merged[-1][1] : start])):
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = merged[-1][2] or strong
        else:
            merged.append([start, end, strong])
    for span in merged:
        postal = _POSTAL_AFTER.match(text, span[1])
        if postal:
            span[1] = postal.end()
        span[0] = _building_start(text, span[0])
        # "下午送到宏茂桥3道": the Chinese street starts after the words that lead to it.
        lead = _CJK_LEAD.match(text, span[0], span[1])
        if lead:
            span[0] = lead.end()
    return [(start, end) for start, end, strong in merged if _is_address(text, start, end, strong)]
