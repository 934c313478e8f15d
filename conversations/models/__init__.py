"""Conversation memory: outlets and their contacts, sessions, messages, per-user summaries.

Invariants live in the database: unique keys make ingestion idempotent, check constraints keep
confidence in [0, 1], roles in the allowed set and counters non-negative.

One module per concern (customers, conversations, whatsapp, records); every model is importable
from `conversations.models`, and the tables keep their names (db_table).
"""

from conversations.models.conversations import (
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    DeliveryStatus,
    Role,
    SessionNote,
    SupportStatus,
    UserInteractionSummary,
)
from conversations.models.customers import IdentityLink, Outlet, OutletContact, UserIdentity
from conversations.models.records import (
    AuditEvent,
    ErasureRecord,
    ExportFileUser,
    PurgeRun,
)
from conversations.models.whatsapp import OutboxEntry, OutboxState, WebhookInbox

__all__ = [
    "AuditEvent",
    "ConversationMessage",
    "ConversationSession",
    "DailyIntentStat",
    "DeliveryStatus",
    "ErasureRecord",
    "ExportFileUser",
    "IdentityLink",
    "OutboxEntry",
    "OutboxState",
    "Outlet",
    "OutletContact",
    "PurgeRun",
    "Role",
    "SessionNote",
    "SupportStatus",
    "UserIdentity",
    "UserInteractionSummary",
    "WebhookInbox",
]
