"""Word lists of the order parser: units, stopwords, product types, repeat and doubt phrases."""

from __future__ import annotations

from orders.parsing.numbers import TAMIL_AND_A_HALF

PIECES = "pcs"
HALF_CARTON = "half carton"

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
    # "half a carton", "一箱半" (three half cartons): text.HALF_CARTONS
    "halfctn": HALF_CARTON,
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

MALAY_STOPWORDS = (
    # "yang 8 inci dua ratus": "the one (of) 8 inch", the product of the line before
    "yang saya kami kita nak nk mahu perlu tolong hantar esok untuk utk dan boleh bila pesan minta"
    " jugak juga ye ya salam order pagi petang tempah tempahan encik pun lagi je sahaja saja"
    # "2 ctn cukup" (2 cartons is enough)
    " cukup"
    # chat spellings: "yg kecik" (the small one)
    " yg"
    # "hari tu harga straw 0.012 kan?" (that day, the straw's price was 0.012, right?)
    " hari tu itu ini ni kan"
    # "penutup dia" (its lid)
    " dia"
    # "ya bos, tq": the boss, as a Malay chat writes it
    " bos"
    # "ambil 3 karton napkin" (take 3 cartons of napkins), "nak tambah 600 biji" (want to add 600),
    # "tambah stok" (restock)
    " ambil tambah stok"
    # "cuba yg awak punya" (try yours)
    " cuba"
    # "kotak dah habis" (the boxes are finished already)
    " dah sudah"
    # "bang, malam ni baru perasan ..." (brother, only tonight I noticed ...)
    " bang malam baru perasan"
    # "hantar ... minggu ni" (send ... this week)
    " minggu"
)
SINGLISH_STOPWORDS = (
    "hor lor leh meh can not boss tmr thx tq ones them those these it"
    " bro sis uncle auntie aunty anna akka abang kak encik cik puan tuan tauke towkay wah oi liao"
    " le sia anot arrange settle oso la"
    # "wah lao the straw finish already": what ran out is the product, not its words
    " lao finish finished already alr"
    # "aiyo forgot to order, need napkin 2 ctn", "straw 1 ctn enough", "lid same amount"
    " aiyo aiyoh alamak forgot forget enough amount ran"
    # "14 inch box run out, send 1 ctn": what ran out is the product, as with "finish"
    " run runs running out"
    # "the lid for tat" (for that)
    " tat"
    # "boss say 1000ml box sam pak", "my ah pa say ...": who sends the order
    " say says said pa ma papa mama yo"
)
# Romanised Tamil, as typed on a phone: "venum" (needed), "anuppunga" (send), "kudunga" (give).
TAMIL_ROMAN_STOPWORDS = (
    "venum vendum anuppunga anupunga anuppu kudunga kodunga podunga"
    # when and where: "naalaiku kadai ku ... madhiyam 3 mani kulla vandha podhum" (tomorrow, to
    # the shop, ... enough if it comes by 3 at noon); "um" (and), "apram" (then)
    " naalaiku naalaikku inniku innaiku kadai kadaiku ku kku um apram appuram madhiyam mathiyam"
    " kaalaila kaalai saayangalam kulla ulla vandha vantha podhum pothum"
)

# What joins the cartons of a line and the pieces more of it ("cup 1 ctn + 300 pcs"), in
# normalised text (text.CARTONS_PLUS_PIECES): a word no line splits at and no product word.
PLUS_PIECES = "pluspieces"

# Words that carry no product meaning in an order line.
STOPWORDS = frozenset(
    # "punya": "kecik punya 500" (the small one); "normal": "lid also 4k the normal sip one" (the
    # kind the shop always takes, no product word)
    """
    punya
    a an the of for to and or with in on at by from our us we i me my you your pls please plz can
    could would like want wanna need needs needed get got send order ordering orders hi hello hey
    morning afternoon evening good dear boss sir madam thanks thank thx tq ty also too more extra
    another additional add some any kindly deliver delivery tomorrow tmr tmrw today asap this that
    next week yesterday monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
    thu thurs fri sat sun x qty quantity total around about approx approximately just only be is are
    will shall do have has let lets let's new same usual size sized type kind again as well okay ok
    yes yeah yep hmm lah leh ah ya eh one make it there outlet shop branch store kitchen
    thks tks tqvm thankyou slot each setiap jenis masing masing-masing but last time matching
    following give team guys then see how maybe perhaps sure
    tria gimme we're i'm we've we'll i'll we'd i'd running low out urgent urgently top up help
    always place placing proceed teruskan go ahead
    confirm confirmed take rush yours urs ours try trying below
    normal regular standard
    """.split()  # noqa: SIM905 - a word list reads better as text
    + MALAY_STOPWORDS.split()
    + SINGLISH_STOPWORDS.split()
    + TAMIL_ROMAN_STOPWORDS.split()
    + [PLUS_PIECES]
)

# What a product is (the head noun): two of them under one quantity is a doubt, and a lid line
# right after a cup line is for those cups.
TYPE_NOUNS = frozenset(
    """
    cup lid box bag straw napkin cutlery spoon fork knife container bowl tissue tray plate glove
    clamshell serviette chopstick wrap foil
    """.split()  # noqa: SIM905
)
# Words that only describe a product: "small 1k" after "big paper bag 500" means small paper bags.
# "printed" is the white pizza box (the kraft ones are plain).
ATTRIBUTE_WORDS = frozenset(
    """
    small large big medium hot cold kraft white printed brown paper dome sip clear plastic wooden
    """.split()  # noqa: SIM905
)

# Values that exclude each other (word -> value): "large and small bags 500" names two kinds.
ATTRIBUTE_GROUPS: tuple[dict[str, str], ...] = (
    {"small": "small", "large": "large", "big": "large", "medium": "medium"},
    {"hot": "hot", "cold": "cold", "iced": "cold"},
    {"sip": "sip", "dome": "dome"},
    {"kraft": "kraft", "brown": "kraft", "white": "white", "printed": "white"},
)

# "இன்னைக்கு ஆர்டர்ல 8oz cup 2 carton இல்ல, 3 carton ஆக மாத்துங்க" (in today's order, not 2
# cartons: make it 3), "today's order the napkins 2 ctn change to 3": a change of an order placed
# before, which read_corrections would read as a slip corrected inside a new order
PLACED_ORDER_CHANGED = (
    r"(?:இன்னைக்கு|இன்று|நேத்து|நேற்று|காலை|நாளை[\u0B80-\u0BFF]*)\s*(?:order|ஆர்டர்)"
    r"[^\n]{0,80}(?:(?<![\u0B80-\u0BFF])(?:மாத்து|மாற்று|மாத்த|மாற்ற)"
    # "இன்னைக்கு ஆர்டர்ல napkin 4 ctn வேண்டாம், 3 ctn போதும்" (in today's order, not 4 cartons:
    # 3 are enough): a quantity of the placed order said no to, a smaller one enough
    r"|(?:வேண்டாம்|\bno need\b)[^\n]{0,30}போதும்)"
    r"|\b(?:today'?s?|yesterday'?s?|this morning'?s?|tomorrow'?s?|tmr|tmrw) order\b[^\n]{0,80}"
    r"\b(?:change|make it|instead)\b"
    r"|(?:今天|昨天|早上|刚才|明天)的?\s*(?:单|订单|order)[^\n]{0,30}改"
)

# "Last time we took 2 ctn of 12oz cups. This time 3 ctn please": an earlier order quoted, then
# this time's quantity of the same product (parsing.read_past_then_now)
PAST_ORDER = (
    r"(?:\b(?:the )?(?:last|previous) (?:time|week|month|order|round)\b|\bminggu lepas\b"
    r"|\bbulan lepas\b|\bkali lepas\b|上次|上回|上一次|上\s*(?:个)?\s*(?:礼拜|星期|周|月)"
    r"|(?:போன|கடந்த|முந்தைய)\s*(?:வாரம்|தடவை|முறை|மாசம்|மாதம்))"
)
THIS_TIME = (
    r"(?:\bthis (?:time|week|month|round)\b|\b(?:kali|minggu|bulan) (?:ni|ini)\b|这次|这回|这一次"
    r"|这\s*(?:个)?\s*(?:礼拜|星期|周|月)|இந்த\s*(?:வாரம்|தடவை|முறை|மாசம்|மாதம்))"
)

