"""The safety net: what the parser did not account for in a message it reads as an order.

Each rule finds a leftover that could change the order; any of them turns the order into a doubt
(the assistant asks with the confirmation buttons) instead of ordering what was read:
- an unread number: a line with a number that gave no item ("12寸披萨盒三百，不对，四百个");
- a correction: a word that takes back what came before and that read_corrections did not read
  ("sleeves 300 oops", "不对" after the item);
- the customer says they are unsure ("see how", "theriyala", "不确定");
- a word that can negate or correct a product and that no rule read ("dun send wrong one").
A wrong order is worse than a question (issue 19), so these rules may make the parser ask about
an order it would have read right. Pure string functions; imports nothing of tria.
"""

from __future__ import annotations

import re

from orders.parsing.vocabulary import (
    ATTRIBUTE_GROUPS,
    ATTRIBUTE_WORDS,
    DOUBT_PATTERNS,
    EITHER_IN_TAMIL,
    NEGATION,
    STORY_NO,
    TYPE_NOUNS,
)
from orders.parsing.words import head_types

# Words that take back or correct what was written before them.
CORRECTION = re.compile(
    r"\b(?:sorry|oops|actually|i mean|typo|silap|salah|eh silap|tersilap|maaf|eh bukan)\b"
    # "wait, make it 3000", "2000 no wait": not the verb ("customers had to wait long")
    r"|(?:\d|\bno|\bah|\boh|\beh|\bhmm|\bsorry)[\s,.!-]*wait\b"
    r"|\bwait\b[\s,.!-]*(?:\d|make\b|i mean\b|actually\b|sorry\b|no\b)"
    r"|\bno(?=\s*[,.!]?\s*(?:\d|sorry|wait|lah|la|ah)\b)"
    r"|不对|错了|说错|打错|搞错|\billa\b|இல்லை|இல்ல\b|தப்பு"
    # "12oz cup 3 ctn, eh tak jadi" (eh, not that after all), "scratch that"
    r"|\b(?:tak|tk|x) jadi\b|\bscratch that\b"
)
# "the kids are coming back, I actually missed them": "actually" before a feeling, in a clause
# with no number and no goods, says how the owner feels and corrects nothing
FELT_ACTUALLY = re.compile(
    r"\bactually\s+(?:really\s+)?(?:missed|miss|love|loved|enjoy|enjoyed|felt|feel|quite like"
    r"|kinda like)\b(?![^.,;!?\n]*?(?:\d|§|\b(?:cup|lid|box|bag|straw|napkin|cutlery|container)))"
)
# "hope got business, if not I eat all the burger myself", "must order now if not CNY sure jam":
# "if not" as "otherwise", a consequence said with no number and no goods, no other choice of them
IF_NOT_OTHERWISE = re.compile(
    r"\bif not\b(?=(?:\s+[a-z']+){0,2}?\s+(?:i|we|sure|confirm|confirmed|later|will|kena)\b"
    r"(?![^.,;!?\n]*?(?:\d|§|\b(?:ones?|take|order|send|want|need|get|buy|use|cup|lid|box|bag"
    r"|straw|napkin|cutlery|container)s?\b)))"
)
# "300 no sorry 400", "2000 ah no wait 3000", "200, eh silap, 300", "三百，不对，四百个",
# "两百，不对，是三百" (no, it is 300): a quantity taken back at once and replaced by the next
# number; the later number is the quantity.
_TAKEN_BACK = (
    # not "illa": in Tamil it also joins two readings ("oru carton illa rendu carton": one or two)
    # "600 வேணும். வேண்டாம், 700" (600 needed. no, 700): வேண்டாம் is "no need" by now
    # "3 ctn, eh tak jadi, 2 ctn cukup" (eh, not that, 2 ctn is enough)
    r"(?:no need|tak jadi|no|tak|sorry|oops|wait|actually|i mean|(?:just )?make (?:it|that)|silap"
    r"|salah|tersilap|"
    r"typo|nvm|never mind|bukan|"
    # "sorry தப்பா போட்டுட்டேன்" (sorry, I wrote it wrong)
    r"தப்பா(?:\s*[\u0B80-\u0BFF]+)?|தப்பு|"
    # "……不对，写错，要800个" (no, I wrote it wrong, 800 wanted)
    r"不对|不是|错了|说错了?|写错了?|打错了?|不好意思|இல்லை|இல்ல|"
    # "3 carton... மன்னிக்கவும், 4 carton" (sorry, 4 cartons): the apology in Tamil
    r"மன்னிக்கவும்|மன்னிச்சுக்கோங்க|மன்னிக்கணும்|மன்னிச்சிடுங்க)"
)
TAMIL_APOLOGY = re.compile("மன்னி")
# "300 ஆக மாற்றுங்க", "2 carton ஆ மாத்துங்க": (make it) into the number before it
_TAMIL_CHANGE_TO = r"\s*(?:ஆக|ஆ|ah|aa)?\s*(?<![\u0B80-\u0BFF])(?:மாற்று|மாத்து|ஆக்கு)[\u0B80-\u0BFF]*"
# "1000, aiyo salah, 1500": the cry of dismay before the correction is filler too
_FILLER = r"(?:[\s,.!—–-]|\bah\b|\blah\b|\beh\b|\boh\b|\baiy(?:a|ah|o|oh)\b|\balamak\b|哦|呃|啊)*"
# between the quantity and its correction: "400 வேணும், இல்ல இல்ல 500" (400 needed, no no, 500),
# "1500 abt there, nvm just make it 2000"
_SAID_WITH_IT = (
    # "2 ctn அனுப்புங்க... இல்ல, 1 ctn" (send 2 cartons... no, 1): the verb of sending
    r"(?:\s*(?:(?:venum|vendum|needed|pls|please|only|je|abt|about|around)\b|வேணும்|வேண்டும்"
    r"|அனுப்பு[\u0B80-\u0BFF]*)"
    r"(?:\s+there\b)?)?"
)
QUANTITY_TAKEN_BACK = re.compile(
    # "盒子要900个，不好意思打错，是600个": a Chinese word may stand right before the number
    rf"(?<![^\W\u4e00-\u9fff]|[§.])\d+(?P<unit>\s*(?:pcs|ctns?|cartons?|sets?)\b)?{_SAID_WITH_IT}{_FILLER}"
    rf"{_TAKEN_BACK}(?:{_FILLER}{_TAKEN_BACK})*{_FILLER}(?:(?:要|是|就是|应该是)\s*)?(?P<new>\d+)(?![\w§]|\.\d)"
    r"(?P<new_unit>\s*(?:pcs|ctns?|cartons?|sets?)\b)?"
    # "3 carton, sorry, 2 carton ஆ மாத்துங்க" (make it 2 cartons): the verb after the new number
    rf"(?:{_TAMIL_CHANGE_TO})?"
    # "400 eh no 500, sorry typo": an apology that ends the message or line goes with the correction
    # "1 ctn ah no 2 ctn sorry sorry": the apology said twice
    rf"(?:{_FILLER}(?:sorry|oops|my bad|typo|silap|tersilap|maaf)"
    r"(?:[\s,.!]+(?:sorry|typo|my bad|ah|lah|la))*[\s.!]*(?=$|\n))?"
)


