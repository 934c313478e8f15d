"""What retention and erasure must not leave behind: identities and exported summaries.

Rules:
- A user's encrypted phone number (UserIdentity) exists so that we can reply. It goes once no
  message of the user is left and their last inbound message is past RETENTION_MESSAGES_DAYS
  (the messages' rule): nothing is left to reply to. A user who writes again gets a new one.
- An erasure also removes the user from every export of purged summaries: each file of a purge
  run (PurgeRun.export_file, in the "retention_exports" storage) holding a row of the user is
  written again without it, verified like the original, and the old file deleted; a file left
  empty is deleted. Files written elsewhere (`purge_conversations --export-dir`) are the
  operator's to handle. Every export is read: erasures are rare and the files are small.
"""

import datetime as dt

from django.core.files.storage import storages
from django.db.models import Exists, OuterRef

from conversations.models import ConversationMessage, PurgeRun, UserIdentity
from conversations.retention import cold_storage

EXPORT_STORAGE = "retention_exports"


def purge_identities(cutoff: dt.datetime) -> int:
    """Delete identities with no message left and no inbound message after `cutoff`."""
    messages = ConversationMessage.objects.filter(session__user_id=OuterRef("user_id"))
    due = UserIdentity.objects.filter(last_inbound_at__lte=cutoff).exclude(Exists(messages))
    return due.delete()[0]


def remove_user_from_exports(user_id: str) -> int:
    """Rewrite every summary export holding `user_id` without that user; the files changed."""
    storage = storages[EXPORT_STORAGE]
    changed = 0
    runs = PurgeRun.objects.exclude(export_file="").order_by("id")
    for run in runs:
        if not storage.exists(run.export_file):
            continue
        rows = cold_storage.read_jsonl_gz(storage, run.export_file)
        kept = [row for row in rows if row.get("user_id") != user_id]
        if len(kept) == len(rows):
            continue
        stored = cold_storage.write_jsonl_gz(storage, run.export_file, kept) if kept else None
        storage.delete(run.export_file)
        PurgeRun.objects.filter(pk=run.pk).update(export_file=stored.name if stored else "")
        changed += 1
    return changed
