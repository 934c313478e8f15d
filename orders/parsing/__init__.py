"""Offline order parser: turns a WhatsApp message into order items.

Pure functions of plain strings: no ORM, no network (it may import only the standard library and
its own modules). The OpenAI parser (orders/llm.py) returns the same dataclasses and falls back to
this package, so the assistant never depends on the API being up.

Modules: text (contact details and references out, words translated, sizes masked), tables (a
pasted table read by its header row), codes (the catalogue's product codes as words), leftovers
(the safety net: what an order message leaves unread makes it a doubt; corrections read), lexicon
(Chinese, Malay and Tamil order words), totals (a total with its breakdown), remainders (goods
left, and what to top up to), restatements (a message interrupted, excused and written again),
numbers (number words and numerals in English, Malay, Tamil and Chinese), vocabulary (units,
stopwords, doubts), segments (a message cut into order lines), words (product words, singular,
types), this module (items from segments). Judged by
tests/fixtures/order_messages.json (`python -m orders.parsing_eval`), the development messages
tests/fixtures/order_dev_messages.jsonl and the sets in orders/eval/ (`make assistant-eval`).

When the parser is unsure (two quantities for one line, one quantity for two product types or
two kinds, an approximate quantity, a change, a cancellation, a question or an earlier order
written like an order) it says so in ParsedOrder.doubt, and the assistant
asks the customer to confirm instead of ordering.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from orders.parsing.chats import final_lists, name_sizes_alone, pasted_chat
from orders.parsing.headcounts import read_headcounts
from orders.parsing.leftovers import (
    READING_DOUBTS,
    announces_new_order,
    read_contrasts,
    read_corrections,
    read_new_order,
    read_run_out,
    safety_doubts,
    unordered_kinds,
)
from orders.parsing.lexicon import SAME_AMOUNT
from orders.parsing.numbers import CHINESE_DIGITS
from orders.parsing.pending import PENDING, drop_goods_for_later, drop_pending_goods
from orders.parsing.remainders import TOP_UP_TO, drop_counts_left, read_top_ups
from orders.parsing.remarks import asks_after_the_items, drop_as_before_note, drop_remarks
from orders.parsing.restatements import has_a_number, split_at_interruption
from orders.parsing.schedules import drop_delivery_splits, drop_moved_delivery
from orders.parsing.segments import (
    CLAUSE_SPLIT,
    QUANTITY,
    Segment,
    drop_product_questions,
    find_quantity,
    has_quantity,
    split_segments,
)
from orders.parsing.standing import (
    adds_to_standing_order,
    lists_standing_change,
    read_standing_change,
)
from orders.parsing.text import (
    MASKED_SIZE,
    PLY_WORDS,
    SIZE_UNITS,
    display_size,
    extract_sizes,
    format_size,
    normalise_size,
    normalise_text,
    recalled_prices,
)
from orders.parsing.totals import read_totals
from orders.parsing.vocabulary import (
    ACCEPTED_PRICE,
    ATTRIBUTE_GROUPS,
    ATTRIBUTE_WORDS,
    CONTAINER_UNITS,
    DOUBLE,
    DOUBT_PATTERNS,
    EACH,
    FESTIVE_GREETING,
    FORGOTTEN_LINE,
    HALF_CARTON,
    HEADCOUNT_HEADING,
    IF_NOT,
    NOT_THE_SAME,
    NOT_WANTED,
    OTHER_STRAW,
    OTHER_SUPPLIER,
    OTHER_SUPPLIERS_PRICE,
    PAST_ORDER,
    PAST_SEASON,
    PIECES,
    PLACED_ORDER_CHANGED,
    PLUS_PIECES,
    REPEAT_CHANGE,
    REPEAT_PATTERNS,
    STOCK_CONDITION,
    STOPWORDS,
    STORY_NO,
    THIS_TIME,
    TYPE_NOUNS,
    UNCHANGED,
    UNIT_WORDS,
    USUAL_COUNT,
    USUAL_MULTIPLE,
)
from orders.parsing.words import (
    canonical_product,
    head_types,
    product_words,
    singular,
    type_nouns,
)

__all__ = [
    "ACCEPTED_PRICE",
    "HALF_CARTON",
    "LAST_ORDER_CHANGED",
    "MASKED_SIZE",
    "OTHER_SUPPLIER",
    "PIECES",
    "READING_DOUBTS",
    "SIZE_UNITS",
    "STOPWORDS",
    "ParsedItem",
    "ParsedOrder",
    "announces_new_order",
    "display_size",
    "extract_sizes",
    "format_size",
    "lists_standing_change",
    "normalise_size",
    "normalise_text",
    "order_signals",
    "parse_order",
    "parse_quantity_change",
    "product_words",
    "read_message",
    "recalled_prices",
    "singular",
    "written_numbers",
]


@dataclass(frozen=True)
class ParsedItem:
    """One order line as the customer wrote it: product phrase, how many, what size, which unit."""

    product: str
    quantity: int
    unit: str = PIECES
    size: str | None = None

    @property
    def names_a_product(self) -> bool:
        """A size or a product type ('12oz', 'cup'), not only words ('ord been issued')."""
        return bool(self.size) or any(singular(w) in TYPE_NOUNS for w in self.product.split())

    def describe(self) -> str:
        size = f"{display_size(self.size)} " if self.size else ""
        if self.unit == HALF_CARTON:
            cartons = "half a carton" if self.quantity == 1 else f"{self.quantity / 2:g} cartons"
            return f"{cartons} of {size}{self.product}"
        unit = "" if self.unit == PIECES else f" {self.unit}{'s' if self.quantity != 1 else ''} of"
        return f"{self.quantity}{unit} x {size}{self.product}".replace(" of x ", " of ")


# the doubt of a repeat of the last order with changes the parser does not apply ("same as last week
# but add 500 cups", "same as last time, no need lids"): the assistant asks for the full list
LAST_ORDER_CHANGED = "the last order with changes"


@dataclass(frozen=True)
class ParsedOrder:
    """What a message asks for: its items, or a repeat of the last order, or nothing.

    doubt: why the items should be confirmed by the customer before an order is made ("" = none).
    """

    items: list[ParsedItem] = field(default_factory=list)
    repeat_last: bool = False
    source: str = "offline"
    doubt: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.items and not self.repeat_last

    @property
    def changes_last_order(self) -> bool:
        """'same as last time but no lids', '照上次一样，再加两箱吸管': the last order, changed."""
        return LAST_ORDER_CHANGED in self.doubt.split(", ")


def parse_order(text: str) -> ParsedOrder:
    """Parse the items of an order message; an empty ParsedOrder when it names none."""
    return with_chat_doubt(parse_interrupted(normalise_text(text)), text)


def read_message(text: str) -> tuple[ParsedOrder, OrderSignals]:
    """parse_order and order_signals of one message, normalised once (the intent classifier)."""
    normalised = normalise_text(text)
    return with_chat_doubt(parse_interrupted(normalised), text), signals_of(normalised)


def parse_interrupted(normalised: str) -> ParsedOrder:
    """parse_normalised, with a message excused as interrupted read once (parsing.restatements):
    nothing after the excuse: the part before it; the part after it when it orders what the part
    before did (or the part before orders nothing). Else the excuse stays a correction: it asks."""
    parts = split_at_interruption(normalised)
    if parts is None:
        return parse_normalised(normalised)
    before, after = parts
    if not has_a_number(after):
        return parse_normalised(f"{before} {after}")
    first, again = parse_normalised(before), parse_normalised(after)
    if first.doubt or again.doubt or not again.items:
        return parse_normalised(normalised)
    if all(item in again.items for item in first.items):
        return again
    return parse_normalised(normalised)


# Why a pasted chat asks (parsing.chats): read line by line it orders what was taken back
PASTED_CHAT = "a chat of several people"


def with_chat_doubt(parsed: ParsedOrder, text: str) -> ParsedOrder:
    """The parse, or the final list when the message is a staff group chat pasted whole that
    states it plainly ('... / Manager: so just 2 ctn lids'); a doubt when the chat does not ('Mei
    Ling: 12oz cup 2 ctn / Raj: cancel the cups, +1 for lids'); unchanged when it orders nothing."""
    if not pasted_chat(text):
        return parsed
    final = read_final_list(text)
    if final is not None:
        return final
    if not (parsed.items or parsed.repeat_last):
        return parsed
    doubts = [d for d in parsed.doubt.split(", ") if d]
    return replace(parsed, doubt=", ".join(dict.fromkeys([*doubts, PASTED_CHAT])))


# A final list that adds to the chat rather than sums it up ("Manager: also 1 ctn straw")
ADDS_TO_CHAT = re.compile(r"\b(?:also|add|plus|too|oso|juga|tambah)\b|加|也|还有", re.IGNORECASE)


def read_final_list(text: str) -> ParsedOrder | None:
    """The final list a pasted chat states plainly, when it reads without a doubt and names only
    goods the chat discussed before it; None when it states none (the chat asks)."""
    for before, final in final_lists(text):
        parsed = parse_normalised(normalise_text(name_sizes_alone(before, final)))
        if not parsed.items or ADDS_TO_CHAT.search(final):
            continue
        talked_of = {singular(word) for word in product_words(normalise_text(before))}
        named = set().union(*(type_nouns(item.product) for item in parsed.items))
        return parsed if not parsed.doubt and named <= talked_of else None
    return None


# "Order for Bake and Brew Tiong Bahru, 1500 napkins, ...": the shop the order is for, a heading
# ended by a comma as "Order for ...:" is by a colon
ORDER_FOR_HEADING = re.compile(r"^\s*(?:new\s+)?(?:order|po)\s+for\s+(?P<name>[a-z'&.\s]+?)\s*,")


def read_order_heading(normalised: str) -> str:
    """'order for bake and brew, 1500 napkins' -> 'order for bake and brew: 1500 napkins'; not
    'order for napkins, 2 ctn' (the goods, not a shop)."""
    heading = ORDER_FOR_HEADING.match(normalised)
    if heading is None:
        return normalised
    named = {singular(word) for word in product_words(heading.group("name"))}
    if named & (TYPE_NOUNS | ATTRIBUTE_WORDS):
        return normalised
    return f"{normalised[: heading.end() - 1]}:{normalised[heading.end() :]}"


def parse_normalised(normalised: str) -> ParsedOrder:
    normalised = read_order_heading(normalised)
    # "Selamat hari raya boss, maaf zahir batin": a greeting; "sorry also ..., forgot just now": a
    # line added late
    normalised = re.sub(FORGOTTEN_LINE, " ", re.sub(FESTIVE_GREETING, " ", normalised))
    # "usual weekly order with one change, cups up to 3000: 12oz cups 3000, ...": the full list
    normalised = read_standing_change(normalised)
    # "the cups last time got dented, half carton cannot use. This time send ...", "... pls. how
    # come price go up again ah": a complaint about goods delivered before, a side question
    normalised = drop_as_before_note(drop_remarks(normalised))
    # "tissue change to 3 ctn. New order: burger box 1 ctn": the change is to an earlier order
    normalised = read_new_order(normalised)
    # "Marina Bay lunch, 300 pax: ...": how many people the order is for, no line of it
    # "3 outlets, 500 bags each": 1500 bags, before the count of outlets is read as a heading
    normalised = read_headcounts(read_outlet_counts(normalised))
    # "கல்யாண catering, 200 பேருக்கு:" above the lines: what the list is for, no line of it
    normalised = re.sub(HEADCOUNT_HEADING, " ", normalised)
    # "napkins - 2 ctn ... 2x our usual": the quantities compared with the usual, no line
    # "12oz cup 4 ctn, 平时两箱而已" (usually only two): the usual count compared, no line
    normalised = re.sub(USUAL_COUNT, " ", re.sub(USUAL_MULTIPLE, " ", normalised))
    # "..., 500 cutlery sets. Dessert cups still TBC": what is not confirmed is not ordered yet
    # "16oz cup 2000, lids I will order next time": goods for a later order are no line of this one
    normalised = drop_goods_for_later(drop_pending_goods(normalised))
    written = normalised  # before its corrections are read (PLACED_ORDER_CHANGED below)
    # "ok noted on the price. pls send ...": a price agreed is no question nor a product word
    normalised = re.sub(ACCEPTED_PRICE, " ", read_contrasts(read_corrections(normalised)))
    # "the other guy quoted 0.50 each, yours is cheaper": another supplier's price, no quote of ours
    normalised = re.sub(OTHER_SUPPLIERS_PRICE, " ", normalised)
    if not re.search(IF_NOT, normalised):
        normalised = re.sub(STOCK_CONDITION, " ", normalised)  # "kalau ada stok, hantar ..."
    # "box 4 ctn, 2 ctn Monday 2 ctn Thursday": the total is ordered, the parts are deliveries
    normalised = drop_moved_delivery(drop_delivery_splits(normalised))
    # "straw left 2000, top up to 10000": 8000 are sent; "top up to 3000" alone asks what is left
    normalised = read_top_ups(normalised)
    top_up_unread = TOP_UP_TO.search(normalised) is not None
    # "total 5 ctn cup - 3 ctn 12oz, 2 ctn 8oz": the parts are the order, when they add up to it
    normalised, total_unmatched = read_totals(normalised)
    # "straw left 2 ctn, send 5 more ctn": what is left is no line, what is sent is
    normalised = drop_counts_left(normalised)
    normalised = read_container_sizes(read_past_then_now(read_doubled_past(normalised)))
    normalised = read_each_heading(read_plural_sizes(normalised))
    normalised = read_named_outlets(normalised)
    clauses = CLAUSE_SPLIT.split(normalised)
    # "same as last time but no straws": a clause that says no to something changes a repeat
    negated = [
        clause
        for clause in clauses
        if re.search(NOT_WANTED, re.sub(STORY_NO, " ", clause.strip()))
        and not re.search(NO_CHANGE, clause)
    ]
    affirmed = " ; ".join(clause for clause in clauses if clause not in negated)
    # "16oz cold cups 3 ctn / dome lids 3 ctn / (same as before)": a note on the list written out,
    # no repeat of the last order beside it
    compared = drop_same_as_before_note(re.sub(NOT_THE_SAME, " ", affirmed))
    repeat_last = any(re.search(pattern, compared) for pattern in REPEAT_PATTERNS) or any(
        repeat_then_not(clause) for clause in negated
    )
    # "..., 5000 napkins. btw do you sell plastic spoons?": a side question orders nothing, and
    # what it names ("plastic") is no doubt about the order
    ordering = drop_product_questions(normalised)
    doubts = [name for name, pattern in DOUBT_PATTERNS if re.search(pattern, ordering)]
    if PENDING.search(ordering):
        # "napkins 600 still TBC": a count of goods the customer has not confirmed yet
        doubts.append("goods still to be confirmed")
    if top_up_unread:
        doubts.append("a quantity to top up to")
    if total_unmatched:
        doubts.append("a total and its parts")
    if re.search(PLACED_ORDER_CHANGED, written):
        doubts.append("a change")  # its correction read above is the change of an earlier order
    if "a material to confirm" in doubts and plastic_only_remarked(clauses):
        doubts.remove("a material to confirm")
    if "a straw kind to confirm" in doubts and not re.search(OTHER_STRAW, affirmed):
        # "tak nak straw plastik, straw kertas 5000": the other straw only said no to
        doubts.remove("a straw kind to confirm")
    items: list[ParsedItem] = []
    unread_lines = 0
    for segment in split_segments(normalised):
        if segment.heading_too:
            # "12oz cup 1000, lids, 16oz 500": the lids of the cups, or the 16oz line's product?
            doubts.append("a heading or a companion")
        if segment.companion and re.search(EVERY_LINE, segment.text):
            items.extend(companions_of_every_line(segment.text, items, doubts))
            continue
        lids = lids_of_every_line(segment.text, items)
        if lids is not None:
            items.extend(lids)
            if not lids:
                # "12oz cup 1000, lids for both 1000": both of what?
                doubts.append("the lines a product is for")
            continue
        if segment.companion and lines_of_the_type_before(items) > 1:
            # "12oz cups 1000, 16oz cups 500, lids same amount": the lids of which line?
            doubts.append("a quantity taken from the line before")
        read = read_segment(segment, line_before(segment, items), doubts, only_line=len(items) == 1)
        unread_lines += not read and not article_of_the_story(segment.text)
        items.extend(read)
    if size_alone_above_a_named_line(normalised):
        # "12oz 2000 / 8oz cup 1000": the cup is the second line's own product; the first line's
        # 12oz may as well be lids
        doubts.append("a line without a product")
    borrowed = boxes_by_the_inch(borrow_types(items))
    items = [item for item in borrowed if item.product]
    if items and len(items) < len(borrowed):
        # "14 inch 2 ctn, 12oz cup 500": a size and a quantity whose product no line names
        doubts.append("a line without a product")
    if any(unit_to_confirm(item) for item in items):
        doubts.append("a unit to confirm")
    if any(COUNTED_KIND.search(item.product) for item in items):
        # "3-compartment box 500": a kind by its count of parts that no product of ours names
        doubts.append("a kind to confirm")
    if len(items) > 1 and not all(item.names_a_product for item in items):
        # "we have 20 staff now, need napkin 5000": a number beside words that are no product
        doubts.append("a line without a product")
    if items:
        products = [item.product for item in items]
        doubts.extend(safety_doubts(read_run_out(normalised, products), unread_lines))
        if unordered_kinds(affirmed, [item.product for item in items]):
            doubts.append("two kinds named")
    if repeat_last and (items or negated or re.search(REPEAT_CHANGE, affirmed)):
        # "same as last week but add 500 cups", "same as last time, no need lids", "same as last
        # time but more cups" (how many more?)
        doubts.append(LAST_ORDER_CHANGED)
    elif items and adds_to_standing_order(affirmed):
        # "usual weekly order but add these: ...": before, only the added goods were ordered
        doubts.append(LAST_ORDER_CHANGED)
    return ParsedOrder(
        items=items, repeat_last=repeat_last and not items, doubt=", ".join(dict.fromkeys(doubts))
    )


# "(same as before)", "(same as last week)", "(as usual)": a note in brackets on the lines
SAME_AS_BEFORE_NOTE = re.compile(
    r"\(\s*(?:same as (?:before|usual|(?:the )?last (?:time|week|month|order))|as usual)\s*\)"
)


def drop_same_as_before_note(text: str) -> str:
    """The text without a bracketed 'same as before' when its lines have quantities of their own;
    '(same as before)' alone still repeats the last order."""
    rest = re.sub(SAME_AS_BEFORE_NOTE, " ", text)
    return rest if has_quantity(rest) else text


def repeat_then_not(clause: str) -> bool:
    """'repeat last order for bugis pls 👍 tampines no need' written as one clause: the last order,
    and after it, with no goods between, what is not wanted (a change of the repeat, which asks;
    before, the whole clause was said no to and nothing was read). Not 'no need same as last
    time' (the repeat said no to), nor 'the usual lid no need' (goods said no to)."""
    clause = clause.strip()
    negation = re.search(NOT_WANTED, clause)
    ends = [m.end() for p in REPEAT_PATTERNS if (m := re.search(p, clause))]
    if negation is None or not ends or min(ends) > negation.start():
        return False
    return not head_types(clause[min(ends) : negation.start()])


# the earlier order's clause, the words up to this time's marker (no number between them), and
# this time's clause
# "ytd order 12oz cup 2 ctn already, today need another 1 ctn": yesterday's order quoted, then
# today's, as last time's and this time's are
EARLIER_ORDER = rf"(?:{PAST_ORDER}|\b(?:ytd|yesterday'?s?|this morning'?s?)\s+order\b)"
PAST_THEN_NOW = re.compile(
    rf"(?P<past>{EARLIER_ORDER}[^.,;!?\n。，]*)(?P<between>[.,;!?\n。，][^\d\n]*?)"
    rf"(?P<now>{THIS_TIME}|\btoday\b)(?P<rest>[^.,;!?\n。，]*)"
)


def read_past_then_now(normalised: str) -> str:
    """'Last time we took 2 ctn of 12oz cups. This time 3 ctn please' -> '... 12 oz cup 3 ctn
    please': the earlier order quoted is no line of this one, and this time's quantity without a
    product is of the product quoted ('this time 3 ctn of lids' keeps its own). Unchanged when the
    quoted clause is not one item, or this time's clause has no quantity of its own."""
    match = PAST_THEN_NOW.search(normalised)
    if match is None:
        return normalised
    past = parse_segment(re.sub(EARLIER_ORDER, " ", match.group("past")))
    rest = match.group("rest")
    masked_past, _ = extract_sizes(match.group("past"))
    masked_rest, _ = extract_sizes(rest)
    if past is None or len(QUANTITY.findall(masked_past)) != 1 or not QUANTITY.search(masked_rest):
        return normalised
    now = parse_segment(rest)  # None: a quantity alone ("this time 3 ctn please")
    if now is None or (not now.size and not type_nouns(now.product)):
        kept = [w for w in past.product.split() if w in TYPE_NOUNS | ATTRIBUTE_WORDS | {"pizza"}]
        rest = f" {past.size or ''} {' '.join(kept)} {rest}"
    return f"{normalised[: match.start()]}{match.group('between')}{rest}{normalised[match.end() :]}"


DOUBLED_PAST = re.compile(rf"(?P<past>{PAST_SEASON}[^\n]*?)(?P<double>{DOUBLE})")
CLAUSE_END = re.compile(r"[.,;!?\n。，]")
# The words of a quoted order that name its product ("christmas", "took", "cny" do not)
QUOTED_PRODUCT_WORDS = TYPE_NOUNS | ATTRIBUTE_WORDS | {"pizza", "burger", "takeaway", "ply"}
UNIT_TEXT = {PIECES: "pcs", "carton": "ctn"}


def read_doubled_past(normalised: str) -> str:
    """'last yr we take 2 ctn 750ml box, this yr take double' -> '4 ctn 750 ml box ...': the one
    item of an earlier order quoted, twice over (before, the 2 cartons quoted were ordered: a wrong
    order). Unchanged when the quoted part is not one item of one quantity in pieces or cartons,
    or the clause of 'double' has a quantity of its own: such a message asks ('a multiple of an
    earlier order')."""
    match = DOUBLED_PAST.search(normalised)
    if match is None:
        return normalised
    past = match.group("past")
    tail = normalised[match.end() :]
    clause_end = CLAUSE_END.search(tail)
    own_clause = tail[: clause_end.start()] if clause_end else tail  # "that this year please"
    quoted = QUANTITY.findall(extract_sizes(past)[0])
    if len(quoted) != 1 or QUANTITY.search(extract_sizes(own_clause)[0]):
        return normalised
    item = parse_segment(re.sub(PAST_SEASON, " ", past))
    if item is None or item.unit not in UNIT_TEXT:
        return normalised
    product = " ".join(w for w in item.product.split() if w in QUOTED_PRODUCT_WORDS)
    if not product:
        return normalised
    line = f"{item.quantity * 2} {UNIT_TEXT[item.unit]} {item.size or ''} {product}"
    # the clause of 'double' ("double that this year please") says nothing more of the goods
    return f"{normalised[: match.start()]}{line}{tail[len(own_clause) :]}"


# "1 ctn of 12" boxes for each outlet - Bugis, Bishan and Clementi": a quantity for every outlet,
# the outlets named (two to six names of a few words, the last after "and" or "&")
_NAME = r"[a-z][a-z']*(?: [a-z][a-z']*){0,2}"
NAMED_OUTLETS = re.compile(
    r"\s*\b(?:for |to )?(?:each|every|per) (?:outlet|branch|shop|store)\s*[-–—:(]?\s*"
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME}){{0,4}},?\s+(?:and|&)\s+{_NAME})\s*\)?(?=[.;!\n]|$)"
)


