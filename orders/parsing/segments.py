"""Segments: a normalised message cut into one piece of text per order line.

A piece without a quantity joins its neighbour ("12oz cups, the paper ones, 500"), unless it names
another type of product than the line before it: then it is that line's companion ("200 cups 12oz
and the lids"). Pure string functions; imports nothing of tria but orders.parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orders.parsing.lexicon import SAME_AMOUNT
from orders.parsing.text import MASKED_SIZE, extract_sizes
from orders.parsing.vocabulary import (
    ATTRIBUTE_WORDS,
    NEGATION,
    NOT_WANTED,
    OTHER_SUPPLIER,
    PAST_REMARK,
    TYPE_NOUNS,
    UNIT_WORDS,
)
from orders.parsing.words import (
    canonical_product,
    head_types,
    product_words,
    singular,
    type_nouns,
)

SEGMENT_SPLIT = re.compile(
    # "14 inch box 100 can? 8 inch box also 100": a question tail ends an item (not "do you
    # have lids? 200 lids", where the product asked about is the next line's)
    r"(?:(?<=\bcan)|(?<=\bok)|(?<=\bboleh)|(?<=\bpls)|(?<=\bplease)|(?<=\bnot)|(?<=\banot)"
    r"|(?<=\bah)|(?<=\bleh))\?(?=\s)"
    r"|\n|;|,|\+|&|\band\b|\bn\b|\bplus\b|\balso\b|\bthen\b|\bapram\b|\bappuram\b|•|·|\s-\s|[—–]|\.(?=\s|$)|\bwith\b"
)
# The end of a statement: a full stop before more text ("Do you have 22oz cups? If yes 500" and
# "We're out of straws! 2 cartons" name the product for the quantity after "?" and "!").
SENTENCE_END = re.compile(r"(?<=\.)\s+(?=\S)")
# A sentence of small talk is a few words at least ("hi ken 👋 ..." is a greeting, read as before)
SMALL_TALK_WORDS = 8
# An emoji after words, with words after it ("... sitting in the fridge 😅 So I need ...")
EMOJI_BREAK = re.compile(r"(?<=\S)\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s+(?=\S)")


def end_small_talk(text: str) -> str:
    """An emoji ends a sentence of small talk (some words, no number, size nor product type since
    the last full stop): '... my cold brew is just sitting in the fridge 😅 so i need 12oz cups
    2000' (before, the story joined the first item's product); not '12oz cups 🙏 2000'."""

    def end(match: re.Match[str]) -> str:
        sentence = text[: match.start()].rsplit(". ", 1)[-1]
        said = re.search(r"\d|§", sentence) or names_a_type(sentence)
        return match.group(0) if said or len(sentence.split()) < SMALL_TALK_WORDS else ". "

    return EMOJI_BREAK.sub(end, text)


SENTENCE_MARK = "\x00"
# Clauses for telling what is wanted from what is not ("same as usual but no need napkins").
CLAUSE_SPLIT = re.compile(rf"{SEGMENT_SPLIT.pattern}|\bbut\b|\btapi\b|但是")
QUANTITY = re.compile(r"(?<![a-z0-9_.§])(\d+)(?![a-z0-9_.§])")
# A question of price, as it starts a clause: "then how much is ...?", "berapa harga ...?"
PRICE_QUESTION = re.compile(r"\b(?:how much|what'?s the price|berapa)\b|多少钱")
# "how much for the 16 ah?": a product named by its size, without the unit; no quantity
NAMED_BY_NUMBER = re.compile(r"\bthe (\d+)(?=\s*(?:ones?|ah|ar|lah|leh|hor)?\s*\?)")
# Sentences: after ". ! ? newline", and before "btw" / "by the way" / "oh ya" (a side remark) or
# a question announced: "顺便问" (by the way, ask), "nak tanya" (I want to ask), "can I ask", or
# asked after a comma: "..., u got 6oz anot?", "..., do you sell lids?"
_ASKING = (
    r"(?<=,)\s*(?:(?:do|does) (?:you|u)\b|(?:you|u)(?: all| guys)? (?:also )?(?:got|have|sell))"
    r"|\b(?:nak|nk|mau|mahu|saya nak|i want to|i wanna|want to|wanna|can i|may i|also) tanya\b"
    r"|\b(?:i want to|i wanna|want to|wanna|can i|may i|also want to|also) ask\b"
    r"|顺便问|顺便请问|请问|想问"
)
SENTENCE_SPLIT = re.compile(
    rf"(?<=[.!?\n])|(?=\b(?:btw|by the way|oh ya|oh and)\b|{_ASKING}|{PRICE_QUESTION.pattern})"
)
# A question about what we sell: "do you also carry 16oz cold cups?", "ada jual straw kertas?"
PRODUCT_QUESTION = re.compile(
    r"\b(?:do|does) (?:you|u)\b|\b(?:you|u)(?: all| guys)? (?:also )?(?:got|have|sell|carry"
    r"|stock)\b|\bada (?:jual|tak|stok|stock)\b"
    # "ada 16 inci tak?" (do you have the 16 inch?): Malay's "ada ... tak?" around what is asked
    r"|\bada\b[^?]{0,40}\btak\s*\?"
    r"|有没有|有卖|有吗|இருக்கா|கிடைக்குமா|\bany\b"
    # "got 8oz lid anot?" (do you have ... or not), and a question announced
    rf"|\bgot\b[^?]*\b(?:anot|or not)\b|{_ASKING}"
)


@dataclass(frozen=True)
class Segment:
    """The text of one item; companion: it names a product but no quantity, right after an item
    of another type ("..., and the lids"); heading_too: such a companion may as well head the
    sized lines after it ("12oz cup 1000, lids, 16oz 500": lids for the cups, or 16oz lids?)."""

    text: str
    companion: bool = False
    heading_too: bool = False


def split_segments(text: str) -> list[Segment]:
    """Split into one segment per item; a piece without a quantity joins its neighbour, unless it
    names another type of product than the item before it (then it is a companion of that item)."""
    pieces = [
        part
        for sentence in SENTENCE_END.split(end_small_talk(drop_product_questions(text)))
        for piece in [*split_after_questions(SEGMENT_SPLIT.split(sentence)), SENTENCE_MARK]
        if piece.strip()
        for part in (split_quantities(piece.strip()) if piece != SENTENCE_MARK else [piece])
    ]
    pieces = split_before_bare_quantities(pieces)
    segments: list[Segment] = []
    carry = ""
    sentence_start = 0
    # "We're running low on napkins. 10,000 of the 2-ply please": the product of a sentence
    # without a quantity, for a kind named alone at the start of the next one
    named_before = ""
    for index, piece in enumerate(pieces):
        next_piece = pieces[index + 1] if index + 1 < len(pieces) else ""
        if piece == SENTENCE_MARK:
            if carry and len(segments) > sentence_start and names_a_kind(carry):
                # "16oz cup 1 ctn, the paper one": the kind, after the item of its sentence
                last = segments[-1]
                segments[-1] = Segment(f"{last.text} {carry}", last.companion)
            # what a sentence left without a quantity is no part of the next sentence's item:
            # "last week's delivery was late, customers waited. 8oz cups 1000"
            named_before = carry if len(segments) == sentence_start and names_a_type(carry) else ""
            carry = ""
            sentence_start = len(segments)
        elif has_quantity(piece) and said_no_to(piece):
            continue  # "1000ml box 600 pcs, 750 one dun need this time": the other size, not wanted
        elif has_quantity(piece):
            first = len(segments) == sentence_start
            if not carry and named_before and first and kind_only(piece):
                named = {singular(w) for w in product_words(named_before)} & TYPE_NOUNS
                carry = " ".join(sorted(named))
            elif (
                not product_words(carry)  # "..., we try yours, 250个": no product words carried
                and not segments
                and (units_only(piece) or is_bare_quantity(piece))
                and one_product_named(said := " ".join(pieces[:index]))
                and (MORE_OF_IT.search(piece) or re.search(OTHER_SUPPLIER, said))
            ):
                # "Last week's 12\" boxes came to 0.45 each. Need another 5 cartons of those",
                # "last time u give 1000ml box 0.21 right, ok send 600 again": more of the one
                # product the message named before, in remarks without a quantity; "your 8 inch
                # box cheaper than the other company. ok take 300": the one product compared
                # with another supplier's
                carry = product_named(said)
            elif first and (before := product_of_the_sentence_before(named_before, carry, piece)):
                # "We're running low on burger boxes. Could you send three cartons?", "Need
                # napkins. 10k.", "The box in the photo is another shop's. I want yours, 2 ctn":
                # the product of the sentence before, for a quantity that names only its unit
                carry = before
            segments.append(Segment(f"{carry} {piece}".strip()))
            carry = ""
        elif re.search(NOT_WANTED, piece) or is_bare_negation(next_piece):
            continue  # "the usual lid no need", "cawan masih ada stok", "杯子还有不用"
        elif re.search(PAST_REMARK, piece):
            continue  # "..., last time the lid abit loose but ok lah": about an earlier delivery
        elif re.search(OTHER_SUPPLIER, piece):
            continue  # "the other supplier 12oz cups were leaking, ...": about another's goods
        elif segments and not carry and another_size_same_amount(piece, segments[-1].text):
            # "takeaway box 750ml 500 pcs, 1000ml pun sama": the other size, in the same quantity
            segments.append(Segment(piece, companion=True))
        elif (
            names_a_type(piece)
            and segments
            and not carry
            and not quantity_of_it(next_piece)
            and (
                not heads_sized_lines(piece, next_piece)
                or companion_or_heading(piece, segments[-1].text, next_piece)
            )
        ):
            if stock_remark(piece, segments):
                continue  # "..., plenty of cups left but the lids ran out": why, not what
            if is_companion(piece, segments[-1].text) or same_amount_of_another(
                piece, segments[-1].text
            ):
                heading = heads_sized_lines(piece, next_piece)
                segments.append(Segment(piece, companion=True, heading_too=heading))
            else:
                segments[-1] = Segment(f"{segments[-1].text} {piece}", segments[-1].companion)
        else:
            carry = f"{carry} {piece}".strip()
    return segments


# What the shop has of a product: run out, or still in plenty
STOCK_STATE = re.compile(
    r"\b(?:left|ran out|run out|running out|finished|habis|still (?:have|got)|plenty|enough"
    r"|masih ada|banyak lagi)\b"
)
IN_STOCK = re.compile(r"\b(?:plenty|enough|still (?:have|got)|masih ada|banyak lagi)\b")


def stock_remark(piece: str, segments: list[Segment]) -> bool:
    """'plenty of cups left but the lids ran out yesterday' after '1 carton of the 8oz sip lids':
    a remark on the shop's stock, without a quantity, of products ordered before it or said to be
    in plenty, is why the order is made and no part of its items (before, its words joined the
    lid line: two products, one quantity). 'lids ran out too' after cups names a product not
    ordered nor in stock: it stays a companion (how many lids is asked)."""
    if not STOCK_STATE.search(piece):
        return False
    ordered = set().union(*(head_types(segment.text) for segment in segments))
    return not head_types(piece) - ordered or IN_STOCK.search(piece) is not None


def heads_sized_lines(piece: str, next_piece: str) -> bool:
    """'Lids' before '8oz 1000' (in 'Cups / 8oz 1000 / 12oz 2000 / Lids / 8oz 1000'): a product
    named alone, without a quantity or size, before a size without a product ('8oz 1000', '8oz' of
    '8oz - 1ctn'), heads the lines after it (not the line before: before, its 12oz cups were read
    as lids, a wrong order)."""
    return (
        not extract_sizes(piece)[1]
        and bool(head_types(piece))
        and bool(extract_sizes(next_piece)[1])
        and not head_types(next_piece)
    )


def companion_or_heading(piece: str, previous: str, next_piece: str) -> bool:
    """'lids' between '12oz cup 1000' and '16oz 500': the cups' companion, or the heading of a
    line whose size measures like the cups' (16oz lids, or 16oz cups?). After '750ml box 2 ctn'
    a 'cup' heading '8oz - 1 ctn' is no question: no box is sized in oz."""
    units = {size.split()[-1] for size in extract_sizes(previous)[1]}
    next_units = {size.split()[-1] for size in extract_sizes(next_piece)[1]}
    return is_companion(piece, previous) and bool(units & next_units)


def quantity_of_it(piece: str) -> bool:
    """'1000', '1k the sip one' after 'lid also': the quantity (and kind) of the product named
    in the piece before, which is no companion taking the quantity of the line before it; so is
    '500 sets' after 'wooden cutlery -' (the sets of the cutlery named before)."""
    return (
        is_bare_quantity(piece) or units_only(piece) or (has_quantity(piece) and kind_only(piece))
    )


def said_no_to(piece: str) -> bool:
    """'750 dun need this time': a number said no to, without a product or a size of its own."""
    rest = re.sub(NEGATION, " ", piece)
    masked, sizes = extract_sizes(rest)
    return rest != piece and not sizes and not product_words(masked)


def split_after_questions(pieces: list[str]) -> list[str]:
    """'could we have 5 cartons of the 12oz hot cups? lids we still have plenty': a question that
    asks for a quantity ends its item; what follows is a piece of its own (not in 'do you have
    lids? 200 lids', where the product asked about, without a quantity, is the next line's)."""
    out: list[str] = []
    for piece in pieces:
        head, mark, rest = piece.partition("?")
        while mark and rest.strip() and has_quantity(head):
            out.append(head)
            head, mark, rest = rest.partition("?")
        out.append(f"{head}{mark}{rest}")
    return out


def split_before_bare_quantities(pieces: list[str]) -> list[str]:
    """'8oz cup 2 ctn 8oz lid' before 'oso 2 ctn': the product after the quantity is the next
    quantity's ('8oz cup 2 ctn' | '8oz lid' | 'oso 2 ctn'), not a second product of this one."""
    out: list[str] = []
    for index, piece in enumerate(pieces):
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        masked, _ = extract_sizes(piece)
        match = QUANTITY.search(masked)
        if match is None or not is_bare_quantity(following) or len(QUANTITY.findall(masked)) > 1:
            out.append(piece)
            continue
        unit = re.match(rf"\s*(?:{'|'.join(UNIT_WORDS)})\b\.?", masked[match.end() :])
        cut = match.end() + (unit.end() if unit else 0)
        head, rest = unmask(masked[:cut], piece), unmask(masked[cut:], piece)
        if names_a_type(head) and names_a_type(rest):
            out.extend([head.strip(), rest.strip()])
        else:
            out.append(piece)
    return out


