"""Chinese, Malay and Tamil (script and romanised) order words, in the English the parser reads.

Organised by class, not by message: product types, attributes, units and classifiers, size
units, "same as last time" phrasings, and the filler words around items. OpenAI handles free-form
text; these keep the common phrasings of each language working offline. Pure data and string
functions; imports nothing of tria.
"""

from __future__ import annotations

import re

REPEAT = " same as last time "
# "as before", naming no earlier order: a repeat alone, a note on the goods after a list of them
# (remarks.drop_as_before_note)
AS_BEFORE = " same as before "

# Substring replacements (Chinese has no spaces; Malay and English phrases are matched as words).
# Applied longest first, so "热饮纸杯" wins over "纸杯" and "杯".
LEXICON: dict[str, str] = {
    # Chinese: repeat the last order
    "照上次一样": REPEAT,
    "和上次一样": REPEAT,
    "跟上次一样": REPEAT,
    "跟上回一样": REPEAT,
    "和上回一样": REPEAT,
    "照上回": REPEAT,
    "同上次一样": REPEAT,
    "上次一样": REPEAT,
    "照旧": REPEAT,
    # "付款照旧月结": payment as usual, no repeat of the order
    "付款照旧": " 付款 ",
    "照旧月结": " 月结 ",
    "老样子": REPEAT,
    "再来一单": REPEAT,
    # "再来一单：大纸袋两箱" (one more order: ...): a new order headed by it, its lines after
    # the colon
    "再来一单:": " order: ",
    "再来一单：": " order: ",
    # Chinese: product types
    "披萨盒": " pizza box ",
    "比萨盒": " pizza box ",
    "匹萨盒": " pizza box ",
    "汉堡盒": " burger box ",
    "汉堡包盒": " burger box ",
    "外卖盒": " takeaway box ",
    "打包盒": " takeaway box ",
    "餐盒": " takeaway box ",
    "饭盒": " takeaway box ",
    # "热饮杯盖", "冷饮杯盖": the lid of a hot (cold) drink cup, a lid (not "hot cup" and a lid)
    "热饮杯盖": " hot lid ",
    "冷饮杯盖": " cold lid ",
    "热杯盖": " hot lid ",
    "冷杯盖": " cold lid ",
    "热饮纸杯": " hot paper cup ",
    "热饮杯": " hot cup ",
    "冷饮杯": " cold cup ",
    "纸杯": " paper cup ",
    # "配套的盖子" (the matching lid): the lid of the cups before it (parsing.lid_of_the_cup)
    "配套的": " matching ",
    "配套": " matching ",
    # "配吸管口的盖子": the lid with a straw opening, a sip lid
    "吸管口的盖子": " sip lid ",
    "吸管口盖子": " sip lid ",
    "吸管口": " sip ",
    # "盖子照杯子的数量配" (lids matched to the cups' quantities): a lid for every cup line
    "照杯子的数量配": " for all ",
    "照杯子的数量": " for all ",
    "按杯子的数量配": " for all ",
    "按杯子的数量": " for all ",
    # "配吸饮的盖子" (the lid to drink from): a sip lid
    "吸饮的盖子": " sip lid ",
    "吸饮盖子": " sip lid ",
    "吸饮盖": " sip lid ",
    "吸饮": " sip ",
    "杯盖": " lid ",
    "盖子": " lid ",
    "杯子": " cup ",
    "纸吸管": " paper straw ",
    "吸管": " straw ",
    "餐巾纸": " napkin ",
    "纸巾": " napkin ",
    "纸袋": " paper bag ",
    # "牛皮纸代": 代 typed for its homophone 袋
    "纸代": " paper bag ",
    # places whose Chinese names hold a product word ("送加冷中央厨房": 冷 is no cold cup, 大 no
    # large bag)
    "加冷": " kallang ",
    "大巴窑": " toa payoh ",
    "小印度": " little india ",
    "大士": " tuas ",
    "白沙浮": " bugis ",
    "牛皮纸代": " kraft paper bag ",
    # "木刀叉五百套" (wooden knife and fork, 500 sets)
    "木刀叉": " wooden cutlery ",
    "刀叉": " cutlery ",
    "袋子": " bag ",
    "木餐具": " wooden cutlery ",
    "木头餐具": " wooden cutlery ",
    "木制餐具": " wooden cutlery ",
    "刀叉勺": " cutlery ",
    "木叉勺套装": " wooden cutlery set ",
    "木叉勺": " wooden cutlery ",
    "叉勺": " cutlery ",
    "餐具": " cutlery ",
    "盒子": " box ",
    # "1000ml纸盒" (a paper box of 1000ml): the box, not "纸" glued to the size
    "纸盒": " box ",
    "纸碗": " paper bowl ",
    "碗": " bowl ",
    "泡沫": " foam ",
    "塑料": " plastic ",
    # Chinese: attributes
    "单层": " 1 ply ",
    "双层": " 2 ply ",
    "两层": " 2 ply ",
    "三层": " 3 ply ",
    "牛皮纸": " kraft ",
    "牛皮": " kraft ",
    "白色": " white ",
    "圆顶": " dome ",
    "拱形盖": " dome lid ",
    "拱形": " dome ",
    "透明": " clear ",
    "大号": " large ",
    "小号": " small ",
    "中号": " medium ",
    "大概": " about ",
    "大约": " about ",
    "一些": " some ",
    "有些": " some ",
    # "天气很热" (the weather is very hot), "这几天好热": the weather, no hot cup; "这个星期" (this
    # week), "那个" (that one): a demonstrative, no piece
    "天气": " weather ",
    "很热": " weather ",
    "好热": " weather ",
    "太热": " weather ",
    "热死": " weather ",
    "这个": " this ",
    "那个": " that ",
    "热": " hot ",
    "冷": " cold ",
    # Chinese: size units, single characters and measure words
    "安士": " oz ",
    "盎司": " oz ",
    "毫升": " ml ",
    "英寸": " inch ",
    "英吋": " inch ",
    "吋": " inch ",
    "寸": " inch ",
    "杯": " cup ",
    "盖": " lid ",
    "盒": " box ",
    "袋": " bag ",
    "大": " large ",
    "小": " small ",
    "个": " pcs ",
    "张": " pcs ",
    "支": " pcs ",
    "根": " pcs ",
    "条": " pcs ",
    "只": " pcs ",
    "片": " pcs ",
    "套": " sets ",
    "箱": " carton ",
    "包": " pack ",
    "和": " and ",
    "还有": " and ",
    "另外": " and ",
    "，": " , ",
    "、": " , ",
    "。": " . ",
    "；": " ; ",
    # Tamil phrases the token translation below cannot see (two words)
    "கடந்த முறை மாதிரியே": REPEAT,
    "போன வாரம் மாதிரியே": REPEAT,
    "போன முறை மாதிரியே": REPEAT,
    # Malay
    # "hantar 900 secepat mungkin" (as fast as possible): no "mungkin" (maybe) of an unsure customer
    "secepat yang mungkin": " asap ",
    "secepat mungkin": " asap ",
    "sama macam order": REPEAT,
    # "tak payah ubah apa-apa" (no need to change anything): no change, no item said no to
    "tak payah ubah": " no change ",
    "tak payah tukar": " no change ",
    "jangan ubah": " no change ",
    "macam last time": REPEAT,
    "sama macam": " same as ",
    # "Order sama dengan last time" (the same as last time): not "and", as dengan is elsewhere
    "sama dengan": " same as ",
    "bekas makanan": " takeaway box ",
    "bekas bungkus": " takeaway box ",
    # "untuk bungkus nasi lemak, bekas 750ml ..." (to pack nasi lemak in): a verb, no pack
    "untuk bungkus": " for packing ",
    # "kotak bungkus nasi lemak" (a box to pack nasi lemak in): no packs of boxes
    "kotak bungkus": " takeaway box ",
    "kotak pizza": " pizza box ",
    "kotak piza": " pizza box ",
    "kotak burger": " burger box ",
    "cawan kertas": " paper cup ",
    "beg kertas": " paper bag ",
    "penyedut minuman": " straw ",
    "sudu garpu kayu": " wooden cutlery ",
    "sudu dan garpu": " cutlery ",
    "sudu garpu": " cutlery ",
    "sudu garfu kayu": " wooden cutlery ",
    "sudu dan garfu": " cutlery ",
    "sudu garfu": " cutlery ",
    "tak payah": " no need ",
    "tak perlu": " no need ",
    "kotak": " box ",
    "cawan": " cup ",
    "gelas": " cup ",
    "karton": " carton ",
    # second-language and phonetic spellings: "kotak 1000ml satu karten", "wadah makanan bawa
    # pulang" (a take-home food container)
    "karten": " carton ",
    "wadah": " container ",
    "bawa pulang": " takeaway ",
    # a lid described: "yang rata ada lubang minum" (the flat one with a drinking hole)
    "lubang minum": " sip ",
    # "kotak 1000ml 2 ktn": the Malay writers' short "karton"
    "ktn": " carton ",
    "ktns": " carton ",
    # and their vowels left out: "cwn 8oz seribu" (cawan), "pnutup" / "pntp" (penutup), "ktk"
    # (kotak)
    "cwn": " cup ",
    "pnutup": " lid ",
    "pntup": " lid ",
    "pntp": " lid ",
    "ktk": " box ",
    "sekarton": " 1 carton ",
    "sekotak": " 1 box ",
    "sepek": " 1 pack ",
    "sepaket": " 1 pack ",
    "sebungkus": " 1 pack ",
    "keping": " pcs ",
    "biji": " pcs ",
    "helai": " pcs ",
    "batang": " pcs ",
    "ketul": " pcs ",
    "pek": " pack ",
    "paket": " pack ",
    "kertas": " paper ",
    # "tudung cawan 12oz" (the cup's lid): a lid, the cup only says whose
    "tudung cawan": " lid ",
    "penutup cawan": " lid ",
    "penutup": " lid ",
    "tudung": " lid ",
    "kubah": " dome ",
    "panas": " hot ",
    "sejuk": " cold ",
    "putih": " white ",
    "bercetak": " printed ",
    "kraf": " kraft ",
    "coklat": " brown ",
    "besar": " large ",
    "kecil": " small ",
    "sederhana": " medium ",
    "plastik": " plastic ",
    "polisterin": " foam ",
    "kayu": " wooden ",
    "inci": " inch ",
    "dengan": " and ",
    # chat spellings: "beg besar dua karton ngan yg kecik satu karton"
    "dgn": " and ",
    "ngan": " and ",
    "kecik": " small ",
    "dan": " and ",
    "serta": " and ",
    "beg": " bag ",
    "sudu": " spoon ",
    "kutleri": " cutlery ",
    "garfu": " fork ",
    "serviet": " napkin ",
    "garpu": " fork ",
    "bekas": " container ",
    "mangkuk": " bowl ",
    "tisu": " napkin ",
    "serbet": " napkin ",
    "piza": " pizza ",
    "penyedut": " straw ",
    # English product words as voice-to-text or fast thumbs write them ("twelve ounce cops",
    # "kups", "lidz"): plurals only, and spellings an order has no other use for
    "cops": " cups ",
    # "the more bigger one 1000ml", "the smallest hot cup 8oz": a size said by comparing
    "bigger": " big ",
    "biggest": " big ",
    "smaller": " small ",
    "smallest": " small ",
    "drinking hole": " sip ",
    "kups": " cups ",
    "cupz": " cups ",
    "lidz": " lids ",
    "strawz": " straws ",
    "napkinz": " napkins ",
    # bubble tea shops' shorthand: "strw 2 ctn", "1ctn dom lid", "npkn 5k"
    "strw": " straw ",
    "strws": " straws ",
    "npkn": " napkin ",
    "npkns": " napkins ",
    "dom": " dome ",
    # a kitchen's shorthand: "bx 1000ml - 600", "burger bxs 500"
    "bx": " box ",
    "bxs": " boxes ",
    # romanised Tamil
    "kaagitha": " paper ",
    "kaagitham": " paper ",
    "kagitham": " paper ",
    "moodi": " lid ",
    "mudi": " lid ",
    "petti": " box ",
    "periya": " large ",
    "chinna": " small ",
    "siriya": " small ",
    "soodana": " hot ",
    "kulir": " cold ",
    "vendam": " no need ",
    "venam": " no need ",
    # the long vowel doubled, as chats write it ("lid vendaam", "straw venaam")
    "vendaam": " no need ",
    "venaam": " no need ",
    "vendaa": " no need ",
    "வேண்டாம்": " no need ",
    "வேணாம்": " no need ",
}

