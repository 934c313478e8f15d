"""Intent classifier: what a customer's WhatsApp message is about, with a confidence in [0, 1].

Pure and offline (keyword and pattern evidence, plus the order parser for "does this name items").
Every intent collects evidence as weights; greetings and small talk only win when nothing else
scores, because "Hi, we need 400 boxes" is an order that happens to open with a greeting.
Confidence grows with the winning evidence and shrinks when a second intent is close.

Modules: labels (the intents), rules (the evidence, by class of phrasing in four languages), this
module (scoring and the answers to our own questions).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from orders import parsing
from orders.intents.labels import (
    COMPLAINT,
    DELIVERY_QUERY,
    FILLER_INTENTS,
    GREETING,
    INTENTS,
    INVOICE_QUERY,
    ORDER_CANCEL,
    ORDER_CHANGE,
    ORDER_PLACEMENT,
    ORDER_STATUS,
    OTHER,
    PRODUCT_QUESTION,
    RATING,
)
from orders.intents.rules import (
    ARRIVAL_THANKS,
    CARTON_COUNT,
    COMPILED_RULES,
    CONTACT_CHANGE,
    LIKE_THE_PHOTO,
    NEW_ROUND,
    OTHER_SUPPLIER,
    PAST_ORDER,
    PLAN_LATER,
    QUESTION,
    RULES,
    STOCK_DECIDES,
    YES_NO_QUESTION,
)

__all__ = [
    "COMPILED_RULES",
    "COMPLAINT",
    "DELIVERY_QUERY",
    "FILLER_INTENTS",
    "GREETING",
    "INTENTS",
    "INVOICE_QUERY",
    "ORDER_CANCEL",
    "ORDER_CHANGE",
    "ORDER_PLACEMENT",
    "ORDER_STATUS",
    "OTHER",
    "PRODUCT_QUESTION",
    "RATING",
    "RULES",
    "IntentResult",
    "classify_intent",
    "is_affirmative",
    "is_negative",
    "parse_choice",
]

AFFIRMATIVE = re.compile(
    r"^\W*(?:yes|yeah|yep|yup|ya|yah|ok|okay|sure|confirm(?:ed)?|correct|right|go ahead|proceed|"
    r"please do|pls do|can|boleh|betul|ya lah|ஆம்)\b|^\W*(?:好|是|对|可以)",
)
NEGATIVE = re.compile(r"^\W*(?:no|nope|nah|not|don't|dont|tidak|tak|bukan|இல்லை)\b|^\W*(?:不|没有)")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "4th": 4}


@dataclass(frozen=True)
class IntentResult:
    intent: str
    confidence: float


def classify_intent(
    text: str, *, awaiting_rating: bool = False, awaiting_choice: bool = False
) -> IntentResult:
    """Classify one message. awaiting_rating: the assistant just asked for a 1-5 rating;
    awaiting_choice: it just asked "which one do you mean?" about an order line.

    A bare digit is a confident rating only after a rating request; right after our "which one?"
    question it (or an ordinal) is the answer, part of placing the order. (A rating nobody asked
    for is recorded as one but never taken: handlers.rating.)"""
    lowered = unicodedata.normalize("NFKC", text).strip().lower()  # "？" is "?"
    if awaiting_choice and not awaiting_rating and parse_choice(lowered, 9):
        return IntentResult(ORDER_PLACEMENT, 0.95)
    if re.fullmatch(r"[1-5](?:\s*/\s*5)?\s*[.!]?", lowered):
        return IntentResult(RATING, 0.99 if awaiting_rating else 0.7)
    scores = score_intents(lowered)
    substantive = {k: v for k, v in scores.items() if k not in FILLER_INTENTS and v > 0}
    candidates = substantive or {k: v for k, v in scores.items() if v > 0}
    if not candidates:
        return IntentResult(OTHER, 0.5)
    ranked = sorted(candidates.items(), key=lambda pair: pair[1], reverse=True)
    top_intent, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return IntentResult(top_intent, confidence_of(top, second))


# "in good order", "in perfect order": the state of goods that came, no order
GOOD_ORDER = re.compile(r"\bin (?:good|perfect|proper|working) order\b")


def score_intents(lowered: str) -> dict[str, float]:
    # "price is fine, please go ahead with ...": a price agreed is no question about one
    lowered = re.sub(parsing.ACCEPTED_PRICE, " ", lowered)
    # "harga beg kecil 0.07 kan? ok hantar 1000 lagi": a price said, no question about one
    lowered = parsing.recalled_prices(lowered)
    # "received all 3 cartons in good order": the goods are fine, no order is placed
    lowered = GOOD_ORDER.sub(" ", lowered)
    scores = dict.fromkeys(INTENTS, 0.0)
    order_verb = False
    ours = OTHER_SUPPLIERS_CLAUSE.sub(" ", lowered)
    for index, (intent, pattern, weight) in enumerate(COMPILED_RULES):
        if pattern.search(ours if intent == COMPLAINT else lowered):
            scores[intent] += weight
            order_verb = order_verb or index == 0
    parsed, signals = parsing.read_message(lowered)
    if parsed.repeat_last:
        scores[ORDER_PLACEMENT] += 1.2
    elif any(item.names_a_product for item in parsed.items):
        # items with quantities, and "want"/"nak"/"வேண்டும்": an order even after "do you sell..?"
        scores[ORDER_PLACEMENT] += 1.0 if order_verb else 0.7
        # delivery words in a message with items are instructions ("call me when reach")
        scores[DELIVERY_QUERY] = min(scores[DELIVERY_QUERY], 0.5)
        if OTHER_SUPPLIER.search(lowered):
            # "the old supplier's cups leak. Your 8oz cup 1000": the complaint is not ours
            scores[COMPLAINT] = min(scores[COMPLAINT], 0.5)
    elif signals.names_product and (order_verb or signals.has_quantity):
        # "need some 16oz cups", "12oz x 2k": an order the assistant must ask about
        scores[ORDER_PLACEMENT] += 0.5
    elif LIKE_THE_PHOTO.search(lowered) and CARTON_COUNT.search(lowered):
        # "Sama macam dalam gambar tadi, 3 karton": the goods of a photo, by the carton
        scores[ORDER_PLACEMENT] += 0.5
    else:
        scores[ORDER_PLACEMENT] = min(scores[ORDER_PLACEMENT], 0.2)
    # "do your paper straws go soggy?", "are your bags strong enough for 2 bottles?"; a question
    # mark alone after items is a request ("8 inch box 2 ctn can?"); in a complaint it is part of it
    asks = YES_NO_QUESTION.search(lowered) or (not parsed.items and QUESTION.search(lowered))
    if signals.names_product and not order_verb and asks and not scores[COMPLAINT]:
        scores[PRODUCT_QUESTION] += 0.9
    if PAST_ORDER.search(lowered) and not order_verb and not parsed.repeat_last:
        scores[ORDER_PLACEMENT] = 0.0
    if not QUESTION.search(lowered):
        if ARRIVAL_THANKS.search(lowered):
            scores[DELIVERY_QUERY] = 0.0
            if not parsed.items:  # "last week order reach already, thanks"
                scores[ORDER_PLACEMENT] = 0.0
        elif scores[COMPLAINT] and PAST_ORDER.search(lowered):
            # "the pizza boxes that came yesterday are all wet": about goods already here
            scores[DELIVERY_QUERY] = min(scores[DELIVERY_QUERY], 0.5 * scores[COMPLAINT])
        elif scores[RATING]:
            # "Servis bagus, driver sampai awal. Terbaik!": the delivery praised, not asked about
            scores[DELIVERY_QUERY] = min(scores[DELIVERY_QUERY], 0.5 * scores[RATING])
    if PLAN_LATER.search(lowered):
        # "next week then order 3000 cups, now still got stock": no order yet, and its stock and
        # delivery words are part of the plan (OTHER is a filler: the others must be out)
        scores[OTHER] += 1.5
        for intent in (ORDER_PLACEMENT, PRODUCT_QUESTION, DELIVERY_QUERY):
            scores[intent] = 0.0
    if CONTACT_CHANGE.search(lowered) and not parsed.items:
        scores[OTHER] += 0.8
        scores[ORDER_PLACEMENT] = 0.0
        # "new address ..., pls update": the contact details are updated, not an order
        scores[ORDER_CHANGE] = 0.0
        # "from next week pls deliver to our new address ...": where to deliver, no question
        scores[DELIVERY_QUERY] = 0.0
    if parsed.items and not parsed.doubt and NEW_ROUND.search(lowered):
        # "last week the cups all kena squash, anyway this time 8oz cup 3000": a new order
        scores[ORDER_PLACEMENT] += 0.5
    if signals.side_question and parsed.items and not parsed.doubt:
        # "Napkins 4000. Do you sell paper plates? If not, never mind.": an order first; a
        # question beside it must not lose the order (before, "Napkins 5000. Do you sell cup
        # sleeves?" was a product question, and the napkins were never parsed)
        scores[ORDER_PLACEMENT] += 0.6
        scores[PRODUCT_QUESTION] = min(scores[PRODUCT_QUESTION], scores[ORDER_PLACEMENT] - 0.1)
    if signals.remarks_beside and (parsed.items or parsed.repeat_last) and not parsed.doubt:
        # "Straw 1 ctn. Ur driver last wk very late", "burger box 500pcs pls. how come price go up
        # again ah": the order, with a complaint or a question beside it that changes none of it
        scores[ORDER_PLACEMENT] = max(scores[ORDER_PLACEMENT], 1.0) + 0.6
        for intent in (COMPLAINT, PRODUCT_QUESTION, INVOICE_QUERY, DELIVERY_QUERY):
            scores[intent] = min(scores[intent], scores[ORDER_PLACEMENT] - 0.1)
    for doubt, intent in DOUBT_INTENTS:
        if (
            order_verb
            and signals.asks_after_items
            and doubt in ASKED_ABOUT_THE_ORDER
            and not NOT_ORDERED_YET & set(parsed.doubt.split(", "))
        ):
            # "need 10 inch pizza box 300pcs asap, how much per pc?", "外卖盒要一箱，现在有货吗？":
            # items ordered, and a price or stock asked about them: an order the parser asks about
            continue
        if (parsed.items or signals.has_quantity) and doubt in parsed.doubt.split(", "):
            # "my order for 2 ctn napkin confirm liao or not": the parser read items but knows
            # the message is about something else than a new order
            scores[intent] += 1.0
            scores[ORDER_PLACEMENT] = min(scores[ORDER_PLACEMENT], 0.5)
    if parsed.items and STOCK_DECIDES.search(lowered):
        # "12oz cup 2 or 3 ctn, see how much stock you have": items whose count our stock decides
        # (the parser's "a question" is this one, about the order)
        scores[ORDER_PLACEMENT] = max(scores[ORDER_PLACEMENT], 1.0) + 1.0
        scores[PRODUCT_QUESTION] = min(scores[PRODUCT_QUESTION], 0.5)
    if parsed.items and not parsed.doubt:
        # "Large kraft bags 750. PO number is 40417, pls put it on the invoice": an order whose
        # invoice is an instruction (a question about an invoice for goods is a doubt)
        scores[INVOICE_QUERY] = min(scores[INVOICE_QUERY], 0.5)
    conditions = {"a condition", "an item on a condition"}
    if conditions & set(parsed.doubt.split(", ")) and QUESTION_BEFORE_CONDITION.search(lowered):
        # "8寸披萨盒有现货吗？有的话下礼拜订三百个", "can it take soup? if can then we order 500":
        # a question about a product, whose answer decides an order
        scores[PRODUCT_QUESTION] += 1.0
        scores[ORDER_PLACEMENT] = min(scores[ORDER_PLACEMENT], 0.5)
    if parsed.items and not parsed.doubt and parsing.announces_new_order(lowered):
        # "yesterday's tissue change to 3 ctn. New order: burger box 1 ctn": the change is asked
        # beside it, the message places the new order
        scores[ORDER_CHANGE] = scores[ORDER_CANCEL] = 0.0
        scores[ORDER_PLACEMENT] += 0.5
    if parsed.items and not parsed.doubt and parsing.lists_standing_change(lowered):
        # "usual weekly order with one change, cups up to 3000: 12oz cups 3000, ...": the
        # standing order placed in full with its change, no change of an order placed before
        scores[ORDER_CHANGE] = scores[ORDER_CANCEL] = 0.0
        scores[ORDER_PLACEMENT] = max(scores[ORDER_PLACEMENT], 1.0) + 0.5
    if parsed.items and not parsed.doubt and parsing.pasted_chat(lowered):
        # a staff chat pasted whole whose final list was read ("... / Manager: so just 500 small
        # bags"): its cancels and changes are the staff's talk before the order it places
        scores[ORDER_CHANGE] = scores[ORDER_CANCEL] = 0.0
        scores[ORDER_PLACEMENT] = max(scores[ORDER_PLACEMENT], 1.0) + 0.5
    if signals.corrects_itself and parsed.items and not parsed.doubt:
        scores[ORDER_CHANGE] = 0.0  # "5k, oh wait make it 10k": the new order corrected
    if scores[ORDER_CHANGE] >= 1.0 or scores[ORDER_CANCEL] > 0:
        scores[ORDER_PLACEMENT] = min(scores[ORDER_PLACEMENT], 0.5)
    return scores


# "Our old supplier's 12oz cup keeps leaking, so we're switching to yours": a complaint about
# another supplier's goods is why the customer comes to us, no complaint to us
OTHER_SUPPLIERS_CLAUSE = re.compile(rf"[^.,;!?\n。，]*(?:{parsing.OTHER_SUPPLIER})[^.,;!?\n。，]*")

QUESTION_BEFORE_CONDITION = re.compile(
    r"[?？]\s*[^?？]*(?:\b(?:if|kalau|kalo|klu|jika)\b|的话|如果|要是)"
)

# The parser's doubts that say what a message naming items is about, when it is no new order.
# The parser's questions about items ordered with an order verb, which leave the message an order
ASKED_ABOUT_THE_ORDER = frozenset({"a question", "a question about stock"})
# ... unless the parser reads no order yet: "Can you quote for 5000 ...? Need the price before we
# confirm"
NOT_ORDERED_YET = frozenset(
    {"no order of these goods", "a condition", "an item on a condition", "a plan for later"}
)
DOUBT_INTENTS = (
    ("a question about an earlier order", ORDER_STATUS),
    ("an order placed before", ORDER_STATUS),
    ("goods waited for", DELIVERY_QUERY),
    ("a question", PRODUCT_QUESTION),
    ("a question about stock", PRODUCT_QUESTION),
    ("an addition to an earlier order", ORDER_CHANGE),
    ("a document about items", INVOICE_QUERY),
    ("a complaint about a delivery", COMPLAINT),
    ("a damage report", COMPLAINT),
)


def confidence_of(top: float, second: float) -> float:
    """Strong evidence → near 1; a close runner-up → towards 0.5 of that."""
    strength = 1 - 0.5 * math.exp(-2.5 * top)
    separation = top / (top + second) if top + second else 0.0
    return round(min(0.99, strength * separation), 2)


def is_affirmative(text: str) -> bool:
    return bool(AFFIRMATIVE.search(text.strip().lower()))


def is_negative(text: str) -> bool:
    return bool(NEGATIVE.search(text.strip().lower()))


def parse_choice(text: str, option_count: int) -> int | None:
    """Which of the offered options (1-based) a reply picks: '2', 'the second one', '#1'."""
    lowered = text.strip().lower()
    match = re.fullmatch(r"\W*(?:option\s*|no\.?\s*|#)?(\d)\W*", lowered)
    if match and 1 <= int(match.group(1)) <= option_count:
        return int(match.group(1))
    for word, number in ORDINALS.items():
        if re.search(rf"\b{word}\b", lowered) and number <= option_count:
            return number
    return None
