"""Quantities written as words or numerals, turned into digits before the parser reads a message.

English ("three hundred", "3 hundred", "a dozen"), Malay ("seratus", "dua ratus", "seribu lima
ratus"), Tamil ("நூறு", "இருநூறு", "ஆயிரம்"), Chinese numerals ("三百", "两千", "1千", "两百五十"),
"k" suffixes ("1k", "1.5k", "1k5") and Hokkien and Cantonese numbers in Singlish ("goh pah"). Pure
string functions; imports nothing of tria.
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
# "one" is a number before these ("one fifty" is 150, said aloud); elsewhere a pronoun
ONE_BEFORE = (
    "hundred|thousand|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    "|cartons?|ctns?|box|boxes|packs?|dozen|x|sets?|pcs|pieces?|bundles?"
)
# Malay words that are a multiplier with "se-" (one) built in.
SE_WORDS = {"seratus": "1 ratus", "seribu": "1 ribu", "sepuluh": "10"}

# Tamil, in the script and romanised. Hundreds and thousands are single words ("இருநூறு" 200,
# "இரண்டாயிரம்" 2000); a word that another number follows takes its joining form ("ஆயிரத்து
# ஐநூறு" 1500, "இருநூற்று ஐம்பது" 250), made by tamil_joining_forms. "ஆயிரம்" after a smaller
# number multiplies it ("ஐந்து ஆயிரம்" 5000), like "thousand".
TAMIL_WORDS: dict[str, int] = {
    "ஒன்று": 1,
    "ஒரு": 1,
    "ஒன்னு": 1,  # spoken
    "ஒண்ணு": 1,
    "இரண்டு": 2,
    "ரெண்டு": 2,
    "மூன்று": 3,
    "மூணு": 3,
    "நான்கு": 4,
    "நாலு": 4,
    "ஐந்து": 5,
    "அஞ்சு": 5,
    "ஆறு": 6,
    "ஏழு": 7,
    "எட்டு": 8,
    "ஒன்பது": 9,
    "ஒம்பது": 9,  # spoken
    "பத்து": 10,
    "இருபது": 20,
    "முப்பது": 30,
    "நாற்பது": 40,
    "ஐம்பது": 50,
    "அம்பது": 50,  # spoken
    "அறுபது": 60,
    "எழுபது": 70,
    "எண்பது": 80,
    "தொண்ணூறு": 90,
    "நூறு": 100,
    "இருநூறு": 200,
    "முந்நூறு": 300,
    "முன்னூறு": 300,
    "நானூறு": 400,
    "ஐநூறு": 500,
    "அறுநூறு": 600,
    "எழுநூறு": 700,
    "எண்ணூறு": 800,
    "தொள்ளாயிரம்": 900,
    "இரண்டாயிரம்": 2000,
    "ரெண்டாயிரம்": 2000,
    "மூவாயிரம்": 3000,
    "மூன்றாயிரம்": 3000,
    "நாலாயிரம்": 4000,
    "நான்காயிரம்": 4000,
    "ஐயாயிரம்": 5000,
    "ஐந்தாயிரம்": 5000,
    # spoken: "அஞ்சாயிரம்" (5000), "மூணாயிரம்" (3000), "ஒம்பதாயிரம்" (9000)
    "அஞ்சாயிரம்": 5000,
    "மூணாயிரம்": 3000,
    "ஒம்பதாயிரம்": 9000,
    "ஆறாயிரம்": 6000,
    "ஏழாயிரம்": 7000,
    "எட்டாயிரம்": 8000,
    "ஒன்பதாயிரம்": 9000,
    "பத்தாயிரம்": 10000,
    # romanised, as typed on a phone
    "onnu": 1,
    "oru": 1,
    "rendu": 2,
    "randu": 2,
    "irandu": 2,
    "moonu": 3,
    "munu": 3,
    "naalu": 4,
    "nalu": 4,
    "anju": 5,
    "ainthu": 5,
    "aindhu": 5,
    "aaru": 6,
    "ezhu": 7,
    "ettu": 8,
    "onbathu": 9,
    "pathu": 10,
    "irupathu": 20,
    "muppathu": 30,
    "ambathu": 50,
    "aimbathu": 50,
    "nooru": 100,
    "nuru": 100,
    "irunooru": 200,
    "irunuru": 200,
    "munnooru": 300,
    "naanooru": 400,
    "nanooru": 400,
    "ainooru": 500,
    "anjooru": 500,
    "anjuru": 500,
    "munnuru": 300,
    "naanuru": 400,
    "arunooru": 600,
    "arunuru": 600,
    "aranooru": 600,
    "ezhunooru": 700,
    "elunooru": 700,
    "ennooru": 800,
    "ennuru": 800,
    "tholaayiram": 900,
    "tholayiram": 900,
    "moovaayiram": 3000,
    "naalaayiram": 4000,
    "nalayiram": 4000,
    "aaraayiram": 6000,
    "ezhaayiram": 7000,
    "ettaayiram": 8000,
    "rendaayiram": 2000,
    "rendayiram": 2000,
    "moovayiram": 3000,
    "anjaayiram": 5000,
    "anjayiram": 5000,
    "pathaayiram": 10000,
    "pathayiram": 10000,
}
TAMIL_THOUSAND = {"ஆயிரம்", "aayiram", "ayiram", "aayram"}
TAMIL_JOINING_ROMAN = {"aayirathu": 1000, "ayirathu": 1000, "noothi": 100, "nootru": 100}


# "ஒன்றரை" (one and a half: ஒன்று + அரை), spoken "ஒண்ணரை", "ரெண்டரை" (two and a half): the
# whole number of a number and a half. Before a thousand or a hundred they are a number ("ஒன்றரை
# ஆயிரம்" 1500); before a carton, half cartons (text.numbers_and_a_half); elsewhere a fraction.
TAMIL_AND_A_HALF = {
    "ஒன்றரை": 1,
    "ஒண்ணரை": 1,
    "ஒன்னரை": 1,
    "இரண்டரை": 2,
    "ரெண்டரை": 2,
    "மூன்றரை": 3,
    "மூணரை": 3,
    "நான்கரை": 4,
    "நாலரை": 4,
    "ஐந்தரை": 5,
    "அஞ்சரை": 5,
    "onnarai": 1,
    "rendarai": 2,
    "moonarai": 3,
}
TAMIL_HALF_OF = re.compile(
    rf"(?<![\w\u0B80-\u0BFF])({'|'.join(TAMIL_AND_A_HALF)})\s*"
    r"(ஆயிரம்|aayiram|ayiram|thousand|நூறு|nooru|hundred)(?![\w\u0B80-\u0BFF])"
)


def replace_tamil_halves(text: str) -> str:
    """'ஒன்றரை ஆயிரம்' -> '1500', 'ரெண்டரை நூறு' -> '250'."""

    def replace(match: re.Match[str]) -> str:
        unit = 100 if match.group(2) in {"நூறு", "nooru", "hundred"} else 1000
        return f" {TAMIL_AND_A_HALF[match.group(1)] * unit + unit // 2} "

    return TAMIL_HALF_OF.sub(replace, text)


def tamil_joining_forms(words: dict[str, int]) -> dict[str, int]:
    """The form a Tamil number word takes before another: ம் -> த்து, று -> ற்று, து -> த்து/த்தி."""
    forms: dict[str, int] = {}
    for word, value in words.items():
        if word.isascii():
            continue
        if word.endswith("ம்"):
            forms[word[:-2] + "த்து"] = value
            # spoken: "ஆயிரத்தி ஐநூறு" (1500)
            forms[word[:-2] + "த்தி"] = value
        elif word.endswith("று"):
            forms[word[:-2] + "ற்று"] = value
            if value >= 100:
                # spoken: "இருநூத்தி அம்பது" (250), "நூத்து இருபது" (120)
                forms[word[:-2] + "த்தி"] = value
                forms[word[:-2] + "த்து"] = value
        elif word.endswith("து") and value >= 20:
            forms[word[:-2] + "த்து"] = value
            forms[word[:-2] + "த்தி"] = value
    return forms


TAMIL_VALUES: dict[str, int] = {
    **TAMIL_WORDS,
    **tamil_joining_forms({**TAMIL_WORDS, "ஆயிரம்": 1000}),
    **TAMIL_JOINING_ROMAN,
}
_TAMIL_TOKEN = "|".join(
    re.escape(w) for w in sorted([*TAMIL_VALUES, *TAMIL_THOUSAND], key=len, reverse=True)
)
# A run of Tamil number words; a Tamil word is delimited by anything that is not a Tamil letter
# (Python's \b does not see Tamil vowel signs as word characters).
TAMIL_RUN = re.compile(
    rf"(?<![\w\u0B80-\u0BFF])(?:{_TAMIL_TOKEN})(?:\s+(?:{_TAMIL_TOKEN}))*(?![\w\u0B80-\u0BFF])"
)


def tamil_value(words: list[str]) -> int:
    """'ஆயிரத்து ஐநூறு' -> 1500, 'ஐந்து ஆயிரம்' -> 5000, 'இருநூற்று ஐம்பது' -> 250."""
    total = current = 0
    for word in words:
        if word in TAMIL_THOUSAND or TAMIL_VALUES.get(word) == 1000:
            total, current = total + max(current, 1) * 1000, 0
        elif TAMIL_VALUES[word] == 100 and 0 < current < 10:
            current *= 100  # "moonu nooru" (three hundred), as the spoken form "munnooru"
        else:
            current += TAMIL_VALUES[word]
    return total + current


# A vowel sign where a joining form ending in "ு" meets a word starting with a vowel, as written
# in one word: "இருநூற்றைம்பது" = இருநூற்று + ஐம்பது (250), "ஆயிரத்தைநூறு" = ஆயிரத்து + ஐநூறு.
TAMIL_VOWEL_SIGNS = {"ை": "ஐ", "ெ": "எ", "ே": "ஏ", "ொ": "ஒ", "ோ": "ஓ", "ி": "இ", "ா": "ஆ"}


def split_fused_tamil(text: str) -> str:
    """Two Tamil number words written as one ('இருநூற்றைம்பது') as two ('இருநூற்று ஐம்பது');
    with the inherent vowel too: 'நூத்தம்பது' = நூத்து + அம்பது (150)."""

    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        for first, second in fused_readings(word):
            if first in TAMIL_VALUES and second in TAMIL_VALUES:
                return f"{first} {second}"
        return word

    return re.sub(r"[\u0B80-\u0BFF]+", split, text)


TAMIL_CONSONANT = re.compile(r"[\u0B95-\u0BB9]")
TAMIL_SIGN = re.compile(r"[\u0BBE-\u0BCD]")


def fused_readings(word: str) -> list[tuple[str, str]]:
    """Where a joining form ending in "ு" may meet a number word starting with a vowel: a vowel
    sign ('ை' for ஐ) or a consonant without a sign (its inherent அ)."""
    readings = []
    for index, letter in enumerate(word[1:], start=1):
        if letter in TAMIL_VOWEL_SIGNS:
            readings.append((word[:index] + "ு", TAMIL_VOWEL_SIGNS[letter] + word[index + 1 :]))
        following = word[index + 1 : index + 2]
        if TAMIL_CONSONANT.match(letter) and following and not TAMIL_SIGN.match(following):
            readings.append((word[: index + 1] + "ு", "அ" + word[index + 1 :]))
    return readings


# "சனிக்கிழமை ஒரு கல்யாண order இருக்கு" (there is a wedding order on Saturday), "ஒரு function
# order", "oru order": "a" before an order (and a word of what kind), no count of goods; not "ஒரு
# பெட்டி order", "oru carton order" (one box, one carton)
TAMIL_ARTICLE = re.compile(
    r"(?<![\u0B80-\u0BFF\w])(?:ஒரு|oru)\s+"
    r"(?=(?:(?:(?!பெட்டி|டஜன்|கட்டு)[\u0B80-\u0BFF]+"
    r"|(?!(?:cartons?|ctns?|karton|box|boxes|packs?|pkts?|bundles?|sets?|dozen|pcs)\b)[a-z]+)\s+)?"
    r"(?:order|ஆர்டர்))"
)


def replace_tamil_numbers(text: str) -> str:
    text = TAMIL_ARTICLE.sub(" ", split_fused_tamil(text))
    return TAMIL_RUN.sub(lambda m: tamil_run_value(m.group(0).split()), text)


def tamil_run_value(words: list[str]) -> str:
    """The digits of a run of Tamil number words; two digit words in a row are two quantities:
    'rendu moonu carton' is two or three cartons ('2 or 3'), not five."""
    for index in range(len(words) - 1):
        if is_digit_word(TAMIL_VALUES.get(words[index])) and is_digit_word(
            TAMIL_VALUES.get(words[index + 1])
        ):
            first, rest = words[: index + 1], words[index + 1 :]
            return f" {tamil_value(first)} or {tamil_value(rest)} "
    return f" {tamil_value(words)} "


TENS = frozenset({20, 30, 40, 50, 60, 70, 80, 90})


def is_digit_word(value: int | None) -> bool:
    """A number word of one digit (1-9): two of them in a row name a range, not a sum."""
    return value is not None and 1 <= value <= 9


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
    """'三百' -> 300, '两百五十' -> 250, '1千' -> 1000, '一千五百' -> 1500, '一千五' -> 1500."""
    total = section = 0
    digit: int | None = None
    if re.search(r"[一二两三四五六七八九]{2}", numeral):
        return None  # "一两千": one or two thousand, a doubt (vocabulary.DOUBT_PATTERNS)
    chars = re.findall(r"\d+|.", numeral)
    last_is_digit = chars[-1] in CHINESE_DIGITS or re.fullmatch(r"\d", chars[-1])
    if len(chars) >= 2 and chars[-2] in "百千万" and last_is_digit and "零" not in chars:
        # spoken short form: "一千五" is 1500, "两百五" 250, "三万五" 35000 (the digit is the next
        # place down), and with the one left out, "千五" 1500, "万二" 12000; "一千零五" is 1005
        chars.append({"百": "十", "千": "百", "万": "千"}[chars[-2]])
    for char in chars:
        if char.isdigit():
            digit = int(char)
        elif char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif char in CHINESE_UNITS:
            unit = CHINESE_UNITS[char]
            if unit == 10000:
                total = ((total + section + (digit or 0)) or 1) * unit  # "万二": one ten thousand
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
    # two digits in a row before a measure word: "两三箱", "七八个" is a range (two or three)
    text = re.sub(
        r"([一二两三四五六七八九])([一二两三四五六七八九])(?=\s*(?:个|箱|套|张|支|包|条|盒|pcs|carton|sets|pack|box)\b)",
        lambda m: f" {CHINESE_DIGITS[m.group(1)]} or {CHINESE_DIGITS[m.group(2)]} ",
        text,
    )
    # a lone digit character before a measure word or a size unit: "一箱", "两箱", "八安士"
    return re.sub(
        r"([一二两三四五六七八九])(?=\s*(?:个|箱|套|张|支|包|条|盒|pcs|carton|sets|pack|oz|inch|ml)\b)",
        lambda m: f" {CHINESE_DIGITS[m.group(1)]} ",
        text,
    )


# Hokkien and Cantonese numbers as Singlish writes them: a digit, then a hundred or a thousand
# ("goh pah" 500, "nng chieng" 2000, "sam pak" 300, "yi chin" 2000). Only the pair is read: alone,
# "sa", "go" or "sam" are other words.
DIALECT_DIGITS: dict[str, int] = {
    # Hokkien
    "chit": 1,
    "nng": 2,
    "neng": 2,
    "lng": 2,
    "sa": 3,
    "sann": 3,
    "si": 4,
    "goh": 5,
    "gor": 5,
    "lak": 6,
    "chhit": 7,
    "peh": 8,
    "pueh": 8,
    "kau": 9,
    # Cantonese
    "yat": 1,
    "yi": 2,
    "sam": 3,
    "sei": 4,
    "ng": 5,
    "luk": 6,
    "chat": 7,
    "baat": 8,
    "gau": 9,
}
DIALECT_MULTIPLIERS: dict[str, int] = {
    "pah": 100,
    "pa": 100,
    "pak": 100,
    "bak": 100,
    "baak": 100,
    "chieng": 1000,
    "cheng": 1000,
    "ching": 1000,
    "chin": 1000,
    "cin": 1000,
}
DIALECT_NUMBER = re.compile(
    rf"\b({'|'.join(DIALECT_DIGITS)})\s+({'|'.join(DIALECT_MULTIPLIERS)})\b"
)
# "1k5" (1500), "2k2": a thousand and the hundreds after it
THOUSANDS_AND_HUNDREDS = re.compile(r"(?<![a-z0-9_.])(\d+)k(\d)(?![\d.])")


def replace_dialect_numbers(text: str) -> str:
    """'8oz lid goh pah' -> '8oz lid 500', 'cup 12oz 1k5' -> 'cup 12oz 1500'."""
    text = DIALECT_NUMBER.sub(
        lambda m: str(DIALECT_DIGITS[m.group(1)] * DIALECT_MULTIPLIERS[m.group(2)]), text
    )
    return THOUSANDS_AND_HUNDREDS.sub(
        lambda m: str(int(m.group(1)) * 1000 + int(m.group(2)) * 100), text
    )


def thousands(match: re.Match[str]) -> str:
    return str(round(float(match.group(1)) * 1000))


def replace_number_words(text: str) -> str:
    """'four hundred and fifty' -> '450', '3 hundred' -> '300', 'dua ratus' -> '200'."""
    text = re.sub(r"\bhalf (?:a )?dozen\b", "6", text)
    text = VOICE_HOMOPHONES.sub(homophone_number, text)
    text = re.sub(r"\ba couple (?:of )?\b", "2 ", text)
    text = re.sub(r"\b(?:a|one) (hundred|thousand)\b", r"one \1", text)
    text = re.sub(
        # "a full carton of the large ones": one carton
        r"\ban? (?:(?:full|whole|single) )?"
        r"(cartons?|ctns?|box|pack|packet|bundle|case|sleeve|roll)\b",
        r"1 \1",
        text,
    )
    # "two cartons of napkins and one of straws": one of the unit of the line before it
    text = ONE_OF_THE_UNIT.sub(r"\g<line>1 \g<unit> of", text)
    # "one" is a pronoun ("the paper one") unless a multiplier or a unit follows it
    text = re.sub(rf"\bones?\b(?!\s*(?:{ONE_BEFORE})\b)", " ", text)
    for word, replacement in SE_WORDS.items():
        text = re.sub(rf"\b{word}\b", replacement, text)
    # "two three cartons", "dua tiga karton": two digit words in a row are a range, not a sum
    text = DIGIT_WORD_PAIR.sub(r"\1 or \2", text)
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


# "2 cartons of napkins and one of straws", "3 packs of lids, one of cups": "one of" after a line
# counted in a unit is one of that unit (before, "one" was a pronoun and the straws took 2 cartons)
ONE_OF_THE_UNIT = re.compile(
    r"(?P<line>\b(?:\d+|[a-z]+)\s+(?P<unit>cartons?|ctns?|packs?|packets?|boxes|bundles?|cases?)"
    r"\s+of\s+[a-z\d ]+?(?:,\s*|\s+and\s+|\s*&\s*))one of\b"
)


# Voice-to-text writes "four" and "two" as the words that sound the same: "for hundred burger
# box" (400), "too thousand" (2000), "too carton" (2 cartons). Only right before a multiplier
# or a unit, where neither word can be what it is elsewhere ("for 2 ctn", "too many").
VOICE_HOMOPHONES = re.compile(
    r"\b(?:(for)|(too))\s+(?=(?:hundred|thousand)\b|(?(2)(?:cartons?|ctns?)\b|(?!)))"
)


def homophone_number(match: re.Match[str]) -> str:
    """The digit word a homophone stands for ("for" four, "too" two)."""
    return "four " if match.group(1) else "two "


_DIGIT_WORDS = "|".join(word for word, value in NUMBER_WORDS.items() if 1 <= value <= 9)
DIGIT_WORD_PAIR = re.compile(rf"\b({_DIGIT_WORDS})\s+({_DIGIT_WORDS})\b")


def read_number_words(words: list[str], start: int) -> tuple[int, int]:
    """Read a run of number words (or 'N hundred') from words[start]: (value, tokens consumed)."""
    total = current = pending = 0
    consumed = 0
    index = start
    while index < len(words):
        word = words[index]
        if word in NUMBER_WORDS:
            if consumed and not pending and size_follows(words, index):
                break  # "two thousand twelve-ounce cups": 2000 cups of 12 oz, not 2012
            if is_digit_word(pending) and NUMBER_WORDS[word] in TENS:
                pending *= 100  # spoken "seven fifty" is 750 (no one says 57 so), "two twenty" 220
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
        elif consumed and (word.strip() == "" or word == "and" or compound_hyphen(words, index)):
            index += 1
            continue
        else:
            break
        index += 1
        consumed = index - start
    return (total + current + pending, consumed) if consumed else (0, 0)


def compound_hyphen(words: list[str], index: int) -> bool:
    """words[index] is the hyphen of a compound number: 'twenty-five hundred' (2500; before, 20
    was read and the rest lost). Not between two digit words: 'two-three cartons' is a range."""
    if words[index].strip() != "-" or index == 0 or index + 1 >= len(words):
        return False
    before, after = NUMBER_WORDS.get(words[index - 1]), NUMBER_WORDS.get(words[index + 1])
    return before in TENS and after is not None and 1 <= after <= 9


SIZE_UNIT_WORDS = frozenset({"oz", "ounce", "ounces", "inch", "inches", "ml"})


def size_follows(words: list[str], index: int) -> bool:
    """The number words from words[index] are a size: a unit of size comes right after them."""
    for word in words[index:]:
        if word in NUMBER_WORDS or word.strip() in ("", "-"):
            continue
        return word in SIZE_UNIT_WORDS
    return False


def next_is_multiplier(words: list[str], index: int) -> bool:
    following = [w for w in words[index + 1 : index + 3] if w.strip()]
    return bool(following) and following[0] in MULTIPLIERS
