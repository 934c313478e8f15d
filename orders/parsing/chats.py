"""A staff group chat pasted whole into one message: several people adding lines, agreeing ("+1"),
and cancelling or correcting what someone wrote further up ("cancel the straws", "no need lids").

Read line by line, such a chat orders what was taken back; the parser reads only the final list
when the chat states it plainly, and asks for it otherwise. A chat is two or more speakers' turns
("Mei Ling: 12oz cup 2 ctn", or as WhatsApp copies several messages, "[10:02, 05/12/2026] Mei Ling:
...") and a turn that takes back, or, someone speaking twice, a turn that only agrees ("ok", "好")
or only names another number ("两箱吧", "make it 3k"). Header lines ("Attn: ...", "PO: ...",
"Deliver to: ...", "12oz cups: 2000") are no speakers. The final list stated plainly is what
follows the last turn ("so pls send ...", "Final: ...", "麻烦送 ..."), or the last turn when a
manager or the boss writes it ("Manager: ...", "老板：...") or it says it is the final one
("confirm ...", "就这样下单：..."); a size it names alone ("order 750ml x 900") is the goods the
chat named with that size ("750ml box 900"). Pure string functions; imports nothing of tria but
orders.parsing.
"""

from __future__ import annotations

import re

from orders.parsing.vocabulary import TYPE_NOUNS
from orders.parsing.words import singular

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
    r"|event|pax|budget|for|pls|please|need|send|update|hi|hello|dear|thanks|thank|list"
    r"|final|confirmed|new|today|tomorrow|tmr|week|cups?|lids?|box(?:es)?|straws?|napkins?|bags?"
    r"|cutlery|pizza|burger|takeaway|kraft|paper|cartons?|ctn|pcs|oz|ml|inch|dome|sip|hot|cold"
    r"|white|wooden|so|jadi)\b|地址|电话|日期|备注|订单|送|总|合计|最后|确定|தேதி|முகவரி",
    re.IGNORECASE,
)
# A turn that takes back or only agrees: what a line-by-line reading would get wrong
TAKEN_BACK = re.compile(
    r"\bcancel(?:led)?\b|\bno need\b|\bscrap\b|\+1|\bdon'?t need\b|\bremove\b|\btak payah\b"
    r"|\bbatal\b|\btak perlu\b|\bnvm\b|\bnever ?mind\b|取消|不要|不用|வேண்டாம்",
    re.IGNORECASE,
)
# A turn that only agrees ("ok can", "好，就这样", "👍 go ahead") or only names another number for
# the line before ("两箱吧", "2k lor", "make it 3000", "buat 1500"): nothing of its own to order
AGREES_OR_COUNTERS = re.compile(
    r"^(?:(?:ok(?:ay)?|ya|yes|yup|can|sure|noted|set|go ahead|好|对|行|可以|就这样|boleh|சரி|👍)"
    r"[\s,.!，。~]*)*"
    r"(?:$|(?:make it|buat|jadi|then|改)?\s*(?:\d[\d,.]*\s*k?|[一二两三四五六七八九十百千万]+)"
    r"\s*(?:ctn|cartons?|karton|箱|个|pcs)?\s*(?:吧|lor|la|lah|leh|ba)?[\s!.。]*$)",
    re.IGNORECASE,
)
# A speaker who decides: the manager, the boss, the owner ("Boss Lim", "Mei (mgr)", "经理")
DECIDES = re.compile(
    r"\b(?:manager|mgr|boss|owner|supervisor|towkay|tauke|bos|pengurus)\b|老板|经理|店长|主管"
    r"|மேனேஜர்|முதலாளி",
    re.IGNORECASE,
)
# A turn that says it is the final list ("confirm 500 small bags, that's all", "就这样下单：...")
SAYS_FINAL = re.compile(r"^\s*(?:ok\W*)?(?:final|confirm|so\b|就这样|最后)", re.IGNORECASE)
# How a final list opens ("ya so ...", "ok final - ...", "Jadi ..."): no goods
CLOSING_WORDS = re.compile(
    r"^(?:\s*(?:ok|ya|so|jadi|then|final(?: ah)?)\b[\s:,-]*)+", re.IGNORECASE
)
# A line of no words between the chat and what follows it ("——", "---", "👇")
NO_WORDS = re.compile(r"^[\W_]*$")


