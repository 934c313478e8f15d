"""Sessions, messages and summaries: the nine operations, writes routed through the services.

Messages created (one or in bulk) and deleted here go through conversations.services, so a
session's message_count and the user's summary stay right; sessions are opened with
services.open_session, which counts them in the user's summary.
"""

from typing import Any

from django.utils import timezone
from rest_framework import exceptions, serializers

from conversations import selectors, services
from conversations.api import fields, filters
from conversations.api.serializers import MessageSerializer, SessionSerializer, SummarySerializer
from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from tria import api


class SessionViewSet(api.NineOperationsViewSet):
    queryset = ConversationSession.objects.all()
    serializer_class = SessionSerializer
    filter_fields = filters.SESSION_FILTERS
    filterset_class = filters.SessionFilterSet
    lookup_field = "session_id"
    lookup_kind = "uuid"

    def get_object(self) -> ConversationSession:
        """The single-session lookup, a prepared statement (conversations.selectors)."""
        key = self.parse_key(self.kwargs[self.lookup_field])
        session = selectors.session_by_id(key) if key is not None else None
        if session is None:
            raise exceptions.NotFound("No conversation session with this key.")
        self.check_object_permissions(self.request, session)
        return session

    def perform_create(self, serializer: serializers.Serializer) -> None:
        serializer.instance = self._open(dict(serializer.validated_data))

    def perform_bulk_create(self, validated: list[dict]) -> list[ConversationSession]:
        return [self._open(dict(data)) for data in validated]

    def perform_destroy(self, instance: ConversationSession) -> None:
        services.delete_session(instance)

    @staticmethod
    def _open(data: dict[str, Any]) -> ConversationSession:
        return services.open_session(
            user_id=data.pop("user_id"), start_time=data.pop("start_time", None), **data
        )


class MessageViewSet(api.NineOperationsViewSet):
    queryset = ConversationMessage.objects.all()
    serializer_class = MessageSerializer
    filter_fields = filters.MESSAGE_FILTERS
    filterset_class = filters.MessageFilterSet

    def perform_create(self, serializer: serializers.Serializer) -> None:
        data = dict(serializer.validated_data)
        serializer.instance = services.record_message(
            session=data.pop("session"),
            role=data.pop("role"),
            content=data.pop("content", ""),
            timestamp=data.pop("timestamp", None),
            **data,
        )

    def perform_bulk_create(self, validated: list[dict]) -> list[ConversationMessage]:
        now = timezone.now()
        messages = [ConversationMessage(**{"timestamp": now, **data}) for data in validated]
        return services.bulk_record_messages(messages)

    def perform_update(self, serializer: serializers.Serializer) -> None:
        """A new intent or confidence goes through the service, which keeps the intent counts;
        new text (content or context) is unscrubbed again, so the next scrub run takes it."""
        data, message = serializer.validated_data, serializer.instance
        if "intent" in data or "confidence" in data:
            services.set_message_intent(
                message,
                data.pop("intent", message.intent),
                data.pop("confidence", message.confidence),
            )
        if "content" in data or "context" in data:
            data["pii_scrubbed"] = False
        if data:
            serializer.save()

    def perform_destroy(self, instance: ConversationMessage) -> None:
        services.delete_message(instance)


class SummaryViewSet(api.NineOperationsViewSet):
    queryset = UserInteractionSummary.objects.all()
    serializer_class = SummarySerializer
    filter_fields = filters.SUMMARY_FILTERS
    filterset_class = filters.SummaryFilterSet
    lookup_field = "user_id"
    key_parser = staticmethod(fields.user_id_key)
