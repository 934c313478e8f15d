"""The approved WhatsApp templates staff may send outside the 24-hour window
(settings.WHATSAPP_TEMPLATES), each in the customer's language.

Rules:
- A template is approved by Meta once per language; the setting maps our reply languages ("en",
  "zh-hans", "ms", "ta") to Meta's language codes ("en", "zh_CN", "ms", "ta").
- The customer's language is the one the assistant keeps for the session (context["language"],
  the last one detected with confidence), else the outlet's preferred language, else English.
  A language the template is not approved in gets its English version.
- An older entry with a single "language" is that one code for every customer.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from conversations.language import DEFAULT_LANGUAGE, reply_language
from conversations.models import ConversationSession


@dataclass(frozen=True)
class Template:
    name: str
    languages: dict[str, str]  # reply language -> Meta language code
    parameters: int

    @property
    def codes(self) -> str:
        """The language codes it is approved in, for the inbox's template menu."""
        return ", ".join(dict.fromkeys(self.languages.values()))

    def code_for(self, language: str) -> str:
        """The Meta language code sent to a customer who reads `language`."""
        if language in self.languages:
            return self.languages[language]
        return self.languages.get(DEFAULT_LANGUAGE) or next(iter(self.languages.values()))


def templates() -> dict[str, Template]:
    """Every configured template, by name."""
    return {name: _parse(name, spec) for name, spec in settings.WHATSAPP_TEMPLATES.items()}


def _parse(name: str, spec: dict) -> Template:
    languages = dict(spec.get("languages") or {})
    if not languages:
        languages = {DEFAULT_LANGUAGE: spec.get("language") or DEFAULT_LANGUAGE}
    return Template(name, languages, int(spec.get("parameters", 0)))


def customer_language(session: ConversationSession) -> str:
    """The session's language, else its outlet's preferred one, else English (see the rules)."""
    preferred = session.outlet.preferred_language if session.outlet_id is not None else ""
    return reply_language((session.context or {}).get("language"), preferred)
