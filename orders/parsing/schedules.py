"""A delivery split over days: the parts of a line's quantity, each with its day, are no lines.

"1000ml box 4 ctn, 2 ctn Monday 2 ctn Thursday", "16oz cups 4000 – 2000 this week, the other 2000
next week", "hot cup 4k, half this fri half next tue", "6 ctn (3 Tue / 3 Fri)": the customer
orders the total and says how to deliver it. The parts are dropped only when they add up to the
quantity of the line before them, in its unit (or are two halves of it): parts that do not add up
stay, and the parser asks about them as before. A delivery moved to another day ("same as last
week, but deliver sat instead") changes when, not what: its "instead" is no change of the goods.
Pure string functions; imports nothing of tria but orders.parsing.
"""

from __future__ import annotations

import itertools
import re

from orders.parsing.words import head_types

# A day or a week to deliver on, in the four languages (the text is normalised: lower case).
_DAY = (
    r"\b(?:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat"
    r"|saturday|sun|sunday|today|tomorrow|tmr|tmrw|tml|week|wk|weekend"
    r"|isnin|selasa|rabu|khamis|jumaat|sabtu|ahad|esok|besok|lusa|minggu)\b"
    r"|(?:திங்கள்|செவ்வாய்|புதன்|வியாழன்|வெள்ளி|சனி|ஞாயிறு|நாளை|வாரம்)"
    r"|礼拜|星期|周[一二三四五六日天末]|明天|后天|今天|下个?月"
)
DAY = re.compile(_DAY)
# A count and its unit: not a size ("16 oz", "1000ml") nor a date ("the 20th").
_CARTONS = r"cartons?|ctns?|cs|case|cases"
COUNT = re.compile(
    rf"(?<![\d.§/])(\d+)\s*({_CARTONS}|pcs)?(?![\d.])(?!\s*(?:oz|ml|inch|in\b|\"|cm|mm|th\b|st\b))"
)
# Where one part of a split ends: commas, slashes, brackets, dashes, full stops, "and".
PART_SPLIT = re.compile(r"[,;/()?!\n，。、？！–—]|\.(?:\s|$)|\s-\s|\b(?:and|dan|then|lepas tu)\b")
HALVES = re.compile(r"\bhalf\b.*\bhalf\b|一半.*一半|separuh.*separuh|பாதி.*பாதி")
# "lids 4000, split the same way", "dome lid 6 ctn also same way": the split said again
SAME_SPLIT = re.compile(
    r"\b(?:split|deliver(?:ed)?|send|sent)?\s*(?:the\s+)?same(?: amount)?\s+(?:way|split)\b"
)

# "but deliver sat instead", "send it next tue instead", "hantar esok instead": the day moved
MOVED_DELIVERY = re.compile(
    r"\b(?:deliver\w*|send|hantar)\s+(?:(?:it|them|on|by)\s+){0,2}(?:(?:next|this)\s+)?"
    rf"(?:{_DAY})\s+instead\b"
)


def drop_moved_delivery(text: str) -> str:
    """The text without a delivery moved to another day (its "instead" asked for a change)."""
    return MOVED_DELIVERY.sub(" ", text)


def drop_delivery_splits(text: str) -> str:
    """The text without the parts of a split delivery that add up to the line before them."""
    pieces = _pieces(text)
    total: tuple[int, str | None] | None = None
    run: list[int] = []
    dropped = False
    spans: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(pieces):
        piece = text[start:end]
        if total is not None and _is_part(piece):
            run.append(index)
            if _adds_up([text[s:e] for s, e in (pieces[i] for i in run)], total):
                spans.extend(pieces[i] for i in run)
                dropped, total, run = True, None, []
            continue
        run = []
        counts = _counts(piece)
        if counts:
            total = counts[-1]
    if not dropped:
        return text
    for start, end in reversed(spans):
        text = f"{text[:start]} {text[end:]}"
    return SAME_SPLIT.sub(" ", text)


def _pieces(text: str) -> list[tuple[int, int]]:
    bounds = [0, *(m.start() for m in PART_SPLIT.finditer(text)), len(text)]
    return [(a, b) for a, b in itertools.pairwise(bounds) if text[a:b].strip(" ,;/")]


def _unit(word: str | None) -> str | None:
    """carton, pcs, or None: a bare count (of a part, it counts in the unit of the total)."""
    return None if not word else "pcs" if word == "pcs" else "carton"


def _counts(piece: str) -> list[tuple[int, str | None]]:
    return [(int(m.group(1)), _unit(m.group(2))) for m in COUNT.finditer(piece)]


def _is_part(piece: str) -> bool:
    """A part names a day and a count (or a half), and no product."""
    if not DAY.search(piece) or head_types(piece):
        return False
    return bool(_counts(piece)) or bool(re.search(r"\bhalf\b|一半|separuh|பாதி", piece))


def _adds_up(parts: list[str], total: tuple[int, str | None]) -> bool:
    joined = " ".join(parts)
    counts = _counts(joined)
    if HALVES.search(joined) and not counts:
        return True
    # a bare total counts pieces; a bare part counts in the unit of the total
    unit = total[1] or "pcs"
    in_unit = all(part_unit in (None, unit) for _, part_unit in counts)
    return len(counts) > 1 and in_unit and sum(n for n, _ in counts) == total[0]
