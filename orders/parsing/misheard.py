"""A spoken order turned into text by speech-to-text: its misheard words and its run-on clauses.

A voice message carries homophones: "tree hundred" (three), "the ship lids" (sip lids), "12 once
cup" (ounce), "clam shell" (one word); "four cartoons" is read as cartons already, as a typo of
the unit (vocabulary.PRODUCT_TYPOS). Each is read back only in the shape where it can mean nothing
else: a number word before "hundred", an article before the lids, a size before the ounce.

And it has no punctuation: "... paper cup ah the lid no need still have" says no to the lids in a
clause of its own, "... 12 inch 100 both white" says again the kind the first line named, "hello
it's Ravi from the noodle stall we need ..." introduces the speaker before the order. Pure string
functions; imports nothing of tria.
"""

from __future__ import annotations

import re

# "tree hundred pieces", "tree thousand": three, the only number "tree" sounds like
TREE_AS_THREE = re.compile(r"\btree(?=[\s-]+(?:hundred|thousand)\b)")
# "the ship lids", "500 ship lid": a sip lid ("can you ship lids", a verb, stays)
SHIP_AS_SIP = re.compile(r"\b(the|of|and|\d+|oz|hot|cold|those|them)\s+ship\s+(?=lids?\b)")
# "12 once cup", "twelve once paper cup": a size in ounces before the cup or lid it sizes ("send
# 500 once you are ready" is the conjunction); the Malay "12 auns", "12 ons" spell it by ear
_SIZE_NUMBER = r"(?:\d{1,2}|four|six|eight|ten|twelve|sixteen|twenty|twenty[\s-]two)"
_SIZED_GOODS = (
    r"(?:(?:hot|cold|paper|plastic|kraft|clear|pp|pet)\s+)*"
    r"(?:cups?|lids?|bowls?|containers?|dome|sip)\b"
)
ONCE_AS_OUNCE = re.compile(rf"\b({_SIZE_NUMBER})\s+once\s+(?={_SIZED_GOODS})")
AUNS_AS_OUNCE = re.compile(rf"\b({_SIZE_NUMBER}|lapan|enam\s+belas|dua\s+belas)\s*(?:auns|ons)\b")
# "burger clam shell": the clamshell box, said as two words
CLAM_SHELL = re.compile(r"\bclam\s+(shells?)\b")

# "2 carton paper cup ah the lid no need": goods said no to, a clause of their own though no comma
# ends the line before ("the usual lid no need", goods named no other way, stays whole)
_DECLINED_GOODS = r"(?:lids?|straws?|napkins?|cutlery|bags?|cups?|spoons?|forks?)"
UNPUNCTUATED_DECLINE = re.compile(
    rf"(?<=[a-z0-9])\s+(?:(?:ah|lah|but)\s+)?(?=the\s+{_DECLINED_GOODS}\s+"
    r"(?:no\s+need|don'?t\s+need|dun\s+need|not\s+needed)\b)"
)
_KIND = r"(?:small|large|big|medium|hot|cold|kraft|white|printed|brown|paper|clear|plastic)"
# "white 10 inch pizza box 200 and 12 inch 100 both white": the kind every line is, said last
BOTH_OF_A_KIND = re.compile(rf"\s+(?:both|all)\s+({_KIND}(?:\s+{_KIND})*)\s*[.!]*\s*$")

# "hello it's Ravi from the noodle stall at Bedok we need ...", "ini Siti dari kedai kopi Jurong
# nak cawan ...": who speaks and from where, up to the want that starts the order (a
# written message has a full stop there; no name nor place is an item)
SPEAKER_INTRODUCTION = re.compile(
    r"^\s*(?:(?:hi|hey|hello|helo|morning|good\s+morning|assalamualaikum)\s+)*"
    r"(?:this\s+is|it's|it\s+is|i\s+am|i'm|ini|saya)\s+[a-z]+(?:\s+here)?\s+(?:from|dari)\s+"
    r"[^,.!?\n]*?(?=\b(?:(?:we|i|kami|saya)\s+)?(?:need|want|would\s+like|nak|mahu|perlu)\b)"
)
# "... sip lids 500 the usual delivery time ok": the delivery as usual, in a clause of its own,
# no repeat of the last order
USUAL_DELIVERY = re.compile(
    r"\s+(?:and\s+)?the\s+usual\s+(?=(?:delivery|timing|time|slot|driver)\b)"
)


def said_again_of_both(text: str) -> str:
    """'white 10 inch box 200 and 12 inch 100 both white' -> '... 12 inch 100': the closing
    'both white' only says again the kind written before it. Unchanged when that kind is new
    ('... both kraft' after white lines names a new kind: what it changes is left to ask)."""
    match = BOTH_OF_A_KIND.search(text)
    if match is None:
        return text
    head = text[: match.start()]
    if all(re.search(rf"\b{kind}\b", head) for kind in match.group(1).split()):
        return head
    return text


def hear_again(text: str) -> str:
    """The lower-cased message with the misheard words of a spoken order read as said."""
    text = SPEAKER_INTRODUCTION.sub("", text)
    text = USUAL_DELIVERY.sub(". ", text)
    text = TREE_AS_THREE.sub("three", text)
    text = SHIP_AS_SIP.sub(r"\1 sip ", text)
    text = ONCE_AS_OUNCE.sub(r"\1 ounce ", text)
    text = AUNS_AS_OUNCE.sub(r"\1 ounce", text)
    text = CLAM_SHELL.sub(r"clam\1", text)
    text = UNPUNCTUATED_DECLINE.sub(", ", text)
    return said_again_of_both(text)