# "... 1000 12oz hot cups. Actually, make that 1200.", "12oz lids - 2000 / sorry, make the lids
# 2500": a correction that starts its own sentence or line and says which quantity it replaces
MAKE_THAT = re.compile(
    # "12oz cups 2000 for tomorrow — sorry, make that 3000": after a dash too
    # "300 pcs. aiya sorry make it 400 pcs": after a cry of dismay
    r"(?:^|(?<=[.,;!?\n—–]))[\s,]*(?:(?:oh|aiya|aiyah|aiyo|aiyoh|alamak)[\s,.!]+)?"
    r"(?:(?:sorry|oops|actually|i mean|nvm|eh|wait|no)\b|不好意思|对不起|抱歉|等等|等一下)"
    # "sorry ah 改 2000": a particle after the apology; "Actually no, make it 2 cartons"
    r"(?:[\s,.!-]*(?:ah|lah|la|eh|hor|no|wait|sorry)\b)*"
    r"(?:[\s,.!-]*correction\b)?[\s,.!-]*(?:just\s+)?"
    r"(?:make (?:it|that|them|those|the (?P<product>[a-z0-9 ]{2,30}?))\s+"
    # "汉堡盒五百个，不好意思，改成两百五十个", "..., sorry 改 300", "sorry change to 300"
    # "3 ctn 1000ml box, sorry i mean 2 ctn": the apology says which number was meant
    r"|(?:改成|改为|改|change (?:it |that )?to\s+|(?<=sorry )i mean\s+)\s*)"
    r"(?P<new>\d+)(?P<unit>\s*(?:pcs|ctns?|cartons?)\b)?(?![\w§]|\.\d)"
)


