"""WhatsApp plumbing: the webhook inbox and the outbox of messages we owe the Graph API."""

from django.db import models
from django.db.models import Q

from conversations.models.conversations import ConversationMessage


class OutboxState(models.TextChoices):
    """Where our send of an outbound message is; see conversations.whatsapp.graph."""

    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Being posted to the Graph API"
    SENT = "sent", "Accepted by the Graph API"
    UNKNOWN = "unknown", "Posted, answer lost: waiting for its status"
    FAILED = "failed", "Not sent"


class OutboxEntry(models.Model):
    """An outbound message we owe WhatsApp (the transactional outbox).

    Written in the transaction that writes the message, so a committed reply is never lost; only
    a message with an entry is ever posted, and only by moving its entry from pending to sending
    first, so a redelivered task never posts it twice (conversations.whatsapp.graph).
    """

    # SET_NULL: the retention purge deletes messages and clears what points at them.
    message = models.OneToOneField(
        ConversationMessage, null=True, on_delete=models.SET_NULL, related_name="outbox"
    )
    state = models.CharField(max_length=8, choices=OutboxState.choices, default=OutboxState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField()
    # When staff were told (session flagged) that the message may not have reached the customer.
    flagged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "whatsapp_outbox"
        verbose_name_plural = "outbox entries"
        indexes = [
            # The outbox beat job: unfinished entries by age.
            models.Index(
                fields=["changed_at"],
                name="outbox_unfinished_idx",
                condition=Q(state__in=["pending", "sending", "unknown"]),
            ),
        ]

    def __str__(self) -> str:
        return f"outbox {self.message_id} {self.state}"


class WebhookInbox(models.Model):
    """A signed WhatsApp notification accepted by the webhook and not yet stored (the inbox).

    The webhook commits the raw body here and answers 200 at once; the ingester
    (`manage.py ingest_webhooks`, conversations.whatsapp.ingest) stores the rows in batches and
    deletes
    them in the same transaction, so each notification is stored exactly once and nothing
    accepted is lost. A row holds a customer's raw message for the moments before it is stored;
    a row that failed WEBHOOK_INGEST_MAX_ATTEMPTS times stays, with the error's class name only
    and without the senders' profile names, until staff retry it (admin), an erasure removes it
    or the retention purge does (conversations.retention.purging).
    """

    received_at = models.DateTimeField(auto_now_add=True)
    body = models.TextField(
        help_text="the raw notification JSON, as signed by Meta (set aside: no profile names)"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        db_table = "whatsapp_webhook_inbox"
        ordering = ["id"]
        verbose_name = "webhook inbox row"
        verbose_name_plural = "webhook inbox"

    def __str__(self) -> str:
        return f"webhook notification {self.pk} ({self.attempts} failed attempts)"