def is_bare_negation(piece: str) -> bool:
    """'不用', 'no need', 'tak payah': a piece that only says no, to the piece before it."""
    rest = re.sub(NOT_WANTED, " ", piece)
    return rest != piece and not product_words(extract_sizes(rest)[0])


def drop_product_questions(text: str) -> str:
    """'a thousand 12oz cups? ... btw do you also carry 16oz cold cups?': a question about a
    product, without a quantity, after an item with one asks about the product; it orders nothing
    (and is no part of the item before it)."""
    kept: list[str] = []
    quantity_before = False
    sentences = SENTENCE_SPLIT.split(text)
    for index, sentence in enumerate(sentences):
        if answer_not_awaited(sentence, sentences[index + 1 :]):
            # "how much is the 12\" box now? anyway need 400": its product is the order's
            kept.append(re.sub(rf"{PRICE_QUESTION.pattern}|\?", " ", sentence))
            continue
        asked = sentence.rstrip().endswith("?") and (
            PRODUCT_QUESTION.search(sentence) or price_of_another(sentence, "".join(kept))
        )
        if asked and quantity_before and not has_quantity(NAMED_BY_NUMBER.sub(" ", sentence)):
            kept.append(" ; ")
            continue
        # "16oz hot cups 3000. Also do you do ...?": the full stop after the quantity ends it
        quantity_before = quantity_before or has_quantity(sentence.rstrip().rstrip(".!"))
        kept.append(sentence)
    return "".join(kept)


