"""Language detection for inbound messages (lingua, offline).

The detector is restricted to the languages our customers write in, which makes it faster and more
accurate than the full set; building it loads models, so it is built once per process, lazily, on
first use. Short or ambiguous messages ("ok", "5", "👍") are not evidence of a language: they
return the fallback (the session's language so far), so one "ok" does not flip a Chinese session
to English.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED: dict[Language, str] = {
    Language.ENGLISH: "en",
    Language.CHINESE: "zh",
    Language.MALAY: "ms",
    Language.TAMIL: "ta",
}
DEFAULT_LANGUAGE = "en"
# A detected or preferred language -> the Django language of the reply catalogue (locale/) and the
# key of a WhatsApp template's languages; anything else is answered in English.
REPLY_LANGUAGES = {
    "en": "en",
    "zh": "zh-hans",
    "zh-hans": "zh-hans",
    "zh-cn": "zh-hans",
    "ms": "ms",
    "ta": "ta",
}
# Below this many letters a Latin-script message is too short to tell English from Malay.
MIN_LATIN_LETTERS = 6
MIN_CONFIDENCE = 0.5

_detector: LanguageDetector | None = None
_lock = threading.Lock()


@dataclass(frozen=True)
class DetectedLanguage:
    code: str
    confidence: float


def get_detector() -> LanguageDetector:
    """The process-wide detector, built on first use."""
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                _detector = LanguageDetectorBuilder.from_languages(*SUPPORTED).build()
    return _detector


def detect_language(text: str, fallback: str | None = None) -> DetectedLanguage:
    """ISO 639-1 code of text ('en', 'zh', 'ms', 'ta') with lingua's confidence.

    Returns fallback (or English) with confidence 0 when the text carries too little evidence.
    """
    default = DetectedLanguage(fallback or DEFAULT_LANGUAGE, 0.0)
    letters = re.sub(r"[\W\d_]", "", text)
    if not letters:
        return default
    if letters.isascii() and len(letters) < MIN_LATIN_LETTERS:
        return default
    values = get_detector().compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return default
    return DetectedLanguage(SUPPORTED[values[0].language], round(values[0].value, 2))


def reply_language(*choices: str | None) -> str:
    """The reply language of the first language given (the message's, the session's, the
    outlet's preferred one, in the caller's order), else English."""
    code = next((choice for choice in choices if choice), "")
    return REPLY_LANGUAGES.get(code.lower(), DEFAULT_LANGUAGE)
