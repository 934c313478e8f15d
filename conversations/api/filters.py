"""What the conversation resources may be filtered and ordered by.

One declaration per resource serves both the JSON filter language (query/count/exists bodies) and
the django-filter FilterSet behind GET query strings. On messages `session_id` is the session's
UUID; a `user_id` filter also accepts a phone number and compares its pseudonym, in a request
body only (a query string takes the pseudonym: URLs are logged).
"""

from conversations.api import fields
from conversations.api.serializers import MessageSerializer, SessionSerializer, SummarySerializer
from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from tria import api

# Every field a resource shows can be filtered and ordered by, but for float arrays (embeddings).
SESSION_FILTERS = api.filter_fields(
    ConversationSession,
    *api.shown_fields(SessionSerializer),
    normalize={"user_id": fields.user_id_value},
)
SessionFilterSet = api.filterset_for(ConversationSession, fields.for_query_strings(SESSION_FILTERS))

MESSAGE_FILTERS = api.filter_fields(
    ConversationMessage,
    *api.shown_fields(MessageSerializer, leave_out=["embedding_vector"]),
)
MessageFilterSet = api.filterset_for(ConversationMessage, MESSAGE_FILTERS)

SUMMARY_FILTERS = api.filter_fields(
    UserInteractionSummary,
    *api.shown_fields(SummarySerializer),
    normalize={"user_id": fields.user_id_value},
)
SummaryFilterSet = api.filterset_for(
    UserInteractionSummary, fields.for_query_strings(SUMMARY_FILTERS)
)