# "..., anyway", "regardless", "either way": the order goes ahead whatever the answer
ANYWAY = re.compile(r"\s*(?:anyway|anyways|anyhow|regardless|either way|in any case)\b")


def answer_not_awaited(sentence: str, following: list[str]) -> bool:
    """'how much is the 12" box now? anyway need 400 for Sat': a price asked without a quantity,
    and the next sentence goes on 'anyway': the order does not wait on the answer (not 'how much
    is the 12" box? if ok I take 400', whose order hangs on it)."""
    rest = "".join(following).lstrip()
    return (
        sentence.rstrip().endswith("?")
        and PRICE_QUESTION.search(sentence) is not None
        and not has_quantity(sentence)
        and ANYWAY.match(rest) is not None
    )


def price_of_another(question: str, before: str) -> bool:
    """'..., then how much is the 16oz?': the price of a size or product the order before does not
    name, asked beside it (not 'cups 12oz 1000, how much?', the price of what is ordered: whether
    to order may hang on it)."""
    if not PRICE_QUESTION.search(question):
        return False
    masked, sizes = extract_sizes(question)
    named = {size.split()[0] for size in sizes} | set(NAMED_BY_NUMBER.findall(masked))
    types = head_types(question)
    if not named and not types:
        return False
    masked_before, sizes_before = extract_sizes(before)
    named_before = {size.split()[0] for size in sizes_before} | set(QUANTITY.findall(masked_before))
    return not named & named_before and not types & head_types(before)


