"""Text normalisation for the order parser: one lower-case English-ish string per message.

Contact details (emails, phone numbers, addresses after "deliver to" / "hantar ke" / "送到") are
cut out first, so they are never read as items nor echoed back; Chinese, Malay and Tamil product
words become the English words the parser reads; number words become digits; sizes are masked as
placeholders. Pure string functions; imports nothing of tria.
"""

from __future__ import annotations

import re
import unicodedata

from orders.parsing import codes, lexicon, misheard, numbers, slips, tables
from orders.parsing.vocabulary import ATTRIBUTE_WORDS, PLUS_PIECES, PRODUCT_TYPOS

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

# Where contact details or a delivery address start: the rest of that line or clause is dropped.
CONTACT_START = re.compile(
    # not "kindly send to us pizza box ...": who gets the goods, no address
    # not "boleh hantar ke sana?" (can you deliver there?): where the shop is, said before
    r"\b(?:(?:deliver(?:y)? to|send to|ship to)(?!\s+(?:us|me)\b)"
    r"|hantar ke(?!\s+(?:sana|sini|situ)\b)|address|alamat|blk"
    r"|block|call|phone|tel|hp|contact|whatsapp me|email|my email|e-mail|invoice to|bill to|attn"
    r"|attention|hubungi)\b"
    # "会送到吗" (will it arrive?) and "送到了" (it came) are no address
    r"|送到(?![吗么没了])|地址|联系|电话|打电话|அழை|முகவரி"
)
# Reference numbers are not quantities: "PO 4471", "our PO is 4471", "ref: A-1203", "order no. 55",
# "INV-20931", "ORD-2026-0412", postal codes "S529536" / "Singapore 529536".
REFERENCE = re.compile(
    # "PO 2024-118" (its parts joined by a hyphen), "订单号PO-7781" (no word break after Chinese)
    r"(?<![a-z0-9])(?:p\.?o\.?|ref(?:erence)?|quot(?:e|ation)|inv(?:oice)?)\s*"
    # "PO No. HG-PO-24117": a reference of several lettered parts; "PO号 B-3310" (PO number)
    r"(?:no\.?|number|num|#|号)?\s*(?:is|:)?\s*#?(?:[a-z]{1,4}-)*[a-z]{0,4}-?\d{3,}(?:-\d+)*\b"
    r"|(?:订单号|单号|订单编号|编号)\s*:?\s*#?[a-z]{0,4}-?\d+(?:-\d+)*\b"
    r"|\b(?:order|pesanan)\s*(?:no\.?|number|num|id|ref|#)\s*:?\s*#?[a-z]{0,4}-?\d+\b"
    # "Our account no is 5521", "customer ID: 8812" (not "for our customer 500 cups")
    r"|\b(?:account|acct|a/c|customer|cust)\s*(?:no\.?|number|num|id|#)\s*(?:is|:)?\s*#?"
    r"[a-z]{0,4}-?\d+\b"
    r"|\b(?:s|singapore)\s?\(?\d{6}\)?(?!\d)"
    # a company's registration number: "UEN 201912345K", "UEN: 53212345A"
    r"|\buen\s*(?:no\.?)?\s*:?\s*\d{8,9}[a-z]\b"
    r"|#\s?\d{3,}\b"
    r"|\b[a-z]{2,4}-\d{2,}(?:-\d+)*\b"  # "ORD-2026-0412", "INV-20931", "DO-5512"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a full stop may end the sentence after it ("..., 9123 4567."), not a decimal ("9123 4567.5")
PHONE = re.compile(r"(?<![0-9a-z_.])(?:\+?65[\s-]?)?[3689]\d{3}[\s-]?\d{4}(?!\w|\.\d)")
# "#01-23", "unit 01-23", and a basement or level unit of a mall: "B1-23", "#B2-07", "L3-12A"
UNIT_NUMBER = re.compile(r"(?:#\s*|\bunit\s*)[bl]?\d+-\d+[a-z]?\b|\b[bl]\d{1,2}-\d{1,3}[a-z]?\b")
# "我是宏茂桥328咖啡店" (I am the Ang Mo Kio 328 coffee shop): the block in a shop's name, after
# its town, is no quantity
SHOP_NAME_BLOCK = re.compile(
    r"(?<=[\u4e00-\u9fff])\d{1,4}(?=号?(?:咖啡店|咖啡室|茶室|餐室|饭店|餐厅|面包店|小吃店|熟食中心))"
)
# "Kedai no 23, Jalan Kayu", "shop no. 7", "unit no 12": the number of a shop on its street
SHOP_NUMBER = re.compile(
    r"\b(?:kedai|shop|unit|lot|stall|gerai)\s+(?:no\.?|number|nombor|#)\s*\d+[a-z]?\b"
)
# "9am", "2.30pm", and a span "2-5pm", "10 to 12pm" (its first number is no quantity either)
CLOCK_TIME = re.compile(
    r"\b(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s*(?:-|to)\s*)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b"
)
# "2-4", "10 to 12": the first hour of a span, before the hour that names its part of the day
_HOUR_SPAN = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:-|to|sampai|hingga)\s*)?"
# "9 pg", "3 ptg", "8 malam", "2-4 petang": an hour of the morning, afternoon or night (or a span
# of hours), as Malay chats write it
MALAY_HOUR = re.compile(
    rf"\b{_HOUR_SPAN}\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:pg|pagi|ptg|petang|tghari|tengahari|mlm|malam)\b"
)
# Numbers around the items that are no quantities: dates, days, times without am/pm, durations,
# prices, percentages, ordinals, and the number of a table, outlet or floor.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    # in Malay: "20-21 Julai", "12 Oktober", "mula 1 Mac", "5 Ogos"
    r"|januari|februari|mac|mei|jun|julai|ogos|oktober|disember)\b"
)  # not "maybe", "marks"
# A date in Tamil: a month's name beside its day ("நவம்பர் 9", "9 நவம்பர்"), and a day written
# as an ordinal or with the word for date ("28ஆம் தேதி", "8-ம் தேதிக்குள்", "தேதி 12")
_TAMIL_MONTH = (
    r"(?:ஜனவரி|பிப்ரவரி|மார்ச்|ஏப்ரல்|மே|ஜூன்|ஜூலை|ஆகஸ்ட்|ஆகஸ்டு|செப்டம்பர்|அக்டோபர்|நவம்பர்"
    r"|டிசம்பர்)(?![\u0B80-\u0BFF])"
)
TAMIL_DATE = re.compile(
    rf"(?<![\d.])\d{{1,2}}\s*{_TAMIL_MONTH}|(?<![\u0B80-\u0BFF]){_TAMIL_MONTH}\s*\d{{1,2}}(?![\d.])"
    r"|(?<![\d.])\d{1,2}\s*-?\s*(?:ஆம்(?![\u0B80-\u0BFF])|ம்\s*(?=தேதி))(?:\s*தேதி[\u0B80-\u0BFF]*)?"
    r"|(?<![\d.])\d{1,2}\s*தேதி[\u0B80-\u0BFF]*|தேதி\s*\d{1,2}(?![\d.])"
)
# A count of years or months in Tamil ("15 வருஷம் ஆச்சு": it has been 15 years, "மூணு மாசம்":
# three months), its number in digits or in words (read after them): no quantity
TAMIL_DURATION = re.compile(r"(?<![\d.])\d+\s*(?:வருஷ|வருட|மாச|மாத)[\u0B80-\u0BFF]*")
# Singapore's towns and estates after a block number ("the kopitiam at 201 Toa Payoh"): an
# address without a road word (not "500 cups for bedok", a town without a number before it)
TOWNS = (
    r"ang mo kio|bedok|bishan|boon lay|bukit batok|bukit merah|bukit panjang|bukit timah"
    r"|choa chu kang|clementi|geylang|hougang|jurong(?: east| west)?|kallang|marine parade"
    r"|pasir ris|punggol|queenstown|sembawang|sengkang|serangoon|tampines|toa payoh|woodlands"
    r"|yishun|tiong bahru|tanjong pagar|redhill|whampoa|eunos|kembangan|simei|paya lebar"
    r"|aljunied|bukit ho swee|telok blangah"
    # the business districts where offices' cafes sign their orders from
    r"|raffles place|orchard|bugis|novena|buona vista|harbourfront|changi(?: business park)?"
)
# A unit price written without its currency: two or three decimals, no unit of a size or a count
# after it ("0.45", "0.012"; not "1.5 ctn", "0.75l")
PRICE = (
    r"(?<![\d.])\d{0,3}\.\d{2,3}(?![\d.])"
    r"(?!\s*(?:k\b|oz|ml|l\b|ltr|litres?|inch|in\b|\"|cm|mm|kg|g\b|ctns?|cartons?|%))"
)
_ROAD_NAMED = (
    r"(?:road|rd|street|st|ave|avenue|jalan|jln|lorong|lor|drive|crescent|cres|lane|ln|boulevard"
    r"|blvd|terrace|quay)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAYS = rf"(?:{_DAY}\s*(?:-|to|&|and)\s*)?{_DAY}"
# The number of a place: a table, an outlet, a floor, a stall, a hall ("stall 14", and after number
# words "stall fourteen"), and the number in a market's or hawker centre's name ("Bedok 85 market")
PLACE_NUMBER = (
    r"\b(?:table|outlet|branch|store|shop|level|floor|lvl|lot|gate|bay|dock|door|counter|stall|"
    # and a stall's unit number after it, floor and unit: "Stall 01-45 Chinatown Complex"
    r"kiosk|meja|cawangan|tingkat|gerai|booth|blok|hall|dewan|room|bilik|pavilion|zone)"
    r"\s*#?\d+(?:-\d+[a-z]?)?\b"
    r"|\b\d+\s+(?:market|mkt|food cent(?:re|er)|hawker cent(?:re|er)|food court|kopitiam)\b"
)
# The number of a road in a town, left when no "deliver to" started the address ("our shop at
# Toa Payoh Lor 8", "Bedok North Ave 3 outlet"); cut after the address clauses, which end at it
TOWN_ROAD_NUMBER = re.compile(
    rf"\b(?:{TOWNS})(?:\s+(?:north|south|east|west|central))?\s+{_ROAD_NAMED}\s*\d{{1,2}}\b"
)
_NOT_A_QUANTITY_UNIT = r"(?!\s*(?:%|x\b|pcs|pc\b|ctns?|cartons?|nos|sets?|oz|ml|inch|in\b|\"|\d))"
NOT_QUANTITIES = re.compile(
    # "21-22 Sept", "Oct 3 to 5", "20 & 21 Jul": a span of days is a date (no quantity in it)
    rf"\b{_DAYS}\s*{_MONTH}\b|\b{_MONTH}\s+{_DAYS}\b"
    # not "12/16oz", "12/16安士盖" (a lid for both sizes): a date is no size
    r"|(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])"
    r"(?!\s*(?:(?:oz|ml|inch|inci|ounce|sip|dome|lids?)\b|安士|盎司|毫升|英寸|英吋|吋|寸|அவுன்ஸ்))"
    r"|\b\d+(?:st|nd|rd|th)\b"
    # "PO-2024-0817 (week 33)", "(wk 12)": the week of the year in brackets
    r"|\(\s*(?:week|wk|minggu)\s*\d{1,2}\s*\)"
    # "hantar 11hb", "11 hb" (hari bulan: the day of the month), "tarikh 12" (date 12)
    r"|\b\d{1,2}\s*(?:hb|haribulan|hari bulan)\b|\btarikh\s+\d{1,2}\b"
    r"|\b\d+\s*(?:days?|weeks?|months?|hours?|hrs?|mins?|minutes?|hari|minggu|bulan)\b"
    # "after 8 years of renovation", "genap 10 tahun": a count of years is no quantity either
    r"|\b\d+\s*(?:years?|yrs?|tahun|thn)\b"
    # "doing 1-for-1 promo", "buy 2 get 1 free", "beli 1 percuma 1": a promotion of the shop's own
    r"|\b\d\s*-\s*for\s*-\s*\d\b|\b\d\s+for\s+\d\s+(?=promo|deal|offer|special)"
    r"|\b(?:buy|beli)\s+\d\s+(?:get|free|percuma)\s+\d\b"
    # "this sat morning 9 to 11", "pagi 8-10": a span of hours after a part of the day
    r"|\b(?:morning|afternoon|evening|night|noon|pagi|petang|malam|tengahari|between)\s+"
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:-|to|till|until|and|sampai|hingga)\s*\d{1,2}(?:[:.]\d{2})?\b"
    # not the days of a night market: "pasar malam 12-13 Sep"
    rf"(?!\s*{_MONTH})"
    # "20、21号", "5到8号": a span of days; "8-10点", "10-12 மணிக்குள்": a span of hours
    r"|(?:\d+\s*[、,和到至~-]\s*)?\d+\s*(?:天|周|个月|小时|点|号|日|月)"
    rf"|{_HOUR_SPAN}\d+\s*(?:மணி|mani(?:kku)?\b)"
    rf"|\b(?:before|b4|bef|bfr|by|at|after|aft|since|until|till|sebelum|sblm|selepas|slps|pukul|jam)\s+\d{{1,2}}(?:[:.]\d{{2}})?\b(?!/)(?!\s*{_MONTH}){_NOT_A_QUANTITY_UNIT}"
    # (not "till 30/06": the whole date goes below, not its day alone)
    # not "the cafe at 45 Tiong Bahru": a block number before a town (an address, cut as one),
    # nor "at 63 Jalan Bukit Merah", "at 8 Ubi Road": a house number before its road (cut alone,
    # the road left without the "at" that starts the address took the order line before it)
    rf"(?!\s*(?:{TOWNS})\b)(?!(?:\s+[a-z]+){{0,3}}\s+{_ROAD_NAMED}\b)"
    r"|(?:s\$|\$|\brm|\bsgd)\s*\d+(?:\.\d+)?|\b\d+(?:\.\d+)?\s*(?:cents?|sen|dollars?|bucks|ringgit)\b"
    # "100 டாலர்" (100 dollars), "50 வெள்ளி" (50 dollars, as Singapore's Tamil says it)
    r"|\b\d+(?:\.\d+)?\s*(?:டாலர்|வெள்ளி)[\u0B80-\u0BFF]*|\d+\s*%"
    # a unit price without its currency, and the piece it is for: "0.45 each", "0.21一个" (not
    # "1 pcs" read from 一个)
    rf"|{PRICE}(?:\s*(?:each|ea|per\s+(?:pc|pcs|piece|unit|box|cup|bag|set)|/\s*(?:pc|pcs|piece)\b"
    r"|一个|一只|一张|一支|每个|sebiji))?"
    # "kitchen opens 11:30": a clock time without am/pm
    r"|(?<![\d:.])\d{1,2}:\d{2}(?![\d:])"
    rf"|{PLACE_NUMBER}"
    # the hour a shop opens: "opens 11", "kedai buka 11", "kitchen open at 10.30"
    r"|\b(?:opens?|(?:kedai|shop|kitchen|dapur|gerai|restoran)\s+(?:buka|bukak))\s+"
    rf"(?:at\s+|pukul\s+|jam\s+)?\d{{1,2}}(?:[:.]\d{{2}})?\b{_NOT_A_QUANTITY_UNIT}"
    # "customer keep asking bag for 4 cups": what one bag or box holds, no line of the order
    r"|\bfor\s+(?:[2-9]|1\d)\s+(?:cups?|drinks?|bottles?|pizzas?|bowls?|boxes)\b"
)
# "10点", "8-10点" (a span of hours), "20日", "3天", "两个小时" (two hours); money: "预算一百块" (a
# budget of 100 dollars), "预算250块", "三百元", "五十蚊"; and an address: "宏茂桥3道" (Ang Mo Kio
# Avenue 3), "5街", "3楼"
CHINESE_NOT_QUANTITIES = re.compile(
    rf"{_HOUR_SPAN}\d+\s*(?:天|周|个月|小时|钟头|点|号|日|月)|\d+(?:\.\d+)?\s*(?:块钱?|元|蚊|毛钱?)"
    r"|预算\D{0,6}\d+|\d+\s*(?:道|街|巷|楼|座)"
)
ROAD_WORDS = re.compile(
    r"\b(?:road|rd|street|st|ave|avenue|jalan|lorong|drive|crescent|cres|hill|lane|ln|boulevard"
    rf"|blvd|terrace|quay|park)\b|(?<=\d )(?:{TOWNS})\b|(?<=\d[a-z] )(?:{TOWNS})\b"
    # in Tamil letters: "45 சிராங்கூன் ரோடு" (45 Serangoon Road), "தெரு" (street)
    r"|(?<![\u0B80-\u0BFF])(?:ரோடு|ரோட்|சாலை|தெரு|ஸ்ட்ரீட்|அவென்யூ)(?![\u0B80-\u0BFF])"
)

