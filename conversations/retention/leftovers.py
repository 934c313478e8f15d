"""What retention and erasure must not leave behind: identities and exported summaries.

Rules:
- A user's encrypted phone number (UserIdentity) exists so that we can reply. It goes once no
  message of the user is left and their last inbound message is past RETENTION_MESSAGES_DAYS
  (the messages' rule): nothing is left to reply to. A user who writes again gets a new one.
- An erasure also removes the user from every export of purged summaries: each file of a purge
  run (PurgeRun.export_file, in the "retention_exports" storage) the index says holds a row of the
  user (ExportFileUser, recorded with the file: conversations.retention.exports) is written again
  without it, verified like the original, and the old file deleted; a file left empty is deleted.
  The user's index rows go, the other users' rows follow their file to its new name. Only those
  files are read. Files written elsewhere (`purge_conversations --export-dir`) are the operator's
  to handle: their index rows of the user go, the files stay.
"""

import datetime as dt

from django.core.files.storage import Storage, storages
from django.db import transaction
from django.db.models import Exists, OuterRef

from conversations.models import ConversationMessage, ExportFileUser, PurgeRun, UserIdentity
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
    indexed = ExportFileUser.objects.filter(user_id=user_id)
    names = sorted(set(indexed.values_list("file_name", flat=True)))
    changed = 0
    for name in names:
        if storage.exists(name) and _rewrite_without(storage, name, user_id):
            changed += 1
    indexed.delete()
    return changed


def _rewrite_without(storage: Storage, name: str, user_id: str) -> bool:
    """Write `name` again without the rows of `user_id`; whether it held any."""
    rows = cold_storage.read_jsonl_gz(storage, name)
    kept = [row for row in rows if row.get("user_id") != user_id]
    if len(kept) == len(rows):
        return False
    stored = cold_storage.write_jsonl_gz(storage, name, kept) if kept else None
    new_name = stored.name if stored else ""
    storage.delete(name)  # first: if it fails, the index still names the file for the next try
    with transaction.atomic():
        PurgeRun.objects.filter(export_file=name).update(export_file=new_name)
        others = ExportFileUser.objects.filter(file_name=name).exclude(user_id=user_id)
        if stored:
            others.update(file_name=new_name)
        else:
            others.delete()
    return True