# Words that may stand around a bare "as usual" in a message that says nothing else: whom it is
# written to, please and thanks, "order" and "send" ("Boss as usual lah", "வழக்கம் போல order
# அனுப்புங்க அண்ணா"). With anything else "as usual" is a remark ("PayNow as usual", "2-ply as usual").
_USUAL_FILLER = (
    r"(?:hi|hello|hey|morning|boss|uncle|auntie|aunty|bro|bang|abang|kak|akak|anna|sir|lah|la|lor"
    r"|leh|ya|yah|ok|okay|pls|plz|please|thanks|thx|thank you|tq|again|order|send|one|same"
    r"|this week|today|tomorrow|அண்ணா|அக்கா|அனுப்புங்க|அனுப்புங்கள்|அனுப்பவும்|போடுங்க"
    r"|ப்ளீஸ்|நன்றி"
    # the day it is wanted: "வழக்கம் போல அனுப்புங்க, வியாழன் காலை" (as usual, Thursday morning)
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|நாளை|நாளைக்கு"
    r"|(?:திங்கள்|செவ்வாய்|புதன்|வியாழன்|வெள்ளி|சனி|ஞாயிறு)(?:\s*கிழமை)?|காலை|மதியம்|மாலை)"
)
_FILLERS = rf"(?:[\s,.!~]*{_USUAL_FILLER}(?![\w\u0B80-\u0BFF]))*[\s,.!~]*"
USUAL_ALONE = (
    rf"^{_FILLERS}(?:as usual|like usual|வழக்கம் போல(?:வே)?|வழக்கமான)(?![\w\u0B80-\u0BFF])"
    rf"{_FILLERS}$"
)

