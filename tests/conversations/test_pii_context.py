"""The scrubber reads context (issue 20): order numbers kept, phones and accounts in every format
caught, addresses whole, names by cue and by what the caller knows."""

import pytest

from conversations.privacy import scrubber


@pytest.mark.parametrize(
    "text",
    [
        "Need 400 pcs of SKU 97310428 pls",
        "Order no. 86620931 - can check status?",
        "Stock code 65508812 out of stock ah?",
        "Item 68175672 and item 63306765, 2 boxes each",
        "Need tax invoice for INV 67382699",
        "送货单 DO 87201403 少了 10 cartons",
        "Kod stok 96911539 ada lagi tak?",
        "ஆர்டர் எண் 95280643 எப்போது வரும்?",
        "Qty 91234567 x 2",
        "88812345 x 20 and ORD-2026-000123",
        "Stock code 88123456 and 88123457 both out of stock?",
        "订单号 86620931、86620932 都还没到",
    ],
)
def test_a_phone_shaped_number_labelled_as_order_data_is_kept(text: str) -> None:
    assert scrubber.scrub_text(text).text == text


def test_a_catalogue_sku_is_kept_without_a_label_but_the_same_digits_unknown_are_a_phone() -> None:
    text = "pls send 91234567 again"
    assert scrubber.scrub_text(text, known_skus={"91234567"}).text == text
    assert scrubber.scrub_text(text).text == "pls send [PHONE] again"


@pytest.mark.parametrize(
    "text",
    [
        "call 9123.4567",
        "hp (65) 6123 4567",
        "call (+65) 91788197 pls",
        "tel +852 2123 4567",
        "whatsapp +60 12-345 6789",
        "M: 65 8128 4417",
        "Order 86484191, call +65 92930611",
    ],
)
def test_phones_in_dotted_bracketed_and_foreign_forms_are_replaced(text: str) -> None:
    result = scrubber.scrub_text(text)
    assert "[PHONE]" in result.text
    assert "92930611" not in result.text and "9123" not in result.text


def test_an_order_number_next_to_a_phone_survives_while_the_phone_goes() -> None:
    text = "Order 86484191, call +65 92930611"
    assert scrubber.scrub_text(text).text == "Order 86484191, call [PHONE]"


def test_ibans_pass_the_mod_97_check_before_they_are_replaced() -> None:
    assert scrubber.scrub_text("IBAN GB82 WEST 1234 5698 7654 32 pls").text == (
        "IBAN [BANK_ACCOUNT] pls"
    )
    assert scrubber.iban_is_valid("DE89370400440532013000")
    assert not scrubber.iban_is_valid("DE89370400440532013001")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Refund to OCBC 5012345678 pls", "Refund to OCBC [BANK_ACCOUNT] pls"),
        ("UOB a/c 956-185-947 thanks", "UOB a/c [BANK_ACCOUNT] thanks"),
        ("转到 CIMB 2071969324", "转到 CIMB [BANK_ACCOUNT]"),
    ],
)
def test_bank_accounts_after_a_bank_name_or_label_are_replaced(text: str, expected: str) -> None:
    assert scrubber.scrub_text(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Deliver to 71 Ubi Crescent #03-05 Excalibur Centre, 408571, thanks",
        "Deliver to 123 Tanjong Pagar Road, 088444, thanks",
        "Deliver to Blk 3 Changi Village Road #01-2010, 500003, thanks",
    ],
)
def test_an_address_runs_to_its_building_name_and_postal_code(text: str) -> None:
    assert scrubber.scrub_text(text).text == "Deliver to [ADDRESS], thanks"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hi, Vincent Chua here. Order 86620931", "Hi, [NAME] here. Order 86620931"),
        ("Ask for Alicia Tan at the back door", "Ask for [NAME] at the back door"),
        ("Consignee: Priya, pls call first", "Consignee: [NAME], pls call first"),
        ("Attn Marcus Yeo", "Attn [NAME]"),
        ("Thanks, order received.\n\nRegards,\nWong Mei Ling", None),
        ("谢谢！\n杨慧", "谢谢！\n[NAME]"),
        ("收货人：吴建国，电话 +65 6518 8317", "收货人：[NAME]，电话 [PHONE]"),
        ("Name: Kopi House Pte Ltd", "Name: Kopi House Pte Ltd"),
        ("Thanks for the fast delivery today", "Thanks for the fast delivery today"),
    ],
)
def test_names_after_cues_and_in_sign_offs_are_replaced(text: str, expected: str | None) -> None:
    expected = expected or text.replace("Wong Mei Ling", "[NAME]")
    assert scrubber.scrub_text(text).text == expected


def test_the_profile_and_contact_names_the_caller_knows_are_replaced_anywhere() -> None:
    text = "tell mei ling the boxes came, and Rajesh Kumar will pay"
    result = scrubber.scrub_text(text, known_names=["Mei Ling Tan", "Rajesh Kumar"])
    assert result.text == "tell [NAME] the boxes came, and [NAME] will pay"
