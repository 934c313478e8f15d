"""The support staff's audit UI over conversations.

Rules:
- Nothing a customer or the assistant said can be edited here: every conversation admin is
  read-only; supervisors may only flag/unflag a session (through conversations.services).
- Reading a transcript, flagging, exporting and phone look-ups are recorded with
  conversations.audit.record_event; model changes are recorded by django-auditlog.
- A phone number typed in a search box is turned into its pseudonym on the server (the search
  form posts it) and is never stored or put in a URL.
- The webhook inbox's raw notifications (a phone number and a message each) are never loaded,
  shown or searched here: staff see their size, attempts and error, and may retry them.
"""

from conversations.admin import contacts, records, sessions  # noqa: F401 - registers the model admins