# "跟之前一样", "sama macam dulu", "முன்பு போலவே": as before, no earlier order named (read before
# REPEAT_PHRASES, which read them as the last order)
AS_BEFORE_PHRASES = (
    r"(?:跟|和|同|照)(?:之前|以前)一样",
    r"\b(?:sama\s+)?(?:macam|mcm|cam|seperti|spt)\s+(?:dulu|sebelum (?:ni|ini)|sblm ni)\b",
    r"(?<![\u0B80-\u0BFF])முன்பு\s*(?:போல|மாதிரி)[\u0B80-\u0BFF]*",
)

# Repeat phrasings that vary in the middle, on lower-cased text.
REPEAT_PHRASES = (
    USUAL_ALONE,
    r"\b(?:like|as per|same as) (?:the |our |my )?(?:last|previous|prev) "
    r"(?:time|order|week|month)\b",
    r"\b(?:our |my |the )?(?:usual|regular) order\b",
    # "வழக்கமான order" (the usual order), "வழக்கம் போல ஆர்டர்" (the order as usual)
    r"(?:வழக்கமான|வழக்கம் போல(?:வே)?)\s*(?:order|ஆர்டர்)",
    r"\bre-?order (?:the )?(?:same|last|previous)\b",
    # chat spellings too: "mcm" / "cam" (macam), "spt" (seperti), "lps" (lepas), "sblm" (sebelum)
    # not "kedai pun buka macam biasa" (the shop opens as usual): the shop's day, no order
    r"\b(?<!buka )(?<!bukak )(?<!beroperasi )(?<!berniaga )"
    r"(?:macam|mcm|seperti|spt|sama seperti|sama spt) (?:order |pesanan |yang )?"
    r"(?:lepas|lps|sebelum ni|sebelum ini|sblm ni|minggu lepas|minggu lps|mggu lps|bulan lepas"
    r"|bulan lps|dulu|biasa|hari tu|hr tu)\b",
    # "Hantar sama mcm last order ye", "macam last order, same same": the English of the rest
    r"\b(?:sama )?(?:macam|mcm|cam|seperti|spt) (?:the |our )?last (?:time|order|week|month)\b",
    # "last week order same", "last month same lah": the order of an earlier week, the same again
    # (not "last time same size but ...", "last week same price")
    r"\b(?:last|previous|prev) (?:time|week|month|order)(?: order| punya)?\s+same\b"
    r"(?!\s+(?:size|kind|type|brand|colou?r|design|price|problem|issue|thing happened|as)\b)",
    r"\bulang (?:order|pesanan)\b",
    # "repeat order last week", "Repeat order minggu lepas": the order to repeat named after it
    r"\b(?:repeat|redo|ulang) (?:the |our |my )?(?:order|pesanan) (?:(?:of |from )?(?:last|previous"
    r"|prev) (?:time|week|month)|(?:minggu|bulan) (?:lepas|lps)|hari tu|sebelum ni)\b",
    r"\b(?:order|pesanan) (?:yang )?biasa\b",
    # "போன தடவை அனுப்புன மாதிரியே" (like what was sent last time): one word may come between
    # "கடைசி order மாதிரியே" (just like the last order)
    r"(?:கடந்த|போன|முந்தைய|முன்பு|கடைசி)\s*(?:முறை|தடவை|வாரம்|மாதம்|மாசம்|ஆர்டர்|order)?\s*"
    # "போன தடவை order மாதிரியே" (just like last time's order): the word between in English;
    # "கடந்த வாரம் ஆர்டர் செய்தது போலவே" (just as ordered last week): "order" and its verb between
    r"(?:(?:ஆர்டர்|order)\s+(?=[\u0B80-\u0BFF]+\s+(?:போல|மாதிரி)))?"
    r"(?:(?:[\u0B80-\u0BFF]+|order)\s+)?(?:போல|மாதிரி)[\u0B80-\u0BFF]*",
    # "last week order மாதிரியே அனுப்புங்க": the earlier order in English, "like" in Tamil; "last
    # order அதே மாதிரி" (the same as the last order)
    r"\b(?:last|previous|prev) (?:time|week|month|order)(?: order)?\s*(?:அதே\s*)?"
    r"(?:போல|மாதிரி)[\u0B80-\u0BFF]*",
    r"அதே ஆர்டர்[\u0B80-\u0BFF]*",
    # "last time maathiriye" (just like last time), "pona thadava anupuna mathiri", "last week order
    # maadhiriye": any spelling of maathiri (like)
    r"\b(?:last (?:time|order|week|month)|pona (?:thadava|murai|vaaram))(?: [a-z]+)? "
    r"(?:maa?(?:th|dh|t|d)iri|pola)(?:ye|yae|e)?\b",
    r"(?:按|照|跟)?(?:上次|上回|上一次|上一回)的?(?:单|订单)?再来",
    # "请再送一次上次的订单" (please send last time's order once more)
    r"再(?:送|来|下|订|发)(?:一次|一遍)?(?:上次|上回|上一次|上一回)的(?:单|订单)",
    # "麻烦再送上次那样的货" (please send the goods as last time again)
    r"再(?:送|来|订|发)(?:一次|一遍)?(?:上次|上回|上一次|上一回)(?:那样|一样)的(?:货|东西|单|订单)",
    # "照上次的送" (send as last time), "按上次的单发货"
    r"(?:按|照)(?:上次|上回|上一次|上一回|之前)的?(?:单|订单)?(?:送|发|来|订|落)",
    # "last month anuppuna adhe order thirumba podunga" (send the same order again)
    r"\b(?:adhe|athe|adhey|athey|same) order\b[^.?!\n]{0,20}\b(?:thirumba|thirumbavum|again)\b"
    r"|\bthirumba(?:vum)? (?:adhe|athe|same) order\b",
    r"跟上次的?一样",
    # "this week order follow last week one", "ikut last week punya": the order of an earlier week
    r"\b(?:follow|ikut) (?:the |our |my )?(?:last|previous|prev) (?:time|order|week|month)\b",
    # "跟上回的单一模一样" (exactly the same as last time's order)
    r"(?:跟|和|同|照)(?:上次|上回|上一次|上一回|之前)的(?:单|订单)?(?:一模)?一样",
    r"(?:跟|和|同|照)(?:上次|上回|上一次|上一回|之前)(?:一模)一样",
    # "எப்பவும் போல அதே order" (the same order as always), "போன order-ஐயே திரும்ப போடுங்க"
    # (put the last order again)
    r"அதே\s*(?:order|ஆர்டர்)[\u0B80-\u0BFF]*",
    # "போன வாரம் order பண்ணினதே திரும்ப அனுப்புங்க" (send again what was ordered last week): the
    # week and the verb of ordering between
    r"(?:போன|கடந்த|முந்தைய)\s*(?:(?:வாரம்|தடவை|முறை|மாசம்|மாதம்)\s*)?(?:order|ஆர்டர்)"
    r"(?:-?[\u0B80-\u0BFF]+)?\s+(?:[\u0B80-\u0BFF]+\s+)?(?:திரும்ப|மறுபடி)[\u0B80-\u0BFF]*",
    r"\bpona order(?:-?[a-z]+)? (?:thirumba|thirumbavum|marupadi)\b",
    # "last week order repeat pls", "கடந்த வாரம் போட்ட order அப்படியே repeat பண்ணுங்க" (repeat the
    # order put in last week as it is): an earlier order, a word between at most, then "repeat"
    r"(?:\b(?:last|previous|prev)|கடந்த|போன|முந்தைய)\s*(?:time|week|month|வாரம்|தடவை|முறை|மாசம்"
    r"|மாதம்)?\s*(?:[\u0B80-\u0BFF]+\s+)?(?:order|ஆர்டர்)(?:-?[\u0B80-\u0BFF]+)?\s+"
    r"(?:அப்படியே\s+)?repeat\b(?!\s*\?)",
    # "跟上个礼拜一样的", "和上星期订的一样": the same as an earlier week's or month's order
    r"(?:跟|和|同|照)(?:上次|上一?个?(?:礼拜|星期|周|月)|之前|以前)(?:订|买|要)?的?(?:订单)?一样",
)