# An earlier season's or order's goods quoted before a multiple of them ("last year", "last yr CNY",
# "last Christmas", "去年", "tahun lepas", "போன வருஷம்"), and the multiple ("double that", "take
# double", "今年加倍", "dua kali ganda" read as "2 kali ganda", "double பண்ணுங்க"):
# parsing.read_doubled_past
PAST_SEASON = (
    r"(?:\blast (?:year|yr|christmas|xmas|cny|raya|deepavali|diwali|hari raya|festive season)\b"
    r"|去年|\b(?:tahun|raya) lepas\b|(?:போன|கடந்த)\s*(?:வருஷம்|வருடம்|வருசம்)"
    rf"|{PAST_ORDER})"
)
DOUBLE = r"(?:\bdouble\b|\btwice\b|加倍|翻倍|双倍|\b2 kali ganda\b|இரட்டிப்பு)"

# "napkin this round thin thin, not same as last time", "not the same as the usual": the goods
# compared with an earlier order (a complaint), no repeat of it
NOT_THE_SAME = r"\b(?:not|no|never|tak|bukan|tidak)\s+(?:the\s+)?same\b"

# "This is for the CNY period, 2x our usual", "double our usual amount": how the quantities
# written compare with the usual order, no line of its own
USUAL_MULTIPLE = (
    r"\b(?:\d+\s*x|double|twice|triple)\s+(?:of\s+)?(?:our|my|the)\s+usual"
    r"(?:\s+(?:order|amount|qty|quantity))?\b"
)
# "12oz cup 4 ctn, usually 2 ctn only", "..., 平时两箱而已", "..., biasanya 2 karton je",
# "..., வழக்கமா 2 carton தான்": a clause of the usual count alone (no product), said to compare
USUAL_COUNT = (
    r"(?:(?<=[,;.!?\n])|^)\s*(?:平时|平常|通常|一般|\busually|\bnormally|\bbiasanya|\bselalunya"
    r"|வழக்கமா(?:க)?)\s*(?:(?:only|je|cuma|just|只|就)\s*)?(?:(?:要|order|ambil|take)\s*)?"
    r"\d+\s*(?:(?:carton|ctn|pcs)\b)?\s*(?:(?:而已|罢了|only|je|sahaja|saja|jer|தான்)\s*)?"
    r"(?=[,;.!?\n]|$)"
)

# A season's greeting around the items ("Selamat hari raya boss, maaf zahir batin 🙏 ... 1 ctn
# 8oz cup", "Merry Christmas!", "Gong xi fa cai"): no product words, and Raya's "maaf" (forgive us)
# is no apology for a slip
FESTIVE_GREETING = (
    r"\b(?:merry (?:christmas|xmas)|happy (?:chinese )?new year|happy (?:cny|deepavali|diwali"
    r"|pongal|hari raya|raya|holidays|thanksgiving)|season'?s greetings|gong xi fa cai"
    r"|gong hei fat choy|selamat hari raya(?: aidilfitri| aidiladha)?|salam aidilfitri"
    r"|maaf zahir\s+(?:(?:dan|and)\s+)?batin)\b|தீபாவளி\s*நல்வாழ்த்துக்கள்|தீபாவளி\s*வாழ்த்துக்கள்"
)
# "sorry also 12 inch 200 forgot just now", "sorry forgot the lids": the apology of a line added
# late, no correction of the lines before it (and "forgot just now" is no product)
FORGOTTEN_LINE = (
    r"\bsorry\b(?=[\s,.!]*(?:(?:i\s+)?(?:also|forgot|forget|one more|pls add|please add)\b))"
    r"|\b(?:i\s+)?(?:forgot|forget)\s+(?:just now|earlier|to (?:add|say|mention))\b"
)

REPEAT_PATTERNS = (
    r"\bsame (?:order |thing |stuff |items? )?as\s+(?:last|previous|before|the last)",
    # "Order same like previous one can?"
    r"\bsame (?:same )?(?:like|as) (?:the )?(?:last|previous|prev)\b",
    r"\b(?:repeat|redo) (?:my |our |the )?(?:last|previous|usual)",
    r"\bsame as usual\b",
    # not "the usual 12oz cup n lid, 3 ctn each", "the usual kraft bags 500": the goods the shop
    # always takes, their quantities written (before, the last order with changes was asked)
    r"\bthe usual\b(?!\s+(?:(?:paper|plastic|kraft|white|brown|hot|cold|sip|dome|wooden)\s+)?"
    r"(?:\d+\s*(?:oz|ml|inch)\b|(?:cup|lid|box|boxe|bag|straw|napkin|cutlery|container|clamshell"
    r"|tray|bowl)s?\b))",
    r"\bsame order\b",
    r"\bsame as before\b",
)

# A product named by its type or its size ("the 1000ml box", "cawan ni"), in normalised text.
_GOODS_NAMED = (
    r"(?:\d\s*(?:oz|ml|inch)\b|\b(?:cup|lid|box|boxe|bag|straw|napkin|cutlery|container"
    r"|clamshell|tray|bowl)s?\b)"
)
# Straws that are not our 6mm paper straw: wide, bent, plastic, for bubble tea.
_OTHER_STRAWS = (
    r"bubble\s*tea|boba|pearl|fat|wide|thick|jumbo|big|large|bent|bendy|flexi(?:ble)?|plastic"
    r"|plastik|u-?shape"
)
OTHER_STRAW = (
    rf"\b(?:{_OTHER_STRAWS})\s+(?:(?:paper|plastic|drinking|tea)\s+)?straws?\b"
    rf"|\bstraws?\s*\(?\s*(?:the\s+)?(?:{_OTHER_STRAWS})\b"
    r"|(?:珍珠|奶茶|粗|大|弯|塑料|胶)\s*straw"
)
# Tissues that are not our 2-ply napkin: wet tissues and wipes, toilet and kitchen rolls, the
# facial tissue of a box ("wet tissue 2 ctn" is no carton of napkins, "tissue" alone is).
OTHER_TISSUE = (
    r"\b(?:wet|toilet|facial|kitchen|alcohol|antibacterial)\s+(?:tissues?|wipes?|papers?|rolls?"
    r"|towels?)\b|\bwipes\b|卫生纸|厕纸|面纸|抽纸"
    # in normalised text, where 纸巾 and "tisu" are read as "napkin": "湿 napkin", "napkin basah"
    r"|(?:\bwet|湿|(?:வெட்|ஈர))\s*(?:napkins?|tissues?|serviettes?|巾)"
    r"|\b(?:napkins?|tissues?)\s+(?:basah|tandas|muka)\b"
)
# Tamil (and spoken English after it) says no after the word: "change இல்ல" (no change), "change
# no need" (வேண்டாம் is "no need" by now)
_SAID_NO_AFTER = r"(?:இல்ல|இல்லை|illa|illai|no need\b)(?![\u0B80-\u0BFF])"
# "不用改" (no need to change), "change இல்ல", "change no need": the order as it was
UNCHANGED = (
    rf"(?:不用|不要|不需要|无需|没有|没)\s*(?:改|换|变)|\bchanges?\s*{_SAID_NO_AFTER}"
    # "எதுவும் மாற்றம் இல்லை", "எந்த மாற்றமும் இல்லை" (no change at all)
    r"|(?<![\u0B80-\u0BFF])மாற்றம்[\u0B80-\u0BFF]*\s*(?:இல்லை|இல்ல)(?![\u0B80-\u0BFF])"
)
# Tomorrow, in the words of a chat: an order "for tomorrow" in a message that adds to it is one
# placed already
_TOMORROW = r"(?:tomorrow|tmr|tmrw|tml|esok|besok)"
# A number that is a count, not a size ("300", not "750ml").
_COUNT = r"(?<![\d.])\d+(?![\d.]|\s*(?:oz|ml|inch|in\b|\"|cm|mm|l\b))"

