"""The trail: audit events, erasure records, retention purge runs and which export file holds
which user (never message content)."""

from django.db import models


class AuditEvent(models.Model):
    """Who did what to conversation data, from where. Never holds PII (pseudonymous ids only)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=150, blank=True, default="")
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64, blank=True, default="")
    object_id = models.CharField(max_length=128, blank=True, default="")
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        db_table = "audit_events"
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"


class ErasureRecord(models.Model):
    """Proof that a user's data was erased: the pseudonymous id and counts only."""

    user_id = models.CharField(max_length=64, db_index=True)
    erased_at = models.DateTimeField(auto_now_add=True)
    actor_label = models.CharField(max_length=150)
    counts = models.JSONField(default=dict)

    class Meta:
        db_table = "erasure_records"
        ordering = ["-erased_at"]

    def __str__(self) -> str:
        return f"erasure {self.user_id[:12]}… at {self.erased_at:%Y-%m-%d}"


class PurgeRun(models.Model):
    """One run of the retention purge: when, what it deleted, and how it ended."""

    class Outcome(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCESS = "success", "Success"
        FAILED = "failed", "Failed"
        DRY_RUN = "dry_run", "Dry run"

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.RUNNING)
    messages_deleted = models.PositiveIntegerField(default=0)
    summaries_deleted = models.PositiveIntegerField(default=0)
    inbox_deleted = models.PositiveIntegerField(
        default=0, help_text="webhook notifications set aside and past message retention"
    )
    orphaned_sessions = models.PositiveIntegerField(default=0)
    export_file = models.CharField(max_length=500, blank=True, default="")
    error = models.TextField(blank=True, default="")

    class Meta:
        db_table = "purge_runs"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"purge {self.started_at:%Y-%m-%d %H:%M} {self.outcome}"


class ExportFileUser(models.Model):
    """A retention export file (PurgeRun.export_file) holds a row of this user: pseudonym and
    file name only. The erasure rewrites exactly the files of its user
    (conversations.retention.leftovers)."""

    file_name = models.CharField(max_length=500)
    user_id = models.CharField(max_length=64)

    class Meta:
        db_table = "export_file_users"
        constraints = [
            # Its leading user_id serves the erasure's lookup: the files of one user.
            models.UniqueConstraint(fields=["user_id", "file_name"], name="export_file_user_uniq"),
        ]
        indexes = [
            # A rewritten file's other users follow it to its new name.
            models.Index(fields=["file_name"], name="export_file_user_file_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.file_name}: {self.user_id[:12]}…"