# "harga beg kecil 0.07 kan?", "0.45 தானே?", "0.21一个对吧?": a price the customer says (and at most
# asks to have confirmed) is no question about the price, nor are its words ("price", "harga")
TAG_QUESTION = re.compile(
    r"(?:\b(?:right|correct|kan|kn|betul|hor|isn'?t it|ya|ah|still)\b|对吧|是吧|对不对|தானே|இல்லையா)"
    # "... (harga masih 14 sen kan?)": the question in brackets after the line
    r"\s*\?+[\s)）\]]*$"
)
PRICE_WORD = re.compile(r"\b(?:price|harga)\b|价钱|价格|விலை")
QUESTION_SENTENCE = re.compile(r"[^?!\n]+(?:[?!\n]+|$)")


# "harga masih 14 sen kan?", "still 9 cents right?": a price in cents, recalled (not asked about)
CENTS = re.compile(r"(?<![\d.])\d{1,2}\s*(?:sen|cents?)(?![a-z])")


def recalled_prices(text: str) -> str:
    """'hari tu harga beg kecil 0.07 kan? ok hantar 1000 lagi' -> 'hari tu  beg kecil 0.07 kan?
    ...': the price words of a sentence that writes a price and asks nothing but 'right?'."""

    def sentence(match: re.Match[str]) -> str:
        part = match.group(0)
        if not (re.search(PRICE, part) or CENTS.search(part)) or asks_a_price(part):
            return part
        return PRICE_WORD.sub(" ", part)

    return QUESTION_SENTENCE.sub(sentence, text)