# "New order: burger box 1 ctn", "order baru:", "另外再下一张新单：", "இது புது ஆர்டர்:": a new
# order announced, its lines after the colon
NEW_ORDER = re.compile(
    r"\bnew order\b[^:\n.]{0,30}:|\border baru\s*:|新(?:的)?(?:单|订单)\s*:"
    r"|(?:புது|புதிய)\s*(?:ஆர்டர்|order)\s*:"
)
# what the customer asks of an earlier order before the new one: a change or a cancellation
_CHANGE = dict(DOUBT_PATTERNS)["a change"]
EARLIER_CHANGED = re.compile(
    rf"{_CHANGE}|\b(?:bump|cancel|batal|batalkan)\b|取消|ரத்து|\bfrom \d+ to \d+\b"
)


def announces_new_order(text: str) -> bool:
    """A change to an earlier order, then a new order announced ('... New order: ...')."""
    match = NEW_ORDER.search(text)
    return match is not None and bool(EARLIER_CHANGED.search(text[: match.start()]))


def read_new_order(normalised: str) -> str:
    """'tissue of yesterday's order change to 3 ctn. New order: burger box 1 ctn': the change is
    to an order placed already (no line of this one); the new order is what follows its
    announcement. Without a change before it, the text is left as it is."""
    if not announces_new_order(normalised):
        return normalised
    return normalised[NEW_ORDER.search(normalised).end() :]


def read_corrections(normalised: str) -> str:
    """'pizza box 300 no sorry 400' -> 'pizza box 400': a quantity corrected right after it is
    written is replaced by the correction (with the first one's unit if the second has none);
    so is the quantity a later 'sorry, make the lids 2500' names."""

    def corrected(match: re.Match[str]) -> str:
        if re.match(EITHER_IN_TAMIL, match.string[match.start() :]):
            return match.group(0)  # "napkin 1 இல்ல 2 carton": one or two, no correction
        if TAMIL_APOLOGY.search(match.group(0)) and re.search(_TAMIL_CHANGE_TO, match.group(0)):
            # "..., மன்னிக்கவும், 3 carton ஆக மாற்றுங்க" (sorry, change it to 3): of which line?
            return match.group(0)
        unit = match.group("new_unit") or match.group("unit") or ""
        return f"{match.group('new')}{unit}"

    read = read_named_correction(read_make_that(QUANTITY_TAKEN_BACK.sub(corrected, normalised)))
    return drop_confirmed_quantity(read)


# "14 inch box 2 ctn / wait / 3 ctn / ya 3", "... 改 300 / 对 300": a line that only says yes to
# the quantity written last (after a correction) repeats it; it is no line of its own
CONFIRMED_QUANTITY = re.compile(
    r"\n[\s,.!]*(?:(?:ya|yah|yes|yep|yup|yeah|ok|okay|correct|confirm|betul|haah)(?![a-z])|对|是的|没错)"
    r"[\s,.!]*(?:(?:lah|la|ah|confirm)(?![a-z])[\s,.!]*)?(?P<new>\d+)"
    r"(?P<unit>\s*(?:pcs|ctns?|cartons?)\b)?[\s,.!]*(?:(?:lah|la|ah|only|je)(?![a-z])[\s.!]*)?$"
)


def drop_confirmed_quantity(normalised: str) -> str:
    """'... 3 ctn\nya 3' -> '... 3 ctn': the last line, a yes and the number written just
    before it, confirms that number (a different number is left to the safety net)."""
    match = CONFIRMED_QUANTITY.search(normalised.rstrip())
    if match is None:
        return normalised
    before = normalised[: match.start()]
    numbers = re.findall(rf"(?<![\w§.])\d+(?![\w§]|\.\d){_NOT_A_SIZE}", before)
    if not numbers or numbers[-1] != match.group("new"):
        return normalised
    return before


_NOT_A_SIZE = r"(?!\s*(?:oz|inch|inches|in|ml|mm|cm|l)\b|\s*\")"  # '14"' is a size too


# "12 inch pizza box 200, மன்னிக்கவும், 300 ஆக மாற்றுங்க" (sorry, change it to 300): in Tamil the
# new quantity comes before the verb; the apology says it corrects this message, not an order
MAKE_THAT_TAMIL = re.compile(
    r"(?:^|(?<=[.,;!?\n]))[\s,]*(?:sorry|மன்னிக்கவும்|மன்னிச்சுக்கோங்க|மன்னிக்கணும்)[\s,.!-]*"
    rf"(?P<new>\d+)(?P<unit>\s*(?:pcs|ctns?|cartons?)\b)?{_TAMIL_CHANGE_TO}"
)