def another_size_same_amount(piece: str, previous: str) -> bool:
    """'1000ml same amount' after 'container 750ml 500': a size and 'the same amount', of the
    product of the line before (no other type named), in a size of its own."""
    sizes = extract_sizes(piece)[1]
    types = head_types(piece)
    return (
        SAME_AMOUNT.strip() in piece
        and len(sizes) == 1
        and sizes[0] not in extract_sizes(previous)[1]
        and bool(head_types(previous))
        and types <= head_types(previous)
    )


def same_amount_of_another(piece: str, previous: str) -> bool:
    """'lid same qty' after '12oz 3000' (no product named): the same amount as that line, so no
    product of it (before, the lids took the line's 3000 and its cups were lost, a wrong order)."""
    previous_words = product_words(extract_sizes(previous)[0])
    return SAME_AMOUNT.strip() in piece and bool(head_types(piece)) and not previous_words


def is_companion(piece: str, previous: str) -> bool:
    """'the lids' after '200 cups 12oz': a product type the line before does not name ('lid for
    cold cup, same amount' after 'cold cup 2 ctn' names a lid: what follows 'for' is no product)."""
    new = head_types(piece)
    before = type_nouns(canonical_product(product_words(extract_sizes(previous)[0])))
    return bool(new) and bool(before) and not new & before


