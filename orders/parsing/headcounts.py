"""Head counts around the items: how many people or occasions an order is for, never its goods.

"Marina Bay lunch, 300 pax: ...", "Kenduri Sabtu ni 400 orang, ...", "满月宴，80桌大概800人",
"Temple திருவிழா 3 நாள், சுமார் 2000 பேர்", "2 stations x 3000 runners", "4 events back to back":
a clause that counts people or occasions and names no goods is no line of the order (before, its
number was read as a line without a product, and the order asked). Where such a count sits in a
line of goods ("1000 cups for 300 pax") only the count goes: the goods keep their own quantity,
and goods without one ("napkins enough for 150 pax") are left without a quantity (a question).

"each guest 1 cup + 1 lid" for one head count is that many of each ("Corporate tea 400 pax, 1 cup
and 1 lid per person": 400 cups and 400 lids); with an approximate count ("about 400 pax") or two
counts (two events) it is left as written, and the parser asks. Pure string functions; imports
nothing of tria but orders.parsing.
"""

from __future__ import annotations

import re

from orders.parsing.text import MASKED_SIZE, extract_sizes
from orders.parsing.vocabulary import TYPE_NOUNS, UNIT_WORDS
from orders.parsing.words import product_words, singular

# Who or what is counted: people (English, Malay, Chinese, Tamil), and the occasions and places
# of an event (events, buffets, stations, rounds, days, tables)
_PEOPLE = (
    r"pax|people|persons?|guests?|heads|kids|children|students?|runners?|participants?"
    r"|attendees?|delegates?|visitors?|customers?|orang|tetamu|murid|pelajar|peserta"
    r"|jemaah"
    # staff who come to an event ("600 staff datang", "250 staff coming"), not "we have 20 staff
    # now" (a number a model reading the message places, see test_llm)
    r"|(?:staff|staffs|workers|employees|pekerja|kakitangan)"
    r"(?=\s+(?:datang|coming|come|attending|hadir|joining))"
)
# occasions counted in the plural ("4 events", "2 stations"; not "400 this round"), and the
# feasts Singlish counts without the plural's s ("got 2 wedding this weekend")
_OCCASIONS = (
    r"events|buffets|stations|rounds|sessions|shifts|nights|tables|booths|stalls|seminars"
    r"|workshops|conferences|weddings|banquets|venues|locations|sites|wedding|kenduri|banquet"
)
# the outlets an order is for ("for all 3 outlets combined", "untuk 2 cawangan", "மூணு
# outlet-க்கும்", "ரெண்டு கடைக்கும்"): a heading or a footer of the list, no line of it
_OUTLETS = r"outlets?|branch(?:es)?|shops|cawangan|kedai|கடை[\u0B80-\u0BFF]*"
_CHINESE = r"位客人|位宾客|个客人|位|个人|人份|人|桌|场"
_TAMIL = r"பேர்[\u0B80-\u0BFF]*|பேரு[\u0B80-\u0BFF]*|நாள்[\u0B80-\u0BFF]*"
# "300 pax", "2 bento events" (a word between), "80桌", "2000 பேர்"
HEADCOUNT = re.compile(
    rf"(?<![\d.§])(\d+)\s*(?:(?:(?!this\b|that\b|the\b|more\b|per\b|each\b)[a-z]+\s+)?"
    rf"(?:{_PEOPLE}|{_OCCASIONS}|{_OUTLETS})(?![a-z])|{_CHINESE}|{_TAMIL})"
)
# "about 300 pax", "~750 pax", "大概800人", "சுமார் 2000 பேர்": the count is approximate
APPROXIMATE = re.compile(
    r"(?:\b(?:about|around|approx\w*|roughly|abt|lebih kurang|kira-kira|est\w*)|~|大概|大约|约"
    r"|差不多|சுமார்)\s*(?:for\s+)?$"
)
# "for 300 pax", "untuk 300 orang", "for about 300 pax": a count of people with the words that
# tie it to the goods (not "100 wedding favour bags": a count of goods, its kind before them)
COUNT_PHRASE = re.compile(
    r"(?:\b(?:for|untuk|utk|enough for|cukup untuk)\s+)?"
    r"(?:(?:about|around|approx\w*|roughly|abt|lebih kurang|kira-kira|~)\s*)?"
    rf"(?<![\d.§])\d+\s*(?:(?:{_PEOPLE})(?![a-z])|{_CHINESE}|{_TAMIL})"
)
# "1 lid per person", "each pax 1 box", "setiap orang 1 cawan", "每人一个", "ஒவ்வொருத்தருக்கும்"
PER_PERSON = re.compile(
    rf"\b(?:per|each|every|setiap|tiap|tiap-tiap)\s+(?:{_PEOPLE}|person|guest|head|pax)\b"
    r"|\bseorang\b|每人|每位|每个人|每个客人|ஒவ்வொருத்தருக்கும்|ஒவ்வொருவருக்கும்|தலைக்கு"
)
# A clause: what lies between two marks (a colon and brackets end a heading or an aside)
CLAUSE = re.compile(r"[^,.;:!?()\n，。；：！？（）]+|[,.;:!?()\n，。；：！？（）]+")
# A small count (not a size, not a number of cartons): "1 x 12oz cup", "2 napkins each"
_CARTONS = "|".join(word for word, unit in UNIT_WORDS.items() if unit != "pcs")
SMALL_COUNT = re.compile(rf"(?<![\d.§])([1-9])(?![\d.§])(?!\s*(?:{_CARTONS})\b)")