def asked_prices(text: str) -> str:
    """'12oz cup 0.08 can? 3 ctn' -> '12oz cup  price  can? 3 ctn': a price asked about (not only
    'right?') is the word 'price', a question the parser asks back about; before, the number was
    dropped and the order made at a price not agreed."""

    def sentence(match: re.Match[str]) -> str:
        part = match.group(0)
        return re.sub(PRICE, " price ", part) if asks_a_price(part) else part

    return QUESTION_SENTENCE.sub(sentence, text)


def asks_a_price(sentence: str) -> bool:
    return (
        (re.search(PRICE, sentence) is not None or CENTS.search(sentence) is not None)
        and "?" in sentence
        and not TAG_QUESTION.search(sentence)
    )


# "lid 12/16": a lid's two cup sizes after it, without "oz" (the second is no month)
LID_FOR_TWO_SIZES = re.compile(r"(\blids?)\s*(\d{1,2})\s*/\s*(1[3-9]|2\d|3[0-2])(?![\d/.]|\s*oz\b)")
# "12/16oz", "12/16 sip lid": a lid sold for two cup sizes, read as the first size; "12/16 sip"
# under a "lid" heading names the sip lid by its kind alone.
SLASH_SIZE = re.compile(
    r"(?<![\d/])(\d{1,2})/\d{1,2}(?:\s*oz\b|(?=\s+(?:sip\b|(?:dome\s+)?lids?\b)))"
)
SIZE_RE = re.compile(
    r"(?<![a-z0-9_.])(\d+(?:\.\d+)?)\s*(?:-\s*)?"
    r"(inches|inch|ounces|ounce|oz|ml|ltr|litres|litre|liters|liter|cm|mm|cc|kg|gm|grams|gram|g|l)\b"
    r"|(?<![a-z0-9_.])(\d+(?:\.\d+)?)(in)\b"
    # a quote mark after at most two digits: '10"' is inches, 'napkins 5000"' closes a quotation
    r"|(?<![a-z0-9_.])(\d{1,2}(?:\.\d+)?)\s*([\"”″])"
)
# A set named by its pieces is the cutlery set: "fork spoon set", "spoon & fork sets", "set of
# knife, fork and spoon" (without "set", "spoons and forks 500" stays two products, one quantity).
_CUTLERY_PIECE = r"(?:fork|spoon|knife|knives)s?"
CUTLERY_SET = re.compile(
    rf"\b(?:{_CUTLERY_PIECE}\s*(?:,|/|&|\+|\band\b|\bn\b)?\s*){{2,}}sets?\b"
    rf"|\bsets? of (?:{_CUTLERY_PIECE}\s*(?:,|/|&|\+|\band\b|\bn\b)?\s*){{2,}}"
    # "the wooden spoon fork 1 ctn", "spoon-fork 500": two pieces written as one noun, singular
    # and joined by nothing, a hyphen or "+" (not "spoons and forks 500", "spoon/fork")
    r"|\b(?:spoon\s*[-+]?\s*fork|fork\s*[-+]?\s*spoon)\b(?!\s*(?:and|&|,|/|n\b|\+))"
)
# "the wooden spoon fork one 500 set", "spoon and fork, the set one ... 1000 set": the pieces named
# before a quantity counted in sets are the cutlery set
CUTLERY_PIECES = re.compile(rf"\b(?:{_CUTLERY_PIECE}\s*(?:,|/|&|\+|\band\b|\bn\b)?\s*){{2,}}")
COUNTED_IN_SETS = re.compile(r"(?<![\d.])\d+\s*sets?\b")
PLACEHOLDER = "§size{}§"
# A size masked by extract_sizes, its index in the sizes list as group 1.
MASKED_SIZE = re.compile(r"§size(\d+)§")
GLUED_UNITS = "pcs|pc|ctns?|cartons?|pkts?|packs?|nos|units?|sleeves?|rolls?"


