"""Personal names: found by the cues people write around them, by the shape of Singapore names,
and by the names we already know.

Three strengths of evidence:
- A strong cue names whoever follows it: an introduction ("my name is", "this is", "I'm",
  "saya", "我是", "நான்" + a known name), a field label ("Name:", "Consignee", "atas nama",
  "户名", "பெயர்"), a title ("Mr", "Puan", "Haji", "陈先生", "திருமதி"), a sign-off line
  ("Regards,\\nKenneth Ong", "- Mei Ling") or "<name> here".
- A weak cue ("tell", "call", "pass msg to", "my boss", "hi", "hubungi", "我老板") names what
  follows only when the gazetteer (data/*.txt: common Singapore surnames, given names, Chinese
  given-name syllables, Tamil names) knows its first word, or it is "Ah <name>".
- A shape alone: "<name> bin/binti/s/o/d/o <name>", a surname with two given-name syllables
  ("Lim Kok Wah", "Tan Mei-Ling"), a given name with a surname ("Rachel Goh").
The gazetteer never decides alone: a known word must stand where a name stands. Place, outlet
and food names staff need ("Ang Mo Kio", "Ah Seng Kopitiam", "Lor Mee") are kept. The customer's
WhatsApp profile name and the outlet contact's name (`known_names`) are found wherever they
appear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from conversations.privacy.scrubber.common import NB, Span

_DATA = Path(__file__).resolve().parent / "data"


def _words(filename: str) -> frozenset[str]:
    lines = (_DATA / filename).read_text(encoding="utf-8").splitlines()
    return frozenset(w.lower() for line in lines if not line.startswith("#") for w in line.split())


SURNAMES = _words("surnames.txt")
GIVEN_NAMES = _words("given_names.txt")
CHINESE_GIVEN = _words("chinese_given.txt")
TAMIL_NAMES = _words("tamil_names.txt")
# Gazetteer words that are also ordinary English or Malay words: only capitalised do they count.
# "yang" is the Malay relative pronoun ("Abang saya yang ambil").
_CASE_SENSITIVE = {
    "ho", "lee", "low", "see", "sun", "song", "wan", "yu", "su", "li", "ye", "nor", "yang",
    # Singlish particles ("since morning sia") and "anna" (Tamil: elder brother, "thanks anna").
    "sia", "lor", "leh", "hor", "meh", "anna",
    # Malay "hari" (day: "ni hari Isnin"), Singlish "lai" (come), Malay "abu" (ash) (2.5).
    "hari", "lai", "abu",
}  # fmt: skip
# "Ah Ma", "Ah Boy": family words, not names.
_KINSHIP = {
    "ma", "mah", "pa", "gong", "boy", "girl", "pek", "soh", "yi", "ee", "ku", "chek", "mm", "ter",
}  # fmt: skip
# A name followed by one of these is an outlet, a product or a place: "Ah Seng Kopitiam".
_BUSINESS_WORDS = {
    "kopitiam", "coffee", "cafe", "café", "restaurant", "eating", "trading", "pte", "ltd", "llp",
    "enterprise", "enterprises", "stall", "bakery", "food", "foods", "noodle", "noodles", "rice",
    "kitchen", "catering", "road", "rd", "street", "st", "avenue", "ave", "drive", "lane",
    "centre", "center", "market", "mall", "plaza", "hospital", "school", "mrt", "station",
    "outlet", "branch", "shop", "store", "bak", "mee", "porridge", "chicken", "duck", "seafood",
    "sauce", "brand", "park", "estate", "industrial", "building", "tower", "hawker", "bbq",
    "satay", "nasi", "prata", "teh", "kopi", "cake", "cakes", "confectionery", "holdings",
    "group", "co", "company", "sdn", "bhd", "hotel", "primary", "secondary", "clinic", "restoran",
    "kedai", "warung", "gerai", "syarikat", "perniagaan", "kafe", "katering", "makan", "mini",
    "kelong", "house", "city", "point", "junction", "square", "hub", "express", "box", "bar",
    "laksa", "kway", "teow", "kueh", "kuih", "toast", "bistro", "canteen", "deli", "kiosk",
    "coffeeshop", "dept", "department", "team", "accounts", "finance", "purchasing", "procurement",
    "admin", "management", "operations", "ops", "hr", "office", "sales", "marketing", "logistics",
    "warehouse", "outlets", "stores", "stalls", "dessert", "desserts", "fishball", "oyster",
    "herbs", "mart", "supermarket", "minimart", "provision", "bakehouse", "patisserie",
    # Foreign outlet words ("户名 Maison Delorme", "Chez Marie", "Casa Verde").
    "maison", "chez", "casa", "boulangerie", "brasserie", "trattoria", "osteria", "pizzeria",
    "cantina", "taverna", "bodega", "wines", "winery", "vins", "cave",
}  # fmt: skip
# Singapore places and brands shaped like names ("Ang Mo Kio" is a surname and two syllables).
_NOT_A_PERSON = {
    "ang mo kio", "lim chu kang", "choa chu kang", "yio chu kang", "tan tock seng", "tan kah kee",
    "lee kum kee", "lim chee guan", "bee cheng hiang", "song fa", "tan quee lan", "lee kong chian",
    "ng ah sio", "teck whye", "sheng siong", "cold storage", "fairprice",
    "kim chuan", "kim keat", "tai seng", "tai hwa", "tan boon liat",
    "ho ching", "soon lee", "kim tian", "kim yam", "lim bo seng", "tan swie hian", "hong kong",
    "mr bean", "boon tong kee", "swee heng", "tian tian", "ya kun", "old chang kee", "hong lim",
    "kim seng", "ming arcade", "jia le", "sin ming", "lim kee", "joo chiat", "kin hwa",
}  # fmt: skip
_NOT_NAMES = {
    "ok", "okay", "here", "the", "from", "sorry", "not", "also", "going", "back", "urgent", "away",
    "boss", "new", "in", "on", "at", "outside", "done", "fine", "coming", "late", "free", "busy",
    "same", "confirm", "order", "ordering", "calling", "writing", "texting", "still", "a", "an",
    "delivery", "driver", "office", "shop", "kitchen", "store", "outlet", "us", "me", "our", "we",
    "team", "sales", "admin", "accounts", "customer", "service", "please", "pls", "hi", "hello",
    "eh", "can", "will", "it", "this", "that", "today", "tomorrow", "later", "now", "all",
    "everyone", "there", "sir", "madam", "dear", "good", "morning", "afternoon", "evening", "night",
    "you", "my", "your", "his", "her", "their", "is", "was", "and", "or", "with", "for", "to", "of",
    "do", "po", "so", "inv", "sku", "uen", "gst", "ord", "cn", "dn", "grn", "qty", "ref", "item",
    "invoice", "pesanan", "payment", "cheque", "cash", "paynow", "asap", "name", "nama",
    # Identity documents after a relation ("director IC: S90...").
    "ic", "nric", "fin", "passport",
    # Pronouns before "will receive", "here" ("She will receive the goods").
    "she", "he", "they", "someone", "somebody", "who",
    # Days, months and apps after a cue ("my contact Monday", "the person Whatsapp me").
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thurs", "fri", "sat", "tmr", "january", "february", "april",
    "august", "september", "october", "november", "december", "jan", "feb", "apr", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "whatsapp", "email", "sms", "telegram", "isnin", "selasa",
    "rabu", "khamis", "jumaat", "sabtu", "ahad", "grab", "lalamove", "gojek", "foodpanda",
    "deliveroo", "ninja", "indian", "chinese", "malay", "filipino", "bangladeshi", "indonesian",
    "thai", "vietnamese", "myanmar", "korean", "japanese", "tamil", "english", "local",
    # What is called before a number ("call Hotline 6123 4567").
    "hotline", "helpline", "reception", "counter", "line", "number", "mobile", "hp", "tel",
    "phone", "fax", "landline",
    # Malay pronouns before "akan ambil" (will collect): "Dia akan terima barang".
    "dia", "saya", "kami", "kita", "mereka", "beliau", "aku", "awak", "anda", "lori", "barang",
}  # fmt: skip
# Towns a driver or an outlet is "at" ("our driver Tampines side").
_TOWNS = {
    "tampines", "bedok", "jurong", "woodlands", "yishun", "punggol", "sengkang", "hougang",
    "serangoon", "bishan", "clementi", "pasir", "changi", "geylang", "orchard", "bugis", "novena",
    "queenstown", "redhill", "admiralty", "sembawang", "kallang", "katong", "simei", "toa",
    "bukit", "chinatown", "tuas", "pioneer", "marsiling", "khatib", "eunos", "paya", "aljunied",
}  # fmt: skip
_NOT_NAMES |= _TOWNS
# Company suffixes, ours and foreign ones ("Maison Brioche SAS", "Kaffee Haus GmbH").
_COMPANY_WORDS = {
    "pte", "ltd", "llp", "sdn", "bhd", "enterprise", "trading", "company", "co", "sas", "sarl",
    "gmbh", "inc", "llc", "limited", "plc", "bv", "ag", "srl", "corp", "pty", "tbk", "kk", "spa",
}  # fmt: skip
_TITLES = {
    "mr", "mrs", "ms", "mdm", "madam", "miss", "dr", "encik", "en", "cik", "puan", "pn", "tuan",
    "haji", "hajah", "hajjah", "datuk", "dato", "makcik", "pakcik", "auntie", "aunty", "uncle",
    "kak", "kakak", "abang", "bang", "mak", "pak", "bro", "sis", "khun", "herr", "frau", "mme",
    "chef", "tmt", "thiru", "thirumathi",
}  # fmt: skip
# Given names that are ordinary words: a name only right before a surname ("Grace Lim").
_WORD_GIVEN_NAMES = {
    "grace", "may", "joy", "faith", "hope", "rose", "lily", "june", "mark", "will", "jack", "sunny",
    "ray", "jade", "amber", "crystal", "dawn", "summer", "angel", "cherry", "jewel", "pearl", "ivy",
}  # fmt: skip
# Written in lower case too: "tell auntie Rosie".
_SINGLISH_TITLES = {"auntie", "aunty", "uncle", "kak", "abang", "makcik", "pakcik", "bro", "sis"}
_PATRONYMS = {"bin", "binti", "binte", "bte", "bt", "s/o", "d/o", "a/l", "a/p"}

# ------------------------------------------------------------------ Latin-script names

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)?\.?|[sdSDaA]/[oOlLpP]")
_GAP = re.compile(r"[ \t]+")


def _bare(word: str) -> str:
    return word.rstrip(".").lower()


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _in_gazetteer(word: str, table: frozenset[str] | None = None) -> bool:
    bare = _bare(word)
    tables = (table,) if table else (SURNAMES, GIVEN_NAMES, CHINESE_GIVEN)
    if not any(bare in t or any(part in t for part in bare.split("-")) for t in tables):
        return False
    return word[0].isupper() or bare not in _CASE_SENSITIVE


def _words_at(text: str, position: int, limit: int = 6) -> list[tuple[int, int, str]]:
    """Up to `limit` words starting at `position`, separated by spaces or tabs only."""
    words = []
    while len(words) < limit:
        match = _WORD.match(text, position)
        if not match:
            break
        words.append((match.start(), match.end(), match.group()))
        gap = _GAP.match(text, match.end())
        dotted = match.group().endswith(".") and len(match.group()) > 2
        if not gap or (dotted and _bare(match.group()) not in _TITLES):
            break
        position = gap.end()
    return words


def _name_at(text: str, position: int, *, strong: bool) -> Span | None:
    """The name starting at `position` (after a cue), or None. A strong cue takes capitalised
    words; a weak one needs a gazetteer word or "Ah <name>" first. Titles are skipped."""
    words = _words_at(text, position)
    titles = []
    while (
        words
        and _bare(words[0][2]) in _TITLES
        and (_capitalised(words[0][2]) or _bare(words[0][2]) in _SINGLISH_TITLES)
    ):
        titles.append(words.pop(0))
        strong = True
    if not words:
        return None
    taken: list[tuple[int, int, str]] = []
    # "name lee wen qi": after a strong cue a name written in lower case counts by its shape.
    lower_shape = strong and not _capitalised(words[0][2]) and _shaped_name([w for *_, w in words])
    if lower_shape:
        taken, words = words[:lower_shape], []
    # "ask for k. rajan": an initial and a name the lists know, in lower case.
    elif (
        strong
        and re.fullmatch(r"[a-z]\.", words[0][2])
        and len(words) > 1
        and _bare(words[1][2]) in GIVEN_NAMES | SURNAMES
    ):
        taken, words = words[:2], []
    elif _bare(words[0][2]) == "ah" and len(words) > 1 and _capitalised(words[1][2]):
        if _bare(words[1][2]) in _KINSHIP:
            return None
        taken, words, strong = words[:2], words[2:], True
    for index, (start, end, word) in enumerate(words):
        bare = _bare(word)
        if bare in _PATRONYMS and taken and index + 1 < len(words):
            taken.append((start, end, word))
            continue
        if bare in _NOT_NAMES or bare in _BUSINESS_WORDS:
            break
        if (_capitalised(word) and (strong or taken)) or _in_gazetteer(word):
            taken.append((start, end, word))
            continue
        break
    while taken and _bare(taken[-1][2]) in _PATRONYMS:
        taken.pop()
    if not taken:
        return None
    if not strong and not _in_gazetteer(taken[0][2]):
        return None
    # "Chef Arjun", not "Chef Special": a name the lists know after this title only.
    # "Bro Shankar", "Sis Aisyah", not "Bro Thanks" or "Sis Can": the same.
    if (
        titles
        and all(_bare(t[2]) in {"chef", "bro", "sis"} for t in titles)
        and not _in_gazetteer(taken[0][2])
    ):
        return None
    if _bare(taken[0][2]) in _BUSINESS_WORDS:
        return None
    end = taken[-1][1] - (1 if taken[-1][2].endswith(".") and len(taken[-1][2]) > 2 else 0)
    words_taken = [word for _, _, word in titles + taken]
    if _COMPANY_WORDS & {_bare(word) for word in words_taken}:
        return None
    start = titles[0][0] if titles else taken[0][0]
    return next(_checked(text, start, end, words_taken), None)


# Every cue starts a word: the lookarounds first let the regex engine skip the rest quickly
# (a fifth of the time per message).
_WORD_START = r"(?=[A-Za-z])(?<![A-Za-z])"
_STRONG_CUE = re.compile(
    _WORD_START
    + r"(?:(?i:my name is|my name's|my name|name is|name\s*[:：]|name here\s*[:：]?|nama\s*[:：]"
    r"|nama saya|nama dia|namanya|nama beliau|(?:his|her) name(?: is)?|this is|i am|i'm|i’m|im"
    r"|saya|contact person(?: for [A-Za-z0-9 ]{1,24}?)?\s*[:：]?|contact\s*[:：]?"
    r"|attn\.?\s*[:：]?"
    r"|attention\s*[:：]?"
    r"|consignee\s*[:：]?|recipient\s*[:：]?|receiver\s*[:：]?|penerima\s*[:：]?|ask for|tanya|cari"
    r"|name on card\s*[:：]?|nama (?:pada|atas|di) kad\s*[:：]?|under (?:the )?name(?: of)?"
    r"|in the name of"
    # "Account holder Saravanan Pillay", "Nama pemegang Noraini Salleh" (the holder's name).
    r"|(?:account|acct|card|a/c)[ \t]?holder(?:'s name)?\s*[:：]?|holder\s*[:：]"
    r"|(?:nama )?pemegang(?: akaun| kad)?\s*[:：]?|pemilik akaun\s*[:：]?"
    r"|account name\s*[:：]?"
    r"|acct name\s*[:：]?|a/c name\s*[:：]?|payee\s*[:：]?|beneficiary\s*[:：]?|atas nama|bernama"
    r"|nama penerima|collected by|signed by|received by|ordered by|approved by"
    # "PIC for delivery: Azman": what the person is in charge of may stand before the colon.
    r"|pic(?: for [A-Za-z0-9 ]{1,24}?\s*[:：])?\s*[:：]?"
    r"|(?:ditandatangani|ditandatangan|diterima|diambil|dipesan) oleh"
    r"|call me|panggil saya"
    r"|person in charge\s*[:：]?|name|nama"
    # "u/p" (untuk perhatian): the Malay "attn".
    r"|u/p\s*[:：]?)[ \t]+"
    r"|(?<![A-Za-z])(?=(?:Mr|Mrs|Ms|Mdm|Madam|Miss|Dr|Encik|En|Cik|Puan|Pn|Tuan|Haji|Hajah|Hajjah"
    r"|Datuk|Dato|Makcik|Pakcik|Auntie|Aunty|Uncle|Kak|Abang|Khun|Herr|Frau|Mme|Chef|Tmt|Thiru|Thirumathi|Bro|Sis)"
    r"\.?[ \t]+[A-Z])"
    r"|(?i:uncle|auntie|aunty|signed|sgd\.?|ini|inilah)[ \t:]+(?=[A-Z]))"
)
_RELATIONS = (
    r"boss|partner|colleague|manager|supervisor|wife|husband|son|daughter|brother|sister|cousin"
    r"|friend|staff|driver|assistant|cashier|chef|cook|owner|director|accountant|auntie|uncle"
    r"|mum|mom|dad|pic|rep|agent|supplier|landlord|nephew|niece|helper|worker|lady boss|towkay"
    r"|purchaser|buyer|clerk|storekeeper|storeman|runner|captain|head chef|sous chef|ops lead"
    r"|executive|officer|coordinator|in-charge|admin|account manager|sales rep|guy|girl|lady|man"
    r"|contact|person|customer|client|tenant|boy"
    r"|bos|pengurus|kawan|isteri|suami|anak|pemandu|abang|kakak|adik|rakan|worker|employee"
    r"|pekerja|staf|pembantu|fren|frens|kawan baik|saudara|sepupu|ibu|ayah|emak|bapa|abah"
    # Kitchen and shop roles, in English and Malay: "Ketua dapur Rahim", "intern Wei Jie".
    r"|ketua dapur|ketua|tukang masak|jurumasak|juruwang|penyelia|pelajar|student|intern|trainee"
    r"|part-timer|cleaner|waiter|waitress|barista|packer"
)
_ROLES = (
    r"staff|driver|assistant|cashier|chef|cook|helper|worker|employee|storekeeper|storeman|runner"
    r"|clerk|supervisor|manager|colleague|accountant|purchaser|buyer|boss|towkay|pekerja|staf"
    r"|pembantu|pemandu|pengurus|ketua dapur|tukang masak|jurumasak|juruwang|penyelia|pelajar"
    r"|student|intern|trainee|part-timer|cleaner|waiter|waitress|barista|packer"
)
_WEAK_CUE = re.compile(
    _WORD_START + r"(?i:tell|ask|inform|remind|pass(?: (?:the )?(?:msg|message|it|this|order))? to"
    r"|give(?: it)? to|hand(?: it)?(?: over)? to|call|whatsapp|wa|text|sms|ping|msg|message|email"
    r"|cc|dear|hi there|hello there|hi|hello|hey|hai|halo|helo|eh|oi|morning|thanks|thank you|thx"
    r"|thks|tks|ty|tq|tqvm"
    r"|under"
    r"|pay(?:ment)? to|paid to"
    r"|let|told|update|spoke to|spoke with|spoken to|talked to"
    r"|transfer(?:red)? to|refund to|this|i|me|it's|its|is|was|and|or|with|from|via|speak to"
    r"|talk to|hubungi|minta|beritahu|bagi|kepada|dengan|jumpa|panggil|sy|aku|naan|ni"
    # "my boss", "your colleague", "bos saya": a capitalised word after these is a name.
    # "our new manager", "my Indian supplier", "our sourcing guy": up to two words between.
    # "my ex-staff ...", "pekerja baru ..." (new worker): one person meant too.
    rf"|(?P<relation>(?:my|our|his|her|the|your|their|saya|kami)[ \t]+"
    rf"(?:[A-Za-z]+[ \t]+){{0,2}}?(?:ex-)?(?:{_RELATIONS})"
    rf"|the new (?:girl|guy|staff|boy)"
    rf"|(?:{_RELATIONS})[ \t]+(?:(?:[a-z]+[ \t]+)?(?:saya|kami|dia|kita|aku)|baru)"
    # Code-mixed: the possessive or adjective was written in Tamil or Chinese ("புது worker",
    # "இன்னைக்கு driver").
    rf"|(?<=[\u0B80-\u0BFF\u4e00-\u9fff][ \t])(?:{_RELATIONS}))"
    # A work role alone ("Driver Muthu left ..."): a name the lists know after it only. Not kin
    # words, which name outlets too ("Nasi Lemak Anak Pak Mat").
    rf"|(?:{_ROLES}))[ \t,:]+"
)
_RELATION_WORDS = frozenset(re.split(r"[| ]", _RELATIONS))
_ROLE_WORDS = frozenset(re.split(r"[| ]", _ROLES)) - {"ketua", "tukang", "dapur", "masak"}
_CONTACT_CUES = {"call", "whatsapp", "wa", "text", "sms", "ping", "msg", "hubungi", "contact"}
_NUMBER_AFTER = re.compile(r"[ \t]*[:(]?[ \t]*(?:\+\d|(?<!\d)[3689]\d{3}[ .-]?\d{4}(?!\d))")
_COMPANY_RELATIONS = {"supplier", "customer", "client", "agent", "landlord", "contact", "rep"}
# Cues so common in ordinary sentences that only a given name (not a surname) after them counts.
_LOOSE_CUES = {"and", "or", "with", "from", "via", "is", "was", "i", "me", "it's", "its", "this"}
# An initial may open the name ("K. Rajan here", "R. Thiagarajan here"); "Name here:" is a label.
_NAME_THEN_CUE = re.compile(
    r"(?P<name>(?:[A-Z]\.[ \t]*)?(?:[A-Z][a-z]+[ \t]+){0,3}[A-Z][a-z]+)[ \t]+"
    r"(?:here\b(?![ \t]*[:：])|(?:di )?sini\b|speaking\b"
    r"|this side\b"
    r"|will (?:collect|come|pick|receive|sign|take)"
    # Malay: "Suria akan ambil barang" (will collect), "akan datang", "akan tandatangan".
    r"|akan (?:ambil|datang|kutip|terima|tandatangan|sign|jemput)\b"
    # Other things a person will do: a name the lists know only ("The lorry will wait").
    r"|(?P<verb>will (?:wait|meet|call|bring|help|pass|handle|follow|reply|check|be)\b"
    # "Wei Jie said ok", "<name> from our side will send": a name the lists know.
    r"|said\b|says\b|from (?:our|my) (?:side|end|team|office)\b"
    r"|will (?:settle|pay|send|deliver|confirm|arrange|update|sign)\b)"
    # "Huimin is on leave": only a person is on leave or on MC.
    r"|(?:is|was) (?:on leave|on mc|on medical leave|sick|off sick)\b)"
)
# "D'Souza", "O'Brien": a capital and an apostrophe may open the word.
_NAME_WORD = r"(?:[A-Z]['’])?[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_OUTLET_PREPOSITIONS = (" from", " at", " of", " @", " dari", " di")
# A greeting with a given name that is an ordinary word too, and a comma, is said to someone: "Hi
# Grace, ...", "Thanks Joy!" (names the gazetteer knows need no comma). Not "Hi Guys,", "Thanks
# Lah!", "Morning Chef,", "Hi Bedok,".
_GREETINGS = {
    "hi", "hello", "hey", "hai", "halo", "helo", "dear", "morning", "thanks", "thank you",
    "hi there", "thx",
}  # fmt: skip
_VOCATIVE_END = re.compile(r"[ \t]*(?:[,!！，]|$)", re.M)
# A known given name after a comma closing the message: "Correct one is 9123 8805, Sharon".
_TRAILING_VOCATIVE = re.compile(rf"[,，][ \t]*(?P<name>{_NAME_WORD})[ \t]*[.!?！]*[ \t]*$", re.M)
_LATIN_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}"
# A title may stand before the signing name ("regards,\nHj. Abdul Karim"); the name's line may go
# on after a bar ("Regards, Marcus D'Souza | Procurement") or a full stop ("regards, Benedict
# Tay. btw ...": then a name the lists know only).
# An initial may open the signing name too ("Regards,\nR. Kumar", "நன்றி,\nP. Senthil").
_SIGN_OFF_TITLE = r"(?:(?:Hj|Hjh|Haji|Hajah|Dr|Tn|Pn|En|Mr|Mrs|Ms|Mdm)\.?[ \t]+)?"
_SIGN_OFF_NAME = rf"(?:[A-Z]\.[ \t]*)?{_LATIN_NAME}"
# Short and Tamil thanks sign too ("thks\nJolene", "நன்றி,\nP. Senthil"); a blank line may stand
# between the thanks and the name ("Thanks!\n\nAaron | ...").
_SIGN_OFF = re.compile(
    r"(?m)(?:^|[.!！,]\s*)(?i:best regards|kind regards|warm regards|regards|rgds|thanks|thank you"
    r"|cheers|salam|terima kasih|tq|tqvm|thx|thks|tks|many thanks|sincerely|yours sincerely|best"
    r"|நன்றி|அன்புடன்)[ \t]*(?i:boss|lah|ya)?"
    rf"[ \t]*[,.!！，]?[ \t]*(?:\n(?:[ \t]*\n)?[ \t]*(?:[-–—~][ \t]*)?{_SIGN_OFF_TITLE}(?P<name>"
    rf"{_SIGN_OFF_NAME})|[ \t]+{_SIGN_OFF_TITLE}(?P<same_line>{_SIGN_OFF_NAME}))[ \t]*"
    r"(?=\n|$|[ \t]+[-–—|][ \t]|\|[ \t]|(?P<stop>\.[ \t]+[a-z]))"
)
_INITIAL = re.compile(r"[a-z]\.")
_DASH_SIGNATURE = re.compile(rf"(?m)^[ \t]*[-–—~][ \t]*(?P<name>{_LATIN_NAME})[ \t]*$")
# A dash and one or two words closing the message sign it, in lower case too ("Thanks ya -
# Kumar", "ok noted. - zul", "\n- joanne"): after a thanks or at a line's start, or a known name.
_END_SIGNATURE = re.compile(
    r"(?:^|(?<=[\s.!,]))[-–—~][ \t]*"
    r"(?P<name>[A-Za-z][a-z]+(?:[ \t]+[A-Za-z][a-z]+)?)[ \t]*[.!]*\s*\Z",
    re.M,
)
_THANKS_BEFORE = re.compile(
    r"(?i)(?<![A-Za-z])(?:thanks|thank you|thx|tq|ty|noted|cheers|regards|terima kasih|nandri)"
    r"(?![A-Za-z])"
)
_NOT_SIGNATURES = {
    "thanks", "thank", "thx", "tq", "ty", "urgent", "asap", "pls", "please", "noted", "ok",
    "okay", "done", "lah", "ya", "yes", "no", "sent", "paid", "confirmed", "cancel", "cancelled",
    "tmr", "today", "tomorrow", "only", "pm", "am", "boss", "sir", "thks", "tks", "cheers",
}  # fmt: skip
# Shapes that are names wherever they stand.
_PATRONYM_NAME = re.compile(
    rf"{NB}(?:{_NAME_WORD}[ \t]+){{0,2}}{_NAME_WORD}"
    r"[ \t]+(?:bin|binti|binte|bte|bt|s/o|d/o|a/l|a/p)[ \t]+"
    rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
)
# Names with a particle ("Clarissa de Souza", "Joy Dela Cruz", "Ludwig van Beek") and Vietnamese
# names with the middle word Thi ("Nguyen Thi Lan").
_PARTICLE_NAME = re.compile(
    rf"{NB}{_NAME_WORD}[ \t]+(?:de|da|do|dos|das|del|dela|della|di|van|von|der|den|le|la"
    r"|De|Da|Dos|Del|Dela|Della|Thi)"
    rf"(?:[ \t]+(?:la|los|der|den))?[ \t]+{_NAME_WORD}(?![A-Za-z])"
)
# "Ah Lim say the order wrong": Ah and a capitalised word is what Singaporeans call a person.
# "Muthu uncle", "Rosnah kakak": an elder called by name, the family word after it.
# Found from the family word, then the name is looked for before it.
_ELDER_AFTER = re.compile(
    r"(?<=[a-z])[ \t]+(?:uncle|auntie|aunty|anna|anne|akka|kakak|kak|abang|sir|madam|maam|ma'am)"
    r"(?![A-Za-z])"
)
_NAME_WORD_BEFORE = re.compile(rf"{NB}{_NAME_WORD}$")
# "R. Selvam", "K. Rajan": an initial and a name the lists know, wherever they stand.
_SENTENCE_WORDS = _CASE_SENSITIVE | {"soon", "see", "song", "chin"}
_INITIAL_THEN_NAME = re.compile(rf"{NB}[A-Z]\.[ \t]*(?P<name>{_NAME_WORD})(?![A-Za-z])")
_AH_NAME = re.compile(rf"{NB}Ah[ \t]+({_NAME_WORD})(?![A-Za-z])")
_TWO_OR_THREE_WORDS = re.compile(rf"{NB}{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}(?![A-Za-z])")


# A name right after an identity number and a comma, closed by a comma or the sentence: "NRIC:
# T0291846Z, Lim Soo Hwee." (2.3 took the name before the number).
_ID_THEN_NAME = re.compile(
    rf"(?<![A-Za-z0-9])[STFGM]\d{{7}}[A-Z][ \t]*[,，\-–—][ \t]*(?P<name>{_LATIN_NAME})"
    r"(?=[ \t]*(?:[,，.。;!]|$))",
    re.M,
)
# A known given name said to someone between commas, or closing a sentence after a comma:
# "Sorry for the delay, Arjun.", "收到，Jason，已经记下".
_VOCATIVE_CLAUSE = re.compile(rf"[,，][ \t]*(?P<name>{_NAME_WORD})(?=[ \t]*[,，.。!！?？])")
# An acknowledgement opening the message, then a known given name and a comma: "ok Darren, ...".
_ACK_VOCATIVE = re.compile(
    r"^[ \t]*(?i:ok|okay|noted|sure|yes|yup|alright|orh|hi|hello|thanks|sorry|morning)[ \t]*[,!]?"
    rf"[ \t]*(?P<name>{_NAME_WORD})(?=[ \t]*[,，])"
)


# Lower case, as people type on the phone: "mei mei here, ..." opening the message (every word
# one the lists know), "this vinod speaking", "jerome de souza" (a known given name and a
# particle).
# A greeting and "its" may come first, an initial may open the name: "hey its k. rajan here".
_LOWER_HERE = re.compile(
    r"^[ \t]*(?:(?i:hi|hey|hello|eh|oi|morning)[ \t]*[,!]?[ \t]+)?"
    r"(?:(?i:its|it's|it’s|this is|dis is)[ \t]+)?"
    r"(?P<name>(?:[a-z]\.[ \t]*)?[a-z]+(?:[ \t]+[a-z]+){0,2})[ \t]+here(?=[ \t]*[,.!]|\s*$)"
)
# "mr. tan kah seng", "mdm lim": a title in lower case, then a name the lists know.
_LOWER_TITLE = re.compile(r"(?<![A-Za-z])(?:mr|mrs|ms|mdm|madam|miss)\.?[ \t]+(?=[a-z])")
_THIS_SPEAKING = re.compile(
    r"(?i)(?<![A-Za-z])this[ \t]+(?P<name>[A-Za-z]+(?:[ \t]+[A-Za-z]+)?)[ \t]+speaking(?![A-Za-z])"
)
_LOWER_PARTICLE = re.compile(
    r"(?<![A-Za-z])(?P<first>[a-z]+)[ \t]+(?:de|da|dos|del|dela|van|von)[ \t]+[a-z]{3,}"
    r"(?![A-Za-z])"
)


# The sender named first, then the outlet: "From Grace, Kopi Corner.", "Dari Aminah, Warung Kak
# Mah." A name the lists know (or a given name that is also a word) only.
_SENDER_TAG = re.compile(
    rf"^[ \t]*(?i:from|fr|dari)[ \t:]+(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]*[,，]"
)


def _sender_spans(text: str) -> Iterator[Span]:
    match = _SENDER_TAG.match(text)
    if not match:
        return
    words = match.group("name").split()
    if {_bare(w) for w in words} & (_NOT_NAMES | _BUSINESS_WORDS | _COMPANY_WORDS):
        return
    if _gazetteer_first(words) == 0 or _bare(words[0]) in _WORD_GIVEN_NAMES:
        yield from _checked(text, *match.span("name"), words)


def _lower_case_spans(text: str) -> Iterator[Span]:
    here = _LOWER_HERE.match(text)
    if here and all(
        _in_gazetteer(w) and _bare(w) not in _NOT_NAMES
        for w in here.group("name").split()
        if not re.fullmatch(r"[a-z]\.", w)
    ):
        yield here.span("name")
    for match in _LOWER_TITLE.finditer(text):
        span = _name_at(text, match.end(), strong=True)
        if span and _in_gazetteer(text[span[0] : span[1]].split()[0]):
            yield span
    for match in _THIS_SPEAKING.finditer(text):
        words = {_bare(w) for w in match.group("name").split()}
        if not words & (_NOT_NAMES | _BUSINESS_WORDS | {"side", "one", "number", "line"}):
            yield match.span("name")
    for match in _LOWER_PARTICLE.finditer(text):
        if match.group("first") in GIVEN_NAMES and _in_gazetteer(match.group("first")):
            yield match.span()


def _shaped_name(words: list[str]) -> int:
    """How many of `words` make a name by shape alone (0 if none): a surname and two given-name
    syllables ("Lim Kok Wah", "Tan Mei-Ling"), or a given name and a surname ("Rachel Goh",
    "Grace Lim")."""
    bare = [_bare(w) for w in words]
    if bare[0] in SURNAMES:
        syllables = [part for w in bare[1:3] for part in w.split("-")]
        if len(syllables) >= 2 and all(s in CHINESE_GIVEN for s in syllables[:2]):
            return 3 if "-" not in bare[1] else 2
    if len(bare) >= 2 and bare[0] in GIVEN_NAMES and bare[1] in SURNAMES | GIVEN_NAMES:
        return 2
    # "Grace Lim", "May Tan": a given name that is an ordinary word too, before a surname.
    if len(bare) >= 2 and bare[0] in _WORD_GIVEN_NAMES and bare[1] in SURNAMES:
        return 2
    # Not two given-name syllables alone ("Siew Mei"): "Boon Lay", "Sheng Siong" and "Seng Huat"
    # are places and shops; those need a cue ("tell Siew Mei").
    return 0


def _shape_spans(text: str) -> Iterator[Span]:
    yield from (m.span() for m in _PATRONYM_NAME.finditer(text))
    for match in _PARTICLE_NAME.finditer(text):
        words = match.group().split()
        # "Tran Thi Thu": after Thi comes a given name, even one that is a day written short.
        checked = words[:2] if _bare(words[1]) == "thi" else words
        # Malay "di" is "at" too ("Kilang di Guangzhou", the factory in Guangzhou): after "di"
        # the first word must be a given name the lists know ("Marco di Stefano").
        if _bare(words[1]) == "di" and _gazetteer_first(words[:1]) != 0:
            continue
        if not ({_bare(w) for w in checked} & _NOT_NAMES) and not (
            {_bare(w) for w in words} & (_BUSINESS_WORDS | _COMPANY_WORDS)
        ):
            yield from _checked(text, match.start(), match.end(), words)
    for match in _TWO_OR_THREE_WORDS.finditer(text):
        # The name may start after a capitalised word that is not one ("Customer Ong Bee Lian").
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", match.group())]
        words = [match.group()[a:b] for a, b in spans]
        for offset in range(len(words) - 1):
            count = _shaped_name(words[offset:])
            if count:
                start = match.start() + spans[offset][0]
                end = match.start() + spans[offset + count - 1][1]
                yield from _checked(text, start, end, words[offset : offset + count])
                break


def _checked(text: str, start: int, end: int, words: list[str]) -> Iterator[Span]:
    """The span, unless its words are a place or brand, or an outlet word follows it or ends the
    capitalised words after it ("Ah Hock Fried Oyster stall", "Ah Seng Kopitiam")."""
    phrase = " ".join(_bare(w) for w in words)
    if any(phrase.startswith(place) for place in _NOT_A_PERSON):
        return
    for _, word_end, word in _words_at(text, end + 1, 5) if text[end : end + 1] == " " else ():
        # "Mohammad Sohel warehouse-ல வந்து": a Tamil case ending makes the word a place where
        # the person goes, not the outlet's name.
        if re.match(r"-?[\u0B80-\u0BFF]", text[word_end : word_end + 2]):
            break
        if _bare(word) in _BUSINESS_WORDS:
            return
        # "Priya Bukit Batok outlet": the outlet word belongs to the town, not to the name.
        if not word[0].isupper() or _bare(word) in _TOWNS:
            break
    yield start, end


def _end_signature(text: str) -> Iterator[Span]:
    # The dash stands within the last few words: search only there.
    tail = max(0, len(text) - 48)
    if not re.search(r"[-–—~]", text[tail:]):
        return
    match = _END_SIGNATURE.search(text, tail)
    if not match:
        return
    words = [_bare(word) for word in match.group("name").split()]
    if _NOT_SIGNATURES & set(words) or (_NOT_NAMES | _BUSINESS_WORDS | _TITLES) & set(words):
        return
    before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
    if not before.strip() or _THANKS_BEFORE.search(before) or _in_gazetteer(words[0]):
        yield match.span("name")


# The last line of a message holding only a name the lists know signs it, with no thanks before:
# "PB-14 3 box enough\nJun Wei".
_NAME_LINE_LAST = re.compile(
    rf"\n[ \t]*(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]*\Z"
)
# A greeting opening the message, one capitalised word and a comma: who is greeted ("Hai Melati,
# boleh semak ..."). Not the words said to anyone ("Hi Guys,", "Hai Semua,", "Morning Boss,").
_GREETING_OPENING = re.compile(
    r"^[ \t]*(?i:hi|hai|hello|helo|halo|hey|dear|morning|good morning|selamat pagi|salam)[ \t]+"
    rf"(?P<name>{_NAME_WORD})[ \t]*[,，]"
)
_SAID_TO_ANYONE = {
    "guys", "all", "semua", "team", "bro", "sis", "there", "friends", "kawan", "everybody",
    "folks", "bos", "sayang", "world", "lah", "ya", "la", "geng", "gang", "peeps", "people",
    "thanks", "thank", "tuan", "puan", "encik", "cik", "kak", "abang", "uncle", "auntie", "aunty",
    "partner", "buddy", "dude", "mate", "friend", "sirs", "ladies", "gentlemen", "cikgu", "chief",
}  # fmt: skip


def _unknown_word_is_said_to_anyone(word: str) -> bool:
    bare = _bare(word)
    return bool(
        {bare} & (_NOT_NAMES | _BUSINESS_WORDS | _TITLES | _SAID_TO_ANYONE | _RELATION_WORDS)
    )


def _name_line_spans(text: str) -> Iterator[Span]:
    last = _NAME_LINE_LAST.search(text, max(0, len(text) - 40))
    if last:
        words = last.group("name").split()
        known = all(_in_gazetteer(w) and _bare(w) not in _NOT_NAMES for w in words)
        if known and (len(words) >= 2 or _bare(words[0]) in GIVEN_NAMES):
            yield from _checked(text, *last.span("name"), words)
    greeting = _GREETING_OPENING.match(text)
    if greeting and not _unknown_word_is_said_to_anyone(greeting.group("name")):
        yield greeting.span("name")


_PRONOUN_AFTER = re.compile(r"[ \t]*[?.,!]*[ \t]*(?i:she|he)(?![A-Za-z])")


def _greets(text: str, position: int) -> bool:
    """The greeting opens the message or a line (not "say thanks Grace, ..." mid-sentence)."""
    return not text[:position].strip(" \t") or text[:position].rstrip(" \t")[-1:] in "\n.!?"


def _latin_spans(text: str) -> Iterator[Span]:
    for match in _STRONG_CUE.finditer(text):
        span = _name_at(text, match.end(), strong=True)
        if span and _bare(text[span[0] : span[1]].split()[0]) not in _NOT_NAMES:
            yield span
    for match in _WEAK_CUE.finditer(text):
        cue = match.group().strip(" \t,:").lower()
        span = _name_at(text, match.end(), strong=bool(match.group("relation")))
        if not span and cue in _GREETINGS:
            span = _name_at(text, match.end(), strong=True)
            if span and not (
                _VOCATIVE_END.match(text, span[1])
                and _greets(text, match.start())
                and _bare(text[span[0] : span[1]].split()[0]) in _WORD_GIVEN_NAMES
            ):
                span = None
        # "call Sunny 9116 3357": a word right before a phone is whom to call, known or not.
        if not span and cue in _CONTACT_CUES:
            span = _name_at(text, match.end(), strong=True)
            if span and not _NUMBER_AFTER.match(text, span[1]):
                span = None
        # "Can check with Hazirah? She handle the PO.": "she" or "he" right after says who.
        pronoun = False
        if not span:
            span = _name_at(text, match.end(), strong=True)
            words = text[span[0] : span[1]].split() if span else []
            pronoun = bool(
                span
                and _PRONOUN_AFTER.match(text, span[1])
                and all(re.fullmatch(_NAME_WORD, w) for w in words)
            )
            if not pronoun or _unknown_word_is_said_to_anyone(text[span[0] : span[1]].split()[0]):
                continue
        first = _bare(text[span[0] : span[1]].split()[0])
        if cue in _LOOSE_CUES and first not in GIVEN_NAMES and first != "ah" and not pronoun:
            continue
        # "my supplier Unilever", "our customer Toast Box": these relations are often companies,
        # so the name after them needs a title or a word of the name lists.
        relation = (match.group("relation") or "").lower().split()
        if (
            _COMPANY_RELATIONS & set(relation)
            and _bare(text[span[0] : span[1]].split()[0]) not in _TITLES
            and _gazetteer_first(text[span[0] : span[1]].split()) is None
        ):
            continue
        yield span
    for match in _NAME_THEN_CUE.finditer(text):
        # "Eh boss, Ah Hock here": the name is the last capitalised words before the cue.
        words = match.group("name").split()
        # "Staff Siti will collect": a role before the name is not part of it.
        while words and (_bare(words[0]) in _NOT_NAMES or _bare(words[0]) in _ROLE_WORDS):
            words = words[1:]
        if len(words) >= 2 and _bare(words[-2]) == "ah" and _bare(words[-1]) in _KINSHIP:
            continue
        # "Jasmine Koh from Bread Theory here": after "from" or "at" comes the outlet.
        before = text[: match.start("name")].rstrip(" \t").lower()
        if len(words) == len(match.group("name").split()) and before.endswith(_OUTLET_PREPOSITIONS):
            continue
        if match.group("verb") and not (
            words and _in_gazetteer(words[0]) and _bare(words[0]) not in _SENTENCE_WORDS
        ):
            continue
        if words and match.group("verb"):
            yield from _checked(
                text, match.end("name") - len(" ".join(words)), match.end("name"), words
            )
        # "Toast Box will collect": an outlet or a company collects.
        elif words and not {_bare(w) for w in words} & (_BUSINESS_WORDS | _COMPANY_WORDS):
            yield match.end("name") - len(" ".join(words)), match.end("name")
    for pattern in (_SIGN_OFF, _DASH_SIGNATURE):
        for match in pattern.finditer(text):
            group = "name" if match.group("name") else "same_line"
            words = [w for w in match.group(group).lower().split() if not _INITIAL.fullmatch(w)]
            # "Regards, Toast Box Raffles City": an outlet signs, not a person; "Terima kasih,
            # Puan" thanks a title.
            if all(word in _TITLES for word in words):
                continue
            stop = match.groupdict().get("stop")
            if stop and _gazetteer_first(match.group(group).split()) is None:
                continue
            if words[0] not in _NOT_NAMES and not _BUSINESS_WORDS & set(words):
                yield match.span(group)
    yield from _end_signature(text)
    for match in _TRAILING_VOCATIVE.finditer(text):
        if _bare(match.group("name")) in GIVEN_NAMES:
            yield match.span("name")
    for pattern in (_VOCATIVE_CLAUSE, _ACK_VOCATIVE):
        for match in pattern.finditer(text):
            if _bare(match.group("name")) in GIVEN_NAMES - _NOT_NAMES:
                yield match.span("name")
    for match in _ID_THEN_NAME.finditer(text):
        words = match.group("name").split()
        if len(words) >= 2 and not {_bare(w) for w in words} & (
            _NOT_NAMES | _BUSINESS_WORDS | _COMPANY_WORDS
        ):
            yield from _checked(text, *match.span("name"), words)
    for match in _ELDER_AFTER.finditer(text):
        name = _NAME_WORD_BEFORE.search(text, max(0, match.start() - 24), match.start())
        if name and _gazetteer_first([name.group()]) == 0:
            yield from _checked(text, *name.span(), [name.group()])
    for match in _INITIAL_THEN_NAME.finditer(text):
        # Not a word opening the next sentence: "Unit B. See attached", "Plan A. Soon ok".
        bare = _bare(match.group("name"))
        if _gazetteer_first([match.group("name")]) == 0 and bare not in _SENTENCE_WORDS:
            yield from _checked(text, match.start(), match.end(), [match.group("name")])
    for match in _AH_NAME.finditer(text):
        if _bare(match.group(1)) not in _KINSHIP:
            yield from _checked(text, match.start(), match.end(), match.group().split())
    yield from _shape_spans(text)
    yield from _name_line_spans(text)
    yield from _lower_case_spans(text)
    yield from _sender_spans(text)


# ------------------------------------------------------------------ Chinese-script names

_CJK_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤洪"
    "庄柯翁傅甘颜游詹卓赖骆温饶蓝辜欧"
)
# Characters that end a name: particles, verbs and words that follow a name in a sentence.
_CJK_STOP = (
    "的了是在说要会来去拿收取签电手号先吧呢吗啊呀哦和跟与给把被让请打到已也都就还负责处理联系"
)
_CJK_NAME = rf"(?:欧阳|司马|上官|诸葛|[{_CJK_SURNAMES}])[^\s{_CJK_STOP}\W\d]{{1,2}}"
# "阿明", "阿强": a nickname, only after a cue (阿姨, 阿伯 and 阿拉伯 are not names).
# "小陈", "小王": a surname after 小 closing the phrase (not 小黄瓜, a cucumber).
_CJK_NICKNAME = (
    rf"阿(?![姨叔伯婆公嬷妈爸哥姐弟妹嫂拉])[^\s{_CJK_STOP}\W\d]"
    rf"|小[{_CJK_SURNAMES}](?=[\s{_CJK_STOP}\W\d]|$)"
)
# A Latin name after a Chinese cue: "持卡人LIM SOOK CHING", "户名 Tan Wei Ming".
_LATIN_AFTER_CJK = r"[A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+){0,3}"
# Not 老板: "谢老板" is "thanks, boss".
# Kin words said to elders and peers after a surname are titles too: "黄阿姨", "陈姐", "李叔".
_CJK_TITLED = re.compile(
    rf"[{_CJK_SURNAMES}](?:先生|小姐|太太|女士|经理|师傅|主任|医生|老师|阿姨|大姐|大哥|姐|哥|叔|伯|嫂)"
    # Not a plural: "林先生们" is no one person.
    r"(?!们)"
)
# A full name before a formal title: "王丽华小姐", "陈志强先生" ("李小姐" is _CJK_TITLED).
_CJK_NAME_TITLED = re.compile(rf"(?P<name>{_CJK_NAME})(?=先生|小姐|太太|女士|医生|老师|经理)")
_CJK_CUED = re.compile(
    r"(?:我叫|我是|我的名字是|名字是|名字叫|叫我|找|问|联系人|联系|收货人|收件人|签收人|户名|账户名称?"
    r"|收款人|持卡人|姓名|名字|老板娘|老板|老公|老婆|太太|丈夫|妻子|同事|经理|朋友|司机|师傅|主管|负责人|助理"
    r"|店长|会计|跟|叫|告诉|通知|转告|客户|顾客|户主|采购|供应商|代理|由(?!于)"
    r"|联络人|打给|付款人|员工|厨师|工人|司机|帮手"
    # Handed, written or sent to someone: "交给王建国", "发票抬头写刘志明"; students, interns
    # and part-timers are staff too ("实习生陈可欣").
    r"|交给|转给|送给|寄给|发给|写给|开给|付给|卖给|抬头写|抬头是|学生|实习生|兼职|新员工|收银员|服务员|保安"
    # Kin before the name: "我儿子陈家乐", "我妈妈林秀英", "表哥王文杰".
    r"|儿子|女儿|母亲|父亲|妈妈|爸爸|哥哥|姐姐|弟弟|妹妹|表哥|表姐|表弟|表妹|堂哥|堂姐|侄子|外甥|女婿|媳妇"
    r"|(?:店|分店|公司|部门|厨房|餐厅|档口|供应商|厂商|总公司)的)(?:一下)?\s*[:：是]?\s*"
    rf"(?P<name>{_CJK_NAME}|{_CJK_NICKNAME}|{_LATIN_AFTER_CJK}|[\u0B80-\u0BFF]+)"
    rf"|(?:我姓|姓)(?P<surname>[{_CJK_SURNAMES}])"
)
# Characters of order talk, not of given names ("- 已付款", "- 送到了").
_CJK_NOT_IN_GIVEN = "已了的付款货送收到请不没要是在有吗呢吧啊号元块个箱件谢急好"
# A sign-off line may name a department before the person ("—— 财务 周小红").
_CJK_SIGN_OFF = re.compile(
    r"(?m)(?:(?:谢谢|多谢|感谢|祝好|此致|敬上)[！!。，,]?[ \t]*\n[ \t]*(?:[-–—~]+[ \t]*)?"
    r"|^[ \t]*(?:——|—|--|~)[ \t]*)(?:[\u4e00-\u9fff]{1,4}[ \t]+)?"
    # Or a nickname of 小 or 阿 and a given character, alone on the line: "谢谢！\n小芳".
    rf"(?P<name>{_CJK_NAME}|{_CJK_NICKNAME}|小(?![{_CJK_NOT_IN_GIVEN}])[\u4e00-\u9fff])[ \t]*$"
)


# The sign-off on the same line, closing the message: "谢谢！此致，林淑芬".
_CJK_SIGN_OFF_INLINE = re.compile(
    r"(?:此致|敬上|谢谢|多谢|感谢|祝好)[ \t]*[！!。，,]?[ \t]*"
    rf"(?P<name>{_CJK_NAME})[ \t]*[。.!！]?[ \t]*$"
)
# A dash closing the message signs it with a given name or a nickname too: "。- 佳怡",
# "谢谢 - 阿华" (not "- 谢谢", "- 急").
_CJK_DASH_SIGNATURE = re.compile(
    r"(?:^|(?<=[\s。！!，,.]))[-–—~]{1,2}[ \t]*"
    rf"(?P<name>{_CJK_NAME}|{_CJK_NICKNAME}|(?:(?![{_CJK_NOT_IN_GIVEN}])[\u4e00-\u9fff]){{2,3}})"
    r"[ \t]*[。.!！]?[ \t]*$"
)
_CJK_NOT_SIGNATURES = re.compile(
    r"谢谢|多谢|感谢|收到|好的|急|紧急|老板|大家|各位|完|谢|请|明天|今天|后天|早上|下午|晚上|总部|财务|会计"
)
# "她叫秀英" (she is called Xiuying), "名叫", "名字叫": a given name without its surname, closing
# the clause.
_CJK_CALLED = re.compile(
    r"(?:她叫|他叫|名叫|名字叫|我叫|叫做)(?P<name>[^\s\W\d我你他她们的了人车货饭菜外]{2})"
    r"(?=[，,。.！!？?\s]|$)"
)


# "他叫司机。" (he called the driver): a role after 叫 is no name.
_CJK_ROLE_WORDS = re.compile(
    r"司机|老板|师傅|经理|同事|朋友|老婆|老公|客户|员工|工人|厨师|阿姨|帮手|助理|快递"
)


# Words that start with a surname character but are not names: "老板周一来", "联系方式", "找钱".
_CJK_NOT_NAMES = re.compile(
    r"[^\s]记|何时|周[一二三四五六日末]|方[式法便面向]|高[兴级温]|金[额色]|马上|余额|白[色天]|黄色|任[何务]|钱|于是|向来"
    r"|万一|龙虾|石斑|石头|毛巾|杜绝|史上|夏天|江鱼|程序|孔雀|汤[圆面匙]|洪水|江湖|包装|蓝色|武吉"
    # "林子" (the woods), not "林子轩" (Lin Zixuan).
    r"|林子(?=[里中边外]|[^\u4e00-\u9fff]|$)"
    # Vancouver (温 + 哥, a surname and a kin word).
    r"|温哥华"
    # "感谢万分" (thanks a lot) closing a message is no signature.
    r"|万分|万事"
    # Gold (黄金周, golden week) and a drink brand opening a clause before a day (2.7).
    r"|黄金|王老吉"
)


# A name greeted at the start ("佩琪你好", "郑淑芬您好"), or one that signs for the goods
# ("由邱文杰签收" has its cue before; "王强签收了" after).
_CJK_GREETED = re.compile(
    r"^\s*(?P<name>[^\s\W\d]{2,3})(?:你好|您好)"
    # Or the greeting first, the name closed by a comma: "早上好秀玲，", "你好，志明！".
    r"|^\s*(?:早上好|早安|午安|下午好|晚上好|你好|您好|哈喽|嗨|(?i:hi|hello|hey|morning))[ \t，,]*"
    rf"(?P<after>(?:(?![{_CJK_STOP}我你您们请问想])[^\s\W\d]){{2,3}})(?=[ \t]*[，,！!])"
)
_CJK_THEN_CUE = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<name>{_CJK_NAME})(?=签收|签名|收货|来电|打来)"
    # "李明辉今天请假", "小张明天会过来": a full name (surname and two characters) or 小 and a
    # surname opening a clause, then a day or a person's verb.
    rf"|(?:^|(?<=[\s，,。！!？?：:]))(?P<opening>[{_CJK_SURNAMES}][^\s{_CJK_STOP}\W\d]{{2}}"
    rf"|小[{_CJK_SURNAMES}])(?=今天|明天|后天|昨天|下午|上午|早上|晚上|请假|说|会来|会过来|负责|不在)"
)
_CJK_GREETING_WORDS = re.compile(r"大家|各位|老板|你们|您们|早上|下午|晚上|老师|师傅|朋友|亲")


# "我叫 Sunny", "叫我 Sunny", "名字叫 Sunny": the writer gives the name they are called by.
_CJK_SELF_CUE = re.compile(r"(?:我叫|叫我|名字叫|名字是|我的名字是)\s*[:：]?\s*$")
# After the word: "他/她" (he, she) or a phone ("找 Jessie，她负责...", "厨师 Anil 电话 ...").
_PERSON_AFTER = re.compile(r"[ \t]*[，,]?[ \t]*(?:他|她|电话|手机|\+?\d)")


def _latin_after_cjk_is_name(words: list[str], *, person_after: bool = False) -> bool:
    """ "公司的UEN" is not a name; "持卡人LIM SOOK CHING" and "客户 Rachel" are; a single word
    the lists do not know is one when "他", "她" or a phone follows it."""
    bare = {_bare(word) for word in words}
    # Words after the first may be days written short ("Tran Thi Thu"), not the first ("UEN").
    if bare & (_BUSINESS_WORDS | _COMPANY_WORDS) or _bare(words[0]) in _NOT_NAMES:
        return False
    # Not an acronym ("请问 UOB 384-201-556-2": the bank before its account number).
    title_case = words[0][1:].islower()
    return (
        len(words) >= 2
        or _bare(words[0]) in GIVEN_NAMES | SURNAMES
        or (person_after and title_case)
    )


# "身份证F9902317K，郑雅婷，": a name after an identity number; "谢谢，何振宇，": after thanks.
_CJK_AFTER_ID_OR_ACK = re.compile(
    r"(?:(?<![A-Za-z0-9])[STFGM]\d{7}[A-Z][ \t]*[，,]|^[ \t]*(?:谢谢|多谢|收到|好的)[，,！!])"
    rf"[ \t]*(?P<name>{_CJK_NAME})(?=[，,。！!])"
)


def _cjk_spans(text: str) -> Iterator[Span]:
    # A kin word after a surname may be part of a word ("温哥华", Vancouver); a title is not.
    titled = [
        m.span()
        for m in _CJK_TITLED.finditer(text)
        if not (m.group()[-1] in "姨姐哥叔伯嫂" and _CJK_NOT_NAMES.match(text, m.start()))
    ]
    yield from titled
    greeted = _CJK_GREETED.match(text)
    if greeted:
        group = "name" if greeted.group("name") else "after"
        word = greeted.group(group)
        # "你好，谢谢，": thanks, dates and "好的" after a greeting are no names.
        if not _CJK_GREETING_WORDS.match(word) and not _CJK_NOT_SIGNATURES.match(word):
            yield greeted.span(group)
    for match in _CJK_DASH_SIGNATURE.finditer(text):
        if not _CJK_NOT_SIGNATURES.match(match.group("name")):
            yield match.span("name")
    for match in _CJK_CALLED.finditer(text):
        if not _CJK_ROLE_WORDS.match(match.group("name")):
            yield match.span("name")
    patterns = (
        _CJK_CUED,
        _CJK_SIGN_OFF,
        _CJK_SIGN_OFF_INLINE,
        _CJK_THEN_CUE,
        _CJK_AFTER_ID_OR_ACK,
        _CJK_NAME_TITLED,
    )
    for pattern in patterns:
        for match in pattern.finditer(text):
            found = match.groupdict()
            group = next((g for g in ("surname", "opening") if found.get(g)), "name")
            start, end = match.span(group)
            if _CJK_NOT_NAMES.match(text, start) or any(s <= start < e for s, e in titled):
                continue
            introduced = bool(_CJK_SELF_CUE.search(text, max(0, start - 6), start))
            if text[start].isascii() and not _latin_after_cjk_is_name(
                text[start:end].split(),
                person_after=introduced or bool(_PERSON_AFTER.match(text, end)),
            ):
                continue
            yield start, end


# ------------------------------------------------------------------ Tamil-script names

_TAMIL_WORD = r"[\u0B80-\u0BFF]+"
_TAMIL_STRONG = re.compile(
    r"(?:திருமதி(?![\u0B80-\u0BFF])|திரு(?:\.|(?=[ \t]))|செல்வி(?=[ \t])|டாக்டர்|பெயர்\s*[:：]?"
    r"|பேரு(?![\u0B80-\u0BFF])\s*[:：]?"
    r"|என் பெயர்|பெறுநர்\s*[:：]?|தொடர்பு நபர்\s*[:：]?)"
    rf"[ \t]*(?P<name>{_TAMIL_WORD})"
)
_TAMIL_WEAK = re.compile(
    r"(?:நான்|என் (?:முதலாளி|மேலாளர்|நண்பர்|மனைவி|கணவர்|சகோதரர்|சகோதரி|ஓட்டுநர்|உதவியாளர்|மகன்|மகள்)"
    # "அன்புடன்," (with love) and "இப்படிக்கு," (yours) sign a letter as "நன்றி," does.
    rf"|(?:நன்றி|அன்புடன்|இப்படிக்கு)[,!.]?\s*\n\s*(?:[-–—~]\s*)?|நன்றி[,]?(?=[ \t]))"
    rf"[ \t]*(?P<name>{_TAMIL_WORD})"
    # "பிரியா this side", "கவிதா here": a known Tamil name before an English "here".
    rf"|(?<![\u0B80-\u0BFF])(?P<before>{_TAMIL_WORD})(?=[ \t]+(?:this side|here|speaking)\b)"
)
# "இது அனிதா, ..." (this is Anitha,): a word between "இது" and a comma is who is writing.
# Only after a greeting ("வணக்கம், நான் ராஜேஸ்வரி,"): "நான் வருகிறேன்," is "I'm coming," and
# "இது சரியா," is "is this right,".
_TAMIL_THIS_IS = re.compile(
    r"(?:வணக்கம்|(?i:hi|hello|hai))[ \t]*[,!.]?[ \t]*"
    rf"(?:இது|நான்)[ \t]+(?P<name>{_TAMIL_WORD}(?:[ \t]+{_TAMIL_WORD})?)(?=[ \t]*[,，])"
    # Or opening the message: "நான் அருண்மொழி, Woodlands branch."
    rf"|^[ \t]*நான்[ \t]+(?P<opening>{_TAMIL_WORD}(?:[ \t]+{_TAMIL_WORD})?)(?=[ \t]*[,，])"
    # A greeting and a word closed by a comma greet someone: "ஹாய் சுமதி, ...", "Hello மீனா!".
    rf"|(?:ஹாய்|ஹலோ|ஹை|வணக்கம்|(?i:hi|hello|hai|hey))[ \t]*[,!]?[ \t]+(?P<greeted>{_TAMIL_WORD})"
    r"(?=[ \t]*[,，!])"
)
# "<name> இடம் கேளுங்கள்" (ask <name>); not the object particle ஐ ("Mr Ganesh ஐ கேளுங்கள்").
_TAMIL_THEN_CUE = re.compile(
    rf"(?<![\u0B80-\u0BFF])(?!(?:ஐ|வை|யை)\s)(?P<name>{_TAMIL_WORD})\s+(?:இடம்\s+கேள|கேளுங்கள்)"
)
# "Vasanthi ஐ அழைக்கவும்" (call Vasanthi), "Raju வை கேளுங்கள்" (ask Raju): a name the lists know
# as the object of calling or asking ("Bank-ஐ கேட்கணுமா?" asks a bank).
_LATIN_OBJECT_OF_CALL = re.compile(
    rf"{NB}(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]*(?:-?(?:ஐ|வை|யை)[ \t]+"
    r"(?:அழை|கூப்பிடு|கூப்பிட|கேள|கேட்|தொடர்பு|சந்தி)"
    r"|[ \t](?:கேளுங்கள்|கேளுங்க|அழையுங்கள்|கூப்பிடுங்கள்|கூப்பிடுங்க)(?![\u0B80-\u0BFF]))"
)
_TAMIL_NEXT = re.compile(rf"[ \t]+({_TAMIL_WORD})")


# A second word closing the clause belongs to the name: "என் பெயர் செல்வம் முருகேசன்.", unless
# it ends like a verb ("திருமதி லக்ஷ்மி கேளுங்கள்.": ask Mrs Lakshmi).
_CLAUSE_END = re.compile(r"[ \t]*[.,，;:()（）\n]")
_TAMIL_VERB_ENDINGS = ("ுங்கள்", "ுங்க", "ும்", "ார்", "ேன்", "ோம்", "ாங்க", "ீங்க", "து", "ாள்", "ான்")


_TAMIL_LABEL_VERB_ENDINGS = ("ும்", "ுங்கள்", "ுங்க", "ேன்", "ோம்", "ாங்க", "ீங்க")
# Pronoun stems (he, she, they, this one, you, me): "அவரிடம் கேளுங்கள்" asks him.
_TAMIL_PRONOUNS = ("அவ", "இவ", "உங்க", "உன்", "என்", "எங்க", "நம்", "அது", "இது")
_TAMIL_TO_PERSON = re.compile(
    r"(?<![\u0B80-\u0BFF])(?P<name>[\u0B80-\u0BFF]{3,}?)(?:(?:-?(?:கிட்ட|கிட்டே)|இடம்)"
    r"(?![\u0B80-\u0BFF])|(?:-இடம்|[ \t]+(?:கிட்ட|கிட்டே))"
    r"(?P<given>[ \t]+(?:கொடு|குடு|கொண்டு|ஒப்படை|சொல்|கேள|கேட்)))"
)
_RELATION_BEFORE = re.compile(rf"(?i)(?<![A-Za-z])(?:{_RELATIONS})[ \t]+$")
# "Saravanan கிட்ட கேளுங்க" (ask Saravanan): capitalised words before the postposition.
# An elder brother or sister called by name ("Ganesan அண்ணா நம்பர்") is a person too.
# The kin word may carry a case ending ("Kavitha அக்காவை கூப்பிடுங்க": call sister Kavitha).
_LATIN_TO_PERSON = re.compile(
    rf"{NB}(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]*-?"
    r"(?:கிட்ட|கிட்டே|இடம்|(?:அண்ணா|அக்கா)(?:வை|வுக்கு|விடம்|கிட்ட|வோட)?|அண்ணன்(?:கிட்ட|ை)?"
    r"|பெயரில்|பெயருக்கு|பேர்ல|பேருக்கு)"
    r"(?![\u0B80-\u0BFF])"
)
# "Ganesan அவரு நம்பர்" (Ganesan, his number), "நான் Priya" (I am Priya), "சரி Meena," (ok
# Meena): a name the lists know beside a Tamil pronoun or acknowledgement.
_LATIN_BEFORE_TAMIL_PRONOUN = re.compile(
    rf"{NB}(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]+(?:அவரு|அவர்|அவங்க|அவள்|அவன்)"
    r"(?![\u0B80-\u0BFF])"
)
# A Latin name opening a Tamil clause whose verb is a person's ("May நாளை வருவார்": May will come
# tomorrow; "Lucky தான் புதிய டிரைவர்": Lucky is the new driver). The honorific endings -வார் /
# -ார் are said of people only; a thing takes -ும் ("Lorry நாளை வரும்").
_LATIN_SUBJECT_OF_TAMIL = re.compile(
    rf"(?:^|(?<=[,.;:!?\n]))[ \t]*(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)[ \t]+"
    r"(?:(?:[\u0B80-\u0BFF]+[ \t]+){0,2}[\u0B80-\u0BFF]*(?:வார்|வாங்க|ிறார்|கிறார்)"
    r"|தான்[ \t]+(?:புதிய[ \t]+|புது[ \t]+)?(?:டிரைவர்|மேனேஜர்|முதலாளி|காசாளர்|உதவியாளர்|ஓட்டுநர்))"
    r"(?![\u0B80-\u0BFF])"
)
_TAMIL_BEFORE_LATIN = re.compile(
    r"(?<![\u0B80-\u0BFF])(?:நான்|சரி|நன்றி|வணக்கம்"
    # Kin and staff words (my son, my daughter, driver, manager, friend): "என் மகன் Arun".
    r"|(?:என்|எங்க|எங்கள்)[ \t]+(?:மகன்|மகள்|மனைவி|கணவர்|அம்மா|அப்பா|தம்பி|தங்கை|அண்ணன்|அக்கா"
    r"|நண்பர்|முதலாளி)|டிரைவர்|ஓட்டுநர்|மேனேஜர்|மேலாளர்|முதலாளி|காசாளர்|உதவியாளர்)"
    r"[ \t]*[,]?[ \t]+(?=[A-Z][a-z])"
)
# A Latin name in a Chinese sentence: "Grace姐说..." (sister Grace says), "Jason哥", "Sunny说",
# "R. Kumar会来拿" (will come to collect). A kin word after it is enough; before a verb the lists
# must know the name ("Shopee说" is a shop).
_LATIN_BEFORE_CJK_PERSON = re.compile(
    rf"{NB}(?P<name>(?:[A-Z]\.[ \t]*)?{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]*"
    r"(?:(?P<kin>姐|哥|叔|阿姨|大哥|大姐|先生|小姐|女士|太太)|说(?!明)|讲|会来|来拿|签收|来电|打来|负责)"
)
# "黄志强 கிட்ட கேக்க" (ask Huang Zhiqiang): a Chinese name before the postposition.
_CJK_TO_PERSON = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<name>{_CJK_NAME})[ \t]*(?:கிட்ட|கிட்டே|இடம்)(?![\u0B80-\u0BFF])"
)


_TAMIL_ELDER = re.compile(
    rf"(?<![\u0B80-\u0BFF])(?P<name>{_TAMIL_WORD})[ \t]+(?:அக்கா|அண்ணா|அண்ணன்|அம்மா|ஐயா)"
    r"(?![\u0B80-\u0BFF])"
)


def _tamil_spans(text: str) -> Iterator[Span]:
    for match in _TAMIL_ELDER.finditer(text):
        if match.group("name") in TAMIL_NAMES:
            yield match.span("name")
    patterns = ((_TAMIL_STRONG, True), (_TAMIL_WEAK, False), (_TAMIL_THEN_CUE, True))
    for pattern, strong in (*patterns, (_TAMIL_THIS_IS, True)):
        for match in pattern.finditer(text):
            found = match.groupdict()
            group = next((g for g in ("before", "opening", "greeted") if found.get(g)), "name")
            start, end = match.span(group)
            # A sign-off line holding only one word is a name whatever it is.
            alone = (
                match.group().startswith(("நன்றி", "அன்புடன்", "இப்படிக்கு"))
                and "\n" in match.group()
                and re.match(r"[ \t]*(?:\n|$)", text[end:])
            )
            if not strong and match.group(group) not in TAMIL_NAMES and not alone:
                continue
            # "வணக்கம் நாளைக்கு," (hello, for tomorrow): a dative after a greeting is no name.
            if (
                match.group(group).split()[0] in _TAMIL_NOT_NAMES
                or (pattern is _TAMIL_THEN_CUE and match.group(group).startswith(_TAMIL_PRONOUNS))
                or (
                    pattern is _TAMIL_THIS_IS
                    and match.group(group).endswith((*_TAMIL_VERB_ENDINGS, "க்கு"))
                )
            ):
                continue
            # "பெயர் மாத்தணும்" (the name must change): a verb after the label is no name.
            if match.group().startswith(("பெயர்", "பேர்")) and match.group(group).endswith(
                _TAMIL_LABEL_VERB_ENDINGS
            ):
                continue
            yield start, _tamil_name_end(text, end, strong=strong)
    # "cashier லட்சுமிகிட்ட DO குடுங்க" (give the DO to cashier Lakshmi): a known name, or any
    # word after a relation, with the postposition "கிட்ட" / "இடம்" fused to it.
    for match in _TAMIL_TO_PERSON.finditer(text):
        name = match.group("name")
        after_relation = _RELATION_BEFORE.search(text, 0, match.start())
        handed = match.group("given") and not name.startswith(_TAMIL_PRONOUNS)
        if (name in TAMIL_NAMES or after_relation or handed) and name not in _TAMIL_NOT_NAMES:
            yield match.span("name")


def _tamil_name_end(text: str, end: int, *, strong: bool) -> int:
    following = _TAMIL_NEXT.match(text, end)
    if following and (
        following.group(1) in TAMIL_NAMES
        or (
            strong
            and _CLAUSE_END.match(text, following.end())
            and not following.group(1).endswith(_TAMIL_VERB_ENDINGS)
        )
    ):
        return following.end()
    return end


# ------------------------------------------------------------------ names in another script
# after an English cue, and names written beside a phone number

_SCRIPT_CUE = re.compile(
    r"(?<![A-Za-z])(?i:consignee|recipient|receiver|attn|attention|contact person|contact"
    r"|ask for|look for|my name is|name|this is|i am|i'm|penerima|nama|mr|mrs|ms|mdm"
    # Before a Chinese name only ("tanya 林慧珍"): before Tamil, "call பண்ணுங்க" is a verb.
    r"|(?P<cjk_only>tanya|hubungi|cari|jumpa|ask|call)"
    # A relation before a Tamil word is often the subject of a Tamil sentence ("driver
    # உங்களை அழைப்பார்"): only a known Tamil name after it counts.
    r"|(?P<relation>customer|client|supplier|driver|boss|wife|husband|colleague|manager|tell"
    r"|uncle|auntie|aunty"
    # Kin and staff before a name in another script: "My mother 林秀英 sign", "Boss is 陈志明".
    r"|mother|father|mum|mom|dad|son|daughter|brother|sister|cousin|partner|staff|owner|friend"
    r"|(?:boss|manager|owner|driver|contact|partner)[ \t]+(?:is|was)))"
    r"\.?[ \t]*[:：]?[ \t]*(?=[\u0B80-\u0BFF\u4e00-\u9fff])"
)
# Tamil cue words before a name in Latin script: "பேர் Tamilselvi", "பெயர்: Devi".
# Tamil titles too: "திரு. Ganesan Pillai", "திருமதி Valli".
_TAMIL_CUE_LATIN = re.compile(
    r"(?:பேரு|பேர்|பெயர்|திருமதி|திரு\.?|செல்வி)[ \t]*[:：]?[ \t]*(?=[A-Z][a-z])"
)
_PHONE_AHEAD = (
    r"(?:\(?\+\d{1,3}\)?[ .-]?\d|(?<!\d)[3689]\d{3}[ .-]?\d{4}(?!\d)"
    # "Aung Kyaw Min: M2345671T": an identity number after the name and a colon.
    r"|(?<=[:：])[ \t]*[STFGM]\d{7}[A-Z](?![A-Za-z0-9])"
    r"|[ \t]*[,，][ \t]*(?:FIN|NRIC|IC|身份证|电话|手机|HP|hp|tel|(?i:wechat|whatsapp|mobile|phone)"
    r"|(?i:no)\.?[ \t:]*[+\d]"
    r"|[STFGM]\d{7}[A-Z](?![A-Za-z0-9]))"
    # "Kyaw Min Htet (FIN G1234567X)": the identity number in brackets after the name.
    r"|[ \t]*[(（][ \t]*(?:FIN|NRIC|IC|WP)?[ \t:]*[STFGM]\d{7}[A-Z](?![A-Za-z0-9]))"
)
# A call list in lower case: "...: jia hui 8290 3346 / ah seng 9127 5508". After a colon, a
# slash, a comma or a line's start, words the lists know (one a given name), or "ah" and a word.
_LOWER_BEFORE_PHONE = re.compile(
    r"(?:^|[:：/,，;\n])[ \t]*(?P<name>[a-z]+(?:[ \t]+[a-z]+){0,2})"
    rf"[ \t]*[:(]?[ \t]*(?={_PHONE_AHEAD})",
    re.M,
)
# "+91 98450 22317 - Arjun.": a dash and a known given name after a phone.
# Found from the dash, then the phone is looked for before it (quicker than the other way).
_DASH_THEN_NAME = re.compile(rf"(?<=\d)[ \t]+[-–—][ \t]*(?P<name>{_LATIN_NAME})(?![A-Za-z])")
_NAME_AFTER_PHONE_COMMA = re.compile(
    r"(?:(?<!\d)[3689]\d{3}[ .-]?\d{4}|\+\d[\d .-]{6,}\d)[ \t]*[,，][ \t]*"
    rf"(?P<name>{_LATIN_NAME})[ \t]*"
    r"(?=[,，][ \t]*(?i:he|she|his|her|dia)(?![A-Za-z])|[.!]?[ \t]*$)",
    re.M,
)
# A relation in the clause before a name that is not in the lists: "Saudara saya di Johor,
# Amirul, +60 19-733 2041".
_RELATION_IN_CLAUSE = re.compile(rf"(?i)(?<![A-Za-z])(?:{_RELATIONS})(?![A-Za-z])")
_PHONE_BEFORE = re.compile(r"(?:(?<!\d)[3689]\d{3}[ .-]?\d{4}|\+\d[\d .-]{6,}\d)$")
# "Md. Rahim Uddin": a given name written short before the name found.
_SHORT_GIVEN_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z][a-z]{1,3}\.[ \t]+$")
# "李志伟 9517 2068", "Nur Fadhilah 8264 7719", "Wong Kar Mun (+6597718834)": a call list.
_LATIN_BEFORE_PHONE = re.compile(
    rf"{NB}(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})"
    rf"[ \t]*[,，:(（]?[ \t]*(?={_PHONE_AHEAD})"
)
_CJK_BEFORE_PHONE = re.compile(
    rf"(?<![\u4e00-\u9fff])(?P<name>{_CJK_NAME})[ \t]*[:：(（]?[ \t]*(?={_PHONE_AHEAD})"
)
# "9316 7042 (தேவி)": a name in brackets right after a number.
_NAME_AFTER_PHONE = re.compile(
    r"(?:(?<!\d)[3689]\d{3}[ .-]?\d{4}|\+\d[\d .-]{6,}\d)[ \t]*[(（]"
    rf"(?P<name>{_TAMIL_WORD}(?:[ \t]+{_TAMIL_WORD})?|{_CJK_NAME}|{_LATIN_NAME})[)）]"
)
_TAMIL_NOT_NAMES = {
    "அலுவலகம்", "வீடு", "கடை", "ஆபீஸ்", "மொபைல்", "கைபேசி", "தொலைபேசி", "மலேசியா",
    "இந்தியா", "சிங்கப்பூர்", "வாட்ஸ்அப்", "புதிய", "பழைய", "மேனேஜர்", "மேலாளர்", "கணக்கு",
    "பிரிவு", "டிரைவர்", "ஓட்டுநர்", "முதலாளி", "சார்", "அண்ணா", "அக்கா", "தம்பி", "நண்பா",
    "இங்கே", "அங்கே", "நாளை", "இன்று", "யாராவது", "யார்", "ஸ்டோர்", "சமையலறை", "காசாளர்",
    # Said to anyone after a greeting: madam, sir, mother, friends, all.
    "மேடம்", "ஐயா", "அம்மா", "நண்பர்களே", "அனைவருக்கும்", "எல்லாருக்கும்", "எல்லாரும்", "நான்", "இது",
}  # fmt: skip


def _gazetteer_first(words: list[str]) -> int | None:
    """Index of the first word a name list knows as a given name or surname."""
    for index, word in enumerate(words):
        if _bare(word) in GIVEN_NAMES | SURNAMES and _in_gazetteer(word):
            return index
    return None


_IS_BEFORE = re.compile(r"(?i)(?<![A-Za-z])(?:is|was|ialah|adalah)[ \t]+$")
# What "is" the name: a person ("Contact for the event is ...", "our manager is ..."), not "The
# PO is Golden Harvest" nor "the supplier is ...".
_PERSON_SUBJECT = re.compile(
    r"(?i)(?<![A-Za-z])(?:contact|person|holder|name|manager|boss|driver|owner|staff|worker"
    r"|colleague|in-charge|pic|receiver|recipient|consignee|buyer|chef|cashier|director)"
)


def _clause_before(text: str, end: int) -> str:
    start = max(text.rfind(mark, 0, end) for mark in (".", "!", "?", "\n", "。"))
    return text[start + 1 : end]


def _beside_phone_spans(text: str) -> Iterator[Span]:
    for match in _LATIN_BEFORE_PHONE.finditer(text):
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", match.group("name"))]
        words = [match.group("name")[a:b] for a, b in spans]
        first = _gazetteer_first(words)
        # "The contact is Jean-Luc Fernandez, +33 ...": two capitalised words said to be someone,
        # right before a phone or an ID, are a name the lists need not know.
        if (
            first is None
            and len(words) >= 2
            and _IS_BEFORE.search(text, 0, match.start("name"))
            and _PERSON_SUBJECT.search(_clause_before(text, match.start("name")))
        ):
            bare = {_bare(w) for w in words}
            first = None if bare & (_BUSINESS_WORDS | _COMPANY_WORDS) else 0
        # "Saudara saya di Johor, Amirul, +60 ...": one word between commas before the phone,
        # a person (not a company) named in the clause before.
        if (
            first is None
            and len(words) == 1
            and text[: match.start("name")].rstrip(" \t").endswith((",", "，"))
            and not _unknown_word_is_said_to_anyone(words[0])
            and _bare(words[0]) not in _COMPANY_WORDS
        ):
            relation = _RELATION_IN_CLAUSE.search(_clause_before(text, match.start("name")))
            if relation and relation.group().lower() not in _COMPANY_RELATIONS:
                first = 0
        # "find Ah Girl, 9475 3306": Ah and a family word is what the person is called.
        if first is None and len(words) == 2 and words[0] == "Ah":
            first = 0
        if first is None or _NOT_NAMES & {_bare(w) for w in words[first:]}:
            continue
        # "Mei Ling": the syllables before the surname-or-given word belong to the name.
        while first and _in_gazetteer(words[first - 1], CHINESE_GIVEN):
            first -= 1
        base = match.start("name")
        start = base + spans[first][0]
        short = _SHORT_GIVEN_BEFORE.search(text, max(0, start - 8), start) if first == 0 else None
        if short and _bare(short.group().strip()) in GIVEN_NAMES:
            start = short.start()
        yield from _checked(text, start, base + spans[-1][1], words[first:])
    for match in _LOWER_BEFORE_PHONE.finditer(text):
        words = match.group("name").split()
        called_ah = words[0] == "ah" and len(words) == 2 and words[1] not in _NOT_NAMES
        known = all(_in_gazetteer(w) and w not in _NOT_NAMES for w in words)
        if called_ah or (known and (len(words) >= 2 or words[0] in GIVEN_NAMES)):
            yield match.span("name")
    for match in _NAME_AFTER_PHONE_COMMA.finditer(text):
        words = match.group("name").split()
        if _gazetteer_first(words) == 0 and not {_bare(w) for w in words} & _NOT_NAMES:
            yield from _checked(text, *match.span("name"), words)
    for match in _DASH_THEN_NAME.finditer(text):
        phone = _PHONE_BEFORE.search(text, max(0, match.start() - 24), match.start())
        if phone and _gazetteer_first(match.group("name").split()) == 0:
            yield match.span("name")
    if re.search(r"[\u4e00-\u9fff]", text):
        for match in _CJK_BEFORE_PHONE.finditer(text):
            # Two characters ("黄金", "温度") are a name only as an entry of a list ("：赵磊，").
            start, end = match.span("name")
            listed = text[:start].rstrip(" \t")[-1:] in ("：", ":", "、", "，", ",")
            if (end - start >= 3 or listed) and not _CJK_NOT_NAMES.match(text, start):
                yield start, end
    for match in _NAME_AFTER_PHONE.finditer(text):
        name = match.group("name")
        if name[0].isascii():
            words = name.split()
            if _gazetteer_first(words) != 0:
                continue
        elif _CJK_NOT_NAMES.match(name) or (
            re.match(_TAMIL_WORD, name) and name.split()[0] not in TAMIL_NAMES
        ):
            continue
        yield match.span("name")


def _script_spans(text: str) -> Iterator[Span]:
    for match in _SCRIPT_CUE.finditer(text):
        position = match.end()
        tamil = re.compile(_TAMIL_WORD).match(text, position)
        if tamil and match.group("cjk_only"):
            continue
        if tamil:
            if match.group("relation") and tamil.group() not in TAMIL_NAMES:
                continue
            if tamil.group() not in _TAMIL_NOT_NAMES:
                yield position, _tamil_name_end(text, tamil.end(), strong=True)
            continue
        cjk = re.compile(_CJK_NAME).match(text, position)
        if cjk and not _CJK_NOT_NAMES.match(text, position):
            yield cjk.span()
    for match in _TAMIL_CUE_LATIN.finditer(text):
        span = _name_at(text, match.end(), strong=True)
        if span:
            yield span
    for match in _CJK_TO_PERSON.finditer(text):
        if not _CJK_NOT_NAMES.match(text, match.start("name")):
            yield match.span("name")
    for match in _LATIN_BEFORE_CJK_PERSON.finditer(text):
        words = match.group("name").split()
        named = [w for w in words if not _INITIAL.fullmatch(w.lower())]
        if {_bare(w) for w in named} & (_NOT_NAMES | _BUSINESS_WORDS | _COMPANY_WORDS):
            continue
        known = _gazetteer_first(named) == 0 or _bare(named[0]) in _WORD_GIVEN_NAMES
        if match.group("kin") or known:
            yield match.span("name")
    for match in _LATIN_BEFORE_TAMIL_PRONOUN.finditer(text):
        words = match.group("name").split()
        first = _gazetteer_first(words)
        if first is not None and not {_bare(w) for w in words} & (_NOT_NAMES | _BUSINESS_WORDS):
            start = match.start("name") + len(" ".join(words[:first])) + (1 if first else 0)
            yield from _checked(text, start, match.end("name"), words[first:])
    for match in _LATIN_SUBJECT_OF_TAMIL.finditer(text):
        words = match.group("name").split()
        bare = {_bare(w) for w in words}
        if not _unknown_word_is_said_to_anyone(words[0]) and not bare & (
            _NOT_NAMES | _BUSINESS_WORDS | _COMPANY_WORDS | _ROLE_WORDS
        ):
            yield from _checked(text, *match.span("name"), words)
    for match in _TAMIL_BEFORE_LATIN.finditer(text):
        # Strong when a comma closes the name ("நான் Vasanthi, Kovil catering"), else the lists
        # must know it ("நான் Priya Bukit Batok outlet ல").
        span = _name_at(text, match.end(), strong=False)
        if not span:
            strong = _name_at(text, match.end(), strong=True)
            span = strong if strong and _VOCATIVE_END.match(text, strong[1]) else None
        if span:
            yield span
    for match in _LATIN_OBJECT_OF_CALL.finditer(text):
        words = match.group("name").split()
        first = _gazetteer_first(words)
        if first is not None and not {_bare(w) for w in words} & (_NOT_NAMES | _BUSINESS_WORDS):
            start = match.start("name") + len(" ".join(words[:first])) + (1 if first else 0)
            yield from _checked(text, start, match.end("name"), words[first:])
    for match in _LATIN_TO_PERSON.finditer(text):
        found = list(re.finditer(r"\S+", match.group("name")))
        # "Supplier Ravi அண்ணா": the relation before the name is not part of it.
        # "Invoice Meena பெயரில்": an order word before the name is not part of it either.
        while len(found) > 1 and _bare(found[0].group()) in _RELATION_WORDS | _NOT_NAMES:
            found = found[1:]
        words = [m.group() for m in found]
        if not {_bare(w) for w in words} & (_NOT_NAMES | _BUSINESS_WORDS | _TITLES):
            start = match.start("name") + found[0].start()
            yield from _checked(text, start, match.end("name"), words)


# ------------------------------------------------------------------ known names


@cache
def _known_name_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """The full names, and the name less its first or last word ("Tan Mei Ling" -> "Mei Ling",
    "Tan Mei"), and its first word, where at least 3 letters long; longest first."""
    variants: set[str] = set()
    for name in names:
        words = name.split()
        parts = {
            " ".join(words),
            " ".join(words[1:]),
            " ".join(words[:-1]),
            words[0] if words else "",
        }
        variants.update(p for p in parts if len(p) >= 3 and p.lower() not in _NOT_NAMES)
    if not variants:
        return None
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?i)(?<!\w)(?:{alternatives})(?!\w)")


def find_names(text: str, known_names: Iterable[str] = ()) -> list[Span]:
    spans = list(_latin_spans(text))
    if re.search(r"[\u4e00-\u9fff]", text):
        spans.extend(_cjk_spans(text))
    if re.search(r"[\u0B80-\u0BFF]", text):
        spans.extend(_tamil_spans(text))
    if re.search(r"[\u0B80-\u0BFF\u4e00-\u9fff]", text):
        spans.extend(_script_spans(text))
    # "+33 6 11 22 33 44": a foreign phone may have no four digits together.
    if re.search(r"\d{4}|\+\d", text):
        spans.extend(_beside_phone_spans(text))
    pattern = _known_name_pattern(tuple(sorted(set(known_names))))
    if pattern:
        spans.extend(m.span() for m in pattern.finditer(text))
    # Overlapping findings are one name ("Yvonne Lim" by shape, "Yvonne Lim Hui Shan" by cue).
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]
