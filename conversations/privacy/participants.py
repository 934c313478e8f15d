"""Other apps' data about a user, for the GDPR export and erasure (conversations.privacy.gdpr).

The memory knows nothing of the apps built on it; an app that keeps data linked to a user_id
registers a Participant at start (its AppConfig.ready), and the export and the erasure ask every
registered participant: "what do you hold about this user?" and "erase (or unlink) it".

May import: nothing of tria's apps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Participant:
    """`key` names the participant's part of the export ("orders"); `export(user_id)` returns
    JSON-ready data (empty when nothing is held); `erase(user_id)` runs inside the erasure's
    transaction, under the user's lock, before the conversations are deleted, and returns counts
    (a key ending in "_kept" counts records kept, not erased)."""

    key: str
    export: Callable[[str], Any]
    erase: Callable[[str], dict[str, int]]


_participants: dict[str, Participant] = {}


def register_participant(participant: Participant) -> None:
    _participants[participant.key] = participant


def participants() -> tuple[Participant, ...]:
    return tuple(_participants.values())