# "the same amount" of a product named after an item: the item's quantity (split_segments makes the
# product a companion of the line before). One phrase in English, so that no word of it is read as
# a product word ("penutup sama banyak" is "lid same amount", not a product "lid sama banyak").
SAME_AMOUNT = " same amount "
SAME_AMOUNT_PHRASES = (
    r"\b(?:the )?same (?:number|no\.?|amt|qty|quantity|amount)\b|\bequal (?:number|amount|qty)\b",
    # Singlish: "1000ml box also same", "lid oso same" (not "also same as last time", "also same
    # size": a likeness of something else)
    r"\b(?:also|oso|all) (?:the )?same\b"
    r"(?!\s*(?:as|size|colou?r|kind|type|brand|design|one|lah? as)\b)",
    # Singlish: "8oz cup 2ctn lid same can", "the cover same same ok": a product then "same" at
    # the end of its clause (not "lid same as the 12oz", "cup same size", "same colour")
    r"(?:(?<=\blid )|(?<=\blids )|(?<=\bcover )|(?<=\bcovers )|(?<=\bstraw )|(?<=\bstraws ))"
    r"same(?: same)?"
    r"(?=(?:\s+(?:can|ok|okay|pls|please|lah|la|ah|hor|also|oso|too))?\s*(?:[,.;!?\n]|$))",
    # Malay: "sama banyak", "jumlah yang sama", "sama kuantiti", "sebanyak itu juga", "pun sama"
    r"\bsama banyak\b|\bsebanyak (?:itu|tu)(?: juga)?\b|\b(?:pun|juga) sama(?: banyak)?\b"
    r"|\b(?:jumlah|kuantiti|bilangan)(?:nya)?(?: yang)? sama\b"
    r"|\bsama (?:jumlah|kuantiti|bilangan)\b",
    # Chinese: "一样多", "同样数量", "一样的数量", "数量一样", "也一样"
    r"(?:一样|同样|相同)的?(?:多|数量|份量|分量|数目)|(?:数量|数目)(?:也|都)?(?:一样|相同)"
    r"|(?:也|都)一样",
    # Tamil: "அதே அளவு", "same அளவு", "அதே எண்ணிக்கை", romanised "adhe alavu"
    r"(?:அதே|\bsame)\s*(?:அளவு|எண்ணிக்கை)[\u0B80-\u0BFF]*"
    r"|\b(?:adhe|athe|adhey|athey|same) (?:alavu|alavula|alavukku|ennikai)\b"
    # "1000ml box அறுநூறு, 750ml-உம் அதே" (750ml too, the same): "the same" ending its clause
    r"|(?<![\u0B80-\u0BFF])அதே(?=\s*(?:[,.;!?\n]|$))|\b(?:adhe|athe|adhey|athey)(?=\s*(?:[,.;!?\n]|$))",
)

