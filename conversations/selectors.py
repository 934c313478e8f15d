"""Reads that several callers need: the API, the dashboard, the benchmark.

The query patterns of the design (session lookup, message history, top users, session timeline,
intent analysis) and the analytics that read the per-day aggregates instead of the messages.
"""

import datetime as dt
from uuid import UUID
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone

from conversations.models import (
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    PurgeRun,
    UserInteractionSummary,
)

LOCAL_TZ = ZoneInfo("Asia/Singapore")


def session_by_id(session_id: UUID | str) -> ConversationSession | None:
    """One session by its session_id (the design's single session lookup)."""
    return ConversationSession.objects.filter(session_id=session_id).first()


def session_history(session_id: UUID | str, limit: int = 100) -> list[ConversationMessage]:
    """A session's messages in order (timestamp, id), at most `limit`."""
    return list(
        ConversationMessage.objects.filter(session_id=session_id).order_by("timestamp", "id")[
            :limit
        ]
    )


def top_users(min_conversations: int = 10, limit: int = 100) -> list[UserInteractionSummary]:
    """Summaries with at least `min_conversations`, most conversations first."""
    return list(
        UserInteractionSummary.objects.filter(total_conversations__gte=min_conversations).order_by(
            "-total_conversations", "id"
        )[:limit]
    )


def intent_distribution(days: int = 30) -> dict[str, int]:
    """Messages per intent over the last `days` Singapore days, today included.

    Reads DailyIntentStat (kept exact at ingestion), so the cost does not grow with messages.
    """
    first_day = timezone.now().astimezone(LOCAL_TZ).date() - dt.timedelta(days=days - 1)
    rows = (
        DailyIntentStat.objects.filter(day__gte=first_day)
        .values_list("intent")
        .annotate(total=Sum("message_count"))
        .order_by()
    )
    return {intent: total for intent, total in rows if total}


def session_timeline(
    user_id: str, start: dt.datetime, end: dt.datetime, limit: int = 50
) -> list[ConversationSession]:
    """A user's sessions that started in [start, end), newest first."""
    return list(
        ConversationSession.objects.filter(
            user_id=user_id, start_time__gte=start, start_time__lt=end
        ).order_by("-start_time")[:limit]
    )


def intent_confidence(
    intent: str = "order_placement", min_confidence: float = 0.8, limit: int = 100
) -> list[ConversationMessage]:
    """Messages with `intent` and confidence >= `min_confidence`, oldest first."""
    return list(
        ConversationMessage.objects.filter(intent=intent, confidence__gte=min_confidence).order_by(
            "timestamp", "id"
        )[:limit]
    )


# ------------------------------------------------------------------ retention health
# Retention compliance as numbers anyone can read (dashboard, metrics, conversations.retention).


def message_retention_cutoff(
    now: dt.datetime | None = None, days: int | None = None
) -> dt.datetime:
    """Messages created at or before this instant are past retention (RETENTION_MESSAGES_DAYS)."""
    days = settings.RETENTION_MESSAGES_DAYS if days is None else days
    return (now or timezone.now()) - dt.timedelta(days=days)


def summary_retention_cutoff(
    now: dt.datetime | None = None, days: int | None = None
) -> dt.datetime:
    """Summaries whose last_interaction is at or before this instant are past retention."""
    days = settings.RETENTION_SUMMARIES_DAYS if days is None else days
    return (now or timezone.now()) - dt.timedelta(days=days)


def messages_past_retention(now: dt.datetime | None = None, days: int | None = None) -> int:
    """Messages older than the policy: 0 right after a purge (conv_msg_created_idx)."""
    cutoff = message_retention_cutoff(now, days)
    return ConversationMessage.objects.filter(created_at__lte=cutoff).count()


def summaries_past_retention(now: dt.datetime | None = None, days: int | None = None) -> int:
    """User summaries past their deletion date (uis_last_interaction_idx)."""
    cutoff = summary_retention_cutoff(now, days)
    return UserInteractionSummary.objects.filter(last_interaction__lte=cutoff).count()


def orphaned_sessions() -> int:
    """Sessions that never had a message: counted and reported by the purge, never deleted."""
    has_message = ConversationMessage.objects.filter(session_id=OuterRef("session_id"))
    return ConversationSession.objects.filter(message_count=0).exclude(Exists(has_message)).count()


def last_purge() -> PurgeRun | None:
    """The latest retention purge that was not a dry run (running, succeeded or failed)."""
    return (
        PurgeRun.objects.exclude(outcome=PurgeRun.Outcome.DRY_RUN)
        .order_by("-started_at", "-id")
        .first()
    )
