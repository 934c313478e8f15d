"""A total with its breakdown: "total 5 ctn cup - 3 ctn 12oz, 2 ctn 8oz",
"杯子总共四千个：12安士三千，8安士一千", "Jumlah 3 karton cawan: 2 karton 12oz, 1 karton 8oz",
"மொத்தம் 3 carton cup: ...".

The total before the colon (or a spaced dash) is no line of its own: the parts after it are the
order. It goes only when the parts, read in order, add up to it exactly in its own unit; a total
its parts do not add up to ("total 5 ctn: 3 ctn 12oz, 3 ctn 8oz") is left, and the parser asks
('a total and its parts'). A total with no counted parts after it ("total 2 ctn: 12oz cups") is
an ordinary line. Pure string functions; imports nothing of tria but orders.parsing.
"""

from __future__ import annotations

import re

from orders.parsing.text import extract_sizes

_TOTAL = r"\btotal\b|\bjumlah\b|\bsemua sekali\b|总共|一共|合共|合计|மொத்தம்"
# The heading of a sentence that names a total: up to its colon or a dash between spaces
TOTAL_HEADING = re.compile(
    r"(?:^|(?<=[.!?\n。！？]))(?P<head>[^.!?\n。！？:：\-–—]*?(?:"
    + _TOTAL
    + r")[^.!?\n。！？:：\-–—]*?)(?P<mark>\s*[:：]|\s[-–—]\s)"
)
# A count and its unit (cartons, or pieces when none is said)
COUNT = re.compile(
    r"(?<![\w.§])(?P<n>\d+)(?![\w.§])\s*(?P<unit>cartons?\b|ctns?\b|karton\b|pcs\b)?"
)


def read_totals(text: str) -> tuple[str, bool]:
    """The text without a total its parts add up to, and whether a total was left that its
    parts do not add up to."""
    match = TOTAL_HEADING.search(text)
    if match is None:
        return text, False
    head = match.group("head")
    totals = list(COUNT.finditer(extract_sizes(head)[0]))
    if len(totals) != 1:
        return text, False
    total, unit = int(totals[0].group("n")), _unit(totals[0].group("unit"))
    parts = list(COUNT.finditer(extract_sizes(text[match.end() :])[0]))
    if not parts:
        return text, False
    added = 0
    for part in parts:
        if _unit(part.group("unit")) != unit:
            break
        added += int(part.group("n"))
        if added >= total:
            break
    if added != total:
        return text, True
    # the count, its unit and the word "total" go; the product words stay for the parts
    written = re.compile(
        rf"(?<![\w.§]){totals[0].group('n')}(?![\w.§])\s*(?:{totals[0].group('unit') or ''})"
    )
    bare = re.sub(_TOTAL, " ", written.sub(" ", head, count=1))
    return f"{text[: match.start('head')]}{bare}{text[match.end('head') :]}", False


def _unit(word: str | None) -> str:
    """'ctn', 'cartons', 'karton' -> 'carton'; no unit or 'pcs' -> 'pcs'."""
    return "pcs" if not word or word == "pcs" else "carton"