# "2 ctn 12oz cups. Sorry typo, 3 ctn", "paper bag 2 ctn. oops not 2, 1 ctn only": an apology
# for a slip that starts its own sentence and gives the right quantity alone (its unit, at most
# "only" after it, then the end of the sentence); it replaces the only quantity before it
SLIP_CORRECTED = re.compile(
    r"(?:^|(?<=[.;!?\n]))[\s,]*(?:oh\s+)?(?:sorry|oops|eh)(?![a-z])[\s,.!-]*"
    r"(?:(?:typo|my bad|wrong|silap|salah)(?![a-z])|not (?P<old>\d+)(?![\w§]|\.\d))[\s,.!-]*"
    r"(?:(?:should be|i mean|it'?s)\s+)?"
    r"(?P<new>\d+)(?P<unit>\s*(?:pcs|ctns?|cartons?)\b)?(?![\w§]|\.\d)"
    r"(?:\s+(?:only|je|pls|please))?[\s.!]*(?=$|\n)"
)


# "Deliver 6 cartons of cups? Correction - 5 cartons, not 6.": the new quantity first, then the
# one it takes back, which must be the only quantity before it
NEW_NOT_OLD = re.compile(
    r"(?:^|(?<=[.;!?\n]))[\s,]*(?:correction|sorry|oops)(?![a-z])[\s,.:!-]*"
    r"(?P<new>\d+)(?P<unit>\s*(?:pcs|ctns?|cartons?)\b)?(?![\w§]|\.\d)"
    r"[\s,]*(?:not|bukan)\s+(?P<old>\d+)(?![\w§]|\.\d)[\s.!]*(?=$|\n)"
)


def read_make_that(normalised: str) -> str:
    """'12oz lids - 2000\nsorry, make the lids 2500' -> '12oz lids - 2500\n': the quantity of the
    one line naming the product (or the only quantity, for 'make that' and a slip corrected)
    becomes the new one."""
    match = (
        MAKE_THAT.search(normalised)
        or MAKE_THAT_TAMIL.search(normalised)
        or SLIP_CORRECTED.search(normalised)
        or NEW_NOT_OLD.search(normalised)
    )
    if match is None:
        return normalised
    before = normalised[: match.start()]
    numbers = list(re.finditer(rf"(?<![\w§.])\d+(?![\w§]|\.\d){_NOT_A_SIZE}", before))
    if match.groupdict().get("product"):
        named = [w.rstrip("s") for w in match.group("product").split()]
        numbers = [m for m in numbers if all(w in _piece_of(before, m.start()) for w in named)]
    taken_back = match.groupdict().get("old")
    if len(numbers) != 1 or (taken_back and numbers[0].group() != taken_back):
        # no line or two lines name the product, or "make that" after two quantities, or "not 3"
        # after a 2: which one?
        return normalised  # the correction stays a doubt
    old = numbers[-1]
    unit = match.group("unit") or ""
    return (
        f"{before[: old.start()]}{match.group('new')}{unit}{before[old.end() :]}"
        f"{normalised[match.end() :]}"
    )


# "small bag 1000, big bag 500. sorry big bag make it 750", "不好意思，大的改成两百五十个", "eh
# silap, beg besar 250 je": an apology that ends the message, names one earlier line by its words
# and gives it a new quantity
NAMED_CORRECTION = re.compile(
    # "beg kecil 500 — eh silap, beg kecil 1000": after a dash too
    # "*sorry, cups also 2000, typo": the asterisk that marks a correction is read as "x"
    # "12oz lids 2000 - sorry, cups make it 3000": after a hyphen set apart by spaces too
    r"(?:^|(?<=[.,;!?\n—–])|(?<=\s-))[\s,.]*(?:x\s+)?"
    # "straw 2 ctn, cup 3 ctn. wait ah, straw 1 ctn enough": "wait" that opens a clause
    r"(?:(?:sorry|oops|eh|silap|tersilap|salah|maaf|my bad|correction|wait)"
    r"(?![a-z])|不好意思|对不起|抱歉)"
    r"(?:[\s,.!]*(?:sorry|oops|eh|silap|tersilap|salah|maaf|correction|ah|lah)(?![a-z]))*[\s,.!]*"
    r"(?P<product>(?:\d+\s*(?:oz|ml|inch|in)\s+)?[a-z][a-z0-9 ]{0,30}?)\s*(?:的\s*)?"
    # "不好意思，冷杯改三千" (sorry, cold cups changed to 3000): "改" alone too
    r"(?:(?:make (?:it|that)|change (?:it )?to|改成|改为|改|jadi|tukar|also|oso|too|should be)\s*)?"
    r"(?P<new>\d+)(?P<unit>\s*(?:pcs|ctns?|cartons?)\b)?(?![\w§]|\.\d)"
    # "..., straw 1 ctn enough": the new quantity said to be enough
    r"(?:\s*(?:je|jer|only|saja|sahaja|lah|la|pls|please|enough|cukup|就好|就够了|就行)(?![a-z]))*"
    r"(?:[\s,.!]*(?:typo|my bad|sorry)(?![a-z]))*[\s.!]*$"
)


