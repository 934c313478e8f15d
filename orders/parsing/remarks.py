"""Remarks beside an order: a complaint about an earlier delivery, or a side question; no lines.

"Eh the cups last time got dented leh, half carton cannot use. This time send 12oz cup 2k": the
first sentence is about goods delivered before, and its numbers ("half carton") are what was
spoilt, not what is ordered. "burger box 500pcs pls. how come price go up again ah", "8oz cup 2 ctn
8oz lid 2 ctn. how much total ah", "cold cup 16oz 1000 n the dome lid 1000. u all got stock or
not": a question about the price of the whole order, an invoice, our stock or a restock, without a
quantity of its own, beside an order that has one; whatever the answer, the items stay the same.

A sentence stays when it may bear on the items: it has a quantity and an ordering word ("last time
short 2 ctn, pls send 2 ctn"), it repeats the last order, it sets a condition ("if got stock ..."),
or it changes something. "cups 12oz 1000, how much?" (the price of what is ordered, asked before
ordering) is no remark here and still asks. Pure string functions; imports nothing of tria but
orders.parsing.
"""

from __future__ import annotations

import re

from orders.parsing.segments import PRODUCT_QUESTION, has_quantity
from orders.parsing.text import TOWNS
from orders.parsing.vocabulary import PAST_ORDER, REPEAT_PATTERNS, THIS_TIME

# Sentences: after ". ! ? 。 ？ ！" or a line break, and before "btw" / "by the way" (a side remark)
SENTENCE = re.compile(r"(?<=[.!?\n。？！])|(?=\b(?:btw|by the way)\b)")

