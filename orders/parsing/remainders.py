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