def split_quantities(piece: str) -> list[str]:
    """'napkin 5000 straw 5000' -> two pieces; '1000 12oz cups 500 16oz cups' -> two pieces."""
    masked, _ = extract_sizes(piece)
    matches = list(QUANTITY.finditer(masked))
    if len(matches) < 2 or re.search(r"\d+[ \t]*(?:or|atau|to|-|/|或)[ \t]*\d+", masked):
        return [piece]
    quantity_first = not product_words(masked[: matches[0].start()])
    cuts = sized_pairs(masked, len(matches))
    for match in [] if cuts else matches[1:] if quantity_first else matches[:-1]:
        if quantity_first:
            cuts.append(len(masked[: match.start()].rstrip().removesuffix(" x")))
        else:
            unit = re.match(rf"\s*(?:{'|'.join(UNIT_WORDS)})\b\.?", masked[match.end() :])
            cuts.append(match.end() + (unit.end() if unit else 0))
    parts, start = [], 0
    for cut in cuts:
        parts.append(masked[start:cut])
        start = cut
    parts.append(masked[start:])
    parts = [unmask(part, piece) for part in parts if part.strip()]
    # every part names a product, or only describes one ("大的四百个小的八百个": the type is shared)
    if any(names_a_type(part) for part in parts) and all(
        names_a_type(part) or describes_only(part) for part in parts
    ):
        return parts
    return [piece]


