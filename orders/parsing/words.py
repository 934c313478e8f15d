"""Words of an order line: which can name a product, their singular, the product types named.

Pure string functions over the parser's vocabulary; imports nothing of tria but orders.parsing.
"""

from __future__ import annotations

import re

from orders.parsing.text import extract_sizes
from orders.parsing.vocabulary import (
    IRREGULAR_SINGULARS,
    SINGULAR_KEEP,
    STOPWORDS,
    TYPE_NOUNS,
    UNIT_WORDS,
)


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


# What goods are for that is no goods: "straws for the new iced drinks menu", "cups for the event"
OCCASIONS = frozenset(
    """
    menu menus event events party parties catering launch promo promotion opening festival
    wedding buffet
    """.split()  # noqa: SIM905
)


def canonical_product(words: list[str]) -> str:
    """'boxes for pizzas' -> 'pizza box'; 'paper cups' -> 'paper cup'; 'lids for cold cups' ->
    'cold cup lid' (the head noun last, as the catalogue search reads it); 'straws for the new
    drinks menu' -> 'straw' (an occasion is no product)."""
    if "for" in words:
        position = words.index("for")
        head, purpose = words[:position], [w for w in words[position + 1 :] if w != "for"]
        if head and OCCASIONS & set(purpose):
            purpose = []
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


def type_nouns(product: str) -> set[str]:
    """The product types a phrase names, ignoring what follows 'for' ('lid for cold cup')."""
    head = product.split(" for ")[0]
    return {word for word in head.split() if word in TYPE_NOUNS}


# "6 box 12oz cup", "2 boxes straws": a few boxes of a product that is no box are its cartons (the
# box is the unit, as in "1 box of straws"); "300 box 12oz cup" (boxes or pieces?) stays two
# products, a question
BOXES_OF_GOODS = re.compile(
    r"\b1?\d\s*(?:box|boxes|cases?)\s+(?=(?:§size\d+§\s*)*(?:"
    + "|".join(sorted(TYPE_NOUNS - {"box", "tissue"}))  # "2 box tissue": tissue boxes?
    + r")(?:e?s)?\b)"
)

# "napkin 2 box", "straw 1 case": a few boxes after a product that is no box are its cartons
BOXES_AFTER_GOODS = re.compile(
    r"\b((?:"
    + "|".join(sorted(TYPE_NOUNS - {"box", "tissue"}))
    + r")(?:e?s)?(?:\s*§size\d+§)*\s*\b1?\d)\s*(?:box|boxes|cases?)\b"
)


# "burger clamshell box", "clamshell burger boxes": the catalogue's name of one product, a box
CLAMSHELL_BOX = re.compile(r"\bclamshells?\s+(?=(?:burger\s+)?box)")


def head_types(segment: str) -> set[str]:
    """The product types a segment names before any 'for': 'lids for our cold cups' -> {lid}."""
    # "1 box of straws": the container is the unit, not a second product
    masked = re.sub(
        r"\d+\s*(?:box|boxes|packs?|bags?|cases?)\s+of\b", " ", extract_sizes(segment)[0]
    )
    masked = CLAMSHELL_BOX.sub(" ", masked)
    masked = BOXES_AFTER_GOODS.sub(r"\1 ", BOXES_OF_GOODS.sub(" ", masked))
    words = product_words(masked)
    head = words[: words.index("for")] if "for" in words[1:] else words
    return {singular(word) for word in head} & TYPE_NOUNS
