"""A staff group chat pasted whole asks for the final list (orders/parsing/chats.py): read line by
line, it orders what someone further down took back. Sentences written for this file."""

import pytest

from orders.parsing import PASTED_CHAT, parse_order
from tests.orders.parsing_support import asks, quantities


@pytest.mark.parametrize(
    "text",
    [
        "[09:41, 05/12/2026] Ah Huat: straw 1 ctn\n[09:43, 05/12/2026] Siti: +1 and napkin 2 ctn",
        "Jess: 12oz cup 2 ctn pls\nKumar: 12oz lid 2 ctn\nJess: lids no need, got 1 ctn in store",
        "Ming: 8oz cup 1000\nAisyah: burger box 500\nMing: scrap the burger box, menu changed",
        "10:15 - Lina: 750ml box 600\n10:20 - Daniel: nvm the boxes, wait for next week\n"
        "10:21 - Lina: ok then napkin 1 ctn only",
    ],
)
def test_a_pasted_group_chat_asks_for_the_final_list(text):
    parsed = parse_order(text)
    assert asks(text)
    assert PASTED_CHAT in parsed.doubt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attn: Mr Tan\nPO: 4471\n12oz cup 2000, 12oz lid 2000", [2000, 2000]),
        ("12oz cups: 2000\nLids: 2000\nNote: no need straws this week", [2000, 2000]),
        ("Jess: 12oz cup 2 ctn and 12oz lid 2 ctn pls", [2, 2]),
        ("Deliver to: Blk 21 Jurong East\nContact: Mr Lim\nnapkin 2 ctn, straw 1 ctn", [2, 1]),
    ],
)
def test_headers_a_single_speaker_and_a_chat_without_second_thoughts_are_read(text, expected):
    assert quantities(text) == expected
    assert not asks(text)