CUP_DATIVE = re.compile(
    r"((?:\b(?:hot|cold|paper|plastic|pet|kraft|\d+\s*oz)\s+){0,2}\bcups?)\s*-?க்கு(?![\u0B80-\u0BFF])"
    # the lid in Tamil too: "அந்த cup-க்கு மூடி ஆயிரம்" (for that cup, a lid, a thousand)
    r"\s*((?:[a-z0-9]+\s*){0,3}?(?:\blids?\b|மூடி[\u0B80-\u0BFF]*))"
)

# "冷饮杯的圆顶盖" (the cold cup's dome lid), "热饮杯用的盖子" (the lid used on hot cups): a lid
# named by the cup it is for, Chinese's "的" after the cup, read as "dome lid for cold cup"
CUP_GENITIVE = re.compile(
    r"((?:\b(?:hot|cold|paper|plastic|pet|kraft|\d+\s*oz)\s+){0,2}\bcups?)\s*(?:用|配)?\s*的"
    r"\s*((?:[a-z0-9]+\s*){0,3}?\blids?\b)"
)

# "（热杯用的）" after a lid line (normalised "( hot cup 用的)"): the cup the lid is used on
CUP_USED_ON = re.compile(
    r"\(\s*((?:\b(?:hot|cold|paper|plastic|\d+\s*oz)\s+){0,2}\bcups?)\s*(?:用|配)的\s*\)"
)


# "..., tiong bahru comma 1500 napkins comma 500 wooden cutlery sets full stop": a voice message
# typed by dictation, its punctuation spoken as words
SPOKEN_PUNCTUATION = ((re.compile(r"\s*\bcomma\b"), ","), (re.compile(r"\s*\bfull\s?stop\b"), "."))


def read_spoken_punctuation(text: str) -> str:
    """'napkins comma 500 cutlery sets full stop' -> 'napkins, 500 cutlery sets.'"""
    for word, mark in SPOKEN_PUNCTUATION:
        text = word.sub(mark, text)
    return text


# "sorry for the late msg", "hey sorry last minute", "sorry to disturb": an apology for the
# message, not for a quantity (before, "sorry" read as a correction made the whole order a question)
APOLOGY = re.compile(
    r"\bsorry\b(?:\s+(?:ah|ya|yah|lah|boss|bro))?[\s,]*(?:for\s+)?(?:the\s+|my\s+|this\s+|a\s+)?"
    # not "sorry for the late order" (an order of its own, or this one taken back?: it asks)
    r"(?:very\s+|so\s+)?(?:(?:late|last[-\s]?minute|short)\s+(?:msg|message|notice|reply|request)\b"
    r"|last[-\s]?minute\b(?!\s+order)|to\s+(?:trouble|disturb|bother|rush)\b(?:\s+(?:you|u))?"
    # "sorry boss for disturb", "sorry for disturbing": a second-language writer's politeness
    r"|(?:disturb|disturbing|bother|bothering|trouble|troubling)\b(?:\s+(?:you|u))?)"
    # "Maaf lambat." (sorry, late), "maaf ganggu" (sorry to disturb); not "maaf lambat order"
    r"|\bmaaf\b(?:\s+(?:ya|ye|bos|boss|bang|kak))?[\s,]*(?:(?:lambat|lewat)\b"
    r"(?!\s+(?:order|pesan|tempah))(?:\s+(?:reply|balas|mesej|msg))?|(?:mengganggu|ganggu)\b)"
)
LONE_COVER = re.compile(
    r"\bcovers?\b(?!\s+(?:charge|charges|fee|fees|cost|costs|the|it|them|all|up|letter|page)\b)"
)
CUP_COVER = re.compile(r"\b(dome|flat|sip|cups?|(?:§size\d+§|\d+\s*oz))\s+cover(s?)\b")


# A forwarded or pasted e-mail: its header lines ("From: ...", "Date: Mon, 3 Jun 2024 at 09:14",
# "Subject: PO 4471") when two or more open lines, and its signature from a sign-off line alone
# ("Thanks & regards,", "Rgds") to the end (names, titles, phones, the company's UEN, a disclaimer):
# no number in them is a quantity, no "not" of them a change.
EMAIL_HEADER = re.compile(r"(?m)^[ \t>]*(?:from|sent|date|to|cc|bcc|subject|subj)\s*:.*$")
SIGN_OFF = re.compile(
    r"(?m)^[ \t]*(?:(?:thanks|thank you|many thanks|tks|thx)\s*(?:&|and|n)\s*)?"
    r"(?:(?:best|kind|warm|warmest|with)\s+)?"
    r"(?:regards|rgds|sincerely|yours (?:sincerely|faithfully))"
    r"[ \t]*[,.!]?[ \t]*$"
)


def drop_email_parts(text: str) -> str:
    """Lower-cased text without an e-mail's header lines (two or more of them) and signature."""
    if len(EMAIL_HEADER.findall(text)) >= 2:
        text = EMAIL_HEADER.sub(" ", text)
    sign_off = SIGN_OFF.search(text)
    return text[: sign_off.start()] if sign_off else text


# "12 in pizza box 300, 14 in 150": in a message of pizza boxes, "in" after a box's size is the
# inch (not "500 in 2 boxes", "12 in total": a count, and no box or number of boxes after it)
INCH_AS_IN = re.compile(
    r"(?<![\w.])(8|9|10|12|14|16|18)\s+in\b"
    r"(?=\s+(?:pizza|box|boxes|kraft|white|\d+\s*(?:pcs|nos|ctns?|cartons?)\b))"
)


# A phone's autocorrect turns a product into a real word one letter away: "8oz sip kids" (lids),
# "1 ctn paper strays" (straws). Only where the word before says which product it was (a lid's
# kind or a cup's size, a straw's material or a count); "for the kids" stays.
AUTOCORRECTED_LIDS = re.compile(r"\b(sip|dome|flat|cup|\d+\s*oz)\s+kid(s?)\b")
AUTOCORRECTED_STRAWS = re.compile(
    r"\b(paper|plastic|drinking|bubble tea|boba|\d+|ctns?|cartons?|pcs)\s+stray(s?)\b"
)


# The header row of a pasted table: column names between "|", "," or tabs, no number, a quantity's
# and another column's ("Item | Qty | Unit Price", "项目 | 数量 | 单价"): no words of the order, and
# its "price" asks nothing (not "数量也一样", the same quantity, between commas)
_COLUMN = (
    r"\b(?:item|items|description|desc|sku|code|kod|product|nama|name|price|amount|total|uom"
    r"|s/n|no\.?)\b|项目|名称|品名|单价|金额|编号"
)
TABLE_HEADER = re.compile(
    rf"(?m)^(?=[^\d\n]*[|,\t])(?=[^\d\n]*(?:{_COLUMN}))"
    r"[^\d\n]*(?:\b(?:qty|quantity|kuantiti)\b|数量)[^\d\n]*$"
)


