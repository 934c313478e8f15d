"""A message left half-finished, excused, and written again: which part is the order.

"need burger boxes / 500 / sorry got called to the pass. 500 burger boxes pls", "set sudu garfu
kayu / 500 set. maaf tgh sibuk": the writer was interrupted and says so. The excuse takes nothing
back, but read as a correction it made the parser ask; read as nothing, the line written twice was
ordered twice. Here the message is cut at the excuse: the caller orders the part after it when it
only repeats (or completes) what came before, the part before it when nothing follows. Anything
else stays a doubt. Pure string functions; imports nothing of tria.
"""

from __future__ import annotations

import re

# "sorry got called to the pass", "sorry, was busy", "sorry ah got interrupted", "maaf tgh sibuk":
# an apology for an interruption (not "sorry, 300 not 200": no quantity in it)
INTERRUPTION = re.compile(
    r"\bsorry\b(?:\s+(?:ah|ya|yah|lah|boss|bro))?[\s,]*(?:i\s+)?"
    r"(?:got\s+|was\s+|am\s+|i'm\s+|im\s+)?"
    r"(?:called\s+(?:away|to\s+(?:the\s+)?[a-z]+)|busy|interrupted|distracted|rushing|in\s+a\s+rush)\b"
    r"|\bmaaf\b(?:\s+(?:ya|ye|bos|boss))?[\s,]*(?:(?:tengah|tgh|tadi)\s+)?sibuk\b"
)


def split_at_interruption(normalised: str) -> tuple[str, str] | None:
    """'need burger boxes 500 sorry got called away. 500 burger boxes' -> ('need burger boxes
    500 ', '. 500 burger boxes'): the text before and after the one excuse; None without one or
    with two."""
    excuses = list(INTERRUPTION.finditer(normalised))
    if len(excuses) != 1:
        return None
    excuse = excuses[0]
    return normalised[: excuse.start()], normalised[excuse.end() :]


def has_a_number(text: str) -> bool:
    return re.search(r"\d", text) is not None
