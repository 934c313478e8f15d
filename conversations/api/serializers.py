"""Conversation records as the API shows them. Counters are read-only: the services keep them."""

from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from conversations.api import fields
from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from tria import api


class SessionSerializer(api.ApiModelSerializer):
    session_id = serializers.UUIDField(
        required=False,
        validators=[UniqueValidator(queryset=ConversationSession.objects.all())],
        help_text="Chosen by the server unless given on create.",
    )
    user_id = fields.UserIdField(help_text="64-hex pseudonym; a phone number is turned into it.")
    create_only_fields = ("session_id", "user_id")

    class Meta:
        model = ConversationSession
        fields = [
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
        ]
        read_only_fields = ["last_activity_at", "message_count", "created_at", "updated_at"]
        extra_kwargs = {"start_time": {"required": False, "help_text": "Defaults to now."}}


class MessageSerializer(api.ApiModelSerializer):
    session_id = api.SessionRefField(
        source="session",
        queryset=ConversationSession.objects.all(),
        help_text="The session's session_id (UUID).",
    )
    create_only_fields = ("session_id", "role", "timestamp", "wa_message_id")

    class Meta:
        model = ConversationMessage
        fields = [
            "id",
            "session_id",
            "role",
            "content",
            "language",
            "intent",
            "confidence",
            "context",
            "pii_scrubbed",
            "embedding_vector",
            "timestamp",
            "created_at",
            "wa_message_id",
            "message_type",
            "delivery_status",
            "status_updated_at",
            "processed_at",
        ]
        # pii_scrubbed is the scrubber's to set: a client claiming a message is scrubbed would
        # keep it from ever being scrubbed (MessageViewSet resets it when the text changes).
        read_only_fields = ["id", "created_at", "pii_scrubbed"]
        extra_kwargs = {
            "confidence": {"min_value": 0.0, "max_value": 1.0},
            "timestamp": {"required": False, "help_text": "Defaults to now."},
        }


class SummarySerializer(api.ApiModelSerializer):
    user_id = fields.UserIdField(
        validators=[UniqueValidator(queryset=UserInteractionSummary.objects.all())],
        help_text="64-hex pseudonym; a phone number is turned into it.",
    )
    create_only_fields = ("user_id",)

    class Meta:
        model = UserInteractionSummary
        fields = [
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
        ]
        read_only_fields = ["created_at", "updated_at"]
        extra_kwargs = {"avg_satisfaction": {"min_value": 1.0, "max_value": 5.0}}