# Another supplier than us: "the other company", "my old supplier", "the other guy"
OTHER_SUPPLIER = (
    r"\b(?:other|another|old|previous|former|usual|current|last)\s+"
    r"(?:guy|company|supplier|vendor|seller|side|distributor)s?\b|\bcompetitors?\b"
)
# "the other guy quoted 0.50 each", "old supplier sell $70 only": another supplier's price, a
# reason to order from us, no quote asked of us
OTHER_SUPPLIERS_PRICE = (
    rf"(?:{OTHER_SUPPLIER})\s+(?:quoted?|quoting|gave|give|gives|sell|sells|selling|sold|charged?"
    r"|charges|offer(?:ed|s)?)\b"
)
# "(the quote) you sent this morning", "(the price) u gave": what the supplier quoted
_WE_WERE_GIVEN = (
    r"(?:(?:that\s+|which\s+)?(?:you|u)\s+(?:sent|send|gave|give|quote|quoted)\s+(?:us\s+|me\s+)?)"
)

# A message that reads like an order but should be confirmed first (pattern on normalised text).
# "ok noted on the price. pls send 2 ctn 8oz cups then", "price ok, send 1000 cups", "harga ok":
# a price already agreed, no question about it (not "price ok?", "is the price ok")
ACCEPTED_PRICE = (
    r"\b(?:ok(?:ay)?|noted|agreed?|fine|good)\s+(?:on|with|to)?\s*(?:the\s+|your\s+|ur\s+)?"
    r"(?:price|pricing|quote|quotation|harga)s?\b(?![^.,;!\n]*\?)"
    r"|\b(?<!is )(?<!is the )(?<!if )(?<!if the )"
    # "the price u quote ok": the price the supplier gave, agreed
    rf"(?:the\s+)?(?:price|pricing|quote|quotation|harga)s?\s+{_WE_WERE_GIVEN}?(?:is\s+|are\s+)?"
    r"(?:ok(?:ay)?|noted|fine|good|agreed)\b(?![^.,;!\n]*\?)"
    # "Yes confirm the quote you sent this morning", "go ahead with your quotation": a quote
    # accepted is an order of what it quoted (written after it), no request for one
    # (not "pls confirm the quote for ...", "can you confirm the price": asked of the supplier)
    r"|(?<!pls )(?<!please )(?<!kindly )(?<!you )(?<!u )"
    r"\b(?:confirm(?:ed)?|accept(?:ed)?|go ahead with|proceed with|as per)\s+"
    rf"(?:the\s+|your\s+|ur\s+|u\s+)?(?:price|pricing|quote|quotation)s?\s*{_WE_WERE_GIVEN}?"
    r"(?:(?:this|yesterday|last|on)\s+\w+|yesterday|just now|earlier|today|just)?\b"
    r"(?![^.,;!\n]*\?)"
    # "上次的价钱 ok", "same price hor": the price of before, agreed
    r"|(?:价钱|价格)\s*(?:ok(?:ay)?|可以|没问题)(?![^.,;!\n]*\?)"
    r"|\bsame (?:price|pricing|harga)\b(?![^.,;!\n]*\?)"
    # a quotation accepted: "we accept the quotation, pls proceed", "Quote accepted", "kami
    # terima sebut harga", "报价单确认", "3 ctns as quoted", "照报价单送货"
    r"|\b(?:accept(?:ed)?|approved?|confirm(?:ed)?|terima)\s+(?:the\s+|your\s+|ur\s+)?"
    r"(?:quot(?:e|ation)|sebut harga)s?\b(?![^.,;!\n]*\?)"
    r"|\b(?:quot(?:e|ation)|sebut harga)s?\s+(?:is\s+)?(?:accepted|approved|confirmed|diterima)\b"
    r"(?![^.,;!\n]*\?)|\bas quoted\b|报价单?\s*(?:确认|没问题|可以)(?![^。，,!\n]*[?吗])|照报价单?"
    # "setuju dgn harga tu" (agreed on that price), "harga tu boleh", "நீங்க சொன்ன விலை ok" (the
    # price you said is ok), "விலை சரி", "看了你们的报价，可以" (we read your quote: fine)
    r"|\b(?:ok(?:ay)?\s+)?setuju\s+(?:(?:dengan|dgn|dg|and|with)\s+)?(?:harga|sebut harga)\b"
    r"(?:\s+(?:tu|itu|ni|ini|awak|you))?(?![^.,;!\n]*\?)"
    r"|\bharga\s+(?:tu|itu|ni|ini)\s+(?:ok(?:ay)?|boleh|setuju)\b(?![^.,;!\n]*\?)"
    r"|(?:(?:நீங்க|நீங்கள்)\s+(?:சொன்ன|குடுத்த|கொடுத்த)\s+)?விலை\s*(?:ok(?:ay)?\b|சரி)"
    r"(?![^.,;!\n]*\?)"
    r"|报价\s*[,，]?\s*(?:ok(?:ay)?\b|可以|没问题)(?![^.,;!\n]*[?？])"
)
# "கல்யாண catering, 200 பேருக்கு:" (wedding catering, for 200 people:), "Majlis 300 orang:", "For
# 150 pax:": a head count in the heading of a list, with a quantity on the line below it, says what
# the list is for (parsing.parse_normalised drops it); no line of its own, no doubt
HEADCOUNT = (
    r"\d+\s*(?:pax|people|persons?|guests?|heads|orang|tetamu|人份?|பேர்|பேரு|பேருக்கு)(?![a-z])"
)
HEADCOUNT_HEADING = rf"(?m)^[^\n\d]*{HEADCOUNT}[^\n\d]*:[ \t]*$(?=\n.*\d)"

