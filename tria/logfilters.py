"""Keep personal data out of the logs: every handler in settings.LOGGING runs this filter.

Rules:
- The formatted message is scrubbed with the PII scrubber (phones, e-mails, NRIC, cards, ...) and
  stored back with no args, so no handler can format the raw values again.
- An extra named like message content (`content`, `body`, `text`, ...) is replaced whole: content
  is never logged, scrubbed or not. Other string extras are scrubbed.
- Exception text and stack info are scrubbed too (an exception message may quote user input).
- The filter never drops a record and never raises: a failure to redact replaces the message.
"""

import logging
from typing import Any

from conversations.privacy import scrubber

CONTENT_KEYS = frozenset({"content", "body", "text", "message_text", "message_body", "caption"})
REDACTED = "[REDACTED]"
_STANDARD_ATTRS = frozenset(
    logging.LogRecord("", 0, "", 0, "", (), None).__dict__.keys()
    | {"message", "asctime", "request_id", "color_message"}
)


def _scrub(value: str) -> str:
    return scrubber.scrub_text(value).text


def _redact_extra(key: str, value: Any) -> Any:
    if key.lower() in CONTENT_KEYS:
        return REDACTED
    if isinstance(value, str):
        return _scrub(value)
    if isinstance(value, dict | list | tuple):
        return scrubber.scrub_value(value)[0]
    return value


class RedactPIIFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            self._redact(record)
        except Exception:  # a log line must never break the request that writes it
            record.msg, record.args = "[log message withheld: redaction failed]", ()
        return True

    def _redact(self, record: logging.LogRecord) -> None:
        record.msg, record.args = _scrub(record.getMessage()), ()
        for key in [k for k in record.__dict__ if k not in _STANDARD_ATTRS]:
            setattr(record, key, _redact_extra(key, record.__dict__[key]))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        # Formatters (the JSON one included) fall back to exc_text when exc_info is gone.
        record.exc_info = None
        if record.exc_text:
            record.exc_text = _scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = _scrub(record.stack_info)
