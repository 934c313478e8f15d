"""Recording conversations: the one place that writes sessions, messages, summaries and day stats.

Every edge (webhook ingester, API, assistant, admin, benchmark) calls these functions, so the
counters stay right:
- session.message_count, summary.total_messages/total_conversations and the day stats are changed
  by database-side increments and upserts, never read-modify-write in Python (counters);
- a user's session is chosen under a per-user advisory lock, so concurrent webhooks for one user
  join one session (sessions);
- an inbound WhatsApp message id is unique in the database, so a redelivery is stored once
  (inbound), and a stored message is announced to the processing handlers on commit.

May import: conversations.models, conversations.selectors, conversations.processing,
conversations.tasks (to enqueue processing), conversations.audit and
conversations.whatsapp.identity; never orders, ops or the WhatsApp client. The modules below
are the public surface, re-exported here so callers
write `services.record_message(...)`.
"""

from conversations.services.changes import apply_edit, apply_revoke
from conversations.services.counters import MINOR_INTENTS, SummaryDelta, record_satisfaction
from conversations.services.delivery import (
    StatusChange,
    callback_data,
    update_delivery_statuses,
)
from conversations.services.identities import (
    Customer,
    Resolved,
    active_contacts_of,
    change_identity,
    contacts_of,
    identifier_keys,
    resolve_customer,
    resolve_customers,
)
from conversations.services.inbound import (
    Inbound,
    InboundResult,
    record_inbound_message,
    record_inbound_messages,
    record_reaction,
)
from conversations.services.messages import (
    bulk_record_messages,
    count_processing_attempt,
    delete_message,
    delete_session,
    mark_processed,
    record_message,
    set_message_intent,
    set_message_language,
    user_identity,
)
from conversations.services.sessions import flag_session, lock_user, open_session, unflag_session

__all__ = [
    "MINOR_INTENTS",
    "Customer",
    "Inbound",
    "InboundResult",
    "Resolved",
    "StatusChange",
    "SummaryDelta",
    "active_contacts_of",
    "apply_edit",
    "apply_revoke",
    "bulk_record_messages",
    "callback_data",
    "change_identity",
    "contacts_of",
    "count_processing_attempt",
    "delete_message",
    "delete_session",
    "flag_session",
    "identifier_keys",
    "lock_user",
    "mark_processed",
    "open_session",
    "record_inbound_message",
    "record_inbound_messages",
    "record_message",
    "record_reaction",
    "record_satisfaction",
    "resolve_customer",
    "resolve_customers",
    "set_message_intent",
    "set_message_language",
    "unflag_session",
    "update_delivery_statuses",
    "user_identity",
]
