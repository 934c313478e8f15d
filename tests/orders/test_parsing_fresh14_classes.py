"""fresh14's classes (issue 19): a Tamil number and a half before a thousand or a hundred
("ஒன்றரை ஆயிரம்", 1500; before, 1000: a wrong order). Sentences written for this file, not taken
from any evaluation set."""

import pytest

from orders.parsing import parse_order
from tests.orders.parsing_support import asks, quantities

# ------------------------------------------- a Tamil number and a half of a thousand or a hundred


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin ரெண்டரை ஆயிரம் வேணும்", [2500]),
        ("16oz lid ஒன்றரை ஆயிரம் அனுப்புங்க", [1500]),
        ("straw moonarai aayiram", [3500]),
        ("burger box ஒன்றரை நூறு", [150]),
    ],
)
def test_a_tamil_number_and_a_half_of_a_thousand_is_read(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("napkin ஆயிரம்", [1000]),  # a thousand alone
        ("16oz lid ரெண்டாயிரம்", [2000]),
        ("straw ஆயிரத்து ஐநூறு", [1500]),
    ],
)
def test_a_tamil_thousand_without_a_half_keeps_its_reading(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text", ["16oz cup ஒன்றரை மட்டும்", "kraft bag ரெண்டரை போதும்"])
def test_a_tamil_number_and_a_half_of_nothing_asks(text):
    assert asks(text)
    assert "a fraction" in parse_order(text).doubt
