"""Goods left in the shop: a count of what is left is no line when more of it is ordered after.

"straw left 2 ctn only, send 5 more ctn", "纸巾剩下一箱，再送四箱", "straw tinggal 1 karton je,
hantar 3 karton lagi", "straw 1 carton தான் இருக்கு, இன்னும் 2 carton அனுப்பவும்": the first count
says how much is left, the second how much to send. The count of what is left is dropped (its
product words stay, for the line after it) only when a later clause orders more with a count of
its own; a count of what is left alone ("cups left 2 ctn") stays, and the parser asks as before.
Pure string functions; imports nothing of tria.
"""

from __future__ import annotations

import re

# What is left: "left", "down to our last", "remaining", "tinggal", "baki", "剩", "இருக்கு"
LEFT = re.compile(
    r"\b(?:left|remaining|balance|tinggal|baki)\b|\bdown to (?:our |my |the )?last\b"
    r"|\b(?:only|still) (?:have|got|has)\b|剩|இருக்கு|இருக்கிறது|மீதி"
)
# More of it: "send 5 more", "another 4 cartons", "3 karton lagi", "再送四箱", "இன்னும் 2"
MORE = re.compile(r"\b(?:more|another|again|lagi|tambah|extra)\b|再|இன்னும்")
# A count and its unit, not a size ("14 inch", "16 oz"); "half ctn" too.
LEFT_COUNT = re.compile(
    r"(?:(?<![\d.])\d+|\bhalf)\s*(?:cartons?|ctns?|pcs|packs?|boxes)?(?![\d.])"
    r"(?!\s*(?:oz|ml|inch|in\b|\"|cm|mm))"
)
CLAUSE = re.compile(r"[^,.;!?\n，。；！？]+[,.;!?\n，。；！？]*")


def drop_counts_left(text: str) -> str:
    """The text without the count of goods left, when a later clause orders more with a count."""
    clauses = CLAUSE.findall(text)
    if "".join(clauses) != text:
        return text
    out: list[str] = []
    for index, clause in enumerate(clauses):
        later = clauses[index + 1 :]
        if LEFT.search(clause) and LEFT_COUNT.search(clause) and _orders_more(later):
            clause = LEFT.sub(" ", LEFT_COUNT.sub(" ", clause))
        out.append(clause)
    return "".join(out)


def _orders_more(clauses: list[str]) -> bool:
    return any(
        MORE.search(clause) and LEFT_COUNT.search(clause) and not LEFT.search(clause)
        for clause in clauses
    )


# "top up to 3000", "tambah sampai 5000", "补到两万", "10000 வரை top up": how much the shop wants
# to have, not how much to send
TOP_UP_TO = re.compile(
    r"\b(?:top(?:\s|-)?up|make (?:it |them )?up|bring (?:it |them |stock )?up)\b"
    r"[^,.;!?\n，。]{0,30}?\b(?:to|till|until|sampai|hingga)\s+(?P<n>\d+)"
    r"|\b(?:tambah|tambahkan|topup)\b[^,.;!?\n，。]{0,30}?\b(?:sampai|hingga|jadi)\s+(?P<ms>\d+)"
    r"|(?:补到|补够|补足|加到)\s*(?P<zh>\d+)"
    r"|(?<![\d.])(?P<ta>\d+)\s*(?:pcs\s*)?வரை\s*(?:top\s*up|நிரப்ப\w*|சேர்\w*)?"
)
_UNIT = r"\s*(?P<unit>cartons?|ctns?|karton|pcs)?"
TOP_UP_TARGET_UNIT = re.compile(rf"^{_UNIT}")
# The one count of goods left before it: "1000 x 12oz cups left", "tinggal 1000", "还剩 5000"
LEFT_WITH_COUNT = re.compile(
    rf"(?<![\d.§])(?P<n>\d+)(?![\d§]|\.\d){_UNIT}(?!\s*(?:oz|ml|inch|in\b|\"|cm|mm))"
)


def read_top_ups(text: str) -> str:
    """'straw left 2000, top up to 10000' -> 'straw 8000, ...': the count to top up to, less
    the one count of the goods left said before it. Unchanged when the count left is not said,
    is said twice, is in another unit or is no less ('top up our 12oz cups to 3000' asks: the
    doubt 'a quantity to top up to' reads the words left in)."""
    target = TOP_UP_TO.search(text)
    if target is None:
        return text
    before = text[: target.start()]
    clauses = [clause for clause in CLAUSE.finditer(before) if LEFT.search(clause.group(0))]
    counts = [
        (clause.start() + match.start(), match)
        for clause in clauses
        for match in LEFT_WITH_COUNT.finditer(clause.group(0))
    ]
    if len(counts) != 1:
        return text
    at, left = counts[0]
    group = next(name for name in ("n", "ms", "zh", "ta") if target.group(name))
    unit_after = TOP_UP_TARGET_UNIT.match(text[target.end(group) :])
    if _unit(left.group("unit")) != _unit(unit_after.group("unit") if unit_after else None):
        return text
    wanted = int(target.group(group)) - int(left.group("n"))
    if wanted <= 0:
        return text
    clause = next(c for c in clauses if c.start() <= at < c.end())
    head = before[:at] + str(wanted) + before[at + len(left.group("n")) : clause.end()]
    head = head[: clause.start()] + LEFT.sub(" ", head[clause.start() :])
    tail = text[target.end(group) + (unit_after.end() if unit_after else 0) :]
    return f"{head}{before[clause.end() :]} {tail}"


def _unit(word: str | None) -> str:
    """'ctn', 'cartons', 'karton' -> 'carton'; no unit or 'pcs' -> 'pcs'."""
    return "pcs" if not word or word == "pcs" else "carton"
