"""The classifier's evidence: rules by class of phrasing in English/Singlish, Malay, Chinese, Tamil.

Pure data and compiled patterns; imports only the intent labels.
"""

from __future__ import annotations

import re

from orders.intents.labels import (
    COMPLAINT,
    DELIVERY_QUERY,
    GREETING,
    INVOICE_QUERY,
    ORDER_CANCEL,
    ORDER_CHANGE,
    ORDER_PLACEMENT,
    ORDER_STATUS,
    OTHER,
    PRODUCT_QUESTION,
    RATING,
)

# A quantity in digits or Chinese numerals (the classifier reads the message as written).
_N = r"(?:\d+|[零一二两三四五六七八九十百千万]+)"

# When goods came: "last time u send 500", "hari tu hantar 500 je" (send, hantar: order verbs too).
# a small number in words, as the customer writes it before a unit ("satu karton je")
_WORD_N = r"(?:one|two|three|four|five|satu|dua|tiga|empat|lima|se)"
_PAST_TIME = r"\b(?:last time|yesterday|just now|semalam|hari tu|tadi|kelmarin)\b"
_DELIVERED_ONLY = r"[^.?!\n]{0,30}\d+[^.?!\n]{0,20}\b(?:only|je|sahaja|saja)\b"

# (intent, weight, alternatives): each matching rule adds its weight to the intent's evidence.
# Each rule is a class of phrasing written in English/Singlish, Malay, Chinese and Tamil (Tamil
# words are matched as substrings: Python's \b does not see Tamil vowel signs as word characters).
RULES: tuple[tuple[str, float, tuple[str, ...]], ...] = (
    (
        ORDER_PLACEMENT,
        0.3,
        (
            r"\b(?:order|need|want|send|get|buy|deliver|restock|top ?up|gimme|give me)\b",
            r"\b(?:nak|mahu|pesan|perlu|tempah)\b",
            r"\b(?:venum|vendum|thevai|anuppunga)\b",
            "要",
            # "再帮我送一些纸杯过来" (send some more cups over), not "送过来的" (what was sent)
            "帮我送",
            "送[^，。？?!]{0,10}过来(?!的)",
            # "赶快送一些来" (send some quickly), "送点来"
            "送(?:一些|一点|些|点)[^，。？?!]{0,6}来(?!的)",
            "订(?!了)",  # "订了" is "ordered", an order already placed
            "வேண்டும்",
            "வேணும்",
            "தேவை",
            "அனுப்பு",
        ),
    ),
    (
        ORDER_CHANGE,
        1.2,
        (
            r"\bmake it\b[^\d]{0,15}\d+",
            r"\bfrom \d+ to \d+\b(?!\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|th\b))",
            r"\bjadi \d+",
        ),
    ),
    (
        ORDER_CHANGE,
        1.0,
        (
            # not "same like last week, nothing change", "no change", "tak ubah": a repeat
            r"(?<!nothing )(?<!no )(?<!not )(?<!nothing to )(?<!tak )(?<!tiada )"
            # "takde ubah", "tak payah ubah apa-apa" (no need to change anything)
            r"(?<!takde )(?<!tak de )(?<!tak ada )(?<!tak payah )(?<!jangan )(?<!tidak )"
            r"(?<!need to )"
            r"\b(?:change|amend|modify|tukar|ubah|pinda)\b"
            # "same as last time, change இல்ல" (no change: Tamil says no after the word)
            r"(?!\s*(?:இல்ல|இல்லை|illa|illai|வேண்டாம்|no need\b)(?![\u0B80-\u0BFF]))",
            r"\b(?:don't|dont|do not|no need to) send\b",
            # not "i want yours instead" (ours instead of another supplier's)
            r"(?<!yours )(?<!urs )(?<!your one )(?<!ur one )(?<!from you )(?<!from u )\binstead\b",
            "改成",
            "改为",
            "改到",
            # spoken Tamil: "3000 ஆக மாத்துங்க" (make it 3000); not "ஒன்னும் மாத்த வேண்டாம்"
            # (change nothing: a repeat), nor "எந்த மாற்றமும் இல்லை" (no change at all)
            r"(?:மாற்ற|மாத்த|மாத்து)(?![\u0B80-\u0BFF]*\s*(?:வேண்டாம்|வேணாம்|இல்லை|இல்ல))",
            # "நாளைக்கு ஆர்டர்ல cup 2000 வேண்டாம், 1500 போதும்" (in tomorrow's order, not 2000
            # cups: 1500 are enough): a quantity of the placed order said no to, a smaller enough
            r"(?:இன்னைக்கு|இன்று|நேத்து|நேற்று|நாளை[\u0B80-\u0BFF]*)\s*ஆர்டர்[\u0B80-\u0BFF]*"
            r"[^.?!\n]{0,60}(?:வேண்டாம்|வேணாம்)[^.?!\n]{0,30}போதும்",
            # "napkin ரெண்டு carton-ஐ மூணு carton-ஆ ஆக்குங்க" (make the two cartons three)
            "ஆக்குங்க",
            r"\baa?kk?unga\b",
            # romanised spoken Tamil: "napkin 2 carton ah maathunga" (change it to 2 cartons)
            r"\b(?:maa?t?thu|maa?t?thi(?!ri|yam)|maatr[iu])\w*",
            # "add 1 more ctn straw to today order": to an order already placed
            r"\badd\b[^.?!\n]{0,40}\b(?:to|into)\s+(?:my |our |the |today'?s? |this |that "
            r"|yesterday'?s? |existing |current )+order\b",
            # "tambah 2 karton straw dalam order semalam" (add into yesterday's order): Malay names
            # the order after "dalam"/"ke dalam"/"kat" (into), so the items join an order placed
            r"\btambah\w*\b[^.?!\n]{0,40}\b(?:ke dalam|dalam|dlm|kat|ke)\s+(?:order|pesanan)\b",
            # "today order add 1 more ctn napkin", "today order napkin 改 3 ctn": the order named
            # first, then what is added or changed
            r"\b(?:today'?s?|yesterday'?s?|existing|current|earlier) order\b[^.?!\n]{0,15}"
            r"\b(?:add|tambah|plus|top up)\b",
            r"改\s*\d",
            # "for tomorrow's delivery, pls remove the napkins": taken out of an order placed
            r"\b(?:tomorrow|today|this week|next week)'?s? (?:delivery|order)\b[^?]{0,30}"
            r"\b(?:remove|take out)\b",
            # "the 8oz cups in today's order can remove?": an item taken out of an order
            r"\bremove\b[^.?!\n]{0,40}\bfrom\b[^.?!\n]{0,20}\border\b"
            r"|\b(?:from|in)\s+(?:the |my |our |ytd |yesterday'?s? |today'?s? |this )*order\b"
            r"[^.?!\n]{0,15}\bremove\b",
        ),
    ),
    (
        ORDER_CHANGE,
        0.8,
        (r"\b(?:update|revise|adjust|increase|reduce|decrease)\b",),
    ),
    (
        ORDER_CHANGE,
        0.6,
        (r"\bactually\b", r"\badd (?:another )?\d+ more\b", "改"),
    ),
    (
        ORDER_CANCEL,
        1.5,
        (r"\bcancel(?:l?ed|ling)?\b", r"\bbatal\w*", "取消", "ரத்து", "கேன்சல்"),
    ),
    (
        ORDER_CANCEL,
        0.8,
        (
            r"\b(?:don't|dont|do not|no longer) need\b",
            r"\bscrap (?:that|it)\b",
            r"\bforget (?:it|that)\b",
            "不要了",
        ),
    ),
    (
        ORDER_STATUS,
        1.5,
        (
            r"\bstatus\b",
            r"\bwhere(?:'s| is)? (?:my|our|the) order\b",
            r"\bsampai mana\b",
            r"\b(?:order|pesanan)\b.{0,30}\b(?:confirm(?:ed)?|sah|sahkan|disahkan|diproses"
            r"|(?:dah|dh|sudah|sdh) proses)\b",
            # "has my order from this morning been confirmed?", "is our order processed yet?"
            r"\b(?:has|have|is|was) (?:my|our|the|this morning'?s|today'?s|yesterday'?s) order\b"
            r".{0,40}\b(?:confirmed|processed|"
            r"received|accepted|ready|approved)\b",
            # "is our order for today still on?": whether it stands
            r"\b(?:my|our|the|today'?s?) order\b[^.?!\n]{0,25}\bstill on\b",
            # "my order today coming or not ah": whether it is on its way
            r"\b(?:my|our) order\b[^.?!\n]{0,20}\bcoming (?:or not|anot)\b",
            # "the order i send just now got receive or not?" (did you get it?)
            r"\border\b[^.?!\n]{0,30}\bgot (?:receive|received|see|seen)\b[^.?!\n]{0,5}\bor not\b",
            r"\border\b.{0,10}确认了(?:没|吗)",
            # "今天早上下的单确认了没有？" (the order placed this morning, confirmed?)
            r"单.{0,6}(?:确认|处理)了(?:没|吗)",
            # "This morning order 的 straw 2 ctn 处理了没有?"
            r"\border\b[^?？。!\n]{0,25}(?:确认|处理)了(?:没|吗)",
            r"订单.{0,6}确认",
            # "昨天下的单收到了吗？", "刚才发的单你们有收到吗", "昨天的 order 有 receive 吗?": the
            # order placed, received?
            r"(?:下|发)的单[^？?。!\n]{0,6}收到(?:了)?(?:吗|没)",
            r"(?<![a-z])order(?![a-z])[^?？。!\n]{0,15}(?:有|got)\s*receive",
            r"ஆர்டர்.{0,20}உறுதி",
            r"订单.{0,6}(?:哪|状态)",
            r"ஆர்டர்\S*\s+எங்கே",
        ),
    ),
    # "has our order been dispatched?", "order dah hantar ke belum?", "货发了吗": whether an order
    # has gone out is its status (whether it has come, "reach already or not?", is a delivery query)
    (
        ORDER_STATUS,
        1.0,
        (
            r"\b(?:my|our) order\b.{0,25}\b(?:dispatched|shipped|sent out)\b",
            # "the order I placed on Monday, has it been dispatched?", "has this morning's order
            # gone out?": asked of an order named any way
            r"\border\b[^.!\n]{0,40}\b(?:dispatched|shipped|sent out|gone out)\b[^.!\n]{0,10}\?",
            # "my order yesterday send out already or not?", "order semalam 送了没有?": whether it
            # has gone out, in Singlish and with Chinese
            r"\border\b[^.?!\n]{0,25}\b(?:send|sent) out (?:already|liao|le)\b",
            r"(?<![a-z])order(?![a-z])[^?？。!\n]{0,25}送了(?:没|吗)",
            r"\b(?:order|pesanan)\b.{0,25}\b(?:dah|sudah)\s+(?:hantar|send|kirim)\b.{0,10}\bbelum\b",
            "货发了|发货了吗|发了吗|出货了",  # "订单出货了吗", "my order 出货了没"
            # "昨天的 order dah hantar ke?", "order பண்ணது அனுப்பிட்டீங்களா?" (have you sent it?)
            r"\b(?:order|pesanan)\b.{0,25}\b(?:dah|sudah)\s+(?:hantar|kirim|send)\b.{0,10}\?",
            r"(?:order|ஆர்டர்)\S*\s+\S*.{0,20}அனுப்பிட்டீங்களா",
            r"order\S*\s+பண்ண\S*\s+எப்போ",
            # "நேத்து அனுப்பின order உங்களுக்கு கிடைச்சுதா?" (did you get the order we sent?)
            r"order[^?]{0,30}(?:கிடைச்சுதா|கிடைத்ததா|கிடைச்சதா)",
        ),
    ),
    (
        ORDER_STATUS,
        1.0,
        (
            r"\border\b.{0,20}\b(?:processed|confirmed|received|ready|shipped)\b",
            # "என் ஆர்டர் confirm ஆகிவிட்டதா?" (has my order been confirmed?)
            r"(?:order|ஆர்டர)[^?.!\n]{0,20}confirm\s*(?:ஆகி|ஆச்சா|ஆயிடுச்சா|பண்ணிட்டீங்களா)",
            r"\bany update\b",
            r"\bord-\d{4}-\d+",  # a reference alone; "invoice for ORD-..." is about the invoice
        ),
    ),
    (
        DELIVERY_QUERY,
        0.9,
        (
            r"\bwhen (?:coming|come|reach|arrive)\b",
            # "could you deliver to our Jurong outlet instead of Bedok?": where, not what
            r"\bdeliver\w*\s+(?:it\s+|them\s+|the goods\s+)?to\b[^.?!\n]{0,40}\binstead\b",
            r"\b(?:haven't|havent|have not|not yet|never|didn't|did not) (?:receive|get|got)\w*",
            r"\bbelum (?:terima|dapat|sampai)\b",
            "没收到",
            "还没送",
            r"\breach(?:ed)?\b",
            r"\bnot here yet\b",
            r"\bwaiting (?:since|for)\b",
            # "Sunday got hantar or not?" (is there delivery on Sunday?)
            r"\bgot (?:hantar|deliver|delivery|send)\b",
            r"\bsampai\b",
            "到了吗",
            "到了没",
            "几点到",
            "还没到",
            "什么时候到",
            "டெலிவரி",
            "எப்போது வரும்",
            # spoken: "driver இன்னைக்கு எப்ப வருவாரு?" (when will the driver come today?)
            r"(?:எப்ப|எப்போ)\s*(?:வருவா|வரு|வரும்|வந்து)",
            "வந்து சேரும்",
            "இன்னும் வர",
            "வரவில்லை",
        ),
    ),
    (
        DELIVERY_QUERY,
        0.6,
        (
            r"\bdeliver(?:y|ed|ing)?\b",
            r"\barriv(?:e|al|ing)\b",
            r"\beta\b",
            r"\bdriver\b",
            r"\blorry\b",
            r"\blori\b",
            r"\b(?:on the way|otw|dah keluar)\b",
            "在路上",
            r"\bpenghantaran\b",
        ),
    ),
    (
        DELIVERY_QUERY,
        0.5,
        (
            r"\bwhen (?:will|can|is|are)\b",
            r"\bwhat time\b",
            r"\bhantar\b",
            r"\bbila\b",
            # "明天可以早点送吗？" (can you send earlier tomorrow?)
            "早点送|送早点|可以送吗|能送吗",
            "送货",
            "几时",
            "几点",
            "什么时候",
            "எப்போது",
        ),
    ),
    (
        INVOICE_QUERY,
        1.2,
        (
            r"\binvoices?\b(?! to\b)",
            r"\bbill(?:ing)?\b(?! to\b)",
            r"\breceipt\b",
            r"\bstatement\b",
            r"\bowe\b",
            r"\binvois\b",
            r"\bresit\b",
            "发票",
            "账单",
            "收据",
            "இன்வாய்ஸ்",
            "பில்",
            "ரசீது",
        ),
    ),
    (
        INVOICE_QUERY,
        0.6,
        (
            r"\bpayment\b",
            r"\bpay\b",
            r"\bgst\b",
            r"\bamount due\b",
            r"\bsoa\b",
            # "上个月的账已经PayNow了" (last month's account, paid by PayNow)
            r"\bpaynow\b",
            "的账",
        ),
    ),
    (
        PRODUCT_QUESTION,
        1.2,
        (
            r"\bdo you (?:have|sell|carry|stock)\b",
            r"\bprice\b",
            r"\bhow much\b",
            r"\bwhat sizes?\b",
            r"\bberapa harga\b",
            r"\bharga\b",
            r"\bada jual\b",
            "多少钱",
            "价格",
            "价钱",
            "விலை",
            "எவ்வளவு",
            # how many a carton holds: "how many pcs in one carton?", "一箱有多少个？"
            r"\bhow many\b[^.!?\n]{0,40}\b(?:in|inside|per)\b[^.!?\n]{0,25}"
            r"\b(?:carton|ctn|box|pack|packet|sleeve)s?\b",
            r"[箱包盒][^。！?？\n]{0,12}多少(?!钱)",
            r"\b(?:evlo|evalo|evvalo|evvlo|ethana|ethanai)\b[^.!\n]{0,20}\birukk?um\b",
            r"எத்தனை\s*(?:\S+\s*)?இருக்கு",
        ),
    ),
    (PRODUCT_QUESTION, 0.8, (r"\b(?:got|have|sell|carry)\b[^?]{0,40}\?\s*$",)),
    # whether the goods will hold: "会不会漏？" (will it leak?), "leak ஆகுமா?", "will it leak?",
    # "tahan lama tak dalam ais?" (does it last in ice?): a question before buying, no complaint
    (
        PRODUCT_QUESTION,
        1.5,
        (
            r"会不会(?:漏|烂|软|变形)|会(?:漏|烂|变形)吗",
            r"\b(?:will|would|does|do|can)\s+(?:it|they|the \w+)\s+(?:leak|get soggy|go soft)\b",
            r"(?:\bleak\s*|கசி)ஆகுமா|கசியுமா",
            r"\b(?:bocor|lembik)\s+(?:tak|ke)\b|\btahan\b(?:\s+lama)?\s+(?:tak|ke)\b",
        ),
    ),
    # "8oz lid ada stok tak?", "got stock or not?", "有货吗": whether it is in stock (a statement
    # "still got stock" is none)
    (
        PRODUCT_QUESTION,
        1.2,
        (
            r"\b(?:ada|got|have|any|still got)\s+(?:stok|stock)\b[^.!\n]{0,12}"
            r"(?:\?|\bor not\b|\banot\b|\btak\s*$)",
            "有货吗|有没有货|有现货吗",
        ),
    ),
    (
        PRODUCT_QUESTION,
        0.5,
        (
            r"\bin stock\b",
            r"\bavailable\b",
            r"\bcost\b",
            r"\bany\b.{0,30}\?",
            r"\bada\b(?! jual)",  # "ada jual" is counted above
            "有没有",
            "கிடைக்குமா",
            "இருக்கா",
        ),
    ),
    (
        COMPLAINT,
        0.9,
        (
            # "yesterday 的 cups 好多 crack leh": cracked, as a chat writes it
            r"\b(?:damaged?|broken|crushed|crack(?:ed|s)?|torn|wrong|missing|leak\w*|soaked"
            r"|squash\w*)\b",
            # "5 min already soggy", "the straws went soggy" (not "do they go soggy?": a question)
            r"\b(?:already|got|went|gone|became|all|were|was|turned)\s+soggy\b",
            r"\bcomplain(?:t)?\b",
            # "the 12oz lid cannot cover properly", "customers spilled coffee"
            r"\b(?:cannot|can't|cant|tak boleh|tidak boleh)"
            r" (?:use|close|fit|cover|guna|tutup|pakai)\b",
            r"\b(?:spilled|spilt|kena spill)\b",
            r"\b(?:doesn't|didn't|don't|dont|dun|does not|did not|not|tak|tidak) fit\b",
            r"\b(?:bocor|koyak|rosak|basah|pecah|kemek)\b",
            "漏",
            "太松",
            "太软",
            "太薄",
            "烂",
            "变形",
            "坏",
            "破",
            "不能用",
            "投诉",
            "裂",
            # "ரெண்டாயிரம் waste" (two thousand wasted), "lids எல்லாம் cup-க்கு fit ஆகல" (don't fit)
            r"\bwaste(?:d)?\b",
            r"\bfit\s*(?:ஆகல|ஆகவில்லை|aagala|agala)",
            "பொருந்தல",
            "உடைந்",
            "நனைந்",
            "கிழிந்",
            "ஒழுகு",
            "சேதம",
            "பொருந்தவில்லை",
            "சரியில்லை",
            "மோசம்",
            "நசுங்",  # crushed, dented
            "உடைஞ்",  # spoken "broken"
            "கிழிஞ்",  # spoken "torn"
            "ஓட்டை",  # a hole
            "ஈரமா",  # spoken "wet"
            "நனைஞ்",  # spoken "soaked"
            # a lid that does not close or fit, goods that leak, customers complaining: "tudung tak
            # muat cawan" (the lid does not fit the cup), "மூடி மூட மாட்டேங்குது" (it won't close),
            # "குழம்பு கசியுது" (the gravy leaks), "pelanggan komplen" (customers complain)
            r"\b(?:tak|tidak|x) muat\b|\bkomplen\b",
            r"மூட\s*மாட்டேங்கு|கசியுது|கொட்டுது|குறை\s*சொல்றாங்க",
            # "司机把货放在隔壁店了" (the driver left the goods at the shop next door)
            r"放(?:在|到)了?(?:隔壁|别人|错)",
        ),
    ),
    (
        COMPLAINT,
        1.2,
        (
            # "your driver left 2 cartons at the wrong unit, #01-14 instead of #01-41"
            # not "the order I sent this morning, ... 1000 instead of 500": the customer's own
            # message, changed
            r"\b(?:received|got|(?<!\bi )(?<!\bwe )sent|came|delivered|gave|left|dropped)\b.*"
            r"\binstead of\b",
            r"\bonly \d+ (?:came|arrived|received|reach\w*|sampai)\b",
            r"\bwhy charge\b|\bovercharg\w*|\bcharged (?:us|me) for\b",
            r"\bshort(?: by)? \d+\b|(?<!lebih )\bkurang \d+\b",
            # "short 一箱 cups lah", "kurang satu karton cawan", "ஒரு carton cup குறைவா வந்துச்சு"
            rf"\bshort(?: by)? (?:{_N}|{_WORD_N}\b|a\b)|(?<!lebih )\bkurang (?:{_N}|{_WORD_N}\b)",
            r"குறைவா(?:க|ய்)?\s*(?:வந்|இருக்)",
            "少了",
            "少送",
            # "订了五千支吸管，只收到三千" (ordered 5000, only 3000 came)
            rf"只(?:收到|到了?|来了?)\s*{_N}",
            "குறைவாக",
        ),
    ),
    # "the invoice shows 3 cartons but we only got 2": fewer goods than billed, a complaint first
    (COMPLAINT, 1.4, (r"\bbut (?:we |i )?only (?:got|received|receive) \d+\b",)),
    # fewer goods than ordered or billed: "you sent 500 cups but we ordered 1000", "hari tu hantar
    # 500 je, kami order 1000", "只送了五百个，我们订的是一千个", "500 தான் வந்துச்சு, 1000 order பண்ணோம்"
    (
        COMPLAINT,
        2.0,
        (
            # an order verb ("send", "hantar") only after a past time or before "only"
            rf"(?:\b(?:sent|came|delivered|gave|got|received|sampai)\b|{_PAST_TIME}[^.?!\n]{{0,15}}"
            rf"\b(?:send|hantar|come|give)\b|\b(?:send|hantar|come|give)\b(?={_DELIVERED_ONLY}))"
            rf"[^.?!\n]{{0,30}}{_N}[^?!\n]{{0,40}}\b(?:(?:we|i|kami|saya)\s+(?:ordered|order|pesan"
            rf"|tempah)|(?:invoice|bill|invois)\s+(?:say|says|said|tulis|shows?|wrote|write))\s*{_N}",
            rf"(?:只送了?|送了|只有|只来了?)\s*{_N}[^。？?！]{{0,25}}(?:订的是|订了|\border(?:ed)?\b)"
            rf"\s*{_N}",
            r"\d+[^,.?!\n]{0,20}தான்.{0,40}\d+\s*(?:order|ஆர்டர்)\s*(?:பண்ணோம்|பண்ணினோம்"
            r"|செய்தோம்)",
            # "ytd the 8oz cup 2 ctn come only 1 ctn", "order 2 karton tapi dapat satu karton je",
            # "order 3 carton cup tapi sampai 2 carton je": fewer came than were ordered
            rf"\b(?:come|came|arrived?|reached|sampai|dapat|terima)\s+only\s+(?:{_N}|{_WORD_N})\b",
            # "patut 600, yang sampai cuma 300" (should be 600, only 300 came); "bill-ல 5 பெட்டி
            # ..., ஆனா 4 பெட்டி தான் வந்துச்சு" (but only 4 cartons came)
            rf"\b(?:sampai|dapat|terima|datang)\s+(?:cuma|hanya|je|sahaja)\s+(?:{_N}|{_WORD_N})\b",
            r"\d+\s*\S{0,12}\s*தான்\s*(?:வந்துச்சு|வந்தது|வந்துது|கிடைச்சுது)",
            rf"\border\w*\b[^.?!\n]{{0,40}}\b(?:tapi|but)\s+(?:dapat|sampai|terima|got|received"
            rf"|came|come)\s+(?:only\s+)?(?:{_N}|{_WORD_N})\b[^.?!\n]{{0,15}}\b(?:je|jer|sahaja|saja"
            rf"|only)\b",
        ),
    ),
    (
        COMPLAINT,
        0.9,
        (
            r"\b(?:disappointed|terrible|unacceptable)\b",
            r"\b(?:bad|poor|low|lousy) quality\b|\bkualiti\b.{0,15}\b(?:teruk|rendah)\b",
            r"\btoo (?:small|big|thin|flimsy|weak|soft)\b|\bterlalu (?:kecil|besar|nipis|lembik)\b",
            r"\b(?:return|refund|exchange) (?:them|it|the)\b|\bpulangkan\b",
            r"\bnot happy\b",
            r"\blate again\b",
            # "why today delivery so late one"
            r"\b(?:so|very|damn|super|too) late\b",
            r"\bnever came\b",
            r"\bkecewa\b",
            "失望",
            "质量",
            "ஏமாற்ற",
        ),
    ),
    (
        COMPLAINT,
        0.5,
        (r"\bstill (?:haven't|havent|not)\b", r"\b(?:worst|poor|wet|dirty|spoil\w*)\b"),
    ),
    (
        RATING,
        1.3,
        (
            r"\b(?:[1-5]|one|two|three|four|five|satu|dua|tiga|empat|lima)\s*(?:stars?|bintang)\b",
            r"\b[1-5]\s*(?:/\s*5|out of 5)\b",
            r"\b(?:10|[1-9])\s*(?:/\s*10|out of 10)\b",  # "service damn good 10/10"
            # "பத்துக்கு ஒன்பது மார்க்" (nine marks out of ten), "10分给9分"
            r"பத்துக்கு|ஐந்துக்கு|அஞ்சுக்கு|மார்க்|\b(?:marks?|markah)\b|[十五]分(?:给|打)",
            # "打个七分" (I'd give it a seven), "给8分"
            r"(?:打|给)个?\s*(?:[一二三四五六七八九十]|10|[1-9])\s*分",
            # "Servis bagus, barang sampai awal": the service praised
            r"\b(?:servis|service|perkhidmatan)\s+(?:sangat\s+|very\s+|damn\s+|memang\s+)?"
            r"(?:bagus|baik|terbaik|good|great|excellent|mantap)\b",
            # "good service 👍 will order again": the praise before the word
            r"\b(?:good|great|excellent|fast|best|friendly)\s+service\b",
            # "this week delivery very fast, good job", "ur driver very good, help us carry": the
            # delivery or its driver praised, with a word that makes it praise ("very", "so")
            r"\b(?:delivery|driver|uncle|service)\b[^.?!\n,]{0,15}\b(?:very|so|damn|super|really)\s+"
            r"(?:fast|quick|good|nice|helpful|friendly|punctual|efficient)\b",
            r"\bgood job\b|\bwell done\b|\bkeep it up\b",
            # "சேவை நல்லா இருந்துச்சு" (the service was good), "服务很好", "Terbaik!", and the
            # driver praised: "司机很准时" (very punctual), "Driver ரொம்ப நல்லவர்" (a good man)
            r"சேவை\s*(?:ரொம்ப\s*|மிகவும்\s*|மிக\s*)?(?:நல்லா|நன்றாக|நல்ல|சூப்பர்|அருமை)"
            r"|服务\s*(?:很|非常|真|超|挺)?\s*(?:好|棒|周到)|司机\s*(?:很|非常|真|超|挺)\s*(?:准时|好|客气|nice)"
            r"|\bterbaik\b|\bdriver\s+(?:ரொம்ப\s*)?(?:நல்லவர்|நல்ல\s*மனுஷன்)",
            # the delivery or the driver praised: "送货很准时", "安哥很有礼貌", "Service 很好",
            # "Driver hari ni baik sangat", "puas hati", "delivery ரொம்ப சீக்கிரம் வந்துச்சு" (came
            # very early)
            r"(?:送货|送得|安哥|师傅|service|delivery)\s*(?:也|都)?(?:很|非常|真|超|挺)\s*"
            r"(?:准时|有礼貌|礼貌|快|好|棒|客气)",
            r"\bdriver\b[^.?!\n]{0,15}\b(?:baik|bagus|sopan|peramah)\s+(?:sangat|sgt)\b",
            # "puas hati" (satisfied), not "tak puas hati" (not satisfied)
            r"(?<!tak )(?<!tidak )(?<!kurang )(?<!\bx )\bpuas hati\b",
            r"(?:சீக்கிரம்|சீக்கிரமா|வேகமா|நேரத்துக்கு)\s*வந்துச்சு",
            "⭐",
            r"\brate\b",
            r"\brating\b",
            r"[一二三四五1-5]\s*颗?星",
            "好评",
            "நட்சத்திர",
        ),
    ),
    (
        GREETING,
        0.6,
        (
            r"^\W*(?:hi|hello|hey|hiya|yo|morning|vanakkam)\b",
            r"^\W*(?:good|gd|gud) (?:morning|afternoon|evening)\b",  # "gd morning boss"
            r"^\W*selamat \w+",
            "你好",
            "早上好",
            "下午好",
            "晚上好",
            r"^\W*(?:hai|assalamualaikum|salam)\b",
            # "nak tanya khabar je" (just asking how you are), "how are you", "最近好吗"
            r"\btanya khabar\b|\bapa khabar\b|\bhow are (?:you|u)\b|最近好吗",
            "您好",
            "早安",
            # "老板早" (morning, boss), "大家早"
            r"^\W*(?:老板|老闆|大家|boss)\s*早(?![上点些餐])",
            "வணக்கம்",
            # the season's greetings: "Merry Christmas and a Happy New Year to the team!", "Gong xi
            # fa cai boss!", "恭喜发财，万事如意", "இனிய தீபாவளி நல்வாழ்த்துக்கள்"
            r"\bmerry (?:christmas|xmas)\b|\bhappy (?:chinese )?new year\b"
            r"|\bhappy (?:cny|deepavali|diwali|hari raya|pongal|holidays)\b"
            r"|\bgong xi fa cai\b|\bgong hei fat choy\b|\bseason'?s greetings\b",
            "恭喜发财|新年快乐|圣诞快乐|万事如意",
            r"(?:நல்)?வாழ்த்துக்கள்",
        ),
    ),
    (
        OTHER,
        0.6,
        (
            r"\b(?:thanks|thank you|thx|tq|ty|noted|ok|okay|alright|cool|great)\b",
            r"\bterima kasih\b",
            "谢谢",
            "நன்றி",
        ),
    ),
)
TAMIL_WORD_START = r"(?<![\u0B80-\u0BFF])"  # "ரத்து" (cancel) is not the end of "ஆயிரத்து"


