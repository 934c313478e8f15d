"""Scrubber 2.5 (issue 20, fifth round): the classes the fourth fresh corpus missed (names,
addresses, cards, order numbers taken as phones), each checked on sentences written for these
tests (not the corpus texts), with sentences of the same shape that must stay unchanged."""

import pytest

from conversations.privacy import scrubber


def scrub(text: str) -> str:
    return scrubber.scrub_text(text).text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a sign-off with a title before the name, a bar or a full stop after it
        ("Warm regards, Mr. Terence Koh | Ops, Sunrise Cafe", "Terence Koh"),
        ("Regards,\nHj. Zulkarnain Musa\nKedai Runcit Musa", "Zulkarnain Musa"),
        ("cheers, Bernadette Lim. the lids came in wrong size", "Bernadette Lim"),
        ("Best regards, Liam O'Connor | Head of Purchasing", "Liam O'Connor"),
        # lower case: a call list, a title, a greeting and "its" before "<name> here"
        ("night shift: hui min 9012 3344 / ah kow 8123 0098", "hui min"),
        ("night shift: hui min 9012 3344 / ah kow 8123 0098", "ah kow"),
        ("can pass the cheque to mr. goh kok wah tomorrow", "goh kok wah"),
        ("hi its s. ganesan here, about the ghee order", "s. ganesan"),
        # a known name after a phone and a dash; "Ah" and a family word before a phone
        ("or try 8123 9987 - Nadia, she is at the counter", "Nadia"),
        ("ask for Ah Ma 6123 4410 at the provision shop", "Ah Ma"),
        # Chinese: a sign-off on the same line, a dash and a given name, 叫 and a given name
        ("东西收到了，多谢！此致，陈丽华", "陈丽华"),
        ("明天早上送到 - 美玲", "美玲"),
        ("收货的是我同事，她叫慧敏", "慧敏"),
        # Malay: "ni" (this is), a relation and "kita", holder labels
        ("salam, ni hafiz dari kedai runcit, nak order air", "hafiz"),
        ("Pembantu kita Rosli tak datang hari ni.", "Rosli"),
        ("nama pemegang kad: Suriati binti Hamzah", "Suriati binti Hamzah"),
        ("Account holder: Wilfred Chua", "Wilfred Chua"),
        # an identity number after the name and a colon, a short given name before it
        ("Worker pass for Md. Shafiqul Hossain: G7712345N, tomorrow.", "Md. Shafiqul Hossain"),
        # Tamil: a kin word with a case ending, a pronoun, நான் / சரி before a Latin name
        ("Malathi அக்காவை 3 மணிக்கு கூப்பிடுங்க.", "Malathi"),
        ("Vendor Perumal அவர் DO கொண்டு வருவார்.", "Perumal"),
        ("நான் Gayathri, Sengkang outlet.", "Gayathri"),
        ("சரி Dinesh, invoice அனுப்புறேன்.", "Dinesh"),
        ("counter ல Selvam uncle இருப்பாரு.", "Selvam"),
        # a town and an outlet word after the name belong to the town
        ("நான் Kavitha Pasir Ris outlet ல இருந்து பேசுறேன்.", "Kavitha"),
    ],
)
def test_names_of_these_classes_are_scrubbed(text: str, name: str) -> None:
    scrubbed = scrub(text)
    assert name not in scrubbed
    assert "[NAME]" in scrubbed


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [
        # "call" and a town are no names in a call list or after a phone
        ("night shift: call 9012 3344", "night shift: call [PHONE]"),
        ("or try 8123 9987 - Tampines branch", "or try [PHONE] - Tampines branch"),
    ],
)
def test_only_the_phone_goes_in_a_call_list(text: str, scrubbed: str) -> None:
    assert scrub(text) == scrubbed


def test_a_building_between_unit_and_postal_code_joins_the_address() -> None:
    text = "Bill to 5 Tai Seng Drive, #03-01, Volex Building, 535217. Thanks"
    assert scrub(text) == "Bill to [ADDRESS]. Thanks"


def test_a_card_before_its_days_of_credit_is_a_card() -> None:
    assert scrub("card 5105 1051 0510 5100 45-day ok") == "card [CARD] 45-day ok"


@pytest.mark.parametrize(
    "text",
    [
        # batch and serial numbers are order data, not phones
        "批次 81234567 的牛奶有问题",
        "序列号 61239876，请查一下",
        "Nombor siri kotak 91234408 koyak.",
        "No. siri botol 86120034 bocor",
        # same shapes, no name
        "Thanks. Please send the new price list.",
        "regards, Team. see you monday",
        "Best regards | Sunrise Cafe",
        "货已收到 - 已付款",
        "明天送 - 急",
        "收到 - ok",
        "他叫外卖了",
        "他叫司机。",
        "收到了，感谢万分",
        "order ni hari rabu boleh hantar?",
        "ok lai lai, 3 ctn",
        "ni harga baru ke?",
        "Driver kita dah sampai.",
        "சரி Boss, நாளை அனுப்புறோம்.",
        "நான் Tampines outlet ல இருக்கேன்.",
        "Coffee uncle say no stock",
    ],
)
def test_sentences_of_the_same_shape_stay_unchanged(text: str) -> None:
    assert scrub(text) == text
