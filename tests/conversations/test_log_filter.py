"""Logs never hold message content or raw phone numbers, whatever logger writes them."""

import io
import json
import logging
from collections.abc import Iterator

import pytest
from django.conf import settings
from pythonjsonlogger.json import JsonFormatter

from tria.logfilters import RedactPIIFilter

PHONE = "+65 9123 4567"
WA_ID = "6591234567"
CONTENT = "Deliver to Blk 123 Ang Mo Kio Ave 3 #01-1234, my IC S1234567D"


def configured_handlers() -> list[logging.Handler]:
    """The handlers settings.LOGGING installed on the root logger (not pytest's capture)."""
    names = set(settings.LOGGING["handlers"])
    return [h for h in logging.getLogger().handlers if h.name in names]


@pytest.fixture
def configured_output() -> Iterator[io.StringIO]:
    """The configured handlers, writing into a buffer for the test."""
    buffer = io.StringIO()
    handlers = configured_handlers()
    previous = [h.setStream(buffer) for h in handlers]
    yield buffer
    for handler, stream in zip(handlers, previous, strict=True):
        handler.setStream(stream)


def test_every_configured_handler_carries_the_redaction_filter() -> None:
    handlers = configured_handlers()
    assert len(handlers) == len(settings.LOGGING["handlers"])
    for handler in handlers:
        assert any(isinstance(f, RedactPIIFilter) for f in handler.filters)


@pytest.mark.parametrize(
    "logger_name", ["conversations.whatsapp.webhook", "orders.assistant", "celery.task"]
)
def test_phone_numbers_in_any_logger_message_are_redacted(configured_output, logger_name) -> None:
    logging.getLogger(logger_name).warning("reply to %s (wa_id %s) failed", PHONE, WA_ID)
    line = configured_output.getvalue()
    assert "reply to [PHONE] (wa_id [PHONE]) failed" in line
    assert "9123" not in line and "4567" not in line


def test_content_passed_as_an_extra_never_reaches_the_log(configured_output) -> None:
    logging.getLogger("conversations.services").warning(
        "message stored", extra={"content": CONTENT, "body": CONTENT, "note": f"from {PHONE}"}
    )
    record_line = configured_output.getvalue()
    assert "message stored" in record_line
    assert "Ang Mo Kio" not in record_line and "S1234567D" not in record_line


def test_exception_text_quoting_user_input_is_redacted(configured_output) -> None:
    try:
        raise ValueError(f"cannot parse order from {PHONE}: {CONTENT}")
    except ValueError:
        logging.getLogger("orders.parsing").exception("parse failed")
    output = configured_output.getvalue()
    assert "ValueError: cannot parse order from [PHONE]" in output
    assert "S1234567D" not in output and "4567" not in output


def test_json_log_lines_hold_placeholders_and_a_redacted_content_field() -> None:
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter("%(levelname)s %(name)s %(message)s"))
    handler.addFilter(RedactPIIFilter())
    logger = logging.getLogger("test.json.redaction")
    logger.addHandler(handler)
    try:
        logger.warning(
            "user %s wrote", PHONE, extra={"content": CONTENT, "order": "ORD-20250312-0042"}
        )
    finally:
        logger.removeHandler(handler)
    line = json.loads(buffer.getvalue())
    assert line["message"] == "user [PHONE] wrote"
    assert line["content"] == "[REDACTED]"
    assert line["order"] == "ORD-20250312-0042"


def test_order_data_in_log_messages_is_kept_readable(configured_output) -> None:
    logging.getLogger("orders.services").warning(
        "order %s: %s x %s, total %s", "ORD-20250312-0042", 400, "PB-10-KRAFT", "S$1,234.50"
    )
    assert (
        "order ORD-20250312-0042: 400 x PB-10-KRAFT, total S$1,234.50"
        in configured_output.getvalue()
    )


def test_names_and_addresses_quoted_in_a_log_message_are_redacted(configured_output) -> None:
    quoted = "my boss Vincent Chia, send to Tekka Centre, 665 Buffalo Road, #01-210, PO-77152"
    logging.getLogger("orders.assistant").warning("could not parse: %s", quoted)
    line = configured_output.getvalue()
    assert "could not parse: my boss [NAME], send to [ADDRESS], PO-77152" in line
    assert "Vincent" not in line and "Buffalo" not in line