def read_named_correction(normalised: str) -> str:
    """'big bag 500. sorry big bag make it 750' -> 'big bag 750.': the one earlier line whose
    piece holds every word the apology names takes the new quantity (none or two: a doubt)."""
    match = NAMED_CORRECTION.search(normalised)
    if match is None:
        return normalised
    named = [w.rstrip("s") for w in match.group("product").split() if w not in {"the", "for"}]
    before = normalised[: match.start()]
    numbers = [
        m
        for m in re.finditer(rf"(?<![\w§.])\d+(?![\w§]|\.\d){_NOT_A_SIZE}", before)
        if named and all(w in _piece_of(before, m.start()) for w in named)
    ]
    if len(numbers) != 1:
        return normalised
    old = numbers[0]
    unit = match.group("unit") or ""
    return f"{before[: old.start()]}{match.group('new')}{unit}{before[old.end() :]}"


_PIECE_END = re.compile(r"[,;\n+&]|\.\s|\b(?:and|then|also)\b")


def _piece_of(text: str, index: int) -> str:
    """The order line around a position: between the separators of items."""
    starts = [m.end() for m in _PIECE_END.finditer(text, 0, index)]
    end = _PIECE_END.search(text, index)
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


# "the paper one ah not the plastic one", "kraft not white": one kind chosen against another ("one"
# is already cut out as a pronoun); the chosen kind stays, the "not" part is read
_KINDS = "|".join(sorted(ATTRIBUTE_WORDS | {"pet"}))
CONTRAST = re.compile(
    rf"\b(?P<chosen>{_KINDS})\b(?:[\s,]|\b(?:ah|lah|la|leh|hor|ones?)\b)*"
    # "(yg coklat bukan putih)": the same in Malay
    rf"\b(?:not|bukan)\s+(?:the\s+|yang\s+|yg\s+)?(?P<other>{_KINDS})\b(?:\s*ones?\b)?"
    # "10寸牛皮纸披萨盒两箱 不要白色的" (not the white): the same in Chinese
    rf"|(?P<zh_chosen>{_KINDS})\b[^,;.!?，。]*?不要\s*(?P<zh_other>{_KINDS})\s*的"
)


# "brown kraft தான், white வேண்டாம்" (kraft it is, no white): Tamil's "தான்" after the kind wanted
KIND_IT_IS = re.compile(rf"\b(?P<kind>{_KINDS})\s*தான்(?![\u0B80-\u0BFF])")


def read_contrasts(normalised: str) -> str:
    """'16oz hot cup 1 ctn, the paper ah not the plastic' -> '..., the paper ah': the kind not
    wanted, named against the kind wanted, is no negation of the order."""

    def chosen(match: re.Match[str]) -> str:
        if match.group("zh_chosen"):
            if match.group("zh_chosen") == match.group("zh_other"):
                return match.group(0)
            return match.group(0)[: match.start("zh_other") - match.start()].replace("不要", " ")
        if match.group("chosen") == match.group("other"):
            return match.group(0)
        return match.group(0)[: match.end("chosen") - match.start()]

    read = CONTRAST.sub(chosen, KIND_IT_IS.sub(r"\g<kind>", normalised))
    return NOT_THE_OTHER.sub(lambda m: " " if other_kind_named(read, m) else m.group(0), read)


# "white 10 inch pizza boxes, 300. The printed ones, not the kraft.": a kind said no to in a clause
# of its own, in a message that names another kind of the same attribute (white against kraft)
# "..., kraft இல்ல" (not kraft), "..., bukan kraft": the same in Tamil's and Malay's order;
# "... 2 ctn (not the white ones)": the clause in brackets
NOT_THE_OTHER = re.compile(
    rf"(?:^|(?<=[,;.(]))\s*(?:not|bukan)\s+(?:the\s+|yang\s+|yg\s+)?(?P<other>{_KINDS})\b(?:\s*ones?)?\b"
    rf"|(?:^|(?<=[,;.(]))\s*(?:the )?(?P<after>{_KINDS})(?:\s*ones?)?\s*"
    r"(?:இல்ல|இல்லை|illa|illai)(?![\u0B80-\u0BFF\w])"
)