def read_named_outlets(normalised: str) -> str:
    """'Need 1 ctn of 12" pizza boxes for each outlet - Bugis, Bishan and Clementi.' -> 'Need 3 ctn
    of 12" pizza boxes.': the one quantity of the sentence, once for every outlet named (before,
    'a quantity per outlet' asked how many outlets). Unchanged when the sentence has another
    number than that one quantity, or the outlets are not named ('1000 per outlet' still asks)."""
    match = NAMED_OUTLETS.search(normalised)
    if match is None:
        return normalised
    start = max(normalised.rfind(mark, 0, match.start()) for mark in ".;!\n") + 1
    sentence = normalised[start : match.start()]
    quantities = QUANTITY.findall(extract_sizes(sentence)[0])
    # the quantity where it is written: once, and no size of the same number ('12" box 12 ctn')
    written = [m for m in QUANTITY.finditer(sentence) if [m.group(1)] == quantities]
    if len(written) != 1:
        return normalised
    outlets = len(re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", match.group("names")))
    at = start + written[0].start()
    multiplied = str(int(quantities[0]) * outlets)
    before = f"{normalised[:at]}{multiplied}{normalised[written[0].end() + start : match.start()]}"
    return before + normalised[match.end() :]


# "For our 3 outlets (...) - 500 small paper bags each", "ada 2 cawangan, setiap satu nak 300",
# "我们有三间分店，每间要两百个", "3 outlet each 200", "3 கடைகளுக்கும் தலா 500": a count of outlets,
# then a quantity for each of them
OUTLET_COUNT = re.compile(
    r"(?<![\d.§])(?P<n>\d+|[二两三四五六七八九])(?![\d.§])\s*(?:间|家|个)?\s*"
    r"(?:(?:outlets?|branch(?:es)?|shops?|stores?|stalls?|cawangan|kedai)\b|分店|店"
    r"|கடை[\u0B80-\u0BFF]*)"
)
FOR_EACH_OUTLET = re.compile(
    r"\beach\b(?! of\b)(?:\s+(?:one|outlet|branch|shop|store|stall))?|\bsetiap\b"
    r"|每\s*(?:间|家|个)?\s*(?:分店|店)?|தலா|ஒவ்வொரு\s*(?:கடை[\u0B80-\u0BFF]*)?"
)
# "for all 3 outlets combined": one total for the outlets together
OUTLETS_TOGETHER = re.compile(
    r"\b(?:combined|total|altogether|together|semua sekali|jumlah)\b|一共|总共|சேர்த்து"
)


def read_outlet_counts(normalised: str) -> str:
    """'For our 3 outlets - 500 paper bags each' -> 'For our outlets - 1500 paper bags': the one
    quantity of the message, once for every outlet counted (before, the count was dropped as a
    heading and 500 ordered: a wrong order). With more quantities than one, or outlets counted
    together ('for all 3 outlets combined'), it is left to ask ('a quantity per outlet')."""
    count = OUTLET_COUNT.search(normalised)
    marker = FOR_EACH_OUTLET.search(normalised, count.end()) if count else None
    if count is None or marker is None or len(OUTLET_COUNT.findall(normalised)) > 1:
        return normalised
    if OUTLETS_TOGETHER.search(normalised):
        return normalised
    outlets = CHINESE_DIGITS.get(count.group("n")) or int(count.group("n"))
    rest = FOR_EACH_OUTLET.sub(" ", f"{normalised[: count.start()]}§{normalised[count.end() :]}")
    written = list(QUANTITY.finditer(rest))
    if len(QUANTITY.findall(extract_sizes(rest)[0])) != 1 or len(written) != 1 or outlets < 2:
        return f"{normalised[: marker.start()]} per outlet {normalised[marker.end() :]}"
    each = written[0]
    rest = f"{rest[: each.start()]}{int(each.group(1)) * outlets}{rest[each.end() :]}"
    # the count's own clause is a heading that read_headcounts drops ("..., 2 cawangan, ..."); in
    # the clause of the goods ("3 outlet each 200 bags") or in Chinese it goes here
    own_clause = not re.search(r"[,.;:!?()，。；：！？（）]", rest[rest.index("§") : each.start()])
    kept = count.group(0) if count.group("n").isdigit() and not own_clause else " ; "
    return rest.replace("§", kept, 1)


# A number right before a quantity with its unit ("750 2 ctn") is no quantity itself: after the
# name of a container, or at the start of the next line of one, it is the container's size in ml.
# "外卖盒750的两箱，1000的一箱" (the 750 ones two cartons, the 1000 ones one): "的" between too
_COUNTED = r"(?=(?:\s+|\s*的\s*)\d+\s*(?:ctns?|cartons?|pcs|packs?)\b)"
CONTAINER_SIZE = re.compile(
    rf"\b(?P<name>takeaway box(?:es)?|takeaway containers?|containers?|lunch box(?:es)?)\s+"
    rf"(?P<ml>\d{{3,4}}){_COUNTED}"
)
NEXT_CONTAINER_SIZE = re.compile(rf"(?P<start>[,;\n]\s*(?:-\s*)?)(?P<ml>\d{{3,4}}){_COUNTED}")


# "750 box 600 pcs", "1000 container 2 ctn": our boxes' sizes before the name, a quantity with its
# unit after it ("750 box 3 hundred" is 750 boxes or 750ml ones: it stays a question)
SIZE_BEFORE_CONTAINER = re.compile(
    rf"(?<![\d.§])(?P<ml>750|1000)\s+(?=(?:takeaway\s+)?(?:box(?:es)?|containers?){_COUNTED})"
)


def read_container_sizes(normalised: str) -> str:
    """'takeaway box 750 2 ctn, 1000 1 ctn' -> 'takeaway box 750ml 2 ctn, 1000ml 1 ctn', '750 box
    600 pcs' -> '750ml box 600 pcs': the sizes of containers written without their unit (a number
    then a quantity with its unit)."""
    normalised = SIZE_BEFORE_CONTAINER.sub(r"\g<ml>ml ", normalised)
    match = CONTAINER_SIZE.search(normalised)
    if match is None:
        return normalised
    head = f"{normalised[: match.end('ml')]}ml"
    rest = NEXT_CONTAINER_SIZE.sub(r"\g<start>\g<ml>ml", normalised[match.end("ml") :])
    return head + rest


# "pls send 1 ctn each:" above a list: the one quantity of every line under it
EACH_HEADING = re.compile(
    rf"(?<![\d.§])(?P<quantity>\d+\s*(?:(?:{'|'.join(UNIT_WORDS)})\b)?)\s*each\s*:[ \t]*\n"
)


# "and 14s, one carton", "the 16s also 500": a size written as its number in the plural
PLURAL_SIZE = re.compile(r"(?<![\w.§])(\d{1,2})s\b")


def read_plural_sizes(normalised: str) -> str:
    """'12 inch kraft pizza boxes 250, and 14s, 1 carton' -> '..., and 14 inch, 1 carton': a number
    in the plural is a size in the one measure (inches or ounces) the message's sizes are in.
    Unchanged when its sizes are in no measure or in both."""
    if PLURAL_SIZE.search(normalised) is None:
        return normalised
    measures = {size.split()[-1] for size in extract_sizes(normalised)[1]} & {"inch", "oz"}
    if len(measures) != 1:
        return normalised
    return PLURAL_SIZE.sub(rf"\1 {measures.pop()}", normalised)


def read_each_heading(normalised: str) -> str:
    """'pls send 1 ctn each:\n- 8oz cup\n- 8oz lid' -> 'pls send :\n- 8oz cup 1 ctn\n- 8oz lid 1
    ctn': the quantity of the heading, once on every line of the list under it (before, the
    lines after the first took its quantity as companions, and asked). Unchanged when a line of
    the list has a quantity of its own."""
    match = EACH_HEADING.search(normalised)
    if match is None:
        return normalised
    rest = normalised[match.end() :].split("\n")
    # the list ends at a line that names no goods ("thank you", a signature)
    listed = list(itertools.takewhile(names_goods, rest))
    if not listed or any(has_quantity(line) for line in listed):
        return normalised
    quantity = match.group("quantity").strip()
    lines = [f"{line.rstrip()} {quantity}" for line in listed] + rest[len(listed) :]
    return f"{normalised[: match.start()]}:\n" + "\n".join(lines)


def names_goods(line: str) -> bool:
    """A product type or a size ('- 8oz cup', '12 inch'), not 'thank you'."""
    return bool(head_types(line) or extract_sizes(line)[1])


def line_before(segment: Segment, items: list[ParsedItem]) -> ParsedItem | None:
    """The line a segment takes what it leaves out from: the last item read. A line that names no
    product ('12" x100') takes its product, but not a kind that an earlier line of that product
    was without: '8" box x200 / 10" white x100 / 12" x100' names the white of the 10" line only
    (before, the 12" line was read as white boxes, which nobody sells)."""
    if not items:
        return None
    last = items[-1]
    if segment.companion or product_words(extract_sizes(segment.text)[0]):
        return last
    words = last.product.split()
    kinds = set(words) & ATTRIBUTE_WORDS
    types = type_nouns(last.product)
    without_it = [
        item
        for item in items[:-1]
        if type_nouns(item.product) == types and not kinds & set(item.product.split())
    ]
    if not kinds or not without_it:
        return last
    product = " ".join(word for word in words if word not in kinds)
    return ParsedItem(product, last.quantity, last.unit, last.size)


def size_alone_above_a_named_line(normalised: str) -> bool:
    """'12oz 2000 / 8oz cup 1000': a line of a size in ounces and a quantity alone, above any line
    that names goods, and under it a line that names its product ahead of its own quantity; the
    product is that line's, and the size alone may be of another (cups or lids?). Not '8oz 2000,
    16oz paper cup 1000' (on one line, the product named last is the list's), nor '12oz cup 1000 /
    16oz 500 / 8oz lid 200' (the 16oz are cups, as the line above), nor '14 inch 150 / 10 inch
    kraft 200' (only pizza boxes are measured in inches)."""
    lines = [line for line in normalised.split("\n") if line.strip()]
    for index, (line, below) in enumerate(itertools.pairwise(lines)):
        if any(names_goods(above) for above in lines[:index]):
            return False
        if ounces_alone(line) and names_its_product_first(below):
            return True
    return False


def ounces_alone(line: str) -> bool:
    """'12oz 2000', '- 16oz x 500': sizes in ounces and a quantity, no product word."""
    masked, sizes = extract_sizes(line)
    return (
        bool(sizes)
        and all(size.endswith(" oz") for size in sizes)
        and find_quantity(masked) is not None
        and not product_words(masked)
    )


def names_its_product_first(text: str) -> bool:
    """'8oz cup 1000': product words before the quantity."""
    masked = extract_sizes(text)[0]
    quantity = find_quantity(masked)
    return quantity is not None and bool(product_words(masked[: quantity.start()]))


def lines_of_the_type_before(items: list[ParsedItem]) -> int:
    """How many items read so far are of the last item's product type (a companion's quantity
    and size come from the last one: with two, the companion may be for either)."""
    if not items:
        return 0
    last = type_nouns(items[-1].product)
    return sum(type_nouns(item.product) == last for item in items)


# "8oz cups 4 ctn, 12oz cups 2 ctn, and lids for both": a product named for every line before
EVERY_LINE = (
    r"\b(?:both|each|all|every|semua|setiap)\b|两(?:种|样|个)?都|都要|各"
    r"|(?:ரெண்டு|இரண்டு|எல்லா)[\u0B80-\u0BFF]*க்கும்"
)


def companions_of_every_line(
    text: str, items: list[ParsedItem], doubts: list[str]
) -> list[ParsedItem]:
    """'8oz cups 4 ctn, 12oz cups 2 ctn, and lids for both': the lids of each cup line, in its
    size and quantity (before, only the last line's: a wrong order). Any other product named
    'for both' (napkins for both outlets?) is a question: how many is not written."""
    before = items[-1:] if items else []
    types = type_nouns(before[0].product) if before else set()
    lines = [item for item in items if type_nouns(item.product) == types]
    named = product_words(extract_sizes(re.sub(EVERY_LINE, " ", text))[0])
    both = re.search(r"\bboth\b|两", text) is not None
    if (
        types != {"cup"}
        or type_nouns(canonical_product(named)) != {"lid"}
        or (both and len(lines) != 2)
    ):
        doubts.append("a quantity taken from the line before")
        return [companion_item(text, before[0])] if before else []
    product = canonical_product(named)
    return [inherit(ParsedItem(product, line.quantity, line.unit), line) for line in lines]


def lids_of_every_line(text: str, items: list[ParsedItem]) -> list[ParsedItem] | None:
    """'8oz cups 3 ctn, 12oz cups 2 ctn, lids for both 1 ctn each': a lid for each cup line, in its
    size, each in the quantity written (before, one lid line in the last cup's size: a wrong
    order). None when the line is no such lid line (no 'each': 'lids for both 2000' may be 2000
    in all, as before; a lid of its own size); [] when the cup lines do not fit (none right
    before, or 'both' after one cup line)."""
    if not re.search(EACH, text):
        return None
    item = parse_segment(re.sub(EVERY_LINE, " ", text))
    if item is None or item.size or type_nouns(item.product) != {"lid"}:
        return None
    lines = [line for line in items if type_nouns(line.product) == {"cup"}]
    both = re.search(r"\bboth\b|两", text) is not None
    if not lines or type_nouns(items[-1].product) != {"cup"} or (both and len(lines) != 2):
        return []
    return [ParsedItem(item.product, item.quantity, item.unit, line.size) for line in lines]


def written_numbers(text: str) -> set[int]:
    """The numbers a message writes, sizes left out ('12oz cup 两千' -> {2000}): what a quantity
    read by a model must be one of."""
    masked, _ = extract_sizes(normalise_text(text))
    return {int(number) for number in QUANTITY.findall(masked)}


# "..., no changes", "nothing to change", "tak ubah": the repeat as it was
NO_CHANGE = (
    r"\b(?:no|nothing|tak|tiada|dont|don't)\s+(?:to\s+|need to\s+)?(?:changes?|changed|ubah)\b"
    # "ஒன்னும் மாத்த வேண்டாம்" (no need to change anything)
    r"|(?:மாற்ற|மாத்த)[\u0B80-\u0BFF]*\s*(?:no need\b|வேண்டாம்|வேணாம்)"
    # "不用改" (no need to change), "change இல்ல" (no change: Tamil says no after the word)
    f"|{UNCHANGED}"
)

# A cup of one of these words is a cold drink cup (our paper cups are the hot ones).
COLD_CUP_WORDS = frozenset({"cold", "iced", "pet", "plastic", "clear"})

# Units whose number of pieces the catalogue does not say ("20 sleeves", "1 bale", "三包" read as
# "3 pcs paper cup pack"): pieces and the units sold as a carton (catalog.CARTON_UNITS) are known,
# the rest is confirmed. A pack is not one of them here: "straw 2 pkt", "napkin 3 packs" is a
# shop's packet (of 50? 100?), not a carton of ours, and every set's writer asks on it; a pack
# whose pieces are written ("3 packs of 100") is read as pieces before this (text.py).
KNOWN_UNITS = frozenset({PIECES, "carton", "case", "box", "bundle", HALF_CARTON})
PACK_WORDS = frozenset(
    "pack packs sleeve sleeves roll rolls bundle bundles stack stacks bale bales bungkus".split()  # noqa: SIM905
)


# A product word made of a count and a part (text.COMPOUND_COUNT), "two-ply" aside (our napkins)
COUNTED_KIND = re.compile(rf"\b(?:{'|'.join(PLY_WORDS)})-(?!ply\b)[a-z]")


# "ஒரு கம்பெனி பார்ட்டி" (a company party), "ஒரு வழியா" (finally), "请了一个新员工" (took on a
# new worker): Tamil's and Chinese's "one" as the article "a", read as 1 before a word of theirs
ARTICLE_ONE = re.compile(r"(?<![\d.§])1\s+(?:pcs\s+)?(?=[\u0B80-\u0BFF\u4e00-\u9fff])")


def article_of_the_story(text: str) -> bool:
    """A piece whose only number is such a 'one', with no size and no product type: a sentence of
    the story, no line the parser failed to read."""
    masked, sizes = extract_sizes(text)
    if sizes or QUANTITY.findall(masked) != ["1"] or not ARTICLE_ONE.search(masked):
        return False
    return not {singular(word) for word in product_words(masked)} & TYPE_NOUNS


def unit_to_confirm(item: ParsedItem) -> bool:
    return item.unit not in KNOWN_UNITS or bool(PACK_WORDS & set(item.product.split()))


def plastic_only_remarked(clauses: list[str]) -> bool:
    """'wooden cutlery set 1k, the plastic one we stop using': wooden is ordered and plastic only
    named in a clause without a quantity (a remark, not a line of the order)."""
    plastic = [clause for clause in clauses if re.search(r"\bplastic\b", clause)]

    def counted(clause: str) -> bool:
        return QUANTITY.search(extract_sizes(clause)[0]) is not None

    wooden_ordered = any(re.search(r"\bwooden\b", c) and counted(c) for c in clauses)
    return wooden_ordered and not any(counted(clause) for clause in plastic)


def read_segment(
    segment: Segment, previous: ParsedItem | None, doubts: list[str], *, only_line: bool = False
) -> list[ParsedItem]:
    """The items of one segment (none, one, or one per kind with 'each'); doubts are appended.
    only_line: the previous item is the only line read before this segment."""
    head, joined, tail = segment.text.partition(PLUS_PIECES)
    if joined:
        if both := cartons_and_pieces(head, tail, previous, doubts):
            return both
        segment = Segment(segment.text.replace(PLUS_PIECES, " "), segment.companion)
    masked, sizes = extract_sizes(segment.text)
    if len(QUANTITY.findall(masked)) > 1:
        # "3x 8oz lids 500", "12oz cups 1000 for our 3 outlets": which number is the quantity?
        doubts.append("two numbers for one line")
    if previous and re.search(r"\b\d+\s+of (?:them|those|these)\b", segment.text):
        # "paper bag large 500, 100 of them small": part of the line before, or 100 more?
        doubts.append("a part of the quantity before")
    item = parse_segment(segment.text)
    if item is None and segment.companion and previous:
        item = companion_item(segment.text, previous)
        # "12oz cups 1000, lids same amount", "cold cup 2 ctn, lid for cold cup same amt"
        matching_lids = head_types(segment.text) == {"lid"} and type_nouns(previous.product) == {
            "cup"
        }
        if not (
            (matching_lids and item.size == previous.size)
            or another_size_said(segment.text, item, previous)
            or (only_line and another_product_as_many(segment.text, item, previous))
        ):
            doubts.append("a quantity taken from the line before")
    if item is None:
        return []
    if (
        previous
        and item.unit == PIECES
        and re.search(r"\d\s+of\b", segment.text)
        and not counts_pieces(item.quantity, previous)
    ):
        # "5 cartons of napkins and 3 of straws": the unit of the line before
        item = ParsedItem(item.product, item.quantity, previous.unit, item.size)
    if few_without_a_unit(item, segment.text):
        # "12oz cup 2 pls": two cups, or two cartons? Nothing is sold by so few pieces
        doubts.append("a small count without a unit")
    if len(head_types(segment.text)) > 1:
        if re.search(EACH, segment.text):
            # "8oz and 12oz cups with lids, 1000 each": every product in every size named
            return [
                part
                for size in dict.fromkeys(sizes or [item.size])
                for part in each_item(
                    ParsedItem(item.product, item.quantity, item.unit, size), previous
                )
            ]
        doubts.append("two products, one quantity")
    kinds = variants(item, sizes)
    if len(kinds) > 1:
        # "8寸和12寸披萨盒各三百个", "beg besar dan kecil masing-masing 500"
        if re.search(EACH, segment.text):
            return kinds
        doubts.append("two kinds, one quantity")
    if previous and size_said_again(item, previous):
        doubts.append("the size of the line before again, no product")
    return [inherit(item, previous) if previous else item]


def size_said_again(item: ParsedItem, previous: ParsedItem) -> bool:
    """'8oz cup 1000, 8oz 1000': a line with no product word in the size of the line before. The
    same product twice, or another whose word was slipped ('8oz lid' mistyped)? Before, the
    product before was read again and ordered twice, a wrong order."""
    return not item.product and item.size is not None and item.size == previous.size


def cartons_and_pieces(
    head: str, tail: str, previous: ParsedItem | None, doubts: list[str]
) -> list[ParsedItem]:
    """'napkin 2 ctn + 2000 pcs': the cartons of the line and, as a second item of its product and
    size, the pieces more ([] when the pieces name anything else: the line is read as it is)."""
    masked, sizes = extract_sizes(tail)
    numbers = QUANTITY.findall(masked)
    other_words = [w for w in product_words(masked) if not PIECE_WORDS.fullmatch(w)]
    if sizes or len(numbers) != 1 or other_words:
        return []
    read = read_segment(Segment(head), previous, doubts)
    if len(read) != 1 or read[0].unit == PIECES:
        return []
    cartons = read[0]
    return [cartons, ParsedItem(cartons.product, int(numbers[0]), PIECES, cartons.size)]


# Fewer than this many pieces is no order of goods packed by the hundred and thousand: a count
# this small with no unit written ("12oz cup 2", "napkin 3 pls") may be pieces or cartons.
FEW_PIECES = 20
# "loose": pieces out of a carton ("1 ctn + 500 loose")
PIECE_WORDS = re.compile(r"\b(?:pcs|pc|pieces?|nos|loose|biji|keping|helai|units?|sets?)\b")
CUTLERY_SET_NAME = re.compile(r"(?<=\bcutlery)\s+sets?\b")


def another_product_as_many(text: str, item: ParsedItem, previous: ParsedItem) -> bool:
    """'burger box 500, paper bag large same amount', 'kotak burger 500, beg kertas besar pun sama
    banyak': another type of product said to be as many pieces as the only line before it (before,
    it asked which line). Cartons ('2 ctn cups, napkins same amount') hold other counts: asked; so
    does a line of one size ('12oz cup 1000, napkins same amount': kept as session 5 left it)."""
    types = type_nouns(item.product)
    return (
        SAME_AMOUNT.strip() in text
        and previous.unit == PIECES
        and previous.size is None
        and bool(types)
        and not types & type_nouns(previous.product)
        and item.size is None
    )


def another_size_said(text: str, item: ParsedItem, previous: ParsedItem) -> bool:
    """'container 750ml 500, 1000ml same amount': the same product in another size, its quantity
    said to be the line before's (not a companion left without a quantity: 'and the napkins')."""
    return (
        SAME_AMOUNT.strip() in text
        and type_nouns(inherit(item, previous).product) == type_nouns(previous.product)
        and item.size is not None
        and item.size != previous.size
    )


def few_without_a_unit(item: ParsedItem, text: str) -> bool:
    """'12oz cup 2 pls', 'napkin 3': a count of pieces of a product below FEW_PIECES with no unit
    written (not '2 pcs 12oz cup', '两个杯子', the pieces said; not 'cheers, Tom from Bistro 9',
    no product: a line without a product)."""
    return (
        item.names_a_product
        and item.unit == PIECES
        and item.quantity < FEW_PIECES
        # "wooden cutlery set 2": the set of the product's name counts no pieces
        and PIECE_WORDS.search(CUTLERY_SET_NAME.sub(" ", text)) is None
    )


def counts_pieces(quantity: int, previous: ParsedItem) -> bool:
    """'1 carton of the 8 inch boxes and 150 of the 10-inch ones': a count ten times the cartons
    before it and 50 or more is a count of pieces, not of cartons (150 cartons is 15,000 boxes)."""
    return previous.unit != PIECES and quantity >= 50 and quantity >= 10 * previous.quantity


def borrow_types(items: list[ParsedItem]) -> list[ParsedItem]:
    """'250 large and 500 small kraft bags': an item of attributes only takes its product type
    from the item after it (inherit covers the other direction)."""
    out = list(items)
    for index in range(len(out) - 2, -1, -1):
        item, following = out[index], out[index + 1]
        words = set(item.product.split())
        if not words and same_measure(item.size, following.size) and type_nouns(following.product):
            # "14inch 2 ctn n 12inch 4 ctn pizza box": the product named after the last size
            product = product_of_another_line(following, item.size)
            out[index] = ParsedItem(product, item.quantity, item.unit, item.size)
        elif (
            words
            and words <= ATTRIBUTE_WORDS
            and type_nouns(following.product)
            # "10 inch white 200, napkin 1 ctn": no napkin is sold by the inch
            and (item.size is None or same_measure(item.size, following.size))
        ):
            kept = [w for w in following.product.split() if w in TYPE_NOUNS or w == "pizza"]
            product = f"{item.product} {' '.join(kept)}"
            out[index] = ParsedItem(product, item.quantity, item.unit, item.size)
    return out


def product_of_another_line(other: ParsedItem, size: str | None) -> str:
    """The product a line of a size alone takes from the line beside it: all its words ('8oz 500,
    12oz 1000 cold cups': the cold cups' kind is the other size's too), but for a size in inches
    only the box ('300 x 12", 150 x 14" and 200 of the white 10" boxes': a pizza box's kind is said
    per line; white is the printed 10" alone, and a 10" line without its kind asks)."""
    if size is None or not size.endswith(" inch"):
        return other.product
    return " ".join(w for w in other.product.split() if w in TYPE_NOUNS or w == "pizza")


def boxes_by_the_inch(items: list[ParsedItem]) -> list[ParsedItem]:
    """'10in x2ctn, 14in x1ctn', '12 inch 300pcs can', '10" white x200': a message whose every line
    is a size in inches and at most a kind (no product type) orders pizza boxes, the only goods
    sold by the inch; so does one whose other lines are boxes ('12" x 200, 750ml boxes x 300':
    boxes all, one of them measured in inches). Beside a line that names another product ('12
    inch 2 ctn, 8oz cup 500') a line without one is still a question."""
    if not items or not all(sized_in_inches_only(item) or names_a_box(item) for item in items):
        return items
    return [
        item
        if type_nouns(item.product)
        else ParsedItem(f"{item.product} pizza box".strip(), item.quantity, item.unit, item.size)
        for item in items
    ]


def names_a_box(item: ParsedItem) -> bool:
    """'750ml boxes', 'burger box': a line of boxes, not measured in inches."""
    return type_nouns(item.product) == {"box"} and not (item.size or "").endswith(" inch")


def sized_in_inches_only(item: ParsedItem) -> bool:
    """A size in inches, and no other word than a kind ('white', 'kraft', 'plain') for the
    product, or those and a box ('10 inch white printed boxes x 500, the plain kraft 10 inch x
    200': the box of the one line is the other's too)."""
    inches = item.size is not None and item.size.endswith(" inch")
    return inches and set(item.product.split()) <= ATTRIBUTE_WORDS | {"plain", "box", "pizza"}


def same_measure(size: str | None, other: str | None) -> bool:
    """'14 inch' and '12 inch' measure alike; '14 inch' and '12 oz' (or no size) do not."""
    return bool(size and other) and size.split()[-1] == other.split()[-1]


def variants(item: ParsedItem, sizes: list[str]) -> list[ParsedItem]:
    """The kinds one item names: two sizes ('8 inch and 12 inch box') or two values of one
    attribute ('large and small bag'); [item] when it names one kind."""
    words = list(dict.fromkeys(item.product.split()))  # "pizza box pizza box" -> "pizza box"
    product = " ".join(words)
    if len(set(sizes)) > 1:
        return [
            ParsedItem(product, item.quantity, item.unit, size) for size in dict.fromkeys(sizes)
        ]
    for group in ATTRIBUTE_GROUPS:
        values = [w for w in words if w in group]
        if len({group[w] for w in values}) > 1:
            return [
                ParsedItem(
                    " ".join(w for w in words if w not in group or w == value),
                    item.quantity,
                    item.unit,
                    item.size,
                )
                for value in values
            ]
    return [item]


def companion_item(text: str, previous: ParsedItem) -> ParsedItem:
    """'200 cups 12oz and the lids': a product named without a quantity right after an item is
    wanted in the same quantity (and the lids fit the cups: inherit gives them the size)."""
    masked, sizes = extract_sizes(text)
    item = ParsedItem(
        canonical_product(product_words(masked)),
        previous.quantity,
        previous.unit,
        sizes[0] if sizes else None,
    )
    return inherit(item, previous)


def each_item(item: ParsedItem, previous: ParsedItem | None) -> list[ParsedItem]:
    """'12oz cups and lids 1000 each': one item per product type, each with the quantity."""
    parts: list[ParsedItem] = []
    words: list[str] = []
    for word in item.product.split():
        words.append(word)
        if word in TYPE_NOUNS:
            parts.append(ParsedItem(" ".join(words), item.quantity, item.unit, item.size))
            words = []
    if words and parts:
        last = parts.pop()
        parts.append(
            ParsedItem(f"{last.product} {' '.join(words)}", last.quantity, last.unit, last.size)
        )
    out: list[ParsedItem] = []
    for part in parts:
        before = out[-1] if out else previous
        out.append(inherit(part, before) if before else part)
    return out


@dataclass(frozen=True)
class OrderSignals:
    """What a message says about products even when it is no order: the intent classifier's
    evidence ('the 12oz cup can take hot soup or not?' names a product; '12oz x 2k' a size and a
    quantity without the product)."""

    names_product: bool
    has_quantity: bool
    # "paper straw 5k, oh wait make it 10k": a quantity corrected inside a new order, read by
    # read_corrections (its "make it" is no change of an earlier order)
    corrects_itself: bool = False
    # "Napkins 4000. Do you sell paper plates?": a product question after the items, left unread
    side_question: bool = False
    # "16oz lids 2000 pls. The lids you sent last time were the wrong ones btw": a complaint about
    # an earlier delivery or a side question (price, invoice, stock) beside the order, left unread
    remarks_beside: bool = False
    # "need 10 inch pizza box 300pcs asap, how much per pc?": a price or stock asked after the items
    asks_after_items: bool = False


def order_signals(text: str) -> OrderSignals:
    return signals_of(normalise_text(text))


def signals_of(normalised: str) -> OrderSignals:
    masked, sizes = extract_sizes(normalised)
    named = bool(sizes) or any(singular(w) in TYPE_NOUNS for w in product_words(masked))
    # "一两千" (one or two thousand) is a quantity the parser leaves unread, as a doubt
    unread = re.search(r"[一二两三四五六七八九]{2}[十百千万]", masked)
    return OrderSignals(
        named,
        has_quantity=find_quantity(masked) is not None or bool(unread),
        corrects_itself=read_corrections(normalised) != normalised,
        side_question=drop_product_questions(normalised) != normalised,
        remarks_beside=drop_remarks(normalised) != normalised,
        asks_after_items=asks_after_the_items(normalised),
    )


def inherit(item: ParsedItem, previous: ParsedItem) -> ParsedItem:
    """What a line leaves out, taken from the line before: '..., 14 inch 100' (the product),
    'small 1k' after 'big paper bag 500' (the product type), 'lid 1k' after '12oz cup 1k' (the
    size of the cups the lids are for)."""
    product, size = item.product, item.size
    previous_types = type_nouns(previous.product)
    if not product:
        product = product_of_another_line(previous, size)
    elif previous_types and set(product.split()) <= ATTRIBUTE_WORDS:
        if size is None and another_kind(set(product.split()), previous.product):
            # "kotak pizza 10 inci yang putih 200, yang kraft 200": the other kind, the same size
            size = previous.size
        kept = [w for w in previous.product.split() if w in TYPE_NOUNS or w == "pizza"]
        product = f"{product} {' '.join(kept)}"
        # "10 inch box kraft one 300, white one 200": another kind in the size of the line before
        size = size or previous.size
    if size is None and names_a_lid(product) and previous_types == {"cup"}:
        size = previous.size
    if names_a_lid(product) and previous_types == {"cup"} and size and size == previous.size:
        product = lid_of_the_cup(product, previous.product)
    return ParsedItem(product, item.quantity, item.unit, size)


def another_kind(kinds: set[str], product: str) -> bool:
    """'kraft' after 'white pizza box': a kind of the same attribute as one of the product's, of
    another value (the line names the other kind of the same product)."""
    words = set(product.split())
    return any(
        group[kind] != group[word]
        for group in ATTRIBUTE_GROUPS
        for kind in kinds & group.keys()
        for word in words & group.keys()
    )


def lid_of_the_cup(lid: str, cup: str) -> str:
    """'16oz hot cup 1000, lid for it 1000', '热饮纸杯..., 配套的盖子': a lid that names no kind of
    its own, of the size of a hot paper cup line before it, is that cup's sip lid (at 16oz the
    dome lid is the cold cup's: before, '16oz lid' asked which); a cold cup's lid is the lid for
    cold cups. A lid of any word of its own ('dome lid', 'flat lid') or after a cup of no kind
    keeps its words."""
    if set(lid.split()) - {"lid", "cup"}:
        return lid  # "dome lid", "flat lid": a kind of its own, sold or not
    kinds = set(cup.split())
    if kinds & COLD_CUP_WORDS:
        return "cold cup lid"
    if kinds & {"hot", "paper"}:
        return "sip lid"
    return lid


def names_a_lid(product: str) -> bool:
    """'lid', 'sip lid', and 'hot cup lid' (the canonical 'lid for hot cup': the head noun last)."""
    types = type_nouns(product)
    return types == {"lid"} or (types == {"cup", "lid"} and product.split()[-1] == "lid")


def parse_segment(segment: str) -> ParsedItem | None:
    masked, sizes = extract_sizes(segment)
    match = find_quantity(masked)
    if match is None:
        return None
    quantity = int(match.group(1))
    before, after = masked[: match.start()], masked[match.end() :]
    unit, after = read_unit(after)
    if unit == PIECES:
        unit, after = boxes_of_the_product(quantity, before, after)
    if unit == "dozen":
        quantity, unit = quantity * 12, PIECES
    words = product_words(f"{before} {after}")
    size = sizes[0] if sizes else None
    if quantity <= 0 or (not words and not size):
        return None
    return ParsedItem(canonical_product(words), quantity=quantity, unit=unit, size=size)


def boxes_of_the_product(quantity: int, before: str, after: str) -> tuple[str, str]:
    """'napkin 2 box', 'straw 1 case': a few boxes of a product named before them that is no box
    are its cartons (not a 'napkin box'); '14 inch box 2', 'napkin 300 box' and 'tissue 2 box'
    (tissue boxes?) keep their reading."""
    match = re.match(r"\s*(box|boxes|case|cases)\b", after)
    named = {singular(word) for word in product_words(before)} & TYPE_NOUNS
    if match is None or quantity >= FEW_PIECES or not named or named & {"box", "tissue"}:
        return PIECES, after
    return CONTAINER_UNITS[match.group(1)], after[match.end() :]


def read_unit(after: str) -> tuple[str, str]:
    """The unit word right after the quantity (if any) and the rest of the segment."""
    # "2 more ctn napkin", "2 extra cartons of straws": the unit after "more" is still the unit
    match = re.match(
        r"\s*(?:x\s*)?(?:(?:more|extra|additional|lagi)\s+)?([a-z]+)\.?(\s+of\b)?", after
    )
    if not match:
        return PIECES, after
    word, followed_by_of = match.group(1), bool(match.group(2))
    rest = after[match.end() :]
    if word in UNIT_WORDS:
        return UNIT_WORDS[word], rest
    if word in CONTAINER_UNITS and (followed_by_of or names_a_product(rest)):
        return CONTAINER_UNITS[word], rest
    return PIECES, after


def names_a_product(rest: str) -> bool:
    """'10 packs wooden forks': a product follows the container word, so it is the unit."""
    following = re.match(r"\s*(?:§size\d+§\s*)*([a-z][a-z'-]*)", rest)
    return bool(following) and following.group(1) not in STOPWORDS


def parse_quantity_change(text: str) -> int | None:
    """The new quantity in a follow-up like 'make it 500', 'change to 300 pcs', '500 instead'."""
    normalised = normalise_text(text)
    masked, _ = extract_sizes(normalised)
    patterns = (
        r"\b(?:make|change|update|increase|reduce|decrease|adjust|amend|revise)\b[^\d]{0,30}?(\d+)",
        r"\b(\d+)\s*(?:pcs|pieces|ctn|cartons?)?\s*instead\b",
        r"\binstead of \d+[^\d]{0,20}(\d+)",
        r"^\s*(?:actually\s*)?(\d+)\s*(?:pcs|pieces)?\s*(?:pls|please)?\s*[.!]?\s*$",
    )
    for pattern in patterns:
        match = re.search(pattern, masked)
        if match:
            value = int(match.group(1))
            return value if value > 0 else None
    return None