# A Chinese digit and 打 (a dozen), not the verb 打 ("打电话", "打包", "打折", "打单")
DOZENS_IN_CHINESE = re.compile(r"([一二两三四五六七八九])\s*打(?![电包折单印开算扰烊])")


def normalise_text(text: str) -> str:
    """Lower-case, drop contact details, translate words, turn number words into digits."""
    # NFKC: full-width digits, letters and punctuation ("１２", "（PET）", "，") as ASCII; "″"
    # first, which NFKC would split into two primes.
    text = unicodedata.normalize("NFKC", text.replace("″", '"')).lower()
    # "紙巾兩箱", "12安士纸被", "lima pulh", "stra 2crtn", "8inci": the slips of fast typing
    text = slips.restore_slips(text)
    text = text.replace("’", "'").replace("×", " x ").replace("*", " x ")
    # a voice message's homophones: "tree hundred", "the ship lids", "12 once cup"
    text = misheard.hear_again(text)
    # "500–600 pcs": a dash between numbers is a range (a dash elsewhere separates, as "-" does)
    text = re.sub(r"(?<=\d)\s*[–—]\s*(?=\d)", "-", text)
    text = APOLOGY.sub(" ", read_spoken_punctuation(text))
    # "pizza box 8in 200 nd the white 10in 100": "nd" is a thumb's "and"
    text = re.sub(r"\bnd\b", " and ", text)
    text = drop_email_parts(text)
    if "pizza" in text:
        text = INCH_AS_IN.sub(r"\1 inch", text)
    # "SKU,Description,On hand,Reorder qty" above its rows: only the quantity column is read
    text = tables.read_tables(text)
    text = TABLE_HEADER.sub(" ", text)
    # "two and a half thousand napkins" (2500), "1 and a half hundred"
    text = AND_A_HALF.sub(and_a_half, text)
    # "ஒன்றரை ஆயிரம்" (one and a half thousand, 1500), "ரெண்டரை நூறு" (250); before, the half was
    # no number word and "ஆயிரம்" alone was read as 1000 (a wrong order)
    text = numbers.replace_tamil_halves(text)
    # "one and a half cartons", "ஒன்றரை carton", "2 1/2 ctn": a number and a half of cartons
    text = numbers_and_a_half(text)
    # "cold cup-க்கு 16oz dome lid" (a dome lid for the cold cups): "16oz dome lid for cold cup"
    text = CUP_DATIVE.sub(r" \2 for \1 ", text)
    # an English word with a Tamil case ending: "order-ல" (in the order), "cup-ஐ"
    # "1 carton-உம் 300 pcs-உம்" (1 carton and 300 pcs): the "and" before the ending goes
    text = TAMIL_AND_PIECES.sub(r"\1 plus ", text)
    text = re.sub(r"(?<=[a-z0-9])-[\u0B80-\u0BFF]+", " ", text)
    text = LIST_MARKER.sub(" ", text) if len(LIST_MARKER.findall(text)) > 1 else text
    text = asked_prices(recalled_prices(text))
    # "CUP-16C x 2000": a product code, before it is cut out as a reference number
    text = codes.read_product_codes(text)
    # "sip lid 12/16 3k": the lid sold for the 12 and 16oz cups, no date (no month is 16)
    text = LID_FOR_TWO_SIZES.sub(r"\1 \2/\3oz", text)
    text = strip_contact_details(text)
    text = TAMIL_DURATION.sub(" ", numbers.replace_tamil_numbers(text))
    # "burger box மூன்று டஜன்", "3 lusin sudu" (three dozen): read as "3 dozen" below
    text = re.sub(r"(?<=\d)\s*(?:டஜன்[\u0B80-\u0BFF]*|lusin\b)", " dozen ", text)
    # "汉堡盒要三打" (three dozen burger boxes); not "打电话" (call), "打包" (take away), "打折"
    text = DOZENS_IN_CHINESE.sub(lambda m: f" {numbers.CHINESE_DIGITS[m.group(1)]} dozen ", text)
    # "napkin ரெண்டு பெட்டி", "straw oru petti": a box right after a number is a carton, as 箱 is
    text = re.sub(r"(?<=\d)\s*(?:பெட்டி[\u0B80-\u0BFF]*|petti\b)", " carton ", text)
    # "cup 还有" (cups we still have) at the end of a clause is no "and"
    text = re.sub(r"还有(?=\s*(?:[,.;!?，。；！？\n]|$))", " still have ", text)
    # "one more carton", "another carton of napkins", "இன்னொரு carton": one carton
    text = ONE_MORE.sub(" 1 more ", text)
    # "untuk kedua-dua" (for both): no "dua" (two) to read as a number
    text = re.sub(r"\b(?:ke)?dua(?:-|\s)?(?:dua|2)\b", " both ", text)
    # "setiap satu" (each one): no "satu" (one) to read as a number
    text = re.sub(r"\b(?:setiap|tiap|tiap-tiap)\s+(?:satu|1)\b", " each ", text)
    # "两个小时" (two hours): the hour, before 个 and 小 are read as "pcs" and "small"
    text = re.sub(r"个?\s*(?:小时|钟头)", "钟头", text)
    text = lexicon.translate_words(text)
    text = re.sub(r"[a-z]{4,}", lambda m: PRODUCT_TYPOS.get(m.group(0), m.group(0)), text)
    text = AUTOCORRECTED_LIDS.sub(r"\1 lid\2", text)
    text = AUTOCORRECTED_STRAWS.sub(r"\1 straw\2", text)
    # "penutup untuk cawan" -> "lid for cup"; "12oz的盖子" -> "12oz 的 lid" (the size is a word);
    # "sip lid untuk hot cup" too (a kind or size of the cup between); "tudung sip yang muat
    # cawan tu" (the sip lid that fits that cup), "lid that fits the cup"
    text = re.sub(
        r"\b(?:untuk|utk|(?:yang|yg|that|which)\s+(?:muat|sesuai|fits?)(?:\s+(?:dengan|utk))?)\s+"
        r"(?=(?:the\s+|that\s+)?(?:(?:hot|cold|paper|kraft|§size\d+§|\d+\s*oz)\s+)?"
        r"(?:cups?|lids?|box(?:es)?|bags?)\b)",
        "for ",
        text,
    )
    text = re.sub(r"(?<=[a-z0-9\"])的", " 的", text)
    # "配那个杯的盖子" (the lid that goes with that cup): the lid of the cup line before
    text = re.sub(
        r"(?:配\s*)?(?:(?:那|这)\s*(?:pcs\s*)?)?\bcups?\s*的\s*(lids?)\b", r" \1 for the cup ", text
    )
    text = CUTLERY_SET.sub(" cutlery set ", text)
    if len(CUTLERY_PIECES.findall(text)) == 1 and COUNTED_IN_SETS.search(text):
        text = CUTLERY_PIECES.sub(" cutlery ", text)
    # "the dome cover 1k", "cup covers 500": a cup's cover is its lid (not "cover the cost")
    text = CUP_COVER.sub(r"\1 lid\2", text)
    # "kopi cup 8oz 1k n the cover 1k", "cover for that cup": in a message of cups a cover is a
    # lid (not "cover the cost", "cover charge")
    if re.search(r"\bcups?\b", text):
        text = LONE_COVER.sub(" lid ", text)
    text = CUP_GENITIVE.sub(r" \2 for \1 ", text)
    # "盖子两千个（热杯用的）" (lids 2000, the ones used on hot cups): the cup the lid is for
    text = CUP_USED_ON.sub(r" for \1 ", text)
    text = numbers.replace_chinese_numerals(text)
    text = CHINESE_NOT_QUANTITIES.sub(" ", text)  # "十点前" is "10点前" only now
    text = re.sub(r"(?<=\d),(?=\d{3}(?!\d|[.,]\d))", "", text)  # "5,000pcs" too
    text = SLASH_SIZE.sub(r"\1oz", text)
    text = re.sub(r"(?<=\d)x(?=\s|\d|$)", " x ", text)
    text = re.sub(r"(?<![a-z0-9])x(?=\d)", "x ", text)  # "x2k", "x300": before the k is read
    # "dome lid ctn x2": the count of cartons written after the unit (not "5000/ctn x 2", "per
    # ctn", "1 ctn x 2": a pack size or a count before it)
    text = UNIT_TIMES.sub(r" \2 \1 ", text)
    text = numbers.replace_dialect_numbers(text)
    text = re.sub(r"(?<![a-z0-9_.])(\d+(?:\.\d+)?)\s?k\b", numbers.thousands, text)
    text = re.sub(rf"(\d)({GLUED_UNITS})\b", r"\1 \2", text)
    # "12oz500 cup": a size and its quantity written as one word
    text = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?\s*(?:oz|ml|inch|cm|mm))(?=\d+\b)", r"\1 ", text)
    # "10 inch white one x100", "the small one x 200": "one" names the kind, "x100" its quantity
    text = KIND_ONE_TIMES.sub(r"\1 ", text)
    text = numbers.replace_number_words(text)
    # "ainooru (500)", "five hundred (500)": a number said again in digits is one number
    text = RESTATED_NUMBER.sub(r"\1", text)
    text = re.sub(PLACE_NUMBER, " ", text)  # "auntie from stall fourteen": no 14 ordered
    text = TOWN_ROAD_NUMBER.sub(" ", text)
    # "deliver after two o clock", "by 10 o'clock": an hour (said in words, read only now)
    text = re.sub(rf"(?<![\d.]){_HOUR_SPAN}\d{{1,2}}\s*o\s?'?\s?clock\b", " ", text)
    # "moonu mani" (three o'clock) is "3 mani" only now, "பத்து மணிக்குள்ள" (by ten o'clock)
    # "10 மணிக்குள்ள": a time, no quantity
    text = re.sub(
        rf"(?<![\d.]){_HOUR_SPAN}\d{{1,2}}\s*(?:mani(?:kku)?\b|மணி[\u0B80-\u0BFF]*)", " ", text
    )
    text = PAST_DELIVERY.sub(" ", text)
    text = LID_FOR_THE_CUP.sub(r"\1 ", text)
    text = takeaway_as_a_box(text)
    text = size_of_the_line_before(text)
    text = HALF_CARTONS.sub(half_cartons, text)
    text = PACKS_OF.sub(pieces_in_packs, text)
    text = ONE_PACK_COUNTED.sub(lambda m: f" {m.group(1) or m.group(2)} pcs ", text)
    text = CARTONS_PLUS_PIECES.sub(rf"\1 {PLUS_PIECES} ", text)
    text = PLY.sub(ply_word, text)
    text = SAME_AMOUNT_AFTER_A_LINE.sub(r"\1 , ", text)
    return COMPOUND_COUNT.sub(compound_word, text)


