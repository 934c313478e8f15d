"""Retention: conversation data deleted when its time is up (messages 90 days, summaries 730).

- purging.py: the purge (batches, locks, resumable, audited as PurgeRun); tasks.py: the daily job.
- exports.py: the summaries' export (scrubbed) and the index of who is in which file.
- cold_storage.py: verified gzip exports of summaries before they are deleted.
- leftovers.py: identities with nothing left to reply to; erased users out of the exports.

May import: the memory core and conversations.privacy. Never orders or ops.
"""