# "14寸 2箱 12寸 100个 披萨盒", "8oz 2 ctn 12oz 3 ctn hot cup": a size, its quantity, the next size
SIZED_PAIR = re.compile(r"\s*§size\d+§\s*(?:x\s*)?\d+[^§\d]*")


def sized_pairs(masked: str, quantities: int) -> list[int]:
    """Where a piece of sizes each followed by its quantity is cut: before every size but the
    first (the product named once, at the end, is every size's: borrow_types); [] when the piece
    is no such run."""
    pairs = list(re.finditer(SIZED_PAIR, masked))
    if len(pairs) != quantities or "".join(p.group(0) for p in pairs) != masked:
        return []
    return [pair.start() for pair in pairs[1:]]


def names_a_kind(piece: str) -> bool:
    """'the paper', 'white': a kind without a quantity, in words of its own (not 'not the
    plastic', a negation, nor '这次 small 心一点', the 小 of 小心 translated)."""
    negated = re.search(r"\b(?:not|no|bukan|dun|dont|without)\b", piece)
    return describes_only(piece) and not negated and piece.isascii()


def kind_only(piece: str) -> bool:
    """'10000 of the two-ply please': a quantity of a kind, without a product type or size."""
    masked, sizes = extract_sizes(piece)
    words = [singular(w) for w in product_words(masked)]
    kinds = all(w in ATTRIBUTE_WORDS or w.endswith("-ply") for w in words)
    return not sizes and bool(words) and kinds


# "we're running low on burger boxes", "out of 12oz cups", "napkin habis": a sentence that says
# the goods are needed (not "the burger boxes came crushed")
RUNNING_LOW = re.compile(
    r"\b(?:running low(?: on)?|(?:run(?:ning)?|ran) out(?: of)?|low on|out of|finish(?:ed|ing)?"
    r"|habis|need"
    # "kotak pizza 12 inci tinggal sikit" (only a few 12 inch boxes left)
    r"|tinggal|restock|no more|left"
    # "i want order the paper cup for hot drink, 12oz. 2 carton pls": the goods wanted, then the
    # quantity
    r"|(?:i|we) (?:want|would like)(?: to)?(?: order)?)\b"
    # "12oz cup தீர்ந்து போச்சு" (the 12oz cups ran out), "முடிஞ்சு போச்சு" (finished)
    r"|(?<![\u0B80-\u0BFF])(?:தீர்ந்து|தீந்து|முடிஞ்சு|முடிந்து)"
)

# "yg awak punya" (yours), "உங்களோடது" (yours), "你们的": the customer wants our make of the product
# named before (a remark on another shop's goods, a photo of them)
OURS = re.compile(
    r"\b(?:yg|yang)\s+(?:awak|kamu|korang|anda|you|u)\s+punya\b|\byours\b|\byour (?:ones?|brand)\b"
    r"|உங்களோடது|உங்களுடையது|உங்களோடதே|你们的"
)


def product_of_the_sentence_before(named_before: str, carry: str, piece: str) -> str:
    """The product a quantity without one takes from the sentence before it ("" for none): the
    goods that ran out ("We're running low on burger boxes. Could you send three cartons?"), or
    the goods of another shop the customer wants ours of ("Kotak burger dalam gambar tu dari kedai
    lain, sy nak yg awak punya. 2 karton"; "... burger box. உங்களோடது 300 வேணும்"). The quantity
    names its unit at most (and 'yours' and what carries no product word: "cuba yg awak punya,
    300 keping", try yours)."""
    wanted = OURS.sub(" ", f"{carry} {piece}")
    if not named_before or not (
        units_only(wanted) or is_bare_quantity(wanted) or sizes_only(wanted)
    ):
        return ""
    if carry and not (units_only(wanted) or is_bare_quantity(wanted)):
        return ""
    if low := RUNNING_LOW.search(named_before):
        after = named_before[low.end() :]
        return after if names_a_type(after) else named_before[: low.start()]
    if OURS.search(f"{named_before} {carry} {piece}") and one_product_named(named_before):
        return product_named(named_before)
    if one_product_named(named_before) and names_goods_only(named_before):
        # "Kotak pizza 10 inci yg kraft, bukan putih. 400 keping": a sentence that is nothing
        # but one product's name, then its quantity
        return product_named(named_before)
    return ""