def speaker_of(line: str) -> tuple[str, str] | None:
    """The speaker of a chat line and what they wrote ('Mei Ling', '12oz cup 2 ctn'); None for a
    line that is no turn (a header, goods before a colon, the closing line)."""
    turn = TURN.match(line)
    if turn is None:
        return None
    name = turn.group("name").strip().lower()
    if len(name.split()) > 3 or NOT_A_SPEAKER.search(name):
        return None
    return name, line[turn.end() - 1 :].strip()


def speakers(text: str) -> set[str]:
    """The names that open a turn of a pasted chat (lower-cased); headers and goods are none."""
    return {turn[0] for turn in map(speaker_of, text.splitlines()) if turn}


def pasted_chat(text: str) -> bool:
    """True for a group chat of two or more people in which a turn takes back, or in which someone
    speaks twice and a turn only agrees or only names another number, or the last is a manager's
    (goods listed as 'Straws: 3000 / Napkins: 2 ctn' name each line once)."""
    turns = [turn for turn in map(speaker_of, text.splitlines()) if turn]
    names = [name for name, _ in turns]
    if len(set(names)) < 2:
        return False
    if TAKEN_BACK.search(text):
        return True
    second_thoughts = any(AGREES_OR_COUNTERS.match(said) for _, said in turns)
    talk = second_thoughts or bool(DECIDES.search(names[-1]))
    return talk and len(set(names)) < len(names)


def final_lists(text: str) -> list[tuple[str, str]]:
    """Where a pasted chat may state its final list plainly, last first, each with the chat said
    before it: the lines after its last turn, then the last turn when a manager writes it or it says
    it is final; [] when neither."""
    lines = text.splitlines()
    last = max((i for i, line in enumerate(lines) if speaker_of(line)), default=None)
    if last is None:
        return []
    closing = [line.strip() for line in lines[last + 1 :] if not NO_WORDS.match(line)]
    name, said = speaker_of(lines[last]) or ("", "")
    decided = DECIDES.search(name) or SAYS_FINAL.match(said)
    ends = [("\n".join(lines[: last + 1]), "\n".join(closing))] * bool(closing)
    return [(body, CLOSING_WORDS.sub("", final)) for body, final in ends] + [
        ("\n".join(lines[:last]), CLOSING_WORDS.sub("", said))
    ] * bool(decided)


# A size as a chat writes it, and the word after it ("750ml box", '12" boxes', "16oz cup")
SIZE_AND_WORD = re.compile(r"\b(\d+)\s*(ml|oz|inch|\")(?:\s*([a-z]+))?", re.IGNORECASE)


def goods_of_sizes(chat: str) -> dict[str, set[str]]:
    """The product types a chat names with each size ('750ml box 900' -> {'750ml': {'box'}})."""
    goods: dict[str, set[str]] = {}
    for size, measure, word in SIZE_AND_WORD.findall(chat):
        if word and singular(word.lower()) in TYPE_NOUNS:
            goods.setdefault(f"{size}{measure.lower()}", set()).add(singular(word.lower()))
    return goods


def name_sizes_alone(chat: str, final: str) -> str:
    """The final list with each size it names alone followed by the one product the chat named with
    that size ('order 750ml x 900' after '750ml box 900' -> 'order 750ml box x 900')."""
    goods = goods_of_sizes(chat)

    def named(size: re.Match[str]) -> str:
        types = goods.get(f"{size.group(1)}{size.group(2).lower()}", set())
        word = size.group(3)
        if (word and singular(word.lower()) in TYPE_NOUNS) or len(types) != 1:
            return size.group(0)
        return f"{size.group(1)}{size.group(2)} {next(iter(types))}{' ' + word if word else ''}"

    return SIZE_AND_WORD.sub(named, final)
