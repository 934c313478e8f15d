"""The catalogue's product codes, read as the words of their products.

Customers copy the codes off an invoice or the price list ("PB-10W x 200", "BX-1000 3 ctn"); before,
a code was cut out as a reference number and the line was lost. The codes follow one scheme
(orders/demo.py): a type, then a size in the type's unit and a letter for the kind ("PB-10W" is the
white 10-inch pizza box, "CUP-16C" the 16oz cold cup); a code of the scheme with a size we do not
sell still reads as its words, and the product search finds nothing for it. Pure string functions;
imports nothing of tria.
"""

from __future__ import annotations

import re

# Sized codes: type -> (unit of the size, words of the product, {kind letter: words}); no letter is
# the plain kind ("PB-12" kraft, "CUP-12" the hot paper cup, "LID-12" the sip lid).
SIZED_CODES: dict[str, tuple[str, str, dict[str, str]]] = {
    "pb": ("inch", "pizza box", {"": "kraft", "w": "white"}),
    "cup": ("oz", "cup", {"": "hot paper", "c": "cold"}),
    "lid": ("oz", "lid", {"": "sip", "d": "dome"}),
    "bx": ("ml", "takeaway box", {"": "kraft"}),
}
# Codes of one product each.
NAMED_CODES: dict[str, str] = {
    "bg-s": "small kraft paper bag",
    "bg-l": "large kraft paper bag",
    "str-p": "paper straw",
    "nap-2": "2-ply napkin",
    "cut-w": "wooden cutlery set",
    "bur-bx": "burger box",
}
# "PB12", "BX750": the dash left out, where the type's letters are no word ("cup12" may be 12 cups)
SIZED_CODE = re.compile(
    rf"\b(?:({'|'.join(SIZED_CODES)})-|(pb|bx)(?=\d{{2}}))0*(\d{{1,4}})([a-z]?)\b"
)
NAMED_CODE = re.compile(rf"\b(?:{'|'.join(NAMED_CODES)})\b")


def read_product_codes(text: str) -> str:
    """'pb-10w x 200' -> ' 10 inch white pizza box  x 200' (lower-cased text)."""
    text = NAMED_CODE.sub(lambda m: f" {NAMED_CODES[m.group(0)]} ", text)
    return SIZED_CODE.sub(sized_code_words, text)


def sized_code_words(match: re.Match[str]) -> str:
    unit, product, kinds = SIZED_CODES[match.group(1) or match.group(2)]
    kind = kinds.get(match.group(4))
    if kind is None:
        return match.group(0)  # "cup-12x": no kind of ours, left as written
    return f" {match.group(3)} {unit} {kind} {product} "