# "8oz cup 2 ctn lid same amount can": a product said to be the same amount right after a line's
# quantity is a line of its own (before, the cups and the lids were one line, which asked)
SAME_AMOUNT_AFTER_A_LINE = re.compile(
    rf"(?<=\d)(\s*(?:{GLUED_UNITS})?)\s+(?!(?:{GLUED_UNITS}|oz|ml|inch|in|cm|mm)\b)"
    rf"(?=(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+{lexicon.SAME_AMOUNT.strip()}\b)"
)


# "the 2-cup carrier", "3-compartment box": a number joined to the word after it describes the
# thing (no quantity, as "2-ply" is none); not a size or a unit ("12-oz", "2-ctn")
COMPOUND_COUNT = re.compile(
    r"(?<![\w.-])(\d{1,2})-(?!(?:oz|ml|inch|inches|in|cm|mm|l|ltr|litres?|liters?|g|kg|k|x|pcs|pc"
    r"|pieces?|ctns?|cartons?|sets?|nos|units?|packs?|pkts?|boxes|box|bags?|rolls?|sleeves?|bundles?"
    r"|halfctn)\b)(?=[a-z]{3,}\b)"
)


def compound_word(match: re.Match[str]) -> str:
    number = int(match.group(1))
    return f"{PLY_WORDS[number]}-" if number < len(PLY_WORDS) else match.group(0)


# "napkin 2 ctn + 2000 pcs", "cup 1 carton plus 300 pcs", "1 ctn + 500 loose", "餐盒两箱再加一百个":
# cartons and some pieces more of one product, in one line (the pieces' unit is written: "1 ctn +
# 500" may be 500 cartons). The joining word becomes PLUS_PIECES, which no line splits at: the
# parser reads the line as the cartons and the pieces of its product (not as two numbers for one
# line).
CARTONS_PLUS_PIECES = re.compile(
    r"(?<![\w.])(\d+\s*(?:cartons?|ctns?|halfctn)\b)\s*(?:\+|&|\band\b|\bplus\b|\btambah\b"
    r"|再加|加上|加)\s*(?=\d+\s*(?:pcs|pieces|sets?|nos|loose)\b)"
)
TAMIL_AND_PIECES = re.compile(
    r"(?<=\d)(\s*(?:cartons?|ctns?))-உம்(?=\s*\d+\s*(?:pcs|pieces|sets?)-உம்)"
)


UNIT_TIMES = re.compile(r"(?<![\w/])(?<!per )(?<!\d )(ctns?|cartons?)\s+x\s*(\d+)\b")
RESTATED_NUMBER = re.compile(r"(?<![\w.])(\d+)\s*\(\s*\1\s*\)")


# "one" after a kind or a size and before "x" and a number is the product ("white one x100"), not
# a count of one multiplied (which asked: "two quantities multiplied").
KIND_ONE_TIMES = re.compile(
    rf"(\b(?:{'|'.join(sorted(ATTRIBUTE_WORDS))})|\d\s*(?:oz|ml|inch|cm|\"))\s+ones?\s*(?=x\s*\d)"
)
_SMALL = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
AND_A_HALF = re.compile(
    rf"(?<![\w.])(\d{{1,3}}|{'|'.join(_SMALL)}) and a half (thousand|hundred)\b"
)


def and_a_half(match: re.Match[str]) -> str:
    unit = 1000 if match.group(2) == "thousand" else 100
    count = match.group(1)
    number = int(count) if count.isdigit() else _SMALL.index(count) + 1
    return f" {number * unit + unit // 2} "


