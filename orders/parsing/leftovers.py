"""The safety net: what the parser did not account for in a message it reads as an order.

Each rule finds a leftover that could change the order; any of them turns the order into a doubt
(the assistant asks with the confirmation buttons) instead of ordering what was read:
- an unread number: a line with a number that gave no item ("12寸披萨盒三百，不对，四百个");
- a correction: a word that takes back what came before ("300 no sorry 400", "eh silap", "不对");
- a word that can negate or correct a product and that no rule read ("dun send wrong one").
A wrong order is worse than a question (issue 19), so these rules may make the parser ask about
an order it would have read right. Pure string functions; imports nothing of tria.
"""

from __future__ import annotations

import re

from orders.parsing.vocabulary import NEGATION

# Words that take back or correct what was written before them.
CORRECTION = re.compile(
    r"\b(?:sorry|oops|wait|actually|i mean|typo|silap|salah|eh silap|tersilap|maaf)\b"
    r"|\bno(?=\s*[,.!]?\s*(?:\d|sorry|wait|lah|la|ah)\b)"
    r"|不对|错了|说错|打错|搞错|\billa\b|இல்லை|இல்ல\b|தப்பு"
)
# Words that can mean "not this" or "not like this" ("not the flat ones", "dun send wrong one").
CHANGING_WORDS = frozenset(
    "no not dun dont don't never wrong stop without bukan jangan jgn illa vendam venam".split()  # noqa: SIM905
)
# Where such a word is already read: a negation the parser handles ("no need lids"), a question
# tail ("can or not", "got anot"), or "no" for number before a phone number cut out ("my no. ;").
READ_NEGATIONS = re.compile(
    rf"{NEGATION}|\b(?:or|can|got|have) not\b|\bno\b\.?(?=\s*(?:tel|hp|phone|telefon)?\s*(?:;|$))"
)


def safety_doubts(normalised: str, unread_lines: int) -> list[str]:
    """The doubts of what an order message leaves unaccounted for (none when it is all read)."""
    doubts: list[str] = []
    if unread_lines:
        doubts.append("a number not read")
    if CORRECTION.search(normalised):
        doubts.append("a correction")
    words = re.findall(r"[a-z']+", READ_NEGATIONS.sub(" ", normalised))
    if set(words) & CHANGING_WORDS:
        doubts.append("a word that may change the order")
    return doubts