# Goods delivered before: "last time", "the last batch", "上次", "minggu lepas", "போன தடவை"
EARLIER_DELIVERY = re.compile(
    rf"{PAST_ORDER}|\b(?:the |our )?(?:last|previous) (?:batch|delivery|shipment|lot|wk)\b"
    r"|\bhari tu\b|\b(?:yang sampai|that came|that arrived)\b|上批|上一批"
    r"|\b(?:yesterday|ytd|semalam|kelmarin)\b|昨天|前天"
    # "上个月" (last month) as it is normalised ("上 pcs 月")
    r"|上\s*pcs\s*月|(?<![\u0B80-\u0BFF])(?:நேத்து|நேற்று)"
)
# What was wrong with them: spoilt, the wrong kind, rough, flimsy, short
FAULT = re.compile(
    r"\b(?:dented|torn|broken|damaged|crushed|cracked|leak\w*|soggy|flimsy|rough|wrong|missing"
    r"|splinters?|cannot use|can'?t use|unusable|defective|rosak|koyak|pecah|kemek|bocor|salah"
    r"|tak boleh guna|tak boleh pakai|remuk|no stock|out of stock|short|kurang|overcharged|wet"
    r"|basah|lembik|late|lambat"
    r"|(?:dun|don'?t|doesn'?t|didn'?t|cannot|can'?t|tak|not) fit|tak muat)\b|\bfit\s*ஆகல"
    r"|破|坏|漏|错|裂|湿|软|迟|没货|少了|多算|(?<![\u0B80-\u0BFF])(?:உடை|கிழி|தப்பு|தவறு|குறைவ)"
)
# "..., next time tambah ya", "tolong ganti lain kali", "麻烦下次补上", "அடுத்த தடவை சேர்த்து
# அனுப்புங்க": what was short made up next time, with the words around it (no line of this order)
NEXT_TIME = r"(?:\bnext time\b|\blain kali\b|下次|அடுத்த\s*(?:தடவை|முறை))"
MADE_UP_NEXT_TIME = re.compile(rf"(?:[^\s,.;]+\s+){{0,2}}{NEXT_TIME}(?:\s*[^\s,.;]+){{0,3}}")
# A word that orders: with a quantity beside it, the sentence may be an order line too
ORDERING = re.compile(
    r"\b(?:send|need|want|order|pls|please|plz|take|give|add|hantar|nak|mau|mahu|tambah)\b"
    r"|要|送|加|订|அனுப்ப|வேணும்|வேண்டும்"
)
# A question, written with "?" or as a Singlish or Malay tag ("or not", "anot", "tak")
QUESTION = re.compile(
    r"\?|？|\b(?:or not|anot)\b|\b(?:ah|ke|tak)\s*[.!]?\s*$|吗|呢"
    # "can you resend the invoice for March", "my boss wants to know if ...": asked without a "?"
    r"|^\s*(?:and |also |oh )?(?:can|could|would|will|do|does|is|are) (?:you|u|someone)\b"
    r"|^\s*(?:why|how come|kenapa|apasal)\b|为什么|为何"
    r"|\b(?:want|wants|would like) to know\b|\bwondering\b|\bnak tahu\b|想知道"
)
# An invoice or a bill: "invoice last time wrong address", "上次的发票还没收到", "上个月的账单 ..."
INVOICE = re.compile(r"\b(?:invoice|invois|receipt|resit|statement|bill)s?\b|发票|收据|账单")
# A price asked: beside the last order repeated, of no item named ("same as last time. 现在纸吸管
# 一箱多少钱？"); "1 carton" before "多少钱" or after "how much is" is the unit priced, no quantity
PRICE = re.compile(r"\b(?:how much|price|harga|berapa)\b|多少钱|价|விலை|எவ்வளவு")
PRICED_UNIT = re.compile(
    r"\b(?:1|one|satu)\s*(?:carton|ctn|karton|pack|box|pcs|pc|piece)?\s*(?=多少钱|\bberapa\b|விலை)"
    r"|(?<=\bhow much is )(?:1|one|a)\s*(?:carton|ctn|pack|box)\b"
    r"|(?<=\bhow much for )(?:1|one|a)\s*(?:carton|ctn|pack|box)\b"
)
# What a side question is about, none of it the items: the price of the whole order ("how much
# total", "price same as last month", "how come price go up", "the old price"), an invoice, our
# stock or a restock
SIDE_TOPIC = re.compile(
    r"\b(?:how much|price|harga|berapa)\b[^.?!\n]{0,30}\b(?:total|altogether|jumlah|semua"
    r"|same as (?:last|before|previous)|still (?:the )?same|go(?:ne)? up|went up|increase\w*"
    r"|naik)\b"
    r"|\b(?:total|altogether|jumlah)\b[^.?!\n]{0,15}\b(?:how much|berapa)\b"
    r"|\bhow come\b[^.?!\n]{0,15}\b(?:price|harga)\b|\bold price\b|\bharga lama\b"
    r"|一共多少|总共多少|涨|价[格钱]?[^。?？]{0,6}(?:一样|same as)"
    # "ஏன் விலை ஏறிடுச்சு?" (why did the price go up?), "விலை ஏறுமா?" (will it go up?)
    r"|விலை[^.?]{0,10}(?:ஏறி|ஏறு|கூடி)|மொத்தம்"
    rf"|{INVOICE.pattern}|\b(?:stock|stok|restock\w*)\b|有货|库存|补货|கையிருப்பு"
    # "மூடியோட இருக்கற plastic container விக்கிறீங்களா?" (do you sell ...?)
    r"|விக்கிறீங்களா|விற்கிறீர்களா|விக்கறீங்களா"
    # "are the PET cups still the same thickness as before?": the goods compared with earlier ones
    r"|\b(?:thickness|quality|material)\b"
)
# A sentence that may bear on the items after all: a condition, a change, a cancellation
# ("wants to know if you have ..." asks whether, no condition)
BEARS_ON_ITEMS = re.compile(
    r"(?<!know )(?<!ask )(?<!check )(?<!wondering )\b(?:if|kalau|kalo|klu|jika|change|instead"
    r"|tukar|ganti|cancel\w*|batal\w*)\b|如果|换|改|取消"
    r"|இருந்தா"
)