def other_kind_named(text: str, match: re.Match[str]) -> bool:
    other = match.group("other") or match.group("after")
    rest = set(re.findall(r"[a-z]+", text[: match.start()] + " " + text[match.end() :]))
    for group in ATTRIBUTE_GROUPS:
        if other in group and any(group[w] != group[other] for w in rest if w in group):
            return True
    return False


# The customer says they are unsure: "see how", "theriyala" (don't know), "不知道", "mungkin".
UNSURE = re.compile(
    r"\b(?:maybe|perhaps|not sure|see how|unsure|mungkin|tak pasti|tidak pasti|theriyala|"
    r"teriyala)\b|不知道|不确定|也许|可能|தெரியல|தெரியவில்லை"
    # the customer holds the order to check first: "hold on, boss say wait", "let me check with
    # boss", "tunggu jap saya tanya bos dulu", "等一下，我问问老板", "boss கிட்ட கேட்டுட்டு சொல்றேன்"
    r"|\b(?:hold on|let me (?:check|ask|confirm)|(?:boss|manager|chef) (?:say|says|said) wait"
    r"|check with (?:my |the |our )?(?:boss|manager|chef|partner)"
    r"|(?:i'?ll|will|then) confirm (?:again|later|with)"
    r"|tunggu (?:jap|kejap|sekejap|dulu)|tanya (?:bos|boss|manager) dulu)\b"
    r"|等一下|等等|我问问|问一下老板|问问老板|கேட்டுட்டு சொல்றேன்|கொஞ்சம் இருங்க"
    # "napkin 2000 போதும்னு நினைக்கிறேன், அப்புறம் சொல்றேன்" (I think 2000 is enough, will tell later)
    r"|நினைக்கிறேன்|நெனைக்கிறேன்|(?:அப்புறம்|அப்புறமா|பிறகு) சொல்றேன்"
    # "saya rasa bulan ni perlu 3000 straw", "..., nanti saya confirm", "order பண்ணலாமா
    # யோசிக்கிறோம்" (we are thinking whether to order), "还在考虑"
    r"|\b(?:saya|kami|i) rasa\b|\brasanya\b|\bnanti (?:saya|kami|i|we) (?:confirm|sahkan|bagitahu"
    r"|beritahu|inform)\b|யோசிக்கிற|யோசிச்சு|考虑"
    # "12oz lid 2k... hmm 2.5k la": a second number after a hesitation
    r"|\b(?:hmm+|erm+|uh+m*)\b[\s,.!]*\d"
)


# "..., not cold", "bukan yang sejuk": a kind said no to (an attribute after "not")
NOT_A_KIND = re.compile(
    rf"\b(?:not|bukan)\s+(?:the\s+|yang\s+)?(?:{'|'.join(sorted(ATTRIBUTE_WORDS))})\b"
)


def drop_opposite_kinds(normalised: str) -> str:
    """'paper cup 2k, hot drink one not cold' -> '... hot drink one ': a kind said no to whose
    opposite the message names is the kind said again (not 'napkin 3 ctn, not the white one':
    which napkin is not white is a question)."""

    def drop(match: re.Match[str]) -> str:
        kind = match.group(0).split()[-1]
        group = next((g for g in ATTRIBUTE_GROUPS if kind in g), {})
        opposites = {word for word, value in group.items() if value != group.get(kind)}
        named = set(re.findall(r"[a-z]+", normalised))
        return " " if opposites & named else match.group(0)

    return NOT_A_KIND.sub(drop, normalised)


# Words that can mean "not this" or "not like this" ("not the flat ones", "dun send wrong one").
CHANGING_WORDS = frozenset(
    """
    no not dun dont don't never wrong stop without bukan jangan jgn illa vendam venam vendaam venaam
    """.split()  # noqa: SIM905
)
# Where such a word is already read: a negation the parser handles ("no need lids"), a question
# tail ("can or not", "got anot"), a sentence or line that starts with "no" ("No napkins this
# time", "(no straws this time)", a piece split_segments drops), or "no" for number before a
# phone number cut out ("my no. ;").
READ_NEGATIONS = re.compile(
    rf"{NEGATION}|(?:^|[.!?\n]\s*)[(\[]?\s*no\b(?=\s+[a-z])|\b(?:or|can|got|have) not\b"
    # "napkins 5000, no straws this time": a product type said no to after a comma (not "..., no
    # the small one", a correction)
    rf"|[,;]\s*no\s+(?=(?:{'|'.join(sorted(TYPE_NOUNS))})(?:e?s)?\b(?!\s*\d))"
    r"|\bno\b\.?(?=\s*(?:tel|hp|phone|telefon)?\s*(?:;|$))"
    # "Order baru ye, bukan yg semalam" (a new order, not yesterday's), "new order, not an add-on":
    # the order said to be new, no change of it
    r"|\b(?:order baru|pesanan baru|new order)\b[^.\n]{0,15}\b(?:bukan|not)\b"
    # "do you do tissue boxes? if not no worries": the answer to a question, not to the order
    r"|\bif (?:not|no|don'?t have|dont have|takde|tak ada|cannot|can'?t)\b[\s,]*(?:then\s+)?"
    r"(?:no worries|never mind|nevermind|nvm|no problem|np|its ok|it'?s ok|ok|okay|fine"
    # "send 3 ctn if you have stock. If not let me know": a message asked for, nothing changed
    r"|(?:pls |please |kindly )?(?:let (?:me|us) know|lmk|tell (?:me|us)|inform (?:me|us)))\b"
)


