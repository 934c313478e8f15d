"""Retention: conversation data deleted when its time is up (messages 90 days, summaries 730).

- purging.py: the purge (batches, locks, resumable, audited as PurgeRun); tasks.py: the daily job.
- cold_storage.py: verified gzip exports of summaries before they are deleted.

May import: the memory core and conversations.privacy. Never orders or ops.
"""