# "napkin 15k pcs pls, last time order not enough sia": why more is ordered this time, no change
NOT_ENOUGH_BEFORE = re.compile(
    rf"(?:{PAST_ORDER})[^,;.!?\n]*?(?:\bnot enough|\b(?:tak|x|tidak) cukup\b|不够)[^,;.!?\n]*"
)


# "..., we're stocking up before the price goes up in Oct": a price rise ahead, why the customer
# orders now; no price is asked, so it is no question about the order
PRICE_RISE_AHEAD = re.compile(
    r"\b(?:before|ahead of)\s+(?:the\s+|your\s+|ur\s+)?(?:prices?|harga)\s*"
    r"(?:goes up|go up|going up|increases?|rises?|naik)\b[^,;.!?\n]*"
)


# "..., wooden forks 500 - Happy Fork Bedok. thanks!": the shop signing the order after its last
# line, a name ending in its town; its words ("fork") are no product nor a line of the order
SIGNED_SHOP = re.compile(
    # "... please. - Kopi Corner, Bedok North": a comma between the shop and its town too
    # (not "for each outlet - Serangoon, Hougang and Punggol": a list of towns)
    rf"\s[-–—]\s*(?:[a-z'&]+\s+){{0,3}}[a-z'&]+(?:,\s*|\s+)(?:{TOWNS})\s*[.!]*"
    r"(?=\s*(?:(?:ty|tq|thx|thanks?|thank you)\b[\s.!]*)?$)"
)

# "Hi, Kopi Corner Bedok 2 here. Pls send ...": the shop introduced by its name, town and the
# number of its outlet; the number is no line of the order
INTRODUCED_SHOP = re.compile(
    rf"(?:^|(?<=[,.!\n]))[^\S\n]*(?:[a-z'&]+\s+){{1,4}}?(?:{TOWNS})\s+\d{{1,2}}\s+here\b"
)

# "... 1000ml box 300. Nasi lemak stall, Bedok 216": after the last line, the shop by its kind
# and its town with the block's number; the number is no line of the order
SIGNED_SHOP_BLOCK = re.compile(
    r"(?<=[.\n])[^\S\n]*(?:[\w\u0B80-\u0BFF]+\s+){0,3}"
    r"(?:கடை[\u0B80-\u0BFF]*|kedai|shop|stall|gerai)\s*,?\s*"
    rf"(?:{TOWNS})\s+(?:blk\s*|block\s*)?\d{{1,4}}[a-z]?\s*[.!]*"
    r"(?=\s*(?:(?:ty|tq|thx|thanks?|thank you)\b[\s.!]*)?$)"
)

# "..., last time 3 ctn not enough", "..., normally 2 only": the quantity of an earlier or of the
# usual order, a clause of its own with no product, said after this order's count to compare
EARLIER_COUNT = re.compile(
    rf"(?:(?<=[,;])|^)\s*(?:{PAST_ORDER}|\b(?:normally|usually|usual)\b)\s*"
    r"(?:(?:we|i|u|you)\s+(?:take|took|order|ordered|get|got|give|gave|send|sent)\s+)?(?:only\s+)?"
    r"\d+\s*(?:ctns?|cartons?|box(?:es)?|pcs|packs?)?\s*"
    r"(?:only|je|jer|nia|not enough|(?:also|pun) not enough|(?:tak|x) cukup)?"
    r"(?:\s+(?:lah|leh|lor|sia|ah|liao|one))*\s*(?=[,;.!?\n]|$)"
)

# "couple hundred cups not enough liao, this time give me 8oz cup 5000": what was not enough
# before, as a clause of its own ahead of this time's order
NOT_ENOUGH_THEN_NOW = re.compile(
    rf"(?:(?<=[,;])|^)[^,;.!?\n]*?(?:\bnot enough|\b(?:tak|x|tidak) cukup)\b[^,;.!?\n]*?"
    rf"(?=[,;]\s*{THIS_TIME})"
)