def names_goods_only(text: str) -> bool:
    """'pizza box 10 inch yg kraft': a product type, its size and kind, and no other word."""
    masked, _ = extract_sizes(text)
    if re.search(r"[^\x00-\x7f§]", masked):
        return False  # words in Tamil or Chinese letters that are no product's (not read here)
    words = {singular(word) for word in product_words(masked)}
    return bool(words & TYPE_NOUNS) and words <= TYPE_NOUNS | ATTRIBUTE_WORDS | GOODS_WORDS


# the words of a product's name that are no type nor kind: "pizza box", "burger box", "wooden
# cutlery set"
GOODS_WORDS = frozenset({"pizza", "burger", "takeaway", "set"})


# "another 5 cartons of those", "600 again", "1000 lagi", "再来三箱", "இன்னும் 3 carton": more of
# a product named before
MORE_OF_IT = re.compile(
    r"\b(?:another|again|more|lagi)\b|\bof (?:those|them|these|it)\b|再|(?<![\u0B80-\u0BFF])இன்னும்"
)


def one_product_named(text: str) -> bool:
    """'last week's 12\" boxes came to ... each': one product type (or one size), no quantity."""
    masked, sizes = extract_sizes(text)
    types = {singular(w) for w in product_words(masked)} & TYPE_NOUNS
    return len(types) <= 1 and len(set(sizes)) <= 1 and bool(types or sizes)


def product_named(text: str) -> str:
    """The product words and size of a remark: 'last week's 12\" boxes came to each' -> '12inch
    box' (not its other words, which would be read as the product's)."""
    masked, sizes = extract_sizes(text)
    kept = TYPE_NOUNS | ATTRIBUTE_WORDS | GOODS_WORDS
    words = [word for word in product_words(masked) if singular(word) in kept]
    return " ".join([size.replace(" ", "") for size in sizes[:1]] + words)


def units_only(piece: str) -> bool:
    """'could you send 3 cartons?': a quantity in a unit, without a product, kind or size; '1000
    sets' after 'Wooden cutlery.' counts the sets of the product named before (no product)."""
    masked, sizes = extract_sizes(piece)
    unit = re.search(r"\d+\s*(?:cartons?|ctns?|halfctn|packs?|bundles?|pcs|pieces|sets?)\b", masked)
    words = [word for word in product_words(masked) if word not in ("set", "sets")]
    return not sizes and unit is not None and not words


def describes_only(part: str) -> bool:
    """'small 800 pcs': attributes and a quantity, the product type left to the line around it."""
    words = [singular(w) for w in product_words(extract_sizes(part)[0])]
    return bool(words) and set(words) <= ATTRIBUTE_WORDS


def unmask(part: str, piece: str) -> str:
    """Put the sizes of the original piece back into a part of its masked text."""
    _, sizes = extract_sizes(piece)
    return MASKED_SIZE.sub(lambda m: sizes[int(m.group(1))].replace(" ", ""), part)


def has_quantity(piece: str) -> bool:
    return find_quantity(extract_sizes(piece)[0]) is not None


def sizes_only(piece: str) -> bool:
    """'12oz another 3000' after 'cup finish liao': a size and a quantity, no product word (the
    product is the one the sentence before ran out of)."""
    masked, sizes = extract_sizes(piece)
    words = [word for word in product_words(masked) if word not in ("another", "more", "again")]
    return bool(sizes) and has_quantity(piece) and not words


def is_bare_quantity(piece: str) -> bool:
    """'1000', '400 pcs', 'x 2 ctn': a quantity waiting for the product named before it."""
    masked = extract_sizes(piece)[0]
    return has_quantity(piece) and not product_words(masked) and "§" not in masked


def names_a_type(text: str) -> bool:
    masked, sizes = extract_sizes(text)
    return bool(sizes) or any(singular(w) in TYPE_NOUNS for w in product_words(masked))


def find_quantity(masked: str) -> re.Match[str] | None:
    """The first number in a masked segment that is not a size."""
    return QUANTITY.search(masked)
