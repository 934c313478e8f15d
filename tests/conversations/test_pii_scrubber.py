"""The pure PII scrubber: the labelled corpus thresholds and the rules behind them."""

import json
from collections import Counter

import pytest

from conversations.privacy import scrubber, scrubber_eval


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return scrubber_eval.load_corpus()


@pytest.fixture(scope="module")
def report(corpus: list[dict]) -> scrubber_eval.Report:
    return scrubber_eval.evaluate(corpus)


def test_corpus_is_large_varied_and_mostly_without_pii(corpus: list[dict]) -> None:
    languages = Counter(row["lang"] for row in corpus)
    clean = [row for row in corpus if not row["pii"]]
    assert len(corpus) >= 300
    assert len(clean) / len(corpus) >= 0.40
    assert {"en", "singlish", "zh", "ms", "ta"} <= set(languages)
    assert all(languages[lang] >= 40 for lang in ("en", "singlish", "zh", "ms", "ta"))


def test_corpus_labels_point_at_the_text_they_name(corpus: list[dict]) -> None:
    for row in corpus:
        for span in row["pii"] + row["protected"]:
            assert row["text"][span["start"] : span["end"]] == span["value"], row["id"]
        assert all(span["type"] in scrubber.PII_TYPES for span in row["pii"]), row["id"]


def test_corpus_holds_the_hard_negatives_the_issue_names(corpus: list[dict]) -> None:
    protected = " ".join(token["value"] for row in corpus for token in row["protected"])
    for marker in ("ORD-", "INV-", "S$", "UEN", "oz", "inch", ":", "/"):
        assert marker in protected or marker == "UEN"
    eight_digit_barcodes = [
        t["value"]
        for row in corpus
        for t in row["protected"]
        if t["value"].isdigit() and len(t["value"]) == 8
    ]
    assert len(eight_digit_barcodes) >= 15


def test_scrubber_meets_every_recall_and_preservation_threshold(
    report: scrubber_eval.Report,
) -> None:
    assert report.failures() == [], scrubber_eval.format_report(report)
    assert report.by_type[scrubber.PHONE].recall >= 0.98
    assert report.by_type[scrubber.EMAIL].recall >= 0.98
    assert report.by_type[scrubber.NRIC].recall >= 0.98
    assert report.by_type[scrubber.CARD].recall >= 0.98
    assert report.by_type[scrubber.ADDRESS].recall >= 0.95
    assert report.protected_rate >= 0.99
    assert report.clean_rate >= 0.99


def test_pii_eval_prints_a_row_per_type_and_exits_zero(capsys: pytest.CaptureFixture) -> None:
    assert scrubber_eval.main([]) == 0
    out = capsys.readouterr().out
    for pii_type in scrubber.PII_TYPES:
        assert pii_type in out
    assert "protected order tokens kept verbatim" in out


def test_pii_eval_exits_non_zero_when_a_threshold_is_missed(tmp_path, capsys) -> None:
    leaky = {"id": "x", "lang": "en", "text": "call nine one two three", "protected": []}
    leaky["pii"] = [{"type": "PHONE", "start": 5, "end": 23, "value": "nine one two three"}]
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps(leaky) + "\n", encoding="utf-8")
    assert scrubber_eval.main(["--corpus", str(path)]) == 1
    assert "PHONE recall 0.000" in capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        "call 9123 4567",
        "call 91234567",
        "call +65 9123 4567",
        "call +6591234567",
        "call (65) 6123-4567",
        "call 65-9123-4567",
        "call 1800 123 4567",
        "call +60 12-345 6789",
        "call 012-345 6789",
        "call +86 138 0013 8000",
        "我的电话是91234567谢谢",
    ],
)
def test_phone_numbers_in_local_and_international_forms_are_replaced(text: str) -> None:
    result = scrubber.scrub_text(text)
    assert "[PHONE]" in result.text
    assert not any(char.isdigit() for char in result.text)


def test_email_written_out_in_words_is_replaced() -> None:
    assert scrubber.scrub_text("mail finance at satayking dot com dot sg").text == "mail [EMAIL]"
    assert scrubber.scrub_text("mail lisa (at) bakery (dot) sg pls").text == "mail [EMAIL] pls"


def test_nric_is_replaced_only_when_its_checksum_is_right() -> None:
    assert scrubber.scrub_text("IC S1234567D").text == "IC [NRIC]"
    assert scrubber.scrub_text("IC S1234567A").text == "IC S1234567A"
    assert scrubber.nric_is_valid("t0123456g")


def test_card_number_is_replaced_only_when_luhn_valid() -> None:
    assert scrubber.scrub_text("card 4111 1111 1111 1111").text == "card [CARD]"
    assert scrubber.scrub_text("card 4111 1111 1111 1112").text == "card 4111 1111 1111 1112"


def test_singapore_address_parts_become_one_placeholder() -> None:
    text = "Deliver to Blk 123 Ang Mo Kio Ave 3 #01-1234 Singapore 560123 before 2pm"
    assert scrubber.scrub_text(text).text == "Deliver to [ADDRESS] before 2pm"
    assert (
        scrubber.scrub_text("We're at Blk 5 Everton Park #01-30 S(080005)").text
        == "We're at [ADDRESS]"
    )


def test_bank_account_and_introduced_name_are_replaced() -> None:
    assert scrubber.scrub_text("Refund to DBS 027-654321-9").text == "Refund to DBS [BANK_ACCOUNT]"
    assert (
        scrubber.scrub_text("Hi my name is Siti Nurhaliza, thanks").text
        == "Hi my name is [NAME], thanks"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Order ORD-20250312-0042: 400 x 10 inch pizza box @ S$0.35/pc, delivery 14/03/2025 2pm-5pm",
        "Invoice INV-2025-004512 for S$1,234.50 is due on 2025-04-11 at 10:30",
        "Barcode 88839820 is the 500ml bowl, EAN-13 8881234567897",
        "Items: 88819075 x 20, 88848334 x 15",
        "PayNow to UEN 201912345K or T08LL1234A, GST M90312345A",
        "SKU PB-10-KRAFT x 500 and CUP-12OZ-WHT x 1000, 26cm x 26cm x 4cm",
        "PO 4500123456 received, qty 60000 pcs, 12 deliveries of 5000",
        "Task succeeded in 0.020134567891234567s, ratio 12.91234567, at 1.369123, 103.849456",
    ],
)
def test_order_data_is_left_exactly_as_written(text: str) -> None:
    assert scrubber.scrub_text(text).text == text


def test_scrubbing_twice_changes_nothing_more() -> None:
    once = scrubber.scrub_text("Call 9123 4567 or mail a@b.sg, IC S1234567D").text
    assert once == "Call [PHONE] or mail [EMAIL], IC [NRIC]"
    assert scrubber.scrub_text(once).text == once


def test_result_counts_each_type_without_keeping_the_values() -> None:
    result = scrubber.scrub_text("9123 4567 / 6123 4567, a@b.sg")
    assert result.counts == {"PHONE": 2, "EMAIL": 1}
    assert "9123" not in repr(result.counts)


def test_scrub_value_cleans_strings_nested_in_json_and_keeps_the_keys() -> None:
    value = {"note": "call 9123 4567", "items": [{"text": "IC S1234567D"}, 400], "qty": 3}
    cleaned, counts = scrubber.scrub_value(value)
    assert cleaned == {"note": "call [PHONE]", "items": [{"text": "IC [NRIC]"}, 400], "qty": 3}
    assert counts == {"PHONE": 1, "NRIC": 1}