# "cold cup 16oz 3 ctn / dome lid 3 ctn / same as before / thanks": a line of "as before" alone,
# with its particles and thanks, after the list (lexicon.AS_BEFORE)
AS_BEFORE_LINE = re.compile(
    r"\n[^\S\n]*(?:same as before|like before)[^\S\n]*(?:的?款式?|的)?"
    r"(?:[\s,.!]*(?:ya|yah|ye|ok|pls|please|boss|thanks|thank you|tq|terima kasih|谢谢|நன்றி))*"
    r"[\s,.!]*$"
)


def drop_as_before_note(text: str) -> str:
    """'... / dome lid 3 ctn / same as before / TQ': a closing line that says the goods are as
    before, under at least two lines with a quantity each, is a note on their kind, no repeat of
    the last order; where it opens the message or says more ("the rest same as before"), it stays
    (the items beside a repeat ask)."""
    match = AS_BEFORE_LINE.search(text)
    if match is None:
        return text
    lines = [line for line in text[: match.start()].split("\n") if has_quantity(line)]
    return text[: match.start()] if len(lines) >= 2 else text


def drop_remarks(text: str) -> str:
    """The text without complaints about an earlier delivery and side questions after its order,
    nor the shop's name (or its kind, town and block) signed after it or introduced before it."""
    text = SIGNED_SHOP_BLOCK.sub(" ; ", SIGNED_SHOP.sub(" ; ", text))
    text = INTRODUCED_SHOP.sub(" ", text)
    sentences = SENTENCE.split(text)
    kept = [
        sentence
        for index, sentence in enumerate(sentences)
        if not is_remark(sentence, sentences[:index], sentences[index + 1 :])
    ]
    kept = [drop_reason_for_more(sentence, kept[:index]) for index, sentence in enumerate(kept)]
    kept = [drop_complaint_clauses(sentence, kept[:index]) for index, sentence in enumerate(kept)]
    kept = [drop_not_enough_before_now(sentence) for sentence in kept]
    return " ; ".join(kept) if kept != sentences else text


def drop_reason_for_more(sentence: str, before: list[str]) -> str:
    """'..., last time order not enough sia', '..., before the price goes up' after a count: the
    earlier order was short, or the price will rise, the reason for this one; the clause says
    nothing of its items (one with a count stays, unless it is a clause of its own with the count
    of an earlier or the usual order only: '..., last time 3 ctn not enough', '..., normally 2')."""
    reason = NOT_ENOUGH_BEFORE.search(sentence) or PRICE_RISE_AHEAD.search(sentence)
    if reason is not None and counts(reason.group()):
        reason = None
    reason = reason or EARLIER_COUNT.search(sentence)
    if reason is None:
        return sentence
    if not (any(map(counts, before)) or counts(sentence[: reason.start()])):
        return sentence
    return sentence[: reason.start()] + " " + sentence[reason.end() :]


def drop_complaint_clauses(sentence: str, before: list[str]) -> str:
    """'16oz cold cup 3k, dun send wrong one ah last time u send hot cup': a clause about goods
    delivered before, what was wrong with them and nothing to order, after a clause with a count
    (in the same sentence: is_remark reads whole sentences only); before, its "hot cup" took the
    count of the line before it and the parser asked."""
    clauses = re.split(r"(?<=[,;])", sentence)
    kept = [
        clause
        for index, clause in enumerate(clauses)
        if not (
            EARLIER_DELIVERY.search(clause)
            and FAULT.search(clause)
            and not counts(clause)
            and complaint_only(clause)
            and (any(map(counts, before)) or any(map(counts, clauses[:index])))
        )
    ]
    return "".join(kept) if len(kept) < len(clauses) else sentence


