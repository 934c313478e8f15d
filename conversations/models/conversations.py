"""Sessions, messages, private notes, per-user summaries and the per-day intent counts."""

import uuid

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q


class Role(models.TextChoices):
    USER = "user", "User"
    ASSISTANT = "assistant", "Assistant"
    SYSTEM = "system", "System"
    STAFF = "staff", "Staff"  # a support colleague writing from the inbox (or WhatsApp Business)


class DeliveryStatus(models.TextChoices):
    """WhatsApp status of an outbound message; only moves forward (failed is final)."""

    PENDING = "", "Not sent yet"
    SENT = "sent", "Sent"
    DELIVERED = "delivered", "Delivered"
    READ = "read", "Read"
    PLAYED = "played", "Played"
    FAILED = "failed", "Failed"


class SupportStatus(models.TextChoices):
    OPEN = "open", "Open"
    PENDING = "pending", "Pending"
    RESOLVED = "resolved", "Resolved"


class ConversationSession(models.Model):
    session_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Pseudonym: HMAC-SHA256 of the E.164 phone number
    # (conversations.whatsapp.identity.pseudonymize_phone).
    user_id = models.CharField(max_length=64)
    outlet = models.ForeignKey(
        "Outlet",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    language = models.CharField(max_length=8, blank=True, default="")
    start_time = models.DateTimeField()
    end_time = models.DateTimeField(null=True, blank=True)
    # Time of the latest message; the idle rollover compares against it.
    last_activity_at = models.DateTimeField()
    message_count = models.PositiveIntegerField(default=0)
    intents = models.JSONField(default=dict, blank=True)
    context = models.JSONField(default=dict, blank=True)
    flagged_for_followup = models.BooleanField(default=False)
    flag_reason = models.CharField(max_length=200, blank=True, default="")
    # Support inbox (conversations.support): who handles the session, and whether the assistant
    # is paused because a colleague took it over. handed_over_at stays after a resume (reports).
    status = models.CharField(
        max_length=16, choices=SupportStatus.choices, default=SupportStatus.OPEN
    )
    assignee = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handed_over = models.BooleanField(default=False)
    handed_over_at = models.DateTimeField(null=True, blank=True)
    handed_over_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "conversation_sessions"
        ordering = ["-start_time"]
        indexes = [
            models.Index(fields=["user_id"], name="conv_sess_user_idx"),
            models.Index(fields=["outlet"], name="conv_sess_outlet_idx"),
            models.Index(fields=["start_time"], name="conv_sess_start_idx"),
            models.Index(fields=["created_at"], name="conv_sess_created_idx"),
            # Session timeline: a user's sessions in a time range, newest first.
            models.Index(fields=["user_id", "-start_time"], name="conv_sess_user_start_idx"),
            # Support inbox: newest activity first.
            models.Index(fields=["-last_activity_at"], name="conv_sess_activity_idx"),
            # Support queue: flagged sessions.
            models.Index(
                fields=["start_time"],
                name="conv_sess_flagged_idx",
                condition=Q(flagged_for_followup=True),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(message_count__gte=0), name="conv_sess_message_count_gte_0"
            ),
        ]
        permissions = [
            ("flag_session", "Can flag or unflag sessions for follow-up"),
            ("export_csv", "Can export conversation lists as CSV"),
            ("export_user_data", "Can export a user's data (GDPR access)"),
            ("erase_user_data", "Can erase a user's data (GDPR erasure)"),
            ("handle_session", "Can take over, answer, note and resolve sessions"),
            ("assign_session", "Can assign sessions to any colleague"),
            ("register_contact", "Can register a session's unknown sender as an outlet contact"),
        ]

    def __str__(self) -> str:
        return f"session {self.session_id}"


class ConversationMessage(models.Model):
    # The column holds the session's UUID, so messages join sessions on session_id. Its index is
    # conv_msg_session_idx below (the foreign key's own would be a second copy of it, and every
    # inserted message updates every index: issue 21).
    session = models.ForeignKey(
        ConversationSession,
        to_field="session_id",
        db_column="session_id",
        on_delete=models.CASCADE,
        related_name="messages",
        db_index=False,
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    content = models.TextField(blank=True, default="")
    language = models.CharField(max_length=8, blank=True, default="")
    intent = models.CharField(max_length=32, blank=True, default="")
    confidence = models.FloatField(null=True, blank=True)
    context = models.JSONField(default=dict, blank=True)
    pii_scrubbed = models.BooleanField(default=False)
    embedding_vector = ArrayField(models.FloatField(), null=True, blank=True)
    timestamp = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    # WhatsApp message id (wamid...) of an inbound message or of our sent reply; unique by the
    # constraint conv_msg_wamid_unique (a field's unique=True adds a second, pattern-ops index
    # for LIKE, which nothing runs on wamids and every insert paid for). NULL, not "", when there
    # is none: many messages have none, and NULLs never collide under the constraint.
    wa_message_id = models.CharField(max_length=128, null=True, blank=True)  # noqa: DJ001
    message_type = models.CharField(max_length=32, blank=True, default="text")
    delivery_status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, blank=True, default=DeliveryStatus.PENDING
    )
    status_updated_at = models.DateTimeField(null=True, blank=True)
    # Set when the assistant has finished with an inbound message (task idempotency).
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "conversation_messages"
        ordering = ["timestamp", "id"]
        indexes = [
            models.Index(fields=["session"], name="conv_msg_session_idx"),
            models.Index(fields=["timestamp"], name="conv_msg_timestamp_idx"),
            models.Index(fields=["role"], name="conv_msg_role_idx"),
            models.Index(fields=["intent"], name="conv_msg_intent_idx"),
            models.Index(fields=["created_at"], name="conv_msg_created_idx"),
            # Message history: a session's messages in order.
            models.Index(fields=["session", "timestamp"], name="conv_msg_session_ts_idx"),
            # Intent analysis: intent = X and confidence >= Y.
            models.Index(fields=["intent", "confidence"], name="conv_msg_intent_conf_idx"),
            # PII scrubber: pending messages by age.
            models.Index(
                fields=["created_at"],
                name="conv_msg_unscrubbed_idx",
                condition=Q(pii_scrubbed=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0, confidence__lte=1),
                name="conv_msg_confidence_0_1",
            ),
            models.CheckConstraint(
                condition=Q(role__in=[r.value for r in Role]), name="conv_msg_role_valid"
            ),
            models.UniqueConstraint(fields=["wa_message_id"], name="conv_msg_wamid_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.role} message {self.pk}"


class SessionNote(models.Model):
    """A private note by staff on a session: never sent, never shown to the customer."""

    session = models.ForeignKey(ConversationSession, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "conversation_session_notes"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"note {self.pk} on session {self.session_id}"


class UserInteractionSummary(models.Model):
    user_id = models.CharField(max_length=64, unique=True)
    outlet = models.ForeignKey(
        "Outlet",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user_summaries",
    )
    total_conversations = models.PositiveIntegerField(default=0)
    total_messages = models.PositiveIntegerField(default=0)
    common_intents = models.JSONField(default=dict, blank=True)
    preferred_language = models.CharField(max_length=8, blank=True, default="")
    avg_satisfaction = models.FloatField(null=True, blank=True)
    satisfaction_count = models.PositiveIntegerField(default=0)
    last_interaction = models.DateTimeField()
    first_interaction = models.DateTimeField()
    metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "user_interaction_summaries"
        ordering = ["-last_interaction"]
        indexes = [
            models.Index(fields=["outlet"], name="uis_outlet_idx"),
            models.Index(fields=["last_interaction"], name="uis_last_interaction_idx"),
            models.Index(fields=["created_at"], name="uis_created_idx"),
            # Top users: total_conversations >= N, descending.
            models.Index(fields=["-total_conversations"], name="uis_total_conv_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(total_conversations__gte=0), name="uis_total_conversations_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(total_messages__gte=0), name="uis_total_messages_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(avg_satisfaction__isnull=True)
                | Q(avg_satisfaction__gte=1, avg_satisfaction__lte=5),
                name="uis_avg_satisfaction_1_5",
            ),
        ]
        verbose_name_plural = "user interaction summaries"

    def __str__(self) -> str:
        return f"summary {self.user_id[:12]}…"


class DailyIntentStat(models.Model):
    """Messages per day (Asia/Singapore), role and intent, kept exact at ingestion.

    Serves the dashboard and the 30-day intent distribution without scanning messages.
    A message whose intent is not known yet counts under intent "".

    A count may be split over a few rows (`shard`, chosen per database connection), so that
    concurrent ingestion does not queue on one row per day: a row lock is held until the commit
    is flushed, which capped the webhook at one message per disk flush. Always SUM over shards.
    """

    day = models.DateField()
    role = models.CharField(max_length=16, choices=Role.choices)
    intent = models.CharField(max_length=32, blank=True, default="")
    shard = models.PositiveSmallIntegerField(default=0, db_default=0)
    message_count = models.IntegerField(default=0)

    class Meta:
        db_table = "daily_intent_stats"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "role", "intent", "shard"], name="daily_intent_shard_uniq"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.role} {self.intent or '-'}: {self.message_count}"
