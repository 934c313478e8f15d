"""The export of summaries before the purge deletes them, and the index of who is in which file.

Rules:
- Every due summary is written as one row of a verified gzip JSON Lines file per run
  (conversations.retention.cold_storage), every column, after scrubbing: its metadata (the only
  free text of a summary) goes through the same scrub as the live rows
  (conversations.privacy.scrubbing.scrub_json, with the catalogue's SKUs kept).
- Which file holds which user is recorded (ExportFileUser: the file name and the pseudonym, no
  other data), in the purge's transaction that records the file on its PurgeRun. An erasure reads
  the index, not the files (conversations.retention.leftovers).
"""

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from django.core.files.storage import Storage
from django.utils import timezone

from conversations.models import ExportFileUser, UserInteractionSummary
from conversations.privacy import scrub_participants, scrubbing
from conversations.retention import cold_storage

SUMMARY_FIELDS = [f.attname for f in UserInteractionSummary._meta.concrete_fields]


@dataclasses.dataclass(frozen=True)
class Export:
    name: str
    sha256: str
    versions: dict[int, dt.datetime]  # summary id -> updated_at as exported
    users: list[str]  # the user_id of every row, in file order


def export_due_summaries(
    cutoff: dt.datetime, storage: Storage, now: dt.datetime, run_id: int
) -> Export | None:
    """Write every summary last active at or before `cutoff`, scrubbed, to one verified file;
    None when there is none. Raises cold_storage.ColdStorageError."""
    rows = (
        UserInteractionSummary.objects.filter(last_interaction__lte=cutoff)
        .order_by("id")
        .values(*SUMMARY_FIELDS)
    )
    known_skus = scrub_participants.known_skus()
    versions: dict[int, dt.datetime] = {}
    users: list[str] = []

    def scrubbed(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for row in rows:
            versions[row["id"]] = row["updated_at"]
            users.append(row["user_id"])
            row["metadata"] = scrubbing.scrub_json(row["metadata"] or {}, known_skus=known_skus)[0]
            yield row

    stored = cold_storage.write_jsonl_gz(
        storage, export_name(now, run_id), scrubbed(rows.iterator(2000))
    )
    if stored is None:
        return None
    return Export(name=stored.name, sha256=stored.sha256, versions=versions, users=users)


def record_export_users(file_name: str, users: Iterable[str]) -> None:
    """Index the users of a file (call in the transaction that records the file)."""
    ExportFileUser.objects.bulk_create(
        [ExportFileUser(file_name=file_name, user_id=user) for user in sorted(set(users))],
        ignore_conflicts=True,
        batch_size=2000,
    )


def export_name(now: dt.datetime, run_id: int) -> str:
    """One file per run, named by its Singapore date: user_summaries_2026-11-24_run7.jsonl.gz."""
    return f"user_summaries_{timezone.localdate(now):%Y-%m-%d}_run{run_id}.jsonl.gz"


def read_export(storage: Storage, name: str) -> list[dict[str, Any]]:
    """The rows of an export file, as exported (for restores and checks)."""
    return cold_storage.read_jsonl_gz(storage, name)