def drop_not_enough_before_now(sentence: str) -> str:
    """'couple hundred cups not enough liao, this time ... 5000': the clause of what was not
    enough, without a count of its own, before this time's clause with one, is why more is
    ordered (before, its words joined the product of the line after it)."""
    reason = NOT_ENOUGH_THEN_NOW.search(sentence)
    if reason is None or counts(reason.group()) or not counts(sentence[reason.end() :]):
        return sentence
    return sentence[: reason.start()] + " " + sentence[reason.end() :]


def ordered(sentence: str) -> bool:
    """A quantity, or the last order again ("Repeat last week's order please")."""
    return counts(sentence) or repeats(sentence)


def counts(sentence: str) -> bool:
    """A quantity in the sentence, one before its full stop too ("burger box 400.")."""
    return has_quantity(sentence.rstrip().rstrip(".!;"))


def repeats(sentence: str) -> bool:
    """The last order again; not the price compared with last month's ("price same as last month
    anot?")."""
    return any(re.search(p, sentence) for p in REPEAT_PATTERNS) and not re.search(
        r"\b(?:price|harga)\b|价", sentence
    )


def is_remark(sentence: str, before: list[str], after: list[str]) -> bool:
    """A complaint about goods delivered before (beside the order, or before "this time ..."), or
    a side question after the order, with nothing to order."""
    if EARLIER_DELIVERY.search(sentence) and (FAULT.search(sentence) or INVOICE.search(sentence)):
        following = [text for text in after if text.strip()]
        this_time = bool(following) and re.match(rf"\s*(?:\w+\s+)?{THIS_TIME}", following[0])
        # nothing else in the message orders: the whole message is the complaint ("the box you
        # sent yesterday got wet, 20 pcs cannot use. how ah?"), and its count no line
        alone = not any(map(ordered, [*before, *after]))
        return (any(map(ordered, before)) or bool(this_time) or alone) and complaint_only(sentence)
    asked = PRICED_UNIT.sub(" ", sentence)
    if (
        BEARS_ON_ITEMS.search(sentence)
        or repeats(sentence)
        or counts(asked)
        or not any(map(ordered, before))
    ):
        return False
    if INVOICE.search(sentence):
        return True  # "... can you resend the invoice for March"
    if PRICE.search(sentence) and any(map(repeats, before)):
        return True  # the price of a product, after the last order again
    return bool(QUESTION.search(sentence) or SIDE_TOPIC.match(sentence.strip())) and (
        SIDE_TOPIC.search(sentence) is not None or PRODUCT_QUESTION.search(sentence) is not None
    )


def complaint_only(sentence: str) -> bool:
    """No quantity but what was spoilt or short ("got 2 box torn", "少了一包"), no condition or
    change, no order again; what is to be made up next time is no line of this order."""
    rest = MADE_UP_NEXT_TIME.sub(" ", sentence)
    if BEARS_ON_ITEMS.search(rest) or repeats(rest):
        return False
    return not any(
        counts(clause) and (ORDERING.search(clause) or not FAULT.search(clause))
        for clause in re.split(r"[,;，；]", rest)
    )


# A price or our stock asked ("how much per pc?", "现在有货吗？", "stock இருக்கா?")
ASKED = re.compile(rf"{PRICE.pattern}|\b(?:stock|stok)\b|有货|库存|கையிருப்பு|இருக்கா")


def asks_after_the_items(text: str) -> bool:
    """'need 10 inch pizza box 300pcs asap, how much per pc?', '外卖盒要一箱，现在有货吗？': a price
    or our stock asked in a clause without a count, after a clause with one (not 'ada stok tak
    750ml box 5 carton?', whose count is what is asked about)."""
    seen_count = False
    for clause in re.split(r"[,.;!?\n]", PRICED_UNIT.sub(" ", text)):
        if seen_count and ASKED.search(clause) and not counts(clause):
            return True
        seen_count = seen_count or counts(clause)
    return False