ONE_MORE = re.compile(
    r"(?:\bone more|\banother|இன்னொரு|இன்னும் ஒரு)\s+(?=(?:cartons?|ctns?|karton|箱|பெட்டி)\b)"
)
# Half cartons: "half a carton", "半箱", "setengah karton", "அரை carton", and a number and a half
# of them ("一箱半", "satu setengah karton", "ஒன்றரை carton", "one and a half cartons", "1.5 ctn",
# "2 1/2 ctn") are counted in half cartons ("3 halfctn"), which the catalogue turns into pieces
# by the pack size (catalog.units_to_quantity); before, the half was left out ("2 1/2 ctn" was 2).
_CARTON_AHEAD = r"(?=\s*(?:cartons?|ctns?|karton|箱|பெட்டி|petti)\b)"
AND_A_HALF_AHEAD = re.compile(
    rf"(?<![\w.])(\d{{1,3}}|{'|'.join(_SMALL)}) and a half{_CARTON_AHEAD}"
    rf"|(?<![\w.])(\d{{1,3}})\s+1/2{_CARTON_AHEAD}|(?<![\w./])()1/2{_CARTON_AHEAD}"
    rf"|({'|'.join(numbers.TAMIL_AND_A_HALF)}){_CARTON_AHEAD}"
)
_CARTON = r"(?:cartons?|ctns?)\b"
HALF_CARTONS = re.compile(
    # "2 n half ctn", "2 & half carton" too
    rf"(?<![\w.])(\d+)(?:\.5|\s*(?:(?:and|n|&) (?:a )?half|setengah|半))\s*{_CARTON}"
    rf"|(?<![\w.])(\d+)\s*{_CARTON}\s*(?:and a half\b|setengah\b|半)"
    rf"|(?:(?<![a-z])half(?:\s+(?:of\s+)?(?:a|an|1))?|(?<![a-z])(?:setengah|separuh)|半|அரை)\s*{_CARTON}"
)


# Packs whose count of pieces is written: "2 bundles of 50", "6 pkt x 100 sets", "两包，每包五十个",
# "dua bungkus, sebungkus 50 keping", "50 pcs pack ரெண்டு" are pieces (100, 600...); before, the
# two numbers of one line were asked about. A pack without its count stays a unit to confirm.
_PACK = r"(?:packs?|packets?|pkts?|bundles?|bungkus)"
_COUNT = (
    r"(\d+)(?![\d.])(?!\s*(?:oz|ml|inch|in|cm|mm|l|ltr|\"|”)\b)(?:\s*(?:pcs|pieces|sets?|nos)\b)?"
)
PACKS_OF = re.compile(
    rf"(?<![\w.])(\d+)\s*{_PACK}\s*(?:of|x)\s*{_COUNT}"
    rf"|(?<![\w.])(\d+)\s*{_PACK}\s*[,，]?\s*(?:每|each|per|1)\s*{_PACK}\s*(?:got\s+|ada\s+|有)?\s*{_COUNT}"
    rf"|(?<![\w.])(\d+)\s*(?:pcs|pieces|sets?)\s*{_PACK}\s*(?:x\s*)?(\d+)(?![\d.])(?!\s*(?:oz|ml|inch|in|cm|mm)\b)"
    # "10 pkt, 500 pcs one pkt", "5 bundles, 100pcs/bundle": the pieces of each pack after them
    rf"|(?<![\w.])(\d+)\s*{_PACK}\s*[,，]?\s*(\d+)\s*(?:pcs|pieces|sets?)\s*"
    rf"(?:(?:per|each|every|a|1|/|satu|se)\s*)?{_PACK}\b"
)


# "straw 1 pkt (5000pcs)", "1 ctn (1000 pcs) 12oz cup": one pack or carton and, in brackets, the
# pieces it holds are those pieces (with two packs, "(200 pcs)" is each or in all: still asked).
ONE_PACK_COUNTED = re.compile(
    rf"(?<![\w.])(?:1|one|a)\s*(?:{_PACK}|cartons?|ctns?)\s*\(\s*(\d+)\s*(?:pcs|pieces|sets?|nos)\s*\)"
    # "burger box 250 (1 carton)", "250 pcs (一箱)": the pieces, then the one carton they make
    rf"|(?<![\w.§])(\d+)\s*(?:pcs|pieces|sets?|nos)?\s*\(\s*(?:1|one|a)\s*(?:{_PACK}|cartons?|ctns?)\s*\)"
)


def pieces_in_packs(match: re.Match[str]) -> str:
    packs, each = (int(n) for n in match.groups() if n is not None)
    return f" {packs * each} pcs "


