"""Other apps' copies of free text for the PII scrub workflow (conversations.privacy.scrubbing).

The memory knows nothing of the apps built on it; an app that keeps free text written by users
(orders keep Order.notes) or knows order data the scrubber must keep (the catalogue's SKUs)
registers a ScrubParticipant at start (its AppConfig.ready), as for the GDPR participants.

May import: nothing of tria's apps.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# scrub(text) -> (scrubbed text, counts): the workflow's scrubber, with the known SKUs applied.
ScrubFn = Callable[[str], tuple[str, Counter[str]]]


@dataclass(frozen=True)
class ScrubParticipant:
    """`known_skus()` returns order codes the scrubber must keep; `scrub(scrub_fn, changed_after,
    cutoff)` scrubs the app's free text changed in (changed_after, cutoff] (changed_after None:
    all of it) in its own transactions and returns the counts per type."""

    key: str
    known_skus: Callable[[], Iterable[str]] = lambda: ()
    scrub: Callable[[ScrubFn, dt.datetime | None, dt.datetime], Counter[str]] | None = None


_participants: dict[str, ScrubParticipant] = {}


def register_scrub_participant(participant: ScrubParticipant) -> None:
    _participants[participant.key] = participant


def scrub_participants() -> tuple[ScrubParticipant, ...]:
    return tuple(_participants.values())


def known_skus() -> frozenset[str]:
    """Every registered SKU, upper case, as scrubber.scrub_text expects them."""
    skus: set[str] = set()
    for participant in _participants.values():
        skus.update(str(sku).upper() for sku in participant.known_skus())
    return frozenset(skus)
