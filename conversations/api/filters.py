"""What the conversation resources may be filtered and ordered by.

One declaration per resource serves both the JSON filter language (query/count/exists bodies) and
the django-filter FilterSet behind GET query strings. On messages `session_id` is the session's
UUID; a `user_id` filter also accepts a phone number and compares its pseudonym.
"""

from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from tria import api

SESSION_FILTERS = api.filter_fields(
    ConversationSession,
    "session_id",
    "user_id",
    "outlet",
    "language",
    "start_time",
    "end_time",
    "last_activity_at",
    "message_count",
    "intents",
    "context",
    "flagged_for_followup",
    "flag_reason",
    "created_at",
    "updated_at",
    normalize={"user_id": api.user_id_value},
)
SessionFilterSet = api.filterset_for(ConversationSession, SESSION_FILTERS)

MESSAGE_FILTERS = api.filter_fields(
    ConversationMessage,
    "id",
    "session_id",
    "role",
    "content",
    "language",
    "intent",
    "confidence",
    "context",
    "pii_scrubbed",
    "timestamp",
    "created_at",
    "wa_message_id",
    "message_type",
    "delivery_status",
    "status_updated_at",
    "processed_at",
)
MessageFilterSet = api.filterset_for(ConversationMessage, MESSAGE_FILTERS)

SUMMARY_FILTERS = api.filter_fields(
    UserInteractionSummary,
    "user_id",
    "outlet",
    "total_conversations",
    "total_messages",
    "common_intents",
    "preferred_language",
    "avg_satisfaction",
    "satisfaction_count",
    "last_interaction",
    "first_interaction",
    "metadata",
    "created_at",
    "updated_at",
    normalize={"user_id": api.user_id_value},
)
SummaryFilterSet = api.filterset_for(UserInteractionSummary, SUMMARY_FILTERS)