def numbers_and_a_half(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        written = match.group(1) or match.group(2) or match.group(3) or ""
        if match.group(4):
            whole = numbers.TAMIL_AND_A_HALF[match.group(4)]
        elif written.isdigit() or not written:
            whole = int(written or 0)
        else:
            whole = _SMALL.index(written) + 1
        return f" {whole}.5 "

    return AND_A_HALF_AHEAD.sub(replace, text)


def half_cartons(match: re.Match[str]) -> str:
    whole = match.group(1) or match.group(2)
    return f" {2 * int(whole) + 1 if whole else 1} halfctn "


# "sip lid 1000 for the same cup", "penutup sip untuk cawan tu seribu": the lid is for the cup of
# the line before (it takes its size); the cup named after "for" is no second product of the line
LID_FOR_THE_CUP = re.compile(
    r"(\blids?\b[^,;\n.]*?)\s+for\s+(?:(?:the|that|those|these|same|our|my|அந்த|இந்த)\s+)*cups?"
    # not "lid for cup 16oz": a cup with a size of its own is no cup of the line before
    r"(?:\s+(?:tu|itu|ni|ini|that|those|these))?\b(?!\s*\d)"
)


# "1000ml takeaway 600", "takeaway 750ml 300": "takeaway" beside a volume is the takeaway box (a
# product type, so that "750ml same qty" after it is the same product in another size)
TAKEAWAY_OF_A_SIZE = re.compile(r"(?<=ml)\s+takeaway\b|\btakeaway(?=\s+\d+\s*ml\b)")
_CLAUSE = re.compile(r"[^,;\n]+")
_CONTAINER = re.compile(r"\b(?:box|boxes|containers?|bowls?|trays?|clamshells?)\b")


def takeaway_as_a_box(text: str) -> str:
    """'1000ml takeaway 600' -> '1000ml takeaway box 600', in a clause that names no container
    ('container 750ml takeaway 500' is one already)."""

    def clause(match: re.Match[str]) -> str:
        part = match.group(0)
        if _CONTAINER.search(part):
            return part
        return TAKEAWAY_OF_A_SIZE.sub(" takeaway box ", part)

    return _CLAUSE.sub(clause, text)


# "clamshell 500 wah lao last time only came 400 hor": what came last time is a remark, no line
PAST_DELIVERY = re.compile(
    r"\blast time\s+(?:only\s+)?(?:came|come|got|received|sent|send|delivered|gave|give)\s+"
    r"(?:only\s+)?\d+\b"
)
# "1000ml takeaway box 600 pcs, 750 also 600 pcs": a bare number, then "also" and the quantity,
# is a size in the unit of the line before ("750ml")
BARE_SIZE_ALSO = re.compile(r"(?<=[,;\n])(\s*)(\d+)\s+also\s+(?=\d)")
SIZE_BEFORE = re.compile(r"\d\s*(ml|oz)\b")


def size_of_the_line_before(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        earlier = SIZE_BEFORE.findall(text[: match.start()])
        if not earlier:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{earlier[-1]} "

    return BARE_SIZE_ALSO.sub(replace, text)


# "1. 14" pizza box - 150", "2) napkin x 5000": the number of a line in a list is no quantity;
# nor is a keycap emoji opening a line ("1\ufe0f\u20e3 napkin 2 ctn": the digit, an optional
# variation selector and the keycap mark)
LIST_MARKER = re.compile(r"(?m)^[ \t]*(?:\d{1,2}[.)](?=[ \t]+\S)|\d\ufe0f?\u20e3(?=[ \t]*\S))")
# "2 ply", "2-ply", "dua lapis", "双层": how many layers a napkin has is no quantity.
PLY = re.compile(r"(?<![\d.])(\d)\s*-?\s*(?:ply|lapis|layers?)\b")
PLY_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def ply_word(match: re.Match[str]) -> str:
    return f" {PLY_WORDS[int(match.group(1))]}-ply "


def strip_contact_details(text: str) -> str:
    """Emails, phone numbers, unit numbers, references, dates and times, prices and address
    clauses: out, so that no number in them is read as a quantity."""
    text = EMAIL.sub(" ; ", text)
    text = PHONE.sub(" ; ", text)
    text = SHOP_NUMBER.sub(" ", UNIT_NUMBER.sub(" ", SHOP_NAME_BLOCK.sub(" ", text)))
    text = REFERENCE.sub(" ; ", text)
    text = CLOCK_TIME.sub(" ", text)
    text = MALAY_HOUR.sub(" ", text)
    text = NOT_QUANTITIES.sub(" ", text)
    text = TAMIL_DATE.sub(" ", text)
    # a clause ends at a line, ";", "," or a full stop before a space (an address ends there);
    # "," before a digit too after Chinese when a size or product follows ("送到，750ml餐盒"), not
    # in "1,200" or before a bare postal code; and at a Chinese full stop ("大纸袋五百。送去Bedok
    # North St 1": the address is the sentence after it, not the line before); at a question or
    # exclamation mark ("send to Bedok? we need ...": the goods after it are no address)
    clauses = re.split(
        r"(\n|;|,(?!\d)|(?<=[\u4e00-\u9fff]),(?=\d+\s*[a-z\u4e00-\u9fff])|[.?!](?=\s)|。|？|！)",
        text,
    )
    kept = []
    for clause in clauses:
        start = CONTACT_START.search(clause)
        if start:
            clause = clause[: start.start()] + " " + goods_after_the_road(clause[start.start() :])
        road = ROAD_WORDS.search(clause)
        start = address_start(clause[: road.start()]) if road else None
        if start is not None:
            clause = clause[:start] + " " + goods_after_the_road(clause[start:])
        kept.append(clause)
    return "".join(kept)


# The end of an address: its road word and the road's number ("Bedok North Ave 2", "Duxton Hill")
ROAD_END = re.compile(rf"(?:{ROAD_WORDS.pattern})(?:\s+\d{{1,3}}[a-z]?\b)?")
_GOODS = "cup lid box boxe bag straw napkin cutlery container clamshell tray"
GOODS_WORDS = frozenset(_GOODS.split()) | {f"{word}s" for word in _GOODS.split()}


# "hantar ke Blk 512 Bedok North Ave 2 #01-30: beg kecil ...": a colon after the address's numbers
# ends it (not the colon of a label: "Attn: Mary", "Deliver to: Mary's Cafe" stay cut); after
# Chinese the colon takes no space ("送到宏茂桥3道 Blk 201：纸巾一万张", "...#02-11：8寸披萨盒")
ADDRESS_COLON = re.compile(r"\d[^:\n]*?:(?:\s|(?=[\u4e00-\u9fff]|\d[^\s:]*?[\u4e00-\u9fff]))")


# "deliver to the new shop: 300 burger boxes, ...": a place named in words, then a colon and a
# count of goods; the list after the colon is the order (not "Deliver to: Mary's Cafe", a label)
PLACE_THEN_LIST = re.compile(
    r"^[^:\d\n]*?\b(?:to|ke)\s+[^:\d\n]+:\s*"
    rf"(?=\d[\d,.]*\s*(?:[a-z-]+\s+){{0,3}}(?:{'|'.join(sorted(GOODS_WORDS))})\b)"
)


def goods_after_the_road(address: str) -> str:
    """'hantar ke Blk 512 Bedok North Ave 2 - beg kecil 1500' -> ' - beg kecil 1500': what follows
    an address ended by a colon, or the road of an address clause when it names goods (a line of
    the order, not the address)."""
    colon = ADDRESS_COLON.search(address)
    if colon:
        return address[colon.end() :]
    place = PLACE_THEN_LIST.search(address)
    if place:
        return f". {address[place.end() :]}"  # the sentence before it ends there
    roads = list(ROAD_END.finditer(address))
    if not roads:
        return sized_goods_after(address)
    rest = address[roads[-1].end() :]
    words = set(re.findall(r"[a-z]+", lexicon.translate_words(rest)))
    return rest if words & GOODS_WORDS else ""


# A size said in English words ("twelve ounce", "seven fifty ml"), as voice-to-text writes it: the
# number words are read only after the addresses are cut.
_ENGLISH_NUMBER = "|".join(
    word for word, value in numbers.NUMBER_WORDS.items() if word.isalpha() and 1 <= value <= 90
)
SIZE_IN_WORDS = re.compile(
    rf"\b(?:{_ENGLISH_NUMBER})(?:[\s-]+(?:{_ENGLISH_NUMBER}))*[\s-]+(?:ounces?|oz|inch(?:es)?|ml)\b"
)


def sized_goods_after(address: str) -> str:
    """'at Blk 85 😅 16oz clear cup 1k' -> '16oz clear cup 1k': an address without a road word ends
    where a size of goods starts (no block nor unit is written in ounces, millilitres or inches),
    in digits or in words ("block 216 i want twelve ounce cup ...", a voice message)."""
    sizes = sorted(
        [*SIZE_RE.finditer(address), *SIZE_IN_WORDS.finditer(address)], key=re.Match.start
    )
    for size in sizes:
        words = set(re.findall(r"[a-z]+", lexicon.translate_words(address[size.end() :])))
        if words & GOODS_WORDS:
            return address[size.start() :]
    return ""


# "... kotak burger 500 ke Bedok North St 1": the address starts at "ke" / "to" / "at" before it
ADDRESS_PREPOSITION = re.compile(r"\b(?:ke|to|at|di)\s|@")


def address_start(before_road: str) -> int | None:
    """Where an address clause starts: at the last preposition before its road word, or (without
    one) at the start of the clause. After a size ("300 10 inch pizza boxes to 45 Amoy St") only a
    preposition after the size starts it; without one the clause is no address (it is kept)."""
    sizes = list(SIZE_RE.finditer(before_road))
    after = sizes[-1].end() if sizes else 0
    starts = [match.start() for match in ADDRESS_PREPOSITION.finditer(before_road, after)]
    if starts:
        return starts[-1]
    return None if sizes else 0


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
    """Canonical size: '10 inch', '12 oz', '500 ml'; litres in millilitres ('1L' is '1000 ml',
    the size of the 1000ml box: containers are sold by the millilitre)."""
    value = float(number)
    if unit == "l":
        value, unit = value * 1000, "ml"
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