# "Kalau ada stok, hantar straw kertas 2 karton", "stock இருந்தால் ... அனுப்புங்க", "如果有货",
# "if you have stock, send ...": a condition on our stock only is an order (what we cannot send
# we cannot send either way), unless the message says what to do otherwise (IF_NOT)
STOCK_CONDITION = (
    r"\bif (?:you |u )?(?:have|got|has) (?:the )?stocks?\b|\bif (?:in|got) stock\b"
    r"|\bkalau (?:ada|masih ada) (?:stok|stock)\b|\b(?:stock|stok)\s*(?:இருந்தால்|இருந்தா)"
    r"|(?:ஸ்டாக்)\s*(?:இருந்தால்|இருந்தா)|如果有货|有货的话"
)
IF_NOT = (
    r"\b(?:if not|if no|if don'?t|otherwise|else|kalau tak|kalau tiada|kalau takde|kalau tidak"
    r"|kalau habis)\b|இல்லன்னா|இல்லைன்னா|இல்லேன்னா|இல்லாட்டி|没有的话|如果没"
)
# "napkin 1 இல்ல 2 carton", "oru carton illa rendu carton": Tamil's "no" right between two
# numbers, with no pause, joins two readings (one or two cartons); a correction pauses ("500,
# இல்ல இல்ல, 600"), says "only" after the new number ("3 carton இல்ல 2 carton தான்") or its verb
# ("... 3 carton ஆக மாத்துங்க")
_CARTON_OR_PIECES = r"(?>(?:[ \t]*(?:pcs|ctns?|cartons?))?)"
EITHER_IN_TAMIL = (
    rf"\d+{_CARTON_OR_PIECES}[ \t]+(?:இல்லை|இல்ல|illai|illa)(?![\u0B80-\u0BFF\w])[ \t]+"
    rf"\d+{_CARTON_OR_PIECES}"
    r"(?![\d\u0B80-\u0BFF]|[ \t]*(?:தான்|ஆக|ஆ(?![\u0B80-\u0BFF])|மாற்று|மாத்து|ஆக்கு|குறை))"
)
DOUBT_PATTERNS = (
    # "200-300", "1 or 2 ctn"; not across a line ("...: 1,200\n- 750 ml kraft box")
    (
        "two quantities",
        # "1 இல்லன்னா 2 carton" (one, else two), "1 kalau tak 2": the other as "or else"
        r"\d+[ \t]*(?:or|atau|-|to|或|if not|kalau tak|kalau tidak|இல்லன்னா|இல்லேன்னா|இல்லைன்னா"
        r"|இல்லாட்டி|இல்லனா|illana|illanna|illena)[ \t]*\d+[ \t]*(?:pcs|carton|ctn|box|pack)?\b"
        rf"|{EITHER_IN_TAMIL}",
    ),
    # "2 x 1000": two cartons of a thousand, or two thousand, or two and a thousand?
    (
        "two quantities multiplied",
        r"(?<![a-z§\d])\d+\s*x\s*\d+(?![\d.])(?!\s*(?:oz|ml|inch|in|cm|mm|l)\b|\s*\")",
    ),
    # "12oz cup 3000 ஆக மாத்துங்க" (make it 3000), "ubah jadi 500": a change of an order
    (
        "a change",
        # not "same like last week, nothing change", "no change", "tak ubah": a repeat
        r"(?<!nothing )(?<!no )(?<!not )(?<!nothing to )(?<!tak )(?<!tiada )(?<!takde )(?<!tak de )"
        r"(?<!tak ada )(?<!tidak )(?<!jangan )(?<!tak payah )(?<!no need )(?<!no need  )"
        r"(?<!need to )(?<!don't )(?<!dont )(?<!dun )"
        # "i want yours instead": ours instead of another supplier's, no change of an order;
        # "pls remove the burger boxes from this order"
        r"(?<!yours )(?<!urs )(?<!your one )(?<!ur one )(?<!from you )(?<!from u )"
        # not "should go Sentosa instead of work": the owner's day, nothing of the goods
        r"\b(?:change|tukar|instead(?!\s+of\s+(?:going\s+(?:to\s+)?)?(?:work|working|school"
        r"|sleeping|resting|cooking|home|office)\b)|replace|ganti|ubah|pinda|remove)\b"
        rf"(?!\s*{_SAID_NO_AFTER})|(?<!不)(?<!没)(?<!没有)(?<!不用)(?<!不要)(?<!不需要)(?<!无需)改"
        # "order esok kurangkan napkin jadi 1 karton", "reduce the straws to 2 ctn", "纸巾减到两箱":
        # an order's quantity lowered or raised to a new one
        r"|\b(?:reduce|decrease|lower|cut|increase|raise|kurangkan|naikkan|tambahkan|turunkan)\b"
        r"[^.?!\n]{0,30}\b(?:to|jadi|jd|kepada|ke)\s+\d"
        r"|(?:减|降|加|增加)(?:到|至|成)"
        r"|(?<![\u0B80-\u0BFF])(?:(?:மாற்ற|மாத்த|மாத்து)"
        # not "ஒன்னும் மாத்த வேண்டாம்" (change nothing; வேண்டாம் is "no need" by now)
        # nor "எந்த மாற்றமும் இல்லை" (no change at all)
        r"(?![\u0B80-\u0BFF]*\s*(?:வேண்டாம்|வேணாம்|no need\b|இல்லை|இல்ல))|ஆக்குங்க)"
        r"|\baa?kk?unga\b"
        # romanised spoken Tamil: "napkin 2 carton ah maathunga" (change it to 2 cartons)
        r"|\b(?:maa?t?thu|maa?t?thi(?!ri|yam)|maatr[iu])\w*",
    ),
    # "add 1 more ctn straw to today order": items added to an order already placed
    (
        "an addition to an order",
        r"\badd\b[^.?!\n]{0,40}\b(?:to|into|in|for)\s+(?:my |our |the |today'?s? |this |that "
        r"|yesterday'?s? |existing |same |current )+order\b"
        # "today order add 1 more ctn napkin", "our order just now tambah 500 cups"
        r"|\b(?:today'?s?|yesterday'?s?|existing|current|earlier|(?:my|our|the) (?:last|earlier)"
        # "hari ni punya order tambah 2 karton straw" (add to today's order)
        r"|(?:hari ni|hari ini|pagi ni|pagi ini)(?: punya)?)"
        r" (?:order|pesanan)\b[^.?!\n]{0,15}\b(?:add|tambah|plus|top up)\b",
    ),
    # "Order pagi tadi boleh tambah lagi 1 karton straw?", "this morning's order can add 500 cups?",
    # "早上的单再加两箱": items added to an order placed earlier that day or before
    (
        "an addition to an earlier order",
        r"\b(?:order|pesanan|po)\b[^.?!\n]{0,25}\b(?:tadi|semalam|just now|this morning|yesterday"
        r"|earlier|pagi tadi|petang tadi|kelmarin)\b[^.?!\n]{0,30}\b(?:add|tambah|plus|top up)\b"
        r"|\b(?:this morning|yesterday|earlier|just now)'?s? order\b"
        # "刚才下的单再加五百张纸巾" (add 500 napkins to the order placed just now)
        r"|(?:刚才|早上|上午|下午|昨天|之前|今天|今早|今日)(?:下|订|落)?的?\s*(?:单|订单|order)"
        r"[^。？?!\n]{0,10}"
        # "昨天 order tambah 1 ctn napkin": the addition in Malay or English
        r"(?:加|再加|多加|追加|\b(?:add|tambah|top up)\b)"
        # "நாளைக்கு order-ல cup 500 சேருங்க" (add 500 cups to tomorrow's order)
        # "காலை order-ல இன்னும் ஒரு carton napkin சேர்த்துக்குங்க" (one more carton in the morning's
        # order): the product between them too
        # "காலையில் அனுப்பிய ஆர்டரில் ..." (in the order sent this morning): the word in Tamil letters
        r"|(?:காலை|நேத்து|நேற்று|நாளை[\u0B80-\u0BFF]*|இன்னைக்கு|இன்று)[^.?!\n]{0,20}(?:order|ஆர்டர)"
        r"[^.?!\n]{0,45}(?:சேர|add)"
        # "tambah 1 karton napkin dalam order pagi tadi", "add 500 cups to the order just now"
        r"|\b(?:add|tambah(?:kan)?|top up)\b[^.?!\n]{0,40}"
        r"\b(?:to|into|in|dalam|dlm|kat|dekat|pada)\s+"
        r"(?:the |my |our |that )?(?:order|pesanan)\s+(?:pagi |petang |malam )?(?:tadi|semalam"
        r"|kelmarin|just now|this morning|yesterday|earlier"
        # "tambah 1 karton straw dalam order hari ni" (into today's order)
        r"|hari ni|hari ini|harini|today)\b"
        # tomorrow's order, placed already: "tmrw order add 2 ctn napkin can?", "tambah 500 cawan
        # dalam order besok", "add 2 ctn napkin to tomorrow's order", "明天的单加一箱吸管"
        rf"|\b{_TOMORROW}'?s? (?:order|pesanan|delivery)\s+(?:[a-z]+\s+){{0,2}}?"
        r"(?:add|tambah|plus|top up)\b"
        r"|\b(?:add|tambah|top up)\b[^.?!\n]{0,40}\b(?:to|into|in|dalam|dlm|ke dalam|kat|dekat"
        rf"|pada)\s+(?:the |my |our |that )?(?:{_TOMORROW}'?s? (?:order|pesanan|delivery)\b"
        rf"|(?:order|pesanan)\s+(?:for\s+)?{_TOMORROW}\b)"
        r"|明天的?\s*(?:单|订单|order)[^。？?!\n]{0,10}(?:加|再加|多加|追加)"
        # "இன்னைக்கு order-ல straw ரெண்டு பெட்டியா கூட்டுங்க" (raise today's order by two boxes of
        # straws), "குறைங்க" (lower it), "koottunga": more or fewer of an order already placed
        r"|(?<![\u0B80-\u0BFF])(?:கூட்டுங்க|கூட்டுங்கள்|கூட்டிடுங்க|கூட்டி விடுங்க|குறைங்க"
        r"|குறைச்சிடுங்க|குறைச்சுடுங்க|குறையுங்க|குறைச்சுக்க[\u0B80-\u0BFF]*|கூட்டிக்க[\u0B80-\u0BFF]*)"
        r"|\b(?:koott?(?:u|i)nga|kuraing?ga)\b",
    ),
    # "my order for 2 ctn napkin confirm liao or not", "Any update on the order for 3 cartons
    # ...?", "我礼拜一订的三箱餐巾纸处理了没有？", "order saya 2 karton dah confirm ke?": a question
    # about an order already placed, naming its items
    (
        "a question about an earlier order",
        r"\b(?:any update|been processed|processed (?:yet|already|liao|alr)|dah (?:proses|diproses)"
        r"|sudah (?:diproses|diproses ke))\b"
        # not "these few confirm already: 400 cutlery, ...": what is confirmed, listed after it
        r"|\bconfirm(?:ed)?\s*(?:liao|already|alr|or not|anot|ke|tak|yet)\b(?!\s*:)"
        r"|confirm\w*\s*(?:了|ஆச்சா|ஆயிடுச்சா)"
        r"|处理了|(?:处理|确认|confirm|发货|发|送|安排|订|出货|出)\s*了(?:没有|没|吗)|ஆச்சா|ஆயிடுச்சா"
        r"|\b(?:my|our|the|that) order (?:for|of)\b[^.!\n]*\?"
        # "order kami sampai hari ni ke?", "our order reach today or not?": whether it arrives
        r"|\b(?:order|pesanan|barang)\s+(?:kami|saya|aku|kita)\s+(?:dah\s+|sudah\s+|boleh\s+)?"
        r"(?:sampai|tiba|datang)\b|\b(?:my|our) order\s+(?:will\s+)?(?:reach|arrive|come)\b"
        # "请问我们昨天订的三箱冷杯今天会到吗？": goods ordered before, asked about
        r"|(?:昨天|前天|上次|之前|早上|刚才|今早)(?:我们?|你们?)?(?:订|买|下单|落单)的[^。!\n]*[?吗]",
    ),
    # "the kraft bag can tahan how heavy? my customers carry 4 bottles": a question about what the
    # goods bear, whose numbers tell of their use, not an order
    (
        "a question about the goods",
        r"(?:\bcan (?:tahan|take|hold|withstand|stand)\b|\bboleh tahan\b"
        r"|\bhow (?:heavy|strong|hot|thick|much weight|many kg)\b)[^.!\n]*\?",
    ),
    # "Do you have 1000 of the white 10 inch boxes in stock?", "Ada stock tak 1000ml box 10 ctn?",
    # "一千个杯子有货吗？": a question whether we have the goods, not an order yet
    (
        "a question about stock",
        r"(?:\bin stock\b|\b(?:stock|stok)\b|有货|有存货|库存|கையிருப்பு)[^.!\n]{0,60}"
        r"(?:\?|\bor not\b|\banot\b|\btak\b|\bke\b|吗|没有|இருக்கா)"
        r"|\b(?:ada|got|any|have|has) (?:stock|stok)\b[^.!\n]{0,60}\?"
        r"|\b(?:do|does|can) (?:you|u)(?: guys| all)? (?:have|got|supply|carry)\b"
        r"[^.!?\n]*(?<![\d.])\d+(?![\d.]|\s*(?:oz|ml|inch|in\b|\"|cm|mm|l\b))[^.!?\n]*\?",
    ),
    # "Kalau muat nanti kami ambil 500", "if it fits then we take 500", "如果可以就要五百个": an
    # order on a condition the customer waits to hear about
    (
        "a condition",
        # not the polite "kalau boleh" / "if can" / "if possible"
        r"\b(?:if|kalau|kalo|klu|jika|sekiranya)\b(?!\s+(?:can|could|possible|boleh|dapat|bleh)\b)"
        r"[^.?!\n]{0,40}"
        r"\b(?:then|nanti|baru|we'?ll|we will|i'?ll|i will|we can|we might|kami|saya)\b"
        r"[^.?!\n]{0,20}\b(?:take|ambil|order|buy|beli|get|pesan|tempah)\b"
        r"|如果[^，。？?!\n]{0,20}就|要是[^，。？?!\n]{0,20}就"
        # "可以放微波炉吗？可以的话下个月订两箱" (if it can, we order two cartons next month)
        r"|的话[^。？?!\n]{0,20}(?:订|买|要|拿|order\b|take\b|ambil\b)"
        # "the 1000ml box can take hot soup or not? if can we take 600", "cawan ni boleh tahan
        # panas tak? kalau boleh ambil 500": "if can" right after a question about the goods is
        # its answer, not politeness (not "u all got deliver sat? if can send 1k cups")
        rf"|{_GOODS_NAMED}[^.?!\n]*\?\s*(?:if|kalau|kalo|klu|jika)\s+"
        r"(?:can|boleh|bleh|ok|okay|suitable|sesuai|tahan)\b",
    ),
    # "Please resend the invoice for the 500 burger boxes": a document about items, not an order
    (
        "a document about items",
        r"\b(?:invoice|invois|bill|receipt|statement|delivery order)s?\s+(?:for|of|untuk|bagi)\b"
        r"[^.?!\n]{0,20}\d|\bre-?send\b|\bsend (?:again|back)\b|\bhantar (?:semula|balik)\b"
        r"|重发|补发|\d[^，。？?!\n]{0,15}的(?:发票|收据|单据)",
    ),
    # "ytd order 500 burger box only come 250", "the lid u send dont fit, 1 ctn all wasted",
    # "我订的是12寸的，你们送来的是14寸", "delivery 少了 1 carton": a complaint about goods
    # delivered, whose numbers are what came or what was ordered, not a new order
    (
        "a complaint about a delivery",
        r"\bonly (?:come|came|got|received|arrived|reach(?:ed)?|sampai)\s+\d"
        r"|\b(?:all )?wasted\b|\bmembazir\b"
        r"|送来的(?:是|都|有)|你们送(?:来)?的|我(?:们)?订的是|少了|都不对"
        r"|தான் வந்துச்சு|தான் வந்தது"
        # goods short in a delivery: "short 一箱 cups lah", "barang tak cukup, kurang satu karton
        # cawan", "ஒரு carton cup குறைவா வந்துச்சு" (one carton of cups came short)
        r"|\bshort(?: by)?\s+\d|(?<!lebih )\bkurang\s+\d"
        # "上次少送了一箱纸巾" (last time one carton of napkins was sent short), "漏送了两箱",
        # "the napkins were short-delivered 1 ctn", "hantar kurang 1 karton": goods sent short
        # (not "至少送两箱", "最少送多少": at least, the least)
        r"|(?<![至最多])少(?:送|给|发|寄|交)|漏(?:送|给|发|寄|交)"
        r"|\bshort[- ]?(?:delivered|sent|supplied|shipped)\b"
        r"|\b(?:hantar|bagi|kasi|sampai) kurang\b"
        r"|(?<![\u0B80-\u0BFF])குறைவா(?:க|ய்)?\s*(?:வந்|இருக்)",
    ),
    # "pls don't send the 300 pizza boxes tomorrow", "明天的三百个披萨盒不要送了", "300 pizza box
    # அனுப்ப வேண்டாம்": a quantity in the clause of a "don't" (not "no need lids, 500 cups")
    (
        "a quantity said no to",
        # not "don't forget", "jangan lupa", "别忘了"
        r"(?:\bdon'?t|\bdo not|\bdun|\bjangan|\bjgn|不要|别)(?!\s*(?:forget|lupa|late|lambat|忘))"
        rf"[^,.;!?\n，。]{{0,30}}{_COUNT}"
        rf"|{_COUNT}[^,.;!?\n，。]{{0,30}}(?:不要|不用|别送|\bno need\b|\bjangan\b)"
        # "pls hold the 2 ctn cups", "tangguh dulu 500 kotak": an order held back (not "hold on")
        rf"|\b(?:hold|pause|postpone|tangguh|tunda)\b(?!\s+on\b)[^,.;!?\n，。]{{0,30}}{_COUNT}",
    ),
    # "the 500 burger boxes we got last week were too small", "上个礼拜的500个汉堡盒太小了", "bulan
    # lepas ambil 3000 cawan": a quantity of an earlier week or delivery, in the same clause
    (
        "a quantity of an earlier order",
        # not "forgot to order yesterday, pls send 1 ctn today": the day of no order
        r"(?:\blast (?:week|month|time|order)|(?<!forgot to order )(?<!forget to order )"
        r"(?<!didn't order )(?<!didnt order )\byesterday|\bytd|\bsemalam|\bminggu lepas"
        r"|\bbulan lepas|上\s*(?:个|pcs)?\s*(?:礼拜|星期|月|周)(?:买|订|送|拿|进)?来?的"
        r"|上次的|昨天的"
        # "请问我们昨天订的三箱冷杯今天会到吗", "上次买的": goods ordered before
        r"|(?:昨天|前天|上次|之前|早上|刚才|今早)(?:我们?|你们?)?(?:订|买|下单|落单)的"
        r"|போன (?:வாரம்|மாசம்))"
        # a count, not a size: "last week's 12\" boxes came to 0.45 each" names no quantity
        rf"[^,.;!?\n，。]{{0,25}}{_COUNT}"
        rf"|{_COUNT}[^,.;!?\n，。]{{0,25}}"
        r"\b(?:we got|came|arrived|received) (?:last|yesterday|ytd)\b"
        # "we used up 3000 cups last week", "12oz cup 2000 yesterday sampai": the number, then when
        rf"|{_COUNT}[^,.;!?\n，。]{{0,25}}"
        r"\b(?:last (?:week|month)|yesterday|ytd|semalam|minggu lepas"
        r"|bulan lepas)\b"
        # "cup 1000 நேத்தே வந்துடுச்சு" (came yesterday itself), "昨天那两箱"
        r"|\d[^,.;!?\n，。]{0,25}(?:நேத்து|நேத்தே|நேற்று|நேற்றே)|昨天那|前天的|上次那"
        # goods used up: "cawan 12oz 2000 tu dah guna habis", "这个礼拜用了三千个", "we used 3000"
        r"|\b(?:used(?: up)?|dah guna|sudah guna|guna habis|habis guna)\b[^,.;!?\n，。]{0,25}\d"
        r"|\d[^,.;!?\n，。]{0,25}\b(?:used(?: up)?|dah guna|sudah guna|guna habis|habis guna)\b"
        # "三千个杯子一个礼拜就用完了" (3000 cups used up in a week); not "纸巾用完了" alone (the
        # napkins ran out: why the order is made, no count of an earlier one), nor "快用完了"
        # (almost used up)
        rf"|用了|用掉了|{_COUNT}[^,.;!?\n，。]{{0,25}}(?<!快)(?<!快要)(?<!就快)用完了",
    ),
    # "napkins enough for 150 pax", "200 பேருக்கு போதுமான napkin" (enough for 200 people), "untuk
    # 300 orang": a head count, not a count of the goods (how many napkins a guest takes is theirs)
    (
        "a number of people",
        HEADCOUNT,
    ),
    # "12oz cup 2000 or 16oz cup 1500, which one cheaper?", "either 2 or 3 ctn": one item or another
    (
        "a choice between items",
        r"\d[^.;!?\n]{0,40}\s(?:or|atau)\s(?!not\b|tak\b|no\b|anot\b)[^.;!?\n]{0,40}\d"
        # "whichever is cheaper", "if cheaper", "the cheaper one"; not "yours is cheaper", "your
        # box cheaper than the other company" (why the customer orders from us)
        r"|\beither\b|\b(?:whichever|which|if)\b[^.;!?\n]{0,25}\bcheaper\b"
        r"|\bcheaper\s+(?:one|ones|kind|type|option)\b|\bup to (?:you|u)\b",
    ),
    # "12oz杯子每间分店一千个，我们有三间", "1000 per outlet", "setiap cawangan": a quantity for
    # each outlet, and how many outlets is a second number
    (
        "a quantity per outlet",
        r"每\s*(?:间|家|pcs)?\s*(?:分店|店|outlet)|\b(?:per|each|every|for all)\s+(?:of our\s+)?"
        r"(?:outlets?|branch(?:es)?|shops?|stores?|kedai|cawangan)\b"
        r"|\bsetiap (?:cawangan|kedai|outlet)\b"
        r"|ஒவ்வொரு\s*(?:கடை|branch|outlet)",
    ),
    # "16oz cup 1000, if got cold cup better", "kalau ada ... ", "如果有": an item on a condition
    # (not "if you have stock, send 3 ctn": every order waits on our stock, and the item is firm)
    (
        "an item on a condition",
        # not "an earlier slot if you have one": a delivery time wished for, no item
        r"(?<!\bslot )(?<!\bslot, )(?<!\btiming )(?<!\btiming, )"
        r"\bif (?:got|have|you have|u have|u got|you got|there is|there are|can get|available"
        r"|no stock|not enough|out of stock)\b(?!\s+(?:enough\s+)?(?:stock|stok)\b)"
        r"|\bkalau (?:ada|takde|tak ada|habis)\b|如果有|如果没"
        r"|இருந்தா",
    ),
    # "quotation for 5000 paper straws", "报价", "sebut harga", "sample 50 pcs", "refund for the
    # 2 carton cups", "how long will 2 ctn last", "200 boxes a day": no order of these goods
    (
        "no order of these goods",
        r"\bquot(?:e|ed|ation|ing)\b|报价|sebut harga|\bsamples?\b|样品|\bsampel\b"
        r"|\brefund\w*|\bexchange\b|\bpulangkan\b|退货|退款|换货|\bhow long\b"
        r"|\d+\s*(?:[a-z]+\s+){0,2}(?:a|per|every|each) (?:day|week|month)\b|\bsehari\b"
        # "一天大概用两千支" (we use about two thousand a day)
        r"|每天|一天用|(?:一天|一个?星期|一个?礼拜|一个?月)\s*(?:about|around|大概|大约|差不多|都|会|要)?\s*用",
    ),
    # "the 14 inch boxes came crushed, 30 of them unusable", "50 pcs kemek", "one carton of
    # straws was wet": a count of goods already delivered and damaged, not a quantity to order
    (
        "a damage report",
        # "half a carton unusable" (read "1 halfctn")
        r"\b\d+\s*(?:of them|of the \w+|pcs|pieces|biji|keping|ctns?|cartons?|karton|halfctn)?\s*"
        r"(?:of (?:the |our |your |ur )?[a-z]+\s+)?"
        r"(?:are |were |was |is |all |semua |dah |sudah |got )?(?:crushed|damaged|broken|torn"
        r"|cracked|dented|leaking|leaked|unusable|defective|spoilt|spoiled|mouldy|moldy|soggy|wet"
        r"|missing|rosak|koyak|pecah|kemek|bocor|basah|cannot use|can'?t use|tak boleh guna"
        # "dalam 20 keping tak boleh pakai" (20 of them cannot be used), "30 keping remuk"
        r"|tak (?:boleh |dapat )?(?:pakai|digunakan)|remuk"
        # "the 8oz lid u send yest 1 ctn all cannot close the cup"
        r"|cannot close|can'?t close|cannot fit|can'?t fit|tak boleh tutup|tak muat)\b"
        # "有五十多个是裂的" (fifty-odd are cracked)
        r"|\d+\s*多?\s*(?:pcs)?\s*(?:都|全|是)?(?:压坏|压扁|破|坏|湿|漏|裂)"
        # "ஐம்பது உடைஞ்சு இருக்கு" (fifty are broken), "50 odanjirukku", "50 கிழிஞ்சு"
        r"|\d+\s*(?:pcs)?\s*(?:உடை|உடஞ்|கிழி|நசுங்|ஒழுகு|ஈரம|நனை|சேதம"
        r"|odanj|odenj|udanj|udainj|kizhinj|nasung|ozhug)",
    ),
    # "plastic spoon 1000", "cutlery set 500, but the plastic ones": our cutlery is wooden; plastic
    # named anywhere in a message with cutlery (and not right before cups, bags...) is confirmed
    (
        "a material to confirm",
        r"^(?=[\s\S]*\b(?:cutlery|spoons?|forks?|knife|knives)\b)[\s\S]*\bplastic\b"
        r"(?!\s+(?:[a-z]+\s+)?(?:cups?|lids?|bags?|box(?:es)?|containers?|straws?|wraps?)\b)",
    ),
    # "2000 bubble tea straws (the fat ones)", "boba straw 3k", "straw besar", "粗吸管": our straw
    # is the 6mm paper one; a straw of another kind (wide, bent, plastic) is not what we sell
    ("a straw kind to confirm", OTHER_STRAW),
    # "wet tissue 2 ctn", "tisu basah 1 karton", "湿纸巾两箱": a tissue we do not sell, no napkin
    ("a tissue kind to confirm", OTHER_TISSUE),
    # "3 ply napkins": the ply is read as a word ("three-ply"), but a search for it would find the
    # 2-ply napkin by its name; any other ply than two is confirmed
    ("a ply to confirm", r"\b(?:zero|one|three|four|five|six|seven|eight|nine)-ply\b"),
    # "last year 2 ctn, this year double" that parsing.read_doubled_past could not read as one
    # item twice over ("last year 2 ctn cups and 1 ctn lids, double this year"): how many of what?
    ("a multiple of an earlier order", rf"{PAST_SEASON}[\s\S]{{0,200}}?{DOUBLE}"),
    # items of an order already delivered or placed ("received 2 ctn straws", "订了两千个杯子")
    (
        "an earlier order",
        r"\b(?:received|you sent|we ordered|i ordered)\b|\b(?:dah|sudah|telah) terima\b|收到|订了"
        r"|(?<![\u0B80-\u0BFF])(?:கிடைத்த|செய்தேன்|செய்தோம்|பண்ணோம்|பண்ணினோம்)"
        # "came 2 ctn napkin, invoice say 3": what an invoice says against what came
        r"|\b(?:invoice|bill|invois)\s+(?:say|says|said|tulis|shows?|wrote|write)\s+\d"
        # goods that came earlier: "நேத்து வந்த 1000ml box-ல" (in the box that came yesterday),
        # "the cups that came yesterday", "yang sampai semalam", "昨天送来的"
        r"|(?<![\u0B80-\u0BFF])வந்த(?![\u0B80-\u0BFF])"
        r"|\b(?:came|arrived|delivered|sent)\s+(?:yesterday|this morning|last \w+|on (?:mon|tues"
        r"|wednes|thurs|fri|satur|sun)day)\b|\b(?:sampai|datang|dihantar)\s+semalam\b"
        r"|昨天(?:到|送来|送到|来)的",
    ),
    # goods waited for: "we're waiting on the 3000 napkins", "waiting for the pizza box 3 ctn",
    # "masih tunggu 2 karton straw", "还在等那两箱", "3 ctn still waiting": an order placed before,
    # whose delivery is asked about
    (
        "goods waited for",
        rf"\b(?:waiting|wait) (?:on|for)\b[^,.;!?\n，。]{{0,30}}{_COUNT}"
        rf"|{_COUNT}[^,.;!?\n，。]{{0,30}}\bstill (?:waiting|not here|not (?:yet )?(?:come|arrive))"
        rf"|\b(?:masih|tengah|sedang|dok) (?:tunggu|menunggu)\b[^,.;!?\n，。]{{0,30}}{_COUNT}"
        r"|(?:在等|还在等|等着)[^，。？?!\n]{0,15}\d|காத்துட்டு|காத்திருக்",
    ),
    # "600 burger box order போட்டேன், கிடைச்சுதா?" (I placed an order for 600, did you get it?),
    # "I placed an order for ...", "ytd i order 500 burger box got receive or not", "saya dah
    # order 500 cawan", "早上下了单": an order placed before, whose status is asked about
    (
        "an order placed before",
        r"\b(?:i|we) (?:placed|put in|sent in|made)\b[^.?!\n]{0,20}\border\b"
        r"|\b(?:ytd|yesterday|just now|this morning|earlier) (?:i|we) order(?:ed)?\b"
        r"|\b(?:dah|sudah|telah) (?:order|pesan|tempah|buat (?:order|pesanan))\b|下了单|已经下单"
        # "cawan 12oz 3 karton yang saya order hari isnin tu" (the cups I ordered on Monday)
        r"|\byang (?:saya|kami|aku|kita|i|we) (?:order|pesan|tempah)\b"
        r"|(?<![\u0B80-\u0BFF])(?:போட்டேன்|போட்டோம்|போட்டிருந்தேன்|போட்டிருக்கேன்|பண்ணேன்)"
        # "நேத்து போட்ட order" (the order placed yesterday)
        r"|(?<![\u0B80-\u0BFF])(?:போட்ட|பண்ண)\s*order\b"
        r"|\b(?:potten|pottom|pannen)\b",
    ),
    (
        "an approximate quantity",
        # "almost half a carton", "hampir separuh karton" (read "1 halfctn"): no count to order
        r"\b(?:about|around|approx\w*|roughly|abt|lebih kurang|kira-kira|almost|nearly|hampir)\s*\d"
        r"|\d+\s*(?:or so|odd)\b|左右|சுமார்"
        # "几百个" (a few hundred), "十几箱" (ten-odd cartons): 百 and 十 are read as 100 and 10 by
        # now; before, "几百个" ordered 100
        r"|几\s*\d|\d\s*几",
    ),
    # "一箱半", "half a carton", "satu setengah karton": part of a unit
    # "ஒன்றரை" (one and a half) left unread (not before a carton, a thousand or a hundred)
    (
        "a fraction",
        # not "my iced drink sales drop half": the shop's sales, halved in its story
        r"半|\bhalf\b(?<!\bsales drop half)(?<!\bsales dropped half)(?<!\bsales drop by half)"
        r"(?<!\bsales dropped by half)|\bsetengah\b|\bseparuh\b|(?<![\u0B80-\u0BFF])அரை"
        rf"|(?<![\w\u0B80-\u0BFF])(?:{'|'.join(TAMIL_AND_A_HALF)})(?![\w\u0B80-\u0BFF])",
    ),
    # not "நேரத்துக்கு" (on time): ரத்து (cancel) as a word of its own, not inside another
    ("a cancellation", r"\b(?:cancel\w*|batal\w*)\b|取消|(?<![\u0B80-\u0BFF])ரத்து"),
    (
        "a question",
        r"\b(?:how much|price|cost|berapa|harga|evvalavu|vilai)\b|多少钱|价格|价钱|விலை|எவ்வளவு"
        # how many a carton holds: "how many pcs in one carton?", "一箱有多少个？", "evlo irukum?"
        r"|\bhow many\b|多少|几[^.,;!\n]{0,12}\?"
        r"|\b(?:evlo|evalo|evvalo|evvlo|ethana|ethanai)\b|எத்தனை",
    ),
    ("two quantities", r"[一二两三四五六七八九]{2}[十百千万]"),
    (
        "same quantity as before",
        r"\bsame (?:qty|quantity|amount)\s+(?:as|like)\s+(?:last|previous|before)",
    ),
    # "might order 2000 on monday", "thinking of getting 500 bowls": a plan, not an order yet
    (
        "a plan for later",
        r"\b(?:might|may|maybe|probably|thinking of|planning to|plan to)\s+"
        r"(?:order|ordering|buy|buying|get|getting|take|taking)\b"
        # "next month then order 5000 straws", "bulan depan baru order", "Friday 才 order",
        # "下个月再订", "order பண்ணுவோம்" (we will order): an order for later, as the classifier's
        r"|\b(?:next (?:week|month)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|depan|later)\b"
        r"[^.?!\n]{0,25}\b(?:then|baru)\s+"
        r"(?:order|oder|pesan|tempah)\b|[才再]\s*(?:order\b|订)|பண்ணுவோம்|செய்வோம்"
        # "next month we order 2 ctn", "bulan depan order 2 karton", "அடுத்த மாசம் 2 carton order
        # பண்றோம்" (next month we order 2 cartons): an order for a later month or week
        r"|\b(?:next (?:week|month)|(?:bulan|minggu) depan)\b[^.?!\n]{0,25}"
        r"\b(?:(?:we|i|kami|saya)\s+(?:will\s+|'ll\s+|akan\s+)?)?(?:order|pesan|tempah)\b"
        r"|அடுத்த\s*(?:மாசம்|மாதம்|வாரம்)[^.?!\n]{0,30}(?:order|ஆர்டர்)"
        # "下个月订两箱" (order two cartons next month; 个 is read as "pcs" by then), "下次再订"
        # not "下个礼拜一要：..." (for next Monday: a delivery day)
        r"|下\s*(?:pcs\s*|个\s*)?(?:月|礼拜|星期|周|次)(?![一二三四五六日天1-7])[^。？?!\n，,:]{0,8}"
        r"(?:订|需要|买|order\b)"
        # "..., 先跟你说一声" (just letting you know first): a heads-up, no order yet
        r"|先(?:跟|和|给)你(?:说|讲)一声|先通知你"
        # "next time i order 16oz cup 2000 ok?": the next order, not this one
        r"|\bnext time\b[^.?!\n]{0,10}\b(?:i|we)\s+(?:will\s+|'ll\s+)?(?:order|get|take|buy)\b"
        r"|\b(?:we|i)(?:'ll| will| shall| are going to)\s+(?:order|need|buy|get)\b"
        r"[^.?!\n]{0,50}\b(?:once|after|when|will confirm|confirm later|let you know)\b",
    ),
    # "Fwd: INVOICE ... 12oz cup 2000 x 0.08", "Fwd: DO-5512 pizza box x 300": a forwarded
    # invoice or delivery order (its reference is cut out as " ; ") lists items already ordered;
    # "Fwd: list from kitchen ..." is an order
    (
        "a forwarded document",
        r"^\s*(?:fwd?|forwarded(?: message)?)\s*:(?:\s*;|[\s\S]*\b(?:invoice|delivery order|receipt"
        r"|statement|total|paid)\b)",
    ),
)
# "cups and lids 1000 each": the quantity is for each of the products named.
# "8oz cup, lid ரெண்டும் தலா 3000" (both, 3000 apiece): தலா is "each" written before the number
EACH = r"\beach\b|\bsetiap\b|\bmasing(?:-| )masing\b|各|ஒவ்வொன்று|தலா"
NEGATION = "|".join(
    (
        r"\bno need\b",
        r"\bdun (?:need|want)\b",
        r"\bdunnid\b",
        r"\bnot needed\b",
        r"\bdon'?t\b",
        r"\bdo not\b",
        r"\btak (?:payah|perlu|nak|mahu)\b",
        "不用",
        "不要",
    )
)
# A product without a quantity said to be in stock or to have come already is no line of the order:
# "cawan masih ada stok", "cups still got stock", "杯子还有不用", "போன வாரம் cups வந்துச்சு".
# "3 month no income", "no time to count stock": the shop's own story, nothing of the goods said
# no to (a negation the parser neither reads as a change nor as goods not wanted)
STORY_NO = r"\bno (?:income|business|customers?|sales|time|choice|rest|sleep|holiday|off day)\b"
NOT_WANTED = "|".join(
    (
        NEGATION,
        # a piece that starts with "no": "no napkins this time", "(no straws this time)"
        r"^[(\[]?\s*no\b(?!\.)",
        r"\bmasih ada\b",
        # "cawan ada lagi" (we still have cups), "straw masih cukup", "lids still enough"
        r"\bada lagi\b|\bmasih (?:cukup|banyak)\b|\bcukup lagi\b|\bstill (?:enough|ok)\b"
        r"|\b(?:have|got) enough\b",
        r"\bstill (?:have|got|has)\b",
        r"\bgot stock\b",
        r"\b(?:already|just) (?:came|arrived|received)\b",
        "还有货|还够|(?<![\u0b80-\u0bff])(?:வந்துச்சு|வந்தது|இருக்கு)",
    )
)
# "same as last time but more cups", "跟上次一样 but more straw", "macam biasa tapi kurang
# straw": the last order changed by an amount the message does not write (not "once more", "nothing
# more", "tak ada tambah apa-apa", "lebih kurang", "多谢", "一样多")
_NO_CHANGE_BEFORE = (
    r"(?<!once )(?<!one )(?<!nothing )(?<!any )(?<!no )(?<!not )(?<!tak )(?<!tak ada )"
    r"(?<!tiada )(?<!takde )(?<!tak de )(?<!tak payah )(?<!jangan )(?<!don't )(?<!dont )"
    r"(?<!lebih )"
)
REPEAT_CHANGE = (
    rf"{_NO_CHANGE_BEFORE}\b(?:more|less|fewer|extra|double|triple|lebih|tambah|kurang)\b"
    r"(?! kurang)"
    r"|(?<!一样)(?<!同样)(?<!不)(?<!没)(?<!不用)(?<!不要)多(?!谢)|(?<!至)(?<!不)少"
    r"|(?<![\u0B80-\u0BFF])(?:அதிக|குறைவ|இன்னும்)"
)
# A piece without a quantity that starts by talking of an earlier delivery is a remark, no line of
# the order (nor a companion of the item before it): "750ml box 3 ctn, last time the lid loose".
PAST_REMARK = (
    r"^\s*(?:(?:but|btw|oh|eh|and)\s+)?(?:(?:the )?last (?:time|delivery|batch|round|week)"
    r"|previously|the other day|hari tu|(?:minggu|kali) lepas|pona (?:thadava|murai))\b"
    r"|^\s*(?:上次|上一次|போன (?:தடவை|முறை))"
)

