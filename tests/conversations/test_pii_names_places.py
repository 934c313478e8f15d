"""Names and addresses that generalise (issue 20): cues, Singapore name shapes and a gazetteer
that only counts beside a cue, buildings before the street; and the place, outlet and food names
staff need left alone."""

import pytest

from conversations.privacy import scrubber


def scrub(text: str) -> str:
    return scrubber.scrub_text(text).text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tell Wei Jie the lids can come Monday", "tell [NAME] the lids can come Monday"),
        ("pls pass msg to Ah Kow, he at the back", "pls pass msg to [NAME], he at the back"),
        ("my boss Terence Goh wants a refund", "my boss [NAME] wants a refund"),
        ("hi Jolene, 5 ctn more pls", "hi [NAME], 5 ctn more pls"),
        ("tell auntie Rosie the cups reach already", "tell [NAME] the cups reach already"),
        ("pay to POSB under Lim Ah Kow", "pay to POSB under [NAME]"),
        ("Eh Siti, tell ur boss the lids wrong", "Eh [NAME], tell ur boss the lids wrong"),
        ("i Jason Tay from Clementi branch", "i [NAME] from Clementi branch"),
    ],
)
def test_a_weak_cue_names_a_word_the_gazetteer_knows(text: str, expected: str) -> None:
    assert scrub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "tell Kitchen the lids can come Monday",
        "hi Team, 5 ctn more pls",
        "my boss OK already",
        "pls pass msg to Bedok stall",
    ],
)
def test_a_weak_cue_before_an_unknown_word_changes_nothing(text: str) -> None:
    assert scrub(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Need 30 ctn of 22oz cups for the Ang Mo Kio outlet by Friday",
        "Order for Ah Seng Kopitiam: 20 ctn of 8oz paper cups",
        "the Lor Mee stall at Tiong Bahru want same as last week lah",
        "Song Fa bak kut teh also want the 750ml tubs, 8 ctn",
        "Lee Kum Kee oyster sauce 6 x 5L",
        "Tiger Beer promo cups 300 pcs for the Clarke Quay outlet",
        "Our Yio Chu Kang outlet needs 24 ctn of napkins NAP-2P",
        "Spice Junction wants 3 ctn of curry containers CC-750",
        "Can Sheng Siong Tampines get their 40 ctn on 02/09?",
        "Please quote for Boon Lay Place food centre, 100 ctn",
        "Ah Hock Fried Oyster stall reorder PB-08 x 10",
        "Regards,\nPurchasing Dept",
        "Ordered by Accounts Dept, approved by Finance",
        "Received 48 ctn, signed DO 66231187 at 11:42am",
        "Ah Girl here, my hp",
        "联系方式不变，谢谢老板",
        "周一送货可以吗？",
        "நான் நாளை 20 பெட்டி ஆர்டர் செய்வேன்",
    ],
)
def test_place_outlet_food_and_family_words_shaped_like_names_are_kept(text: str) -> None:
    assert scrub(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Our chef Muhammad Hafiz bin Osman will sign", "Our chef [NAME] will sign"),
        ("Please contact our purchaser Hazel Ng", "Please contact our purchaser [NAME]"),
        ("Selvam s/o Krishnan will sign", "[NAME] will sign"),
        ("Lim Kok Wah from accounts will email you", "[NAME] from accounts will email you"),
        ("Tan Mei-Ling from accounts will email you", "[NAME] from accounts will email you"),
        ("Please ask Rachel Goh about the PO", "Please ask [NAME] about the PO"),
        ("I Grace Lim from Yishun stall", "I [NAME] from Yishun stall"),
    ],
)
def test_singapore_name_shapes_are_found_without_a_strong_cue(text: str, expected: str) -> None:
    assert scrub(text) == expected


def test_a_name_found_by_shape_and_by_cue_is_replaced_once_and_whole() -> None:
    text = "Contact person: Yvonne Lim Hui Shan, she handles the PO"
    assert scrub(text) == "Contact person: [NAME], she handles the PO"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我老板张国华的电话不通", "我老板[NAME]的电话不通"),
        ("星展银行户口转账，户名李秀英", "星展银行户口转账，户名[NAME]"),
        ("送货时请找林小姐", "送货时请找[NAME]"),
        ("UOB transfer atas nama Mohd Faizal", "UOB transfer atas nama [NAME]"),
        ("Bos saya Haji Osman akan bayar", "Bos saya [NAME] akan bayar"),
        ("நான் ராஜேஷ் குமார், லிட்டில் இந்தியா கடை", "நான் [NAME], லிட்டில் இந்தியா கடை"),
        ("என் முதலாளி சுரேஷ் நாளை வருவார்", "என் முதலாளி [NAME] நாளை வருவார்"),
        ("திருமதி லக்ஷ்மி கேளுங்கள்", "திருமதி [NAME] கேளுங்கள்"),
        ("Delivery-க்கு Mr Ganesh ஐ கேளுங்கள்", "Delivery-க்கு [NAME] ஐ கேளுங்கள்"),
    ],
)
def test_chinese_malay_and_tamil_cues_name_the_person_after_them(text: str, expected: str) -> None:
    assert scrub(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "deliver to Northpoint City South Wing, 1 Northpoint Dr, #B1-122, Singapore 768019 ok",
            "deliver to [ADDRESS] ok",
        ),
        (
            "Alamat baru: Wisma Geylang Serai, 1 Engku Aman Turn, #02-01, Singapore 408528",
            "Alamat baru: [ADDRESS]",
        ),
        (
            "send to Tiong Bahru Market, 30 Seng Poh Road #02-15 can?",
            "send to [ADDRESS] can?",
        ),
        ("新地址：乌节路313号 313@somerset #B3-05 新加坡238895", "新地址：[ADDRESS]"),
        ("送到大牌 456 后港10道 #03-120 新加坡530456", "送到[ADDRESS]"),
        ("小纸袋500个，下午送到宏茂桥3道", "小纸袋500个，下午送到[ADDRESS]"),
    ],
)
def test_a_building_before_the_street_and_chinese_forms_are_part_of_the_address(
    text: str, expected: str
) -> None:
    assert scrub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Can deliver to our Orchard Road outlet instead?",
        "Clarke Quay and Boat Quay stalls same order",
        "Please deliver to our Holland Village branch",
        "Is the Jurong West Street 52 outlet order out yet?",
    ],
)
def test_a_street_or_place_without_any_number_is_not_an_address(text: str) -> None:
    assert scrub(text) == text


def test_a_street_with_its_number_is_an_address_when_a_delivery_cue_points_at_it() -> None:
    assert scrub("Hantar ke Bedok North St 1 pagi esok") == "Hantar ke [ADDRESS] pagi esok"
    assert scrub("Hantar ke Blk 45 Bedok North, esok") == "Hantar ke [ADDRESS], esok"
