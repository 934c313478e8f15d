"""Offline order parser: turns a WhatsApp message into order items.

Pure functions of plain strings: no ORM, no network. The OpenAI parser (orders/llm.py) returns the
same dataclasses and falls back to this module, so the assistant never depends on the API being up.

What it understands (judged by tests/fixtures/order_messages.json, `python -m orders.parsing_eval`):
digits, "1,000", "1k" and number words ("four hundred", "a dozen", "half a dozen", "a couple of");
sizes ("10 inch", '10"', "10-inch", "12oz", "500ml", "1.5l", "20cm"); units and packs ("2 cartons",
"400 pcs", "3 packs of", "2 boxes of"); several items per message (lines, commas, "and", "+");
"same as last time" / "repeat my last order".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PIECES = "pcs"

# Words that always name a unit of sale when they follow a quantity ("5 ctn", "400 pcs").
UNIT_WORDS: dict[str, str] = {
    "pc": PIECES,
    "pcs": PIECES,
    "piece": PIECES,
    "pieces": PIECES,
    "nos": PIECES,
    "units": PIECES,
    "unit": PIECES,
    "ea": PIECES,
    "carton": "carton",
    "cartons": "carton",
    "ctn": "carton",
    "ctns": "carton",
    "cs": "case",
    "packet": "pack",
    "packets": "pack",
    "pkt": "pack",
    "pkts": "pack",
    "sleeve": "sleeve",
    "sleeves": "sleeve",
    "roll": "roll",
    "rolls": "roll",
    "bundle": "bundle",
    "bundles": "bundle",
}
# Words that are a unit only when followed by "of" ("2 boxes of cups"); otherwise they are the
# product itself ("400 boxes for 10 inch pizzas").
CONTAINER_UNITS: dict[str, str] = {
    "box": "box",
    "boxes": "box",
    "case": "case",
    "cases": "case",
    "pack": "pack",
    "packs": "pack",
    "bag": "bag",
    "bags": "bag",
}

SIZE_UNITS: dict[str, str] = {
    "inch": "inch",
    "inches": "inch",
    "in": "inch",
    '"': "inch",
    "”": "inch",
    "″": "inch",
    "oz": "oz",
    "ounce": "oz",
    "ounces": "oz",
    "ml": "ml",
    "l": "l",
    "ltr": "l",
    "litre": "l",
    "litres": "l",
    "liter": "l",
    "liters": "l",
    "cm": "cm",
    "mm": "mm",
    "cc": "ml",
    "g": "g",
    "gm": "g",
    "gram": "g",
    "grams": "g",
    "kg": "kg",
}

MALAY_STOPWORDS = (
    "saya kami kita nak mahu perlu tolong hantar esok untuk dan boleh bila pesan minta"
)

# Words that carry no product meaning in an order line.
STOPWORDS = frozenset(
    """
    a an the of for to and or with in on at by from our us we i me my you your pls please plz can
    could would like want wanna need needs needed get got send order ordering orders hi hello hey
    morning afternoon evening good dear boss sir madam thanks thank thx tq ty also too more extra
    another additional add some any kindly deliver delivery tomorrow tmr tmrw today asap this that
    next week monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs
    fri sat sun x qty quantity total around about approx approximately just only be is are will
    shall do have has let lets let's new same usual size sized type kind again as well okay ok
    yes yeah yep hmm lah leh ah ya eh one make it there outlet shop branch store kitchen
    tria gimme we're i'm we've we'll i'll we'd i'd running low out urgent urgently top up help
    """.split()  # noqa: SIM905 - a word list reads better as text
    + MALAY_STOPWORDS.split()
)

NUMBER_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000}

REPEAT_PATTERNS = (
    r"\bsame (?:order |thing |stuff |items? )?as (?:last|previous|before|the last)",
    r"\b(?:repeat|redo) (?:my |our |the )?(?:last|previous|usual)",
    r"\bsame as usual\b",
    r"\bthe usual\b",
    r"\bsame order\b",
    r"\bsame as before\b",
)

# A few Malay and Chinese words seen in orders, mapped to the English the parser reads. (OpenAI
# handles free-form Chinese, Malay and Tamil; this keeps the common phrasings working offline.)
LEXICON: dict[str, str] = {
    "披萨盒": " pizza box ",
    "比萨盒": " pizza box ",
    "纸杯": " paper cup ",
    "杯盖": " cup lid ",
    "杯子": " cup ",
    "纸袋": " paper bag ",
    "吸管": " straw ",
    "餐巾纸": " napkin ",
    "饭盒": " lunch box ",
    "汤碗": " soup bowl ",
    "寸": " inch ",
    "个": " pcs ",
    "箱": " carton ",
    "kotak pizza": "pizza box",
    "cawan kertas": "paper cup",
    "beg kertas": "paper bag",
    "kotak": "box",
    "cawan": "cup",
    "karton": "carton",
    "kertas": "paper",
    "penutup": "lid",
    "beg": "bag",
    "sudu": "spoon",
    "garpu": "fork",
    "bekas": "container",
    "tisu": "napkin",
}
IRREGULAR_SINGULARS = {"knives": "knife", "glasses": "glass", "boxes": "box", "dishes": "dish"}
SINGULAR_KEEP = frozenset({"glass", "bus", "gas", "less", "plus", "cutlery", "fries"})

SEGMENT_SPLIT = re.compile(r"\n|;|,|\+|&|\band\b|\bplus\b|\balso\b|•|·|\s-\s")
NUMBER = r"\d+(?:\.\d+)?"
SIZE_RE = re.compile(
    rf"(?<![a-z0-9_.])({NUMBER})\s*(?:-\s*)?(inches|inch|ounces|ounce|oz|ml|ltr|litres|litre|liters|liter|cm|mm|cc|kg|gm|grams|gram|g|l)\b"
    rf"|(?<![a-z0-9_.])({NUMBER})(in)\b"
    rf"|(?<![a-z0-9_.])({NUMBER})\s*([\"”″])"
)
PLACEHOLDER = "§size{}§"
GLUED_UNITS = "pcs|pc|ctns?|cartons?|pkts?|packs?|nos|units?|sleeves?|rolls?"


@dataclass(frozen=True)
class ParsedItem:
    """One order line as the customer wrote it: product phrase, how many, what size, which unit."""

    product: str
    quantity: int
    unit: str = PIECES
    size: str | None = None

    def describe(self) -> str:
        size = f"{display_size(self.size)} " if self.size else ""
        unit = "" if self.unit == PIECES else f" {self.unit}{'s' if self.quantity != 1 else ''} of"
        return f"{self.quantity}{unit} x {size}{self.product}".replace(" of x ", " of ")


@dataclass(frozen=True)
class ParsedOrder:
    """What a message asks for: its items, or a repeat of the last order, or nothing."""

    items: list[ParsedItem] = field(default_factory=list)
    repeat_last: bool = False
    source: str = "offline"

    @property
    def is_empty(self) -> bool:
        return not self.items and not self.repeat_last


def parse_order(text: str) -> ParsedOrder:
    """Parse the items of an order message; an empty ParsedOrder when it names none."""
    normalised = normalise_text(text)
    repeat_last = any(re.search(pattern, normalised) for pattern in REPEAT_PATTERNS)
    items: list[ParsedItem] = []
    for segment in split_segments(normalised):
        item = parse_segment(segment)
        if item is not None and not item.product and items:
            # "40 12 inch pizza boxes and 40 10 inch": the product carries over
            item = ParsedItem(items[-1].product, item.quantity, item.unit, item.size)
        if item is not None and item.product:
            items.append(item)
    return ParsedOrder(items=items, repeat_last=repeat_last and not items)


def normalise_text(text: str) -> str:
    """Lower-case, unify quotes and separators, turn number words and 1,000 / 1k into digits."""
    text = text.lower().replace("’", "'").replace("×", " x ").replace("*", " x ")
    text = translate_words(text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"(?<![a-z0-9_.])(\d+(?:\.\d+)?)k\b", thousands, text)
    text = re.sub(r"(?<=\d)x(?=\s|\d|$)", " x ", text)
    text = re.sub(r"(?<=\s)x(?=\d)", "x ", text)
    text = re.sub(rf"(\d)({GLUED_UNITS})\b", r"\1 \2", text)
    return replace_number_words(text)


def thousands(match: re.Match[str]) -> str:
    return str(int(float(match.group(1)) * 1000))


def translate_words(text: str) -> str:
    for word, english in LEXICON.items():
        if word.isascii():
            text = re.sub(rf"\b{word}\b", english, text)
        else:
            text = text.replace(word, english)
    return text


def replace_number_words(text: str) -> str:
    """'four hundred and fifty' -> '450', 'a dozen' -> '12', 'half a dozen' -> '6'."""
    text = re.sub(r"\bhalf (?:a )?dozen\b", "6", text)
    text = re.sub(r"\b(\d+) dozens?\b", lambda m: str(int(m.group(1)) * 12), text)
    text = re.sub(r"\ba couple (?:of )?\b", "2 ", text)
    text = re.sub(r"\b(?:a|one) (hundred|thousand)\b", r"one \1", text)
    words = re.findall(r"[a-z]+|[^a-z]+", text)
    out: list[str] = []
    index = 0
    while index < len(words):
        value, consumed = read_number_words(words, index)
        if consumed:
            out.append(str(value))
            index += consumed
        else:
            out.append(words[index])
            index += 1
    text = "".join(out)
    text = re.sub(r"\b(\d+) dozens?\b", lambda m: str(int(m.group(1)) * 12), text)
    return re.sub(r"\b(?:a )?dozen\b", "12", text)


def read_number_words(words: list[str], start: int) -> tuple[int, int]:
    """Read a run of number words from words[start]; returns (value, tokens consumed)."""
    total = current = 0
    consumed = last_number_end = 0
    index = start
    while index < len(words):
        word = words[index]
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word in MULTIPLIERS and (current or consumed):
            current = max(current, 1) * MULTIPLIERS[word]
            if MULTIPLIERS[word] == 1000:
                total, current = total + current, 0
        elif consumed and (word.strip() == "" or word == "and"):
            index += 1
            continue
        else:
            break
        index += 1
        consumed = index - start
        last_number_end = consumed
    if not last_number_end:
        return 0, 0
    return total + current, last_number_end


def split_segments(text: str) -> list[str]:
    """Split into one segment per item; a piece without a quantity joins its neighbour."""
    pieces = [piece.strip() for piece in SEGMENT_SPLIT.split(text)]
    pieces = [piece for piece in pieces if piece]
    segments: list[str] = []
    carry = ""
    for index, piece in enumerate(pieces):
        next_piece = pieces[index + 1] if index + 1 < len(pieces) else ""
        if has_quantity(piece):
            segments.append(f"{carry} {piece}".strip())
            carry = ""
        elif (
            has_product_words(piece) and segments and not carry and not is_bare_quantity(next_piece)
        ):
            segments[-1] = f"{segments[-1]} {piece}"
        else:
            carry = f"{carry} {piece}".strip()
    return segments


def has_quantity(piece: str) -> bool:
    return find_quantity(extract_sizes(piece)[0]) is not None


def is_bare_quantity(piece: str) -> bool:
    """'1000', '400 pcs', 'x 2 ctn': a quantity waiting for the product named before it."""
    masked = extract_sizes(piece)[0]
    return has_quantity(piece) and not product_words(masked) and "§" not in masked


def has_product_words(text: str) -> bool:
    masked, sizes = extract_sizes(text)
    return bool(sizes) or bool(product_words(masked))


def extract_sizes(text: str) -> tuple[str, list[str]]:
    """Replace every size with a placeholder; returns (masked text, canonical sizes in order)."""
    sizes: list[str] = []

    def replace(match: re.Match[str]) -> str:
        number = match.group(1) or match.group(3) or match.group(5)
        unit = match.group(2) or match.group(4) or match.group(6)
        sizes.append(format_size(number, SIZE_UNITS[unit]))
        return f" {PLACEHOLDER.format(len(sizes) - 1)} "

    return SIZE_RE.sub(replace, text), sizes


def format_size(number: str, unit: str) -> str:
    """Canonical size: '10 inch', '12 oz', '500 ml', '1.5 l'."""
    value = float(number)
    shown = str(int(value)) if value.is_integer() else str(value)
    return f"{shown} {unit}"


def normalise_size(text: str) -> str | None:
    """The canonical form of the first size in text ('10"' -> '10 inch'), or None."""
    sizes = extract_sizes(normalise_text(text))[1]
    return sizes[0] if sizes else None


def display_size(size: str) -> str:
    """'10 inch' -> '10-inch', '12 oz' -> '12oz' (how people write them in a sentence)."""
    number, _, unit = size.partition(" ")
    return f"{number}-inch" if unit == "inch" else f"{number}{unit}"


def find_quantity(masked: str) -> re.Match[str] | None:
    """The first number in a masked segment that is not a size."""
    return re.search(r"(?<![a-z0-9_.§])(\d+)(?![a-z0-9_.§])", masked)


def parse_segment(segment: str) -> ParsedItem | None:
    masked, sizes = extract_sizes(segment)
    match = find_quantity(masked)
    if match is None:
        return None
    quantity = int(match.group(1))
    before, after = masked[: match.start()], masked[match.end() :]
    unit, after = read_unit(after)
    if unit == "dozen":
        quantity, unit = quantity * 12, PIECES
    words = product_words(f"{before} {after}")
    size = sizes[0] if sizes else None
    if quantity <= 0 or (not words and not size):
        return None
    return ParsedItem(canonical_product(words), quantity=quantity, unit=unit, size=size)


def read_unit(after: str) -> tuple[str, str]:
    """The unit word right after the quantity (if any) and the rest of the segment."""
    match = re.match(r"\s*(?:x\s*)?([a-z]+)\.?(\s+of\b)?", after)
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


def product_words(masked: str) -> list[str]:
    """The words of a segment that can name a product, in order, with 'X for Y' kept as tokens."""
    tokens = re.findall(r"§size\d+§|[a-z][a-z'-]*|\d+", masked)
    words: list[str] = []
    for word in tokens:
        if word.startswith("§") or word.isdigit():
            continue
        if word == "for" or (word not in STOPWORDS and word not in UNIT_WORDS and len(word) > 1):
            words.append(word)
    while words and words[0] == "for":
        words.pop(0)
    while words and words[-1] == "for":
        words.pop()
    return words


def canonical_product(words: list[str]) -> str:
    """'boxes for pizzas' -> 'pizza box'; 'paper cups' -> 'paper cup'."""
    if "for" in words:
        position = words.index("for")
        head, purpose = words[:position], [w for w in words[position + 1 :] if w != "for"]
        words = purpose + head if head and purpose else head or purpose
    return " ".join(singular(word) for word in words)


def singular(word: str) -> str:
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word in SINGULAR_KEEP or len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


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