IRREGULAR_SINGULARS = {"knives": "knife", "glasses": "glass", "boxes": "box", "dishes": "dish"}
SINGULAR_KEEP = frozenset({"glass", "bus", "gas", "less", "plus", "cutlery", "fries"})


def _plurals(noun: str) -> set[str]:
    irregular = {plural for plural, single in IRREGULAR_SINGULARS.items() if single == noun}
    return {noun, f"{noun}s", *irregular}


def _slips(word: str) -> set[str]:
    """How fast thumbs write a word: a letter left out inside it ('napkns', not at its start:
    'love' is no 'glove'), two letters swapped ('cpus'), a letter doubled ('cuttlery'), and in a
    long word a vowel inside it written as another ('cutlary', 'napken'; not in short ones: 'cap'
    and 'cop' are no 'cup') or a letter inside it written two places off ('stawrs', 'napink')."""
    long = len(word) >= 6
    dropped = {word[:i] + word[i + 1 :] for i in range(1, len(word))} if long else set()
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    inside = range(1, len(word) - 2) if long else range(0)
    moved = {word[:i] + word[i + 1 : i + 3] + word[i] + word[i + 3 :] for i in inside} | {
        word[:i] + word[i + 2] + word[i : i + 2] + word[i + 3 :] for i in inside
    }
    doubled = {word[: i + 1] + word[i:] for i in range(len(word))}
    vowels = {
        word[:i] + vowel + word[i + 1 :]
        for i in range(1, len(word))
        for vowel in "aeiou"
        if long and word[i] in "aeiou"
    }
    return (dropped | swapped | doubled | vowels | moved) - {word}