def compile_alternatives(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern; a Tamil alternative must start a word (Tamil suffixes may follow it)."""
    bounded = [
        TAMIL_WORD_START + alt if "\u0b80" <= alt[0] <= "\u0bff" else alt for alt in alternatives
    ]
    return re.compile("|".join(bounded))


COMPILED_RULES = tuple(
    (intent, compile_alternatives(alts), weight) for intent, weight, alts in RULES
)

# About an order already placed or delivered ("received 2 ctn straws, thanks", "我们上周订了两千个
# 杯子", "நேற்று 1000 கப் ஆர்டர் செய்தேன்"): items in it are no new order unless an order verb asks.
# A new round of ordering after talk of an earlier one: "anyway this time 8oz cup 3000".
NEW_ROUND = re.compile(r"\b(?:anyway|this time|this round|kali ini)\b|这次|இந்த (?:முறை|தடவை)")
PAST_ORDER = compile_alternatives(
    (
        r"\b(?:received|we got|got the|you sent|was sent|were sent|came|arrived|delivered)\b",
        r"\b(?:we|i) (?:ordered|order(?:ed)? last)\b|\bordered (?:on|last|yesterday)\b",
        r"\b(?:thanks?|thank you|tq|thx) for (?:the|your|sending)\b",
        r"\b(?:dah|sudah|telah|belum) (?:terima|sampai|dapat|order|pesan)\b",
        r"\byang (?:sampai|datang|dihantar)\b",  # "kotak yang sampai semalam" (that came)
        # "kotak pizza semua basah bila sampai semalam" (when it came yesterday)
        r"\b(?:sampai|datang|tiba|dihantar)\s+(?:semalam|tadi|kelmarin)\b",
        "收到",
        "到的",
        "订了",
        "送来的",
        "已经送",
        "கிடைத்த",
        "வந்த(?!தும்)(?!\u0bbe)",  # not "வந்ததும்" (once it comes) nor "வந்தா" (if it comes)
        "அனுப்பிய",
        "செய்தேன்",
        "செய்தோம்",
    )
)
# Contact and account messages: "pls save my number", "new manager here", "我的新号码". Without
# items they are no order, even when they mention ordering ("I will be the one ordering").
CONTACT_CHANGE = compile_alternatives(
    (
        r"\bsave (?:my|our|this) (?:number|no\.?|contact)\b",
        # "from next month our new address ... pls update", "இனிமே order ... number-லேந்து"
        r"\b(?:alamat|address)\s+(?:baru|new)\b|\bnew address\b",
        r"number[-\s]*(?:லேந்து|லிருந்து)|save பண்ணிக்கோங்க",
        r"\b(?:my|our) new (?:number|no\.?|contact|email)\b",
        r"\bnew (?:manager|owner|supervisor|person in charge|pic)\b",
        r"\bsimpan (?:nombor|no\.?|nombor telefon) (?:saya|kami)\b",
        r"\bnombor baru\b|\bpengurus baru\b",
        "存我的号码",
        # "请存一下我的号码" (please save my number), "新来的采购" (the new purchaser)
        r"存一下(?:我|我们)的(?:号码|电话)",
        "新号码",
        # "我们下个月搬去 new outlet", "moving to Bedok, address later send": a move
        r"搬(?:去|到)|\bmoving to\b|\bpindah ke\b|\baddress later\b",
        "新经理",
        r"新来的(?:采购|经理|负责人|主管)",
        "என் நம்பர்",
        # who orders from now on: "以后订货找我儿子" (for orders, ask my son from now on), "இனிமே
        # order என் தம்பி போடுவான்" (my brother will order from now), "from now on pls call ..."
        r"以后(?:订货|下单|叫货|order)[^，。？?!\n]{0,6}(?:找|联系|打给|问)",
        r"(?:இனிமே|இனிமேல்|இனி)\s*(?:order|ஆர்டர்)",
        r"\bfrom now on\b[^.?!\n]{0,30}\b(?:order\w*|contact|call|whatsapp)\b[^.?!\n]{0,20}"
        r"\b(?:my|our|him|her)\b",
        r"\b(?:lepas ni|mulai sekarang)\b[^.?!\n]{0,30}\b(?:order|pesanan)\b[^.?!\n]{0,20}"
        r"\b(?:anak|adik|abang|kakak|suami|isteri|pekerja)\b",
        "புதிய நம்பர்",
        "புதிய மேனேஜர்",
    )
)
# "order reach already, thanks", "dah sampai, terima kasih", "收到了谢谢": an arrival acknowledged
# with thanks is no delivery question (a question mark makes it one again).
ARRIVAL_THANKS = compile_alternatives(
    (
        r"\b(?:reach(?:ed)?|arrived|received|sampai|terima|got it)\b[^?]{0,30}"
        r"\b(?:thanks?|thank you|tq|thx|ty|terima kasih)\b",
        r"\b(?:thanks?|thank you|tq|thx|terima kasih)\b[^?]{0,30}"
        r"\b(?:reach(?:ed)?|arrived|received|sampai|got it)\b",  # "terima kasih, barang dah sampai"
        r"(?:收到|到了)[^?]{0,10}(?:谢谢|多谢)",
        r"(?:வந்துவிட்டது|வந்துருச்சு|கிடைத்தது|கிடைச்சது)[^?]{0,20}நன்றி",
    )
)
# "之前跟别家拿的纸吸管太软" (the straws we got elsewhere were too soft), "Supplier lama kami punya
# kotak senang bocor", "பழைய supplier-ஓட cup leak ஆகுது": what is wrong is another supplier's
OTHER_SUPPLIER = compile_alternatives(
    (
        r"\b(?:old|previous|other|another|current|last) (?:supplier|vendor)s?\b",
        r"\b(?:supplier|pembekal) (?:lama|lain)\b|\bkedai lain\b",
        r"别家|别的供应商|之前的供应商|旧供应商|原来的供应商",
        r"(?:பழைய|வேற|வேறு)\s*(?:supplier|கடை)",
    )
)
# "跟刚才照片里的一样，来两箱", "Sama macam dalam gambar tadi, 3 karton", "photo-ல அனுப்பினது மாதிரி
# 3 carton": the goods shown in a photo, ordered by the carton (which goods is asked)
LIKE_THE_PHOTO = compile_alternatives(
    (
        r"(?:photo|pic|picture|gambar)",
        r"照片|图片",
    )
)
# "12oz cup 2 or 3 ctn, see how much stock you have", "看你们有多少货", "tengok stok ada berapa",
# "எவ்வளவு stock இருக்கோ அனுப்புங்க": how many of the items is left to our stock, an order (which
# the parser asks about), no question about a product
STOCK_DECIDES = compile_alternatives(
    (
        r"\b(?:see|check|depend(?:s|ing)? on) (?:how much |what )?(?:stock|(?:your|ur) stock)"
        r"|\bhow much stock (?:you|u) (?:have|got)\b",
        r"\b(?:tengok|tgk|lihat|ikut) (?:stok|stock)\b",
        r"\b(?:stok|stock) (?:you |awak |kau )?ada berapa\b",
        r"(?:看|看看)(?:你们|你)?(?:有)?多少(?:货|库存)",
        r"எவ்வளவு\s*(?:stock|ஸ்டாக்)",
    )
)
CARTON_COUNT = re.compile(
    r"\d+\s*(?:cartons?|ctns?|karton|kotak|箱|கார்ட்டன்|பெட்டி)|[一二两三四五六七八九十]\s*箱"
)
# An order planned for later, not placed now: "next week then order 3000 cups", "minggu depan
# baru order", "下个礼拜一再订", "Monday 才 order", "2000 cup order பண்ணுவோம்" (we will order), "we
# will order about 2000 cups on Monday once the menu is confirmed".
_LATER = (
    r"(?:next (?:week|month|time)|(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|minggu depan"
    r"|bulan depan|later|下个?(?:礼拜|星期|周|月)\S{0,2})"
)
PLAN_LATER = compile_alternatives(
    (
        rf"{_LATER}[^.?!\n]{{0,25}}(?:\b(?:then|baru|only)\s+|[才再]\s*)(?:order|oder|pesan|tempah|订)",
        r"\b(?:we|i)(?:'ll| will| shall| are going to| plan to)\s+(?:order|need|buy|get)\b"
        r"[^.?!\n]{0,50}\b(?:once|after|when|will confirm|confirm later|let you know)\b",
        r"(?:order|ஆர்டர்)\s*(?:பண்ணுவோம்|செய்வோம்)",
        # "i check stock first then tell u", "kira stok dulu baru order", "到时再通知你", "அப்புறம்
        # order பண்றோம்" (we will order afterwards): an order decided later
        r"\b(?:then|later|after that)\s+(?:tell|let|inform|update)\s+(?:u|you)\b",
        r"\bdulu\s+(?:baru|then)\s+(?:order|pesan|tempah)\b",
        r"到时(?:候)?再(?:通知|说|告诉|订)",
        r"(?:அப்புறம்|அப்புறமா|பிறகு)\s*(?:order|ஆர்டர்)\s*(?:பண்றோம்|பண்ணுறோம்|போடுறோம்)",
        # the shop closed for some days: "we close 3 days", "Kedai closed on Hari Raya", "休息"
        r"\b(?:close|closed|closing|tutup|cuti)\b[^.?!\n]{0,20}\b(?:\d+|two|three|few) days\b",
        r"\b(?:kedai|shop|outlet|we)\s+(?:closed?|tutup|cuti)\s+(?:on|for|during|over|from|pada"
        r"|masa|sempena)\b",  # not "we close at 3pm"
        r"休息[^，。？?!\n]{0,6}(?:天|礼拜|星期|周)|装修",
        r"(?:லீவு|விடுமுறை)",
        # "we're closed from 24 to 26 Dec for renovation", "Kedai tutup minggu depan", "saya cuti
        # seminggu": the shop or the buyer away for a while
        r"\b(?:we're|we are|shop is|outlet is)\s+closed\s+(?:from|on|for|during|over|till|until)\b",
        r"\brenovat\w*|\b(?:kedai|shop)\s+(?:tutup|cuti)\s+(?:minggu|bulan|next)\b",
        r"\bcuti\s+(?:seminggu|sebulan|\d+\s*hari|dua minggu)\b",
        # "kedai tutup seminggu" (the shop is closed a week), "CNY 我们 close 一个 week", "கடை மூடி
        # இருக்கும்" (the shop will be closed)
        r"\b(?:kedai|shop|kami|we)\s+(?:tutup|cuti|close|closed)\s+(?:seminggu|sebulan)\b",
        r"\b(?:close|closed|tutup|cuti)\s+(?:一个?|one|a|1|satu)\s*(?:week|month|minggu|bulan)\b",
        r"கடை\s*(?:மூடி\s*இருக்கும்|லீவு)",
        # "lepas raya baru kami order" (we only order after Raya)
        r"\bbaru\s+(?:kami|saya|kita)\s+(?:order|pesan|tempah)\b",
        # "அப்போ order பெருசா இருக்கும்" (then the order will be big)
        r"(?:அப்போ|அப்ப|அப்போது)\s*(?:order|ஆர்டர்)[^.?!\n]{0,25}இருக்கும்",
    )
)
# A question about a product: "...?", "or not", "吗", "会不会", "ke?", "சரியா", "இருக்கா".
QUESTION = re.compile(
    r"\?|\bor not\b|\bcan or not\b|\bke\s*$|\b(?:boleh|tahan)\b.*\bke\b|吗|会不会|能不能|可不可以"
    r"|(?:சரியா|இருக்கா|முடியுமா|ஆகுமா)(?![\u0B80-\u0BFF])"
)

YES_NO_QUESTION = re.compile(r"^\W*(?:are|is|do|does|did|how|what|which|why|will)\b.*\?")
