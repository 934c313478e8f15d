"""Privacy: personal data found and removed, exported and erased on request.

- scrubber.py: the pure PII scrubber (strings in, strings out; no ORM); scrubber_eval.py
  measures it.
- scrubbing.py: the workflow that scrubs stored messages after the grace period (tasks.py: beat).
- gdpr.py: a user's export (formats.py renders JSON, CSV, PDF) and erasure; participants.py is the
  registry through which other apps (orders) take part in both without the memory importing them.

May import: the memory core and conversations.whatsapp.identity. Never orders or ops.
"""