def read_headcounts(text: str) -> str:
    """The text without its head counts (per person counts multiplied by the one head count)
    and without the heading of its list ('For the Sentosa dinner on Friday: ...')."""
    counts = [match for match in HEADCOUNT.finditer(text) if counts_people(match)]
    if counts:
        text = per_person_counts(text, counts)
        text = "".join(drop_count(clause) for clause in CLAUSE.findall(text))
    return LINE_LABEL.sub(drop_label, HEADING.sub(end_heading, text))


# The words at the start of a line before a dash, the rest of the line counting goods: "Bedok —
# beg kertas besar 750", "Pasir Ris - 1000ml box 1 karton", "Tekka கடை - wooden cutlery 500 set"
LINE_LABEL = re.compile(r"(?m)^(?P<label>[^\n\d:—–-]{2,40}?)[ \t]+[—–-][ \t]+(?=[^\n]*\d)")


def drop_label(match: re.Match[str]) -> str:
    """The outlet a line of goods is for ('Bedok — ...') is no product word of its items (before,
    'bedok paper bag' was searched for); a label naming goods ('Napkins - 2 ctn') stays."""
    return match.group(0) if names_goods(match.group("label")) else " "


# The words before a colon that starts a list, from the start of their sentence: "For the Marina
# Bay lunch on Sat:", "this is for Sunday's wedding at Orchard Hotel:", "Confirmed items dulu:"
HEADING = re.compile(r"(?:^|(?<=[.!?\n。！？]))(?P<heading>[^.!?\n。！？:]+):(?!\d)")


FORWARDED = re.compile(r"fwd?|fw|forwarded(?: message)?")


def end_heading(match: re.Match[str]) -> str:
    """'For the Sentosa dinner on Friday:' before its items is a sentence of its own (its words
    joined the first item's product); a heading naming goods ('Cups:') or a number stays."""
    heading = match.group("heading")
    masked, _ = extract_sizes(heading)
    # "FW: DO-2207 ...": a forwarded message's header, which the doubts read as it is
    if names_goods(heading) or re.search(r"\d", masked) or FORWARDED.fullmatch(heading.strip()):
        return match.group(0)
    return f"{heading}: .\n"  # the colon kept: "Fwd:" still tells a forwarded message


def counts_people(match: re.Match[str]) -> bool:
    """'300 pax', '2 stations', '800人', not '12oz' (a size is masked before) nor '3 tables' of
    goods: every head count is taken, the clause test below decides what goes."""
    return int(match.group(1)) > 0


def drop_count(clause: str) -> str:
    """A clause of a head count and no goods goes whole ('Marina Bay lunch, 300 pax'); in a
    clause of goods only the count goes ('1000 cups for 300 pax' -> '1000 cups')."""
    if not HEADCOUNT.search(clause):
        return clause
    if not names_goods(HEADCOUNT.sub(" ", clause)):
        return " "
    return COUNT_PHRASE.sub(" ", clause)


def names_goods(clause: str) -> bool:
    """A product type or a size ('1000ml', 'cups', 'napkin'): the clause is a line of goods."""
    masked, sizes = extract_sizes(clause)
    return bool(sizes) or any(singular(word) in TYPE_NOUNS for word in product_words(masked))


def per_person_counts(text: str, counts: list[re.Match[str]]) -> str:
    """'400 pax, 1 cup and 1 lid per person' -> '..., 400 cup and 400 lid per person': each count
    below ten (not of cartons), by one exact head count of people (not two counts, nor 'about
    400 pax')."""
    people = {int(match.group(1)) for match in counts}
    if not PER_PERSON.search(text) or len(people) != 1:
        return text
    if any(APPROXIMATE.search(text[: match.start()]) for match in counts):
        return text
    heads = people.pop()
    masked, sizes = extract_sizes(text)
    spans = [match.span() for match in HEADCOUNT.finditer(masked)]

    def multiply(match: re.Match[str]) -> str:
        inside = any(start <= match.start() < end for start, end in spans)
        return match.group(0) if inside else str(int(match.group(1)) * heads)

    # "1 lid per guest" -> "300 lid": the words per person go with the count they multiplied
    multiplied = PER_PERSON.sub(" ", SMALL_COUNT.sub(multiply, masked))
    return MASKED_SIZE.sub(lambda m: sizes[int(m.group(1))].replace(" ", ""), multiplied)