# Tamil words by stem: a token that starts with the stem is the English word ("பெட்டிகள்" boxes,
# "மூடிகளும்" and the lids). Short stems must be the whole token or take a plural/case suffix.
TAMIL_STEMS: dict[str, str] = {
    "கப்": "cup",
    "குவளை": "cup",
    "டம்ளர்": "cup",
    "மூடி": "lid",
    "லிட்": "lid",
    "பீட்சா": "pizza",
    "பிட்சா": "pizza",
    "பீஸ்ஸா": "pizza",
    "பெட்டி": "box",
    "பாக்ஸ்": "box",
    "பர்கர்": "burger",
    "காகித": "paper",
    "பேப்பர்": "paper",
    "ஸ்ட்ரா": "straw",
    "ஸ்ட்ரோ": "straw",
    "உறிஞ்சு": "straw",
    "நாப்கின்": "napkin",
    "டிஷ்யூ": "tissue",
    "கட்லரி": "cutlery",
    "மரக்": "wooden",
    "மரத்": "wooden",
    "மர": "wooden",
    "கரண்டி": "spoon",
    "முள்கரண்டி": "fork",
    "செட்": "set",
    "பை": "bag",
    # "பேப்பர் பேக்" (paper bag): the English word in Tamil letters
    "பேக்": "bag",
    "பெரிய": "large",
    "சின்ன": "small",
    "சிறிய": "small",
    "நடுத்தர": "medium",
    "சூடான": "hot",
    "சூடு": "hot",
    "குளிர்": "cold",
    # the English words in Tamil letters: "கோல்ட் கப்" (cold cup), "ஹாட் கப்" (hot cup)
    "கோல்ட்": "cold",
    "கோல்டு": "cold",
    "ஹாட்": "hot",
    "டோம்": "dome",
    "சிப்": "sip",
    "வெள்ளை": "white",
    "கிராஃப்ட்": "kraft",
    "பழுப்பு": "brown",
    "அங்குல": "inch",
    "இஞ்ச்": "inch",
    "இன்ச்": "inch",
    "அவுன்ஸ்": "oz",
    "மில்லி": "ml",
    "கார்டன்": "carton",
    "கார்ட்டன்": "carton",
    "அட்டைப்பெட்டி": "carton",
    "பீஸ்": "pcs",
    "ஃபோம்": "foam",
    "தெர்மோகோல்": "foam",
    "பிளாஸ்டிக்": "plastic",
    "டேக்அவே": "takeaway",
    "பார்சல்": "takeaway",
    "கொள்கலன்": "container",
    # "750ml டப்பா" (a 750ml tub): the takeaway box
    "டப்பா": "box",
    # "மர ஸ்பூன் ஃபோர்க் செட்" (a wooden spoon and fork set): the cutlery set
    "ஸ்பூன்": "spoon",
    "ஃபோர்க்": "fork",
    "போர்க்": "fork",
    "நைஃப்": "knife",
    "கொஞ்சம்": "some",
    "சில": "some",
}
# plural and case endings; "கப்புகள்" doubles the stem's last consonant before them
TAMIL_SUFFIXES = (
    "பு",
    "புகள்",
    "புகளும்",
    "பை",
    "",
    "கள்",
    "களும்",
    "கள",
    "ும்",
    "உம்",
    "ை",
    "ுகள்",
    "ுகளும்",
    "ு",
    "ப்",
    "க்",
    "த்",
)
TAMIL_TOKEN = re.compile(r"[\u0B80-\u0BFF]+")
_STEMS_LONGEST_FIRST = sorted(TAMIL_STEMS, key=len, reverse=True)
_ASCII_WORDS = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted(LEXICON, key=len, reverse=True) if w.isascii())
    + r")\b"
)
_SCRIPT_WORDS = re.compile(
    "|".join(re.escape(w) for w in sorted(LEXICON, key=len, reverse=True) if not w.isascii())
)
_COMPILED_REPEAT = tuple(re.compile(pattern) for pattern in REPEAT_PHRASES)
_AS_BEFORE = re.compile("|".join(AS_BEFORE_PHRASES))
_SAME_AMOUNT = re.compile("|".join(SAME_AMOUNT_PHRASES))

