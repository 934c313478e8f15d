"""Quantities written as words or numerals, turned into digits before the parser reads a message.

English ("three hundred", "3 hundred", "a dozen"), Malay ("seratus", "dua ratus", "seribu lima
ratus"), Tamil ("நூறு", "இருநூறு", "ஆயிரம்"), Chinese numerals ("三百", "两千", "1千", "两百五十")
and "k" suffixes ("1k", "1.5k"). Pure string functions; imports nothing of tria.
"""

from __future__ import annotations

import re

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
    # Malay
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "lapan": 8,
    "sembilan": 9,
    "sepuluh": 10,
    "sebelas": 11,
}
MULTIPLIERS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1000,
    "ratus": 100,
    "ribu": 1000,
    "puluh": 10,
    "belas": 10,
}
ONE_BEFORE = "hundred|thousand|cartons?|ctns?|box|boxes|packs?|dozen|x|sets?|pcs|pieces?|bundles?"
# Malay words that are a multiplier with "se-" (one) built in.
SE_WORDS = {"seratus": "1 ratus", "seribu": "1 ribu", "sepuluh": "10"}

# Tamil: the hundreds and thousands are single words.
TAMIL_NUMBERS: dict[str, int] = {
    "இரண்டாயிரம்": 2000,
    "மூவாயிரம்": 3000,
    "ஐயாயிரம்": 5000,
    "ஆயிரம்": 1000,
    "தொள்ளாயிரம்": 900,
    "எண்ணூறு": 800,
    "எழுநூறு": 700,
    "அறுநூறு": 600,
    "ஐநூறு": 500,
    "நானூறு": 400,
    "முந்நூறு": 300,
    "முன்னூறு": 300,
    "இருநூறு": 200,
    "நூறு": 100,
}

CHINESE_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
CHINESE_NUMBER = re.compile(
    r"[0-9零一二两三四五六七八九]*[十百千万][零一二两三四五六七八九十百千万0-9]*"
)


def chinese_value(numeral: str) -> int | None:
    """'三百' -> 300, '两百五十' -> 250, '1千' -> 1000, '一千五百' -> 1500, '十' -> 10."""
    total = section = 0
    digit: int | None = None
    if re.search(r"[一二两三四五六七八九]{2}", numeral):
        return None  # "一两千": one or two thousand, a doubt (vocabulary.DOUBT_PATTERNS)
    for char in re.findall(r"\d+|.", numeral):
        if char.isdigit():
            digit = int(char)
        elif char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            unit = CHINESE_UNITS[char]
            if unit == 10000:
                total = (total + section + (digit or 0)) * unit
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def replace_chinese_numerals(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        value = chinese_value(match.group(0))
        return f" {value} " if value else match.group(0)

    text = CHINESE_NUMBER.sub(replace, text)
    # a lone digit character before a measure word: "一箱", "两箱"
    return re.sub(
        r"([一二两三四五六七八九])(?=\s*(?:个|箱|套|张|支|包|条|盒|pcs|carton))",
        lambda m: f" {CHINESE_DIGITS[m.group(1)]} ",
        text,
    )


def replace_tamil_numbers(text: str) -> str:
    for word, value in TAMIL_NUMBERS.items():
        text = text.replace(word, f" {value} ")
    return text


def thousands(match: re.Match[str]) -> str:
    return str(round(float(match.group(1)) * 1000))


def replace_number_words(text: str) -> str:
    """'four hundred and fifty' -> '450', '3 hundred' -> '300', 'dua ratus' -> '200'."""
    text = re.sub(r"\bhalf (?:a )?dozen\b", "6", text)
    text = re.sub(r"\ba couple (?:of )?\b", "2 ", text)
    text = re.sub(r"\b(?:a|one) (hundred|thousand)\b", r"one \1", text)
    # "one" is a pronoun ("the paper one") unless a multiplier or a unit follows it
    text = re.sub(rf"\bones?\b(?!\s*(?:{ONE_BEFORE})\b)", " ", text)
    for word, replacement in SE_WORDS.items():
        text = re.sub(rf"\b{word}\b", replacement, text)
    words = re.findall(r"[a-z]+|\d+|[^a-z\d]+", text)
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
    """Read a run of number words (or 'N hundred') from words[start]: (value, tokens consumed)."""
    total = current = pending = 0
    consumed = 0
    index = start
    while index < len(words):
        word = words[index]
        if word in NUMBER_WORDS:
            pending += NUMBER_WORDS[word]
        elif word.isdigit() and index == start and next_is_multiplier(words, index):
            pending = int(word)
        elif word in MULTIPLIERS and index > start:
            unit = MULTIPLIERS[word]
            if word == "belas":
                current, pending = current + 10 + pending, 0
            elif unit == 1000:
                total, current, pending = total + (current + pending or 1) * 1000, 0, 0
            else:
                current, pending = current + max(pending, 1) * unit, 0
        elif consumed and (word.strip() == "" or word == "and"):
            index += 1
            continue
        else:
            break
        index += 1
        consumed = index - start
    return (total + current + pending, consumed) if consumed else (0, 0)


def next_is_multiplier(words: list[str], index: int) -> bool:
    following = [w for w in words[index + 1 : index + 3] if w.strip()]
    return bool(following) and following[0] in MULTIPLIERS
