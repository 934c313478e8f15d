"""Slips of people who type fast, put right before the words are read.

Only slips real writers make of the words an order is made of: our product words and units, the
number words, and a number glued to its unit. Chinese written in traditional characters ("紙巾兩箱")
is read as the simplified the lexicon knows; a Chinese input method's homophone picked for a
product word ("纸被" for 纸杯, "西管" for 吸管) is that product word, only where the slip can mean
nothing else; Malay number words written short or as said ("lima pulh", "tiga ratos", "sribu");
English product words and units slipped ("lidd", "stra", "crtn", "papercup") and the week
written short ("last wk"); a number glued to a
size or unit word ("14inch", "8inci", "1karton", "2crtn", and "16ox", the z's neighbour on the
keyboard). Pure string functions; imports nothing of tria.
"""

from __future__ import annotations

import re

# Traditional characters of the words an order is written with, as simplified Chinese
TRADITIONAL = str.maketrans(
    {
        "紙": "纸",
        "兩": "两",
        "蓋": "盖",
        "個": "个",
        "張": "张",
        "隻": "只",
        "萬": "万",
        "膠": "胶",
        "熱": "热",
        "飲": "饮",
        "凍": "冻",
        "裝": "装",
        "號": "号",
        "貨": "货",
        "單": "单",
        "樣": "样",
        "還": "还",
        "訂": "订",
        "謝": "谢",
        "請": "请",
        "來": "来",
        "後": "后",
        "過": "过",
        "幫": "帮",
        "給": "给",
        "雙": "双",
        "時": "时",
        "點": "点",
        "開": "开",
        "們": "们",
        "麼": "么",
        "盤": "盘",
        "塊": "块",
        "條": "条",
        "長": "长",
        "問": "问",
        "這": "这",
        "讓": "让",
        "週": "周",
        "禮": "礼",
    }
)

# A Chinese input method's homophone for a product word: the slip, where it can mean nothing else
# ("纸被" is no word; "大概" is "about", so 概 is a lid only after a size)
_CHINESE_SLIPS: tuple[tuple[str, str], ...] = (
    (r"纸(?:被|背|悲)", "纸杯"),
    (r"(?<=安士|盎司)(?:被|背)", "杯"),
    (r"(?<=安士|盎司)(?:概|钙|该)", "盖"),
    (r"(?<!东)(?:西|希|息)管", "吸管"),
    (r"(?:参|惨|残|蚕)具", "餐具"),
    (r"汉堡(?:和|合|河)(?=\s*(?:\d|[一二两三四五六七八九十百千]))", "汉堡盒"),
    (r"(?:大|达|搭)包(?:盒|和)", "打包盒"),
    (r"纸(?:斤|金|今)", "纸巾"),
)
_COMPILED_CHINESE = tuple((re.compile(slip), right) for slip, right in _CHINESE_SLIPS)

# Words slipped by fast thumbs: Malay number words written as said or short, English product
# words and units with a letter doubled, dropped or run together
WORD_SLIPS: dict[str, str] = {
    "pulh": "puluh",
    "puloh": "puluh",
    "ratos": "ratus",
    "sratus": "seratus",
    "sratos": "seratus",
    "sribu": "seribu",
    "srebu": "seribu",
    "lidd": "lid",
    "lidds": "lids",
    "cupp": "cup",
    "cupps": "cups",
    "stra": "straw",
    "stras": "straws",
    "crtn": "ctn",
    "crtns": "ctns",
    "papercup": "paper cup",
    "papercups": "paper cups",
    "paperbag": "paper bag",
    "paperbags": "paper bags",
    "pizzabox": "pizza box",
    # the week written short: "repeat order last wk", "same as prev wk"
    "wk": "week",
    "wks": "weeks",
    "burgerbox": "burger box",
}
_WORDS = re.compile(
    r"(?<![a-z])(?:" + "|".join(sorted(WORD_SLIPS, key=len, reverse=True)) + r")(?![a-z])"
)

# "chef here.14inch box": a sentence's full stop with no space before the number opening the next
# (a word of three letters or more before it: not "no.5", "rm.50")
_GLUED_STOP = re.compile(r"(?<=[a-z]{3})\.(?=\d)")

# A number glued to a size or unit word the lexicon reads apart ("8inci", "1karton", "2crtn")
_GLUED = re.compile(r"(?<![a-z])(\d+)(inch(?:es)?|inci|karton|ktn|ox)(?![a-z])")


def restore_chinese(text: str) -> str:
    """'紙巾兩箱' -> '纸巾两箱'; '12安士纸被' -> '12安士纸杯'; '西管' -> '吸管'."""
    text = text.translate(TRADITIONAL)
    for slip, right in _COMPILED_CHINESE:
        text = slip.sub(right, text)
    return text


def _unglue(match: re.Match[str]) -> str:
    unit = match.group(2)
    return f"{match.group(1)} {'oz' if unit == 'ox' else unit}"


def restore_words(text: str) -> str:
    """Lower-cased text with its slipped order words put right: 'lima pulh' -> 'lima puluh',
    'stra 2crtn' -> 'straw 2 ctn', '16ox' -> '16 oz', '8inci' -> '8 inci', 'here.14' ->
    'here. 14'."""
    text = _WORDS.sub(lambda m: WORD_SLIPS[m.group(0)], text)
    text = _GLUED_STOP.sub(". ", text)
    return _GLUED.sub(_unglue, text)


def restore_slips(text: str) -> str:
    """Lower-cased text with the slips of fast typing put right (Chinese, then words)."""
    return restore_words(restore_chinese(text))
