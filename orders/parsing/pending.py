"""Goods still to be confirmed: a sentence about them is no line of the order, when it has no count.

"CONFIRMED 500 x 1000ml boxes and 500 cutlery sets. Dessert cups still TBC with the couple, will msg
separately", "确定的先下：...。甜品杯还在等新人确认，之后再说", "Cawan dessert tunggu client
confirm dulu, nanti saya mesej", "Dessert cup இன்னும் client confirm பண்ணல, அப்புறம் சொல்றேன்": the
customer orders
what is confirmed and says the rest will follow. Before, the pending product took the quantity of
the line before it (and "will tell later" made the whole order unsure), so nothing was ordered. A
pending sentence with a count of its own ("dessert cups 300 TBC") stays, and the parser asks.

Goods for a later order: "16oz cup 2000, lids I will order next time", "tutup nanti saya order
lain kali", "盖子下次再订", "lid அடுத்த தடவை order பண்றேன்": a clause without a count that puts its
goods on the next order is no line of this one (before, the lids took the cups' quantity: a wrong
order). Pure string functions; imports nothing of tria but orders.parsing.
"""

from __future__ import annotations

import re

from orders.parsing.segments import has_quantity

# Not confirmed yet: "TBC", "to be confirmed", "still deciding", "waiting for the client",
# "tunggu client", "belum confirm", "还在等...确认", "待定", "இன்னும் ... confirm பண்ணல"
PENDING = re.compile(
    r"\b(?:tbc|tba|to be (?:confirmed|decided)|not (?:yet )?(?:confirmed|decided)"
    r"|still (?:deciding|pending|thinking|checking|confirming|tbc|waiting)"
    r"|(?:waiting|wait) (?:for|on) (?:the )?(?:client|customer|couple|boss|host)"
    r"|tunggu (?:client|customer|pelanggan|bos|boss)|belum (?:confirm|sah|pasti))\b"
    r"|等[^，。,;!?\n]{0,8}确认|还没(?:确认|定)|待定|未定"
    r"|(?<![\u0B80-\u0BFF])confirm\s*(?:பண்ணல|ஆகல|பண்ணவில்லை)"
)
# A sentence: up to a full stop, a question or exclamation mark, or a line break
SENTENCE = re.compile(r"[^.!?\n。！？]+[.!?\n。！？]*")


def drop_pending_goods(text: str) -> str:
    """The text without its sentences about goods still to be confirmed and not counted, when
    another sentence orders goods with a count."""
    sentences = SENTENCE.findall(text)
    if "".join(sentences) != text:
        return text
    return drop_uncounted(sentences, PENDING, " . ") or text


# The next order, or ordering later: "next time", "lain kali", "下次", "அடுத்த தடவை"; "nanti saya
# order" (I will order later), "order later" ("lid later" alone may be a later delivery: asked)
FOR_LATER = re.compile(
    r"\bnext time\b|\blain kali\b|下次|அடுத்த\s*(?:தடவை|முறை)"
    r"|\b(?:nanti|later|kemudian)\b[^,;.!?\n]{0,20}\b(?:order|beli|ambil|buy|get)\b"
    r"|\b(?:order|beli|buy|get)\b[^,;.!?\n]{0,20}\blater\b"
)
CLAUSE_END = re.compile(r"([,;.!?\n，；。！？])")


def drop_goods_for_later(text: str) -> str:
    """The text without its clauses that leave goods for a later order and count nothing, when
    another clause orders goods with a count."""
    return drop_uncounted(CLAUSE_END.split(text), FOR_LATER, " ") or text


def drop_uncounted(pieces: list[str], mentions: re.Pattern[str], filler: str) -> str | None:
    """The pieces joined again, each that matches `mentions` and counts nothing put as `filler`,
    when another piece counts goods; None when no piece goes."""
    dropped = {
        i for i, piece in enumerate(pieces) if mentions.search(piece) and not has_quantity(piece)
    }
    if not dropped or not any(has_quantity(p) for i, p in enumerate(pieces) if i not in dropped):
        return None
    return "".join(filler if i in dropped else piece for i, piece in enumerate(pieces))
