"""A staff group chat pasted whole into one message: several people adding lines, agreeing ("+1"),
and cancelling or correcting what someone wrote further up ("cancel the straws", "no need lids").

Read line by line, such a chat orders what was taken back; until it is read turn by turn, the parser
asks for the final list. A chat is two or more speakers' turns ("Mei Ling: 12oz cup 2 ctn", or as
WhatsApp copies several messages, "[10:02, 05/12/2026] Mei Ling: ...") and a turn that takes back
or only agrees. Header lines ("Attn: ...", "PO: ...", "Deliver to: ...", "12oz cups: 2000") are no
speakers. Pure string functions; imports nothing of tria.
"""

from __future__ import annotations

import re

# A speaker's turn at the start of a line: an optional WhatsApp time stamp or list mark, then a
# name of at most three words without digits, then a colon
TURN = re.compile(
    r"^\s*(?:\[[^\]\n]{1,30}\]\s*|\d{1,2}[:.]\d{2}\s*(?:[ap]m)?\s*[-–]?\s*)?(?:[-–•*]\s*)?"
    r"(?P<name>[^\W\d_][^\n:：\d]{0,24}?)\s*[:：]\s*\S",
    re.MULTILINE,
)
# What stands before a colon in an order without being a person: headers, goods, units, greetings
NOT_A_SPEAKER = re.compile(
    r"\b(?:attn|attention|po|p\.o|deliver|delivery|address|add|tel|hp|phone|contact|date|outlet"
    r"|from|to|subject|re|item|items|qty|quantity|note|notes|remarks?|fwd|fw|cc|order|orders|total"
    r"|price|unit|size|sku|code|ref|invoice|alamat|tarikh|nota|hantar|kepada|daripada|time|venue"
    r"|event|pax|budget|for|pls|please|need|send|update|hi|hello|dear|boss|thanks|thank|list"
    r"|final|confirmed|new|today|tomorrow|tmr|week|cups?|lids?|box(?:es)?|straws?|napkins?|bags?"
    r"|cutlery|pizza|burger|takeaway|kraft|paper|cartons?|ctn|pcs|oz|ml|inch|dome|sip|hot|cold"
    r"|white|wooden)\b|地址|电话|日期|备注|订单|送|总|合计|தேதி|முகவரி",
    re.IGNORECASE,
)
# A turn that takes back or only agrees: what a line-by-line reading would get wrong
TAKEN_BACK = re.compile(
    r"\bcancel(?:led)?\b|\bno need\b|\bscrap\b|\+1|\bdon'?t need\b|\bremove\b|\btak payah\b"
    r"|\bbatal\b|\bnvm\b|\bnever ?mind\b|取消|不要了|வேண்டாம்",
    re.IGNORECASE,
)


def speakers(text: str) -> set[str]:
    """The names that open a turn of a pasted chat (lower-cased); headers and goods are none."""
    names = set()
    for turn in TURN.finditer(text):
        name = turn.group("name").strip().lower()
        if len(name.split()) <= 3 and not NOT_A_SPEAKER.search(name):
            names.add(name)
    return names


def pasted_chat(text: str) -> bool:
    """True for a group chat of two or more people in which a turn takes back or only agrees."""
    return len(speakers(text)) >= 2 and bool(TAKEN_BACK.search(text))