# Doubts about the offline parser's own reading, not about the message: a model that read the
# message (orders/llm.py) answers them, as long as every quantity it ordered is a number the
# customer wrote. Every other doubt is the message's (a range, a change, a question, a plan, and
# two numbers for one line: "12oz cups 1000 for our 3 outlets" is 1000 or 3000 to anyone).
# "A line without a product" is the reader's too: a number it could not tie to a product (a
# signature's street number, "we have 20 staff now") that a model reading the message places.
READING_DOUBTS = frozenset(
    {"a number not read", "a word that may change the order", "a line without a product"}
)


def safety_doubts(normalised: str, unread_lines: int) -> list[str]:
    """The doubts of what an order message leaves unaccounted for (none when it is all read)."""
    doubts: list[str] = []
    if unread_lines:
        doubts.append("a number not read")
    if CORRECTION.search(FELT_ACTUALLY.sub(" ", normalised)):
        doubts.append("a correction")
    if UNSURE.search(normalised):
        doubts.append("the customer is unsure")
    read = IF_NOT_OTHERWISE.sub(" ", READ_NEGATIONS.sub(" ", drop_opposite_kinds(normalised)))
    clauses = REMARK_SPLIT.split(read)
    if any(set(re.findall(r"[a-z']+", c)) & CHANGING_WORDS and not instructs(c) for c in clauses):
        doubts.append("a word that may change the order")
    return doubts


# "sell until no more box. rush order: 1000ml box 2 ctn", "wooden cutlery 1 ctn, no more plastic
# spoon already govt say", "..., the plastic one we stop using": goods run out or no longer used,
# of a kind the order has (or of none named), are why it is made; "no more napkin" beside straws
# (napkins wanted too?), "no more than 2000" and "no more 3000" are not read
RUN_OUT = re.compile(r"\bno more\b(?!\s+than\b|\s*\d)(?P<named>[^.,;!?\n]*)")
# "wooden cutlery set 1k, the plastic one we stop using liao": a kind the shop no longer uses
STOPPED_USING = re.compile(
    r"(?P<named>[^.,;!?\n]*)\b(?:we|i)\s+(?:stop|stopped|no longer)\s+(?:using|use)\b[^.,;!?\n]*"
)
CUTLERY_PIECES = frozenset({"spoon", "fork", "knife"})


def kinds_of(types: set[str]) -> set[str]:
    """Product types, a spoon, fork or knife read as cutlery."""
    return {"cutlery" if kind in CUTLERY_PIECES else kind for kind in types}


def read_run_out(normalised: str, products: list[str]) -> str:
    """The text without its remarks of goods run out of a kind ordered ('no more box' beside a box
    line), which the safety net would read as a negation that may change the order."""
    ordered = kinds_of(set().union(*(head_types(product) for product in products)))

    def read(match: re.Match[str]) -> str:
        named = kinds_of(head_types(match.group("named")))
        return " " if named <= ordered else match.group(0)

    return STOPPED_USING.sub(read, RUN_OUT.sub(read, normalised))


