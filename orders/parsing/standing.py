"""A standing order with a change, then listed in full: the list is the order, the heading is not.

"Our usual weekly order with one change, cups are up to 3000 this week: 12oz cups 3000, 12oz lids
2000, paper straws 5000", "usual weekly one but 8oz cup this week make 2000. so is 8oz cup 2000,
...", "每周固定的单，这礼拜只改一样：吸管不要了。所以是 ...", "Order mingguan biasa, cuma minggu ni
cawan naik jadi 3000: ...", "வழக்கமான weekly order தான், ஒரே ஒரு change — ... அதனால: ...": the
customer names the standing order and its change, then lists the whole order with the change
applied. Before, the change in the heading was read as one more line (the cups twice, or a line
without a product) and the order was doubled or asked about. A heading that adds to the standing
order ("usual weekly but add these: ...") is not a full list, and stays as it was. Pure string
functions; imports nothing of tria but orders.parsing.
"""

from __future__ import annotations

import re

from orders.parsing.segments import has_quantity

# The standing order named: "usual weekly", "weekly standing order", "order mingguan", "每周固定",
# "வழக்கமான ... order"
STANDING_ORDER = re.compile(
    r"\b(?:weekly|standing|regular|usual)\s+(?:standing\s+|weekly\s+)?(?:order|one|list)\b"
    r"|\busual\s+weekly\b|\border\s+(?:mingguan|bulanan)\b|\bmingguan\s+biasa\b"
    r"|每周固定|每个?礼拜固定|固定的单|வழக்கமான"
)
# Its change named: "with one change", "but", "cuma", "只改", "只是", "加到", "naik jadi", "up to"
CHANGE_NAMED = re.compile(
    r"\bchange\b|\bbut\b|\bcuma\b|\bkecuali\b|\bexcept\b|\bup to\b|\bnaik\b|\bturun\b"
    r"|改|只是|加到|减到|不要"
)
# More goods beside the standing order: its list is no full order
ADDED_TO = re.compile(r"\b(?:add|plus|extra|tambah|also|another)\b|另加|再加|加多")
# Where the full list begins: a colon, "so is", "so it's", "所以是", "அதனால"
LIST_BEGINS = re.compile(r":(?!\d)|\bso (?:is|it'?s)\b|所以是|所以|அதனால:?")


def read_standing_change(normalised: str) -> str:
    """The text from where its full list begins, when it opens with a standing order and its
    change and the list after the last marker names two lines or more; else unchanged."""
    markers = list(LIST_BEGINS.finditer(normalised))
    if not markers:
        return normalised
    heading = normalised[: markers[-1].start()]
    listed = normalised[markers[-1].end() :]
    if not STANDING_ORDER.search(heading) or not CHANGE_NAMED.search(heading):
        return normalised
    if ADDED_TO.search(heading):
        return normalised
    lines = [part for part in re.split(r"[,\n，;]", listed) if has_quantity(part)]
    if len(lines) < 2:
        return normalised
    return listed


def lists_standing_change(text: str) -> bool:
    """'usual weekly order with one change, ...: 12oz cups 3000, ...': the message places the
    standing order in full with its change applied (an order, not a change of a placed one)."""
    return read_standing_change(text) != text


# The standing order itself named (narrower than STANDING_ORDER: not "the usual one" of a product)
STANDING_ORDER_NAMED = re.compile(
    r"\b(?:usual|regular|standing)\s+(?:weekly\s+|monthly\s+)?order\b"
    r"|\b(?:weekly|monthly)\s+(?:standing\s+)?order\b|\border\s+(?:mingguan|bulanan)\b"
    r"|每周固定|每个?礼拜固定|固定的单"
)


def adds_to_standing_order(text: str) -> bool:
    """'usual weekly order but add these: 12oz cup 1 ctn', 'our weekly order as usual, also add
    500 straws': the standing order and more goods (what is the standing order? how much of it?);
    the parser asks, as on 'the usual plus 2 ctn straws'. A standing order listed in full with its
    change (read_standing_change) has lost its heading before this is asked."""
    return bool(STANDING_ORDER_NAMED.search(text) and ADDED_TO.search(text))