# English words one slip from a product type: they are what they say, no misspelt product
ENGLISH_LOOKALIKES = frozenset({"cusp", "warp", "warps", "pates", "plats", "tary", "pleats"})


def _typo_map() -> dict[str, str]:
    forms = {form for noun in TYPE_NOUNS for form in _plurals(noun) if len(form) >= 4}
    # "2 cartns", "3 catons": the unit a line is counted in, misspelt, is still that unit (before,
    # "wooden cutlery set 2 cartns" ordered 2 sets)
    forms |= _plurals("carton")
    # "burgr boxes 500": the product a box is for, misspelt, is still that product
    forms |= _plurals("burger")
    known = forms | STOPWORDS | set(UNIT_WORDS) | ATTRIBUTE_WORDS | set(IRREGULAR_SINGULARS)
    known |= ENGLISH_LOOKALIKES
    seen: dict[str, set[str]] = {}
    for form in forms:
        for slip in _slips(form):
            seen.setdefault(slip, set()).add(form)
    return {slip: next(iter(f)) for slip, f in seen.items() if len(f) == 1 and slip not in known}


# "wooden cuttlery", "12oz cpus", "napkns", "cartns": a product type (or the carton) misspelt by
# one slip of the thumb
PRODUCT_TYPOS: dict[str, str] = _typo_map()