# A "dun" in a clause that tells the driver what not to do and names no product, size, quantity
# or kind ("driver pls call, dun ring the bell", "dun put on floor pls") cannot change the order;
# "not the flat ones", "dun send wrong one" can.
REMARK_SPLIT = re.compile(r"[.,;!?\n]|\b(?:and|but|then|also|btw|so)\b")
DELIVERY_INSTRUCTION = re.compile(
    r"\b(?:dun|dont|don't|do not|never|jangan|jgn)\s+(?:ring|knock|call|press|put|leave|park|come"
    r"|disturb|honk|block|be late|late|go up|use|enter|buzz|drop|stack|throw|bang|letak|tekan"
    r"|datang)\b"
)
# "dun forget the invoice k", "bell not working", "no space to keep full ctn": a reminder or a
# remark about the shop, whose negation says nothing of the goods
ASIDE = re.compile(
    r"\b(?:dun|dont|don't|do not|never|jangan|jgn)\s+(?:forget|lupa)\b"
    r"|\bnot (?:working|work|around|in|home|open|free)\b|\b(?:tak|x) (?:jalan|berfungsi)\b"
    r"|\bno (?:space|room|place)\b|\btak (?:ada|de) (?:tempat|ruang)\b"
    rf"|{STORY_NO}"
)
_GOODS = re.compile(
    r"\d|§|\b(?:ones?|it|them|those|these|order|items?|"
    + "|".join(sorted(TYPE_NOUNS | ATTRIBUTE_WORDS | {"pizza", "burger", "takeaway", "ply"}))
    + r")(?:e?s)?\b"
)


def instructs(clause: str) -> bool:
    """A delivery instruction ('dun ring the bell') or an aside ('dun forget the invoice', 'bell
    not working') that names nothing that could be ordered."""
    said = DELIVERY_INSTRUCTION.search(clause) or ASIDE.search(clause)
    return bool(said) and _GOODS.search(clause) is None


# "kopi peng season now damn hot", "hot weather", "so cold in the aircon": the weather or how
# something feels, no kind of cup
FELT = re.compile(
    r"\b(?:damn|so|very|super|sibei|sibeh|quite|really|too|freaking|crazy)\s+(?:hot|cold)\b"
    r"|\b(?:hot|cold)\s+(?:weather|season|day|days|afternoon|spell)\b"
    # "cuaca panas sangat" (the weather is very hot), read as "cuaca hot sangat"
    r"|\b(?:weather|cuaca)\s+(?:is\s+)?(?:so\s+|very\s+)?(?:hot|cold)\b"
    # "panas betul cuaca" (really hot weather), "天气实在太热了" (the weather is far too hot)
    r"|\b(?:hot|cold)\s+(?:betul|sangat|gila|giler)\b|(?:天气|天)[^,，。.]{0,4}(?:hot|cold)"
)


# Clauses, ended by a mark or an emoji ("... my cold brew is just sitting there 😅 So I need ...")
STORY_CLAUSE = re.compile(r"[,.!?;\n]+|[\U0001F300-\U0001FAFF\u2600-\u27BF]+")
_TYPE_WORD = re.compile(rf"\b(?:{'|'.join(sorted(TYPE_NOUNS))})(?:e?s)?\b")


# A drink that does not sell ("nobody wants iced drinks", "air panas tak laku", "cold drinks
# யாரும் கேக்கல": no one asks for them): its kind is what the customer will not order
NOT_SELLING = re.compile(
    r"\b(?:nobody|no one|noone|tak laku|tak laris|not selling|sales drop\w*"
    r"|sitting in the fridge)\b"
    r"|யாரும்"
)
_KIND_WORDS = re.compile(r"\b(?:hot|cold|iced)\b")


def drinks_of_the_story(clause: str) -> str:
    """A clause of the shop's story (no number, size nor product type) about drinks that do not
    sell, without their kind ("hot drink nobody want"): no cup of that kind is asked for."""
    if re.search(r"\d|§", clause) or _TYPE_WORD.search(clause) or not NOT_SELLING.search(clause):
        return clause
    return _KIND_WORDS.sub(" ", clause)


def unordered_kinds(affirmed: str, products: list[str]) -> bool:
    """'2000 of the 16oz cups for our iced latte + hot chocolate menu': the message names two
    kinds of one attribute (hot and cold, sip and dome, kraft and white) that the
    items read do not all carry, so which kind (or how many of each) is a question."""
    # "hot drink one ah, not cold": the kind said no to is not named for the order; nor is the
    # weather ("damn hot") a kind
    told = " ".join(map(drinks_of_the_story, STORY_CLAUSE.split(affirmed)))
    words = set(re.findall(r"[a-z]+", FELT.sub(" ", NOT_A_KIND.sub(" ", told))))
    carried = {word for product in products for word in product.split()}
    for group in ATTRIBUTE_GROUPS:
        if "small" in group:
            continue  # sizes are named in passing too ("大家", "小心" read as large and small)
        named = {group[word] for word in words if word in group}
        ordered = {group[word] for word in carried if word in group}
        if len(named) > 1 and not named <= ordered:
            return True
    return False