# Malay "tutup" is a lid ("cawan 12oz 2k, tutup sama jumlah", "tutup dome dua ribu") unless it
# closes something: "kedai tutup", "shop tutup pukul 4", "tak boleh tutup cup", "tutup minggu depan"
_CLOSER = re.compile(
    r"kedai|shop|store|outlet|restoran|restaurant|warung|gerai|kafe|cafe|kami|kita|we|saya|boleh"
    r"|dapat|dah|sudah|akan|tak|tidak|x|buka|pintu|office|pejabat"
)
_CLOSED_WHEN = (
    "pukul|jam|hari|minggu|seminggu|bulan|sebulan|sebab|kerana|for|semula|awal|esok|lusa|kedai"
    "|sampai|dulu|sementara|cuti|raya|renovation|today|tomorrow|next"
)
TUTUP = re.compile(rf"\btutup(?:nya)?\b(?!\s+(?:{_CLOSED_WHEN})\b)")


def tutup_as_lid(text: str) -> str:
    """'tutup' as the lid it names, where no word before it says what closes."""

    def replace(match: re.Match[str]) -> str:
        before = text[: match.start()].split()
        return match.group(0) if before and _CLOSER.fullmatch(before[-1]) else " lid "

    return TUTUP.sub(replace, text)


# English words in Tamil letters that start like a product's stem: "லிட்டில் இந்தியா" (Little
# India), "1 லிட்டர்" (a litre) are no lid, "பேக்கரி" (a bakery) and "பேக்கிங்" (packing) no bag
TAMIL_NOT_STEMS = ("லிட்டில்", "லிட்டர்", "பேக்கரி", "பேக்கிங்")


def tamil_word(token: str) -> str:
    """The English of one Tamil token, or the token unchanged."""
    if token.startswith(TAMIL_NOT_STEMS):
        return token
    for stem in _STEMS_LONGEST_FIRST:
        if token.startswith(stem):
            rest = token[len(stem) :]
            if len(stem) >= 4 or rest in TAMIL_SUFFIXES:
                return f" {TAMIL_STEMS[stem]} "
    return token


def translate_words(text: str) -> str:
    """Lower-cased text with its Chinese, Malay and Tamil order words in English."""
    text = _AS_BEFORE.sub(AS_BEFORE, text)
    for pattern in _COMPILED_REPEAT:
        text = pattern.sub(REPEAT, text)
    text = _SAME_AMOUNT.sub(SAME_AMOUNT, text)
    text = tutup_as_lid(text)
    text = _ASCII_WORDS.sub(lambda m: LEXICON[m.group(0)], text)
    text = _SCRIPT_WORDS.sub(lambda m: LEXICON[m.group(0)], text)
    return TAMIL_TOKEN.sub(lambda m: tamil_word(m.group(0)), text)
