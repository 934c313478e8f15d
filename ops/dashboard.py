"""Dashboard selectors: the numbers support staff and operators watch (volume, intents, retention).

Everything is aggregated in SQL. Message counts per day and intent come from DailyIntentStat
(kept exact at ingestion), so the page does not scan messages; sessions are read through their
start_time index; data-health numbers use the partial index on unscrubbed messages and the
created_at index. A period is a range of Singapore days, both ends included.
"""

import datetime as dt
import statistics
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import (
    Avg,
    Count,
    Exists,
    F,
    FloatField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone

from conversations import selectors
from conversations.models import (
    ConversationMessage,
    ConversationSession,
    DailyIntentStat,
    PurgeRun,
    Role,
    SupportStatus,
    UserInteractionSummary,
)

DEFAULT_DAYS = 30
MAX_DAYS = 366
# Dates outside these are refused: at the ends of the calendar, "a month before" overflows.
EARLIEST_DAY, LATEST_DAY = dt.date(2000, 1, 1), dt.date(2999, 12, 31)
# Buckets of the messages-per-session histogram: (label, lowest, highest or None).
SESSION_SIZE_BUCKETS = [
    ("1", 1, 1),
    ("2–5", 2, 5),
    ("6–10", 6, 10),
    ("11–20", 11, 20),
    ("21–50", 21, 50),
    ("51+", 51, None),
]


class InvalidPeriod(ValueError):
    """The requested period cannot be shown."""


@dataclass(frozen=True)
class Period:
    first_day: dt.date
    last_day: dt.date

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(
            self.first_day, dt.time.min, tzinfo=timezone.get_default_timezone()
        )

    @property
    def end(self) -> dt.datetime:
        """The instant after the period (exclusive upper bound)."""
        return dt.datetime.combine(
            self.last_day + dt.timedelta(days=1), dt.time.min, timezone.get_current_timezone()
        )

    @property
    def days(self) -> list[dt.date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + dt.timedelta(days=i) for i in range(count)]


def local_today() -> dt.date:
    return timezone.localdate()


def default_period(days: int = DEFAULT_DAYS) -> Period:
    today = local_today()
    return Period(today - dt.timedelta(days=days - 1), today)


def parse_period(first: str | None, last: str | None) -> Period:
    """A period from two ISO dates (either may be missing); raises InvalidPeriod with the reason."""
    default = default_period()
    try:
        last_day = dt.date.fromisoformat(last) if last else default.last_day
        first_day = (
            dt.date.fromisoformat(first)
            if first
            else last_day - dt.timedelta(days=DEFAULT_DAYS - 1)
        )
    except ValueError as exc:
        raise InvalidPeriod("dates must be written YYYY-MM-DD") from exc
    except OverflowError as exc:
        raise InvalidPeriod(f"dates must lie between {EARLIEST_DAY} and {LATEST_DAY}") from exc
    if not (first_day >= EARLIEST_DAY and last_day <= LATEST_DAY):
        raise InvalidPeriod(f"dates must lie between {EARLIEST_DAY} and {LATEST_DAY}")
    if first_day > last_day:
        raise InvalidPeriod("the first day is after the last day")
    if (last_day - first_day).days + 1 > MAX_DAYS:
        raise InvalidPeriod(f"a period is at most {MAX_DAYS} days")
    return Period(first_day, last_day)


# ------------------------------------------------------------------ volume


@dataclass
class Volume:
    sessions: int
    active_users: int
    messages: int
    avg_messages_per_session: float | None
    sessions_per_day: list[tuple[dt.date, int]]
    active_users_per_day: list[tuple[dt.date, int]]
    messages_per_day: list[tuple[dt.date, int, int]]  # day, user messages, assistant messages
    session_sizes: list[tuple[str, int]]

    @property
    def daily_rows(self) -> list[tuple[dt.date, int, int, int, int]]:
        """Per day: sessions, active users, customers' messages, assistant messages."""
        return [
            (day, sessions, users, user_msgs, assistant_msgs)
            for (day, sessions), (_, users), (_, user_msgs, assistant_msgs) in zip(
                self.sessions_per_day, self.active_users_per_day, self.messages_per_day, strict=True
            )
        ]


def _sessions_in(period: Period):
    return ConversationSession.objects.filter(
        start_time__gte=period.start, start_time__lt=period.end
    )


def volume(period: Period) -> Volume:
    """Sessions, active users and messages in the period, per day and in total."""
    sessions = _sessions_in(period)
    per_day = {
        row["day"]: row
        for row in sessions.annotate(
            day=TruncDate("start_time", tzinfo=timezone.get_default_timezone())
        )
        .values("day")
        .annotate(n=Count("id"), users=Count("user_id", distinct=True))
        .order_by()
    }
    totals = sessions.aggregate(
        n=Count("id"),
        users=Count("user_id", distinct=True),
        avg=Avg("message_count"),
        **{f"b{i}": _bucket(low, high) for i, (_, low, high) in enumerate(SESSION_SIZE_BUCKETS)},
    )
    messages = _messages_per_day(period)
    return Volume(
        sessions=totals["n"],
        active_users=totals["users"],
        messages=sum(u + a for _, u, a in messages),
        avg_messages_per_session=totals["avg"],
        sessions_per_day=[(d, per_day[d]["n"] if d in per_day else 0) for d in period.days],
        active_users_per_day=[(d, per_day[d]["users"] if d in per_day else 0) for d in period.days],
        messages_per_day=messages,
        session_sizes=[
            (label, totals[f"b{i}"]) for i, (label, *_) in enumerate(SESSION_SIZE_BUCKETS)
        ],
    )


def _bucket(low: int, high: int | None) -> Count:
    condition = Q(message_count__gte=low)
    if high is not None:
        condition &= Q(message_count__lte=high)
    return Count("id", filter=condition)


def _messages_per_day(period: Period) -> list[tuple[dt.date, int, int]]:
    rows = (
        DailyIntentStat.objects.filter(day__gte=period.first_day, day__lte=period.last_day)
        .values_list("day", "role")
        .annotate(n=Sum("message_count"))
        .order_by()
    )
    counts = {(day, role): n for day, role, n in rows}
    return [
        (d, counts.get((d, Role.USER), 0), counts.get((d, Role.ASSISTANT), 0)) for d in period.days
    ]


# ------------------------------------------------------------------ business


def intent_distribution(period: Period) -> list[tuple[str, int]]:
    """Customers' messages per intent in the period, most frequent first ("" = not classified)."""
    rows = (
        DailyIntentStat.objects.filter(
            day__gte=period.first_day, day__lte=period.last_day, role=Role.USER
        )
        .values_list("intent")
        .annotate(n=Sum("message_count"))
        .order_by("-n", "intent")
    )
    return [(intent, n) for intent, n in rows if n > 0]


def language_preferences(period: Period) -> list[tuple[str, int]]:
    """Preferred language of the users who had a session in the period ("" = not known yet)."""
    active = _sessions_in(period).filter(user_id=OuterRef("user_id"))
    rows = (
        UserInteractionSummary.objects.filter(Exists(active))
        .values_list("preferred_language")
        .annotate(n=Count("id"))
        .order_by("-n", "preferred_language")
    )
    return list(rows)


def satisfaction_trend(period: Period) -> list[tuple[dt.date, float | None, int]]:
    """Per day of last interaction: the ratings-weighted average satisfaction (1–5) and ratings.

    Ratings are folded into each user's running average (services.record_satisfaction), so the
    trend groups users by the day they last spoke to us.
    """
    rows = (
        UserInteractionSummary.objects.filter(
            last_interaction__gte=period.start,
            last_interaction__lt=period.end,
            satisfaction_count__gt=0,
        )
        .annotate(day=TruncDate("last_interaction", tzinfo=timezone.get_default_timezone()))
        .values("day")
        .annotate(
            weighted=Sum(_weighted_rating()),
            ratings=Sum("satisfaction_count"),
        )
        .order_by()
    )
    by_day = {r["day"]: (r["weighted"] / r["ratings"], r["ratings"]) for r in rows}
    return [(d, *by_day.get(d, (None, 0))) for d in period.days]


def _weighted_rating() -> F:
    return F("avg_satisfaction") * Cast("satisfaction_count", FloatField())


# ------------------------------------------------------------------ data health


@dataclass
class DataHealth:
    messages_total: int
    messages_past_retention: int
    summaries_past_retention: int
    unscrubbed: int
    unscrubbed_overdue: int
    oldest_unscrubbed_at: dt.datetime | None
    orphaned_sessions: int
    flagged_sessions: int
    last_purge: PurgeRun | None
    now: dt.datetime = field(default_factory=timezone.now)

    @property
    def scrub_completion(self) -> float | None:
        """Share of stored messages already scrubbed (None when there are no messages)."""
        if not self.messages_total:
            return None
        return 1 - self.unscrubbed / self.messages_total

    @property
    def oldest_unscrubbed_age(self) -> dt.timedelta | None:
        return None if self.oldest_unscrubbed_at is None else self.now - self.oldest_unscrubbed_at


def data_health() -> DataHealth:
    """Retention compliance, PII scrubbing progress, orphaned sessions and the last purge."""
    now = timezone.now()
    overdue_cutoff = now - dt.timedelta(hours=settings.PII_SCRUB_MAX_AGE_HOURS)
    unscrubbed = ConversationMessage.objects.filter(pii_scrubbed=False).aggregate(
        n=Count("id"),
        overdue=Count("id", filter=Q(created_at__lt=overdue_cutoff)),
        oldest=Min("created_at"),
    )
    return DataHealth(
        messages_total=_count_messages(),
        messages_past_retention=selectors.messages_past_retention(now),
        summaries_past_retention=selectors.summaries_past_retention(now),
        unscrubbed=unscrubbed["n"],
        unscrubbed_overdue=unscrubbed["overdue"],
        oldest_unscrubbed_at=unscrubbed["oldest"],
        orphaned_sessions=selectors.orphaned_sessions(),
        flagged_sessions=ConversationSession.objects.filter(flagged_for_followup=True).count(),
        last_purge=selectors.last_purge(),
        now=now,
    )


def _count_messages() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM conversation_messages")
        return cursor.fetchone()[0]


# ------------------------------------------------------------------ support inbox


@dataclass
class SupportStats:
    handed_over: int  # sessions of the period a colleague took over
    median_first_reply: dt.timedelta | None  # customer's message -> first staff reply
    resolved_per_day: list[tuple[dt.date, int]]
    closed: int  # sessions ended (idle rollover) or resolved
    automation_rate: float | None  # closed without any colleague


def support_stats(period: Period) -> SupportStats:
    """Handover, staff reply time, resolutions and automation (sessions started in the period;
    resolutions by the day they happened)."""
    sessions = _sessions_in(period)
    staff = ConversationMessage.objects.filter(session=OuterRef("session_id"), role=Role.STAFF)
    first_staff = staff.order_by("timestamp").values("timestamp")[:1]
    waited = ConversationMessage.objects.filter(
        session=OuterRef("session_id"), role=Role.USER, timestamp__lte=OuterRef("first_staff")
    ).order_by("-timestamp")
    replies = (
        sessions.annotate(first_staff=Subquery(first_staff))
        .filter(first_staff__isnull=False)
        .annotate(asked=Subquery(waited.values("timestamp")[:1]))
        .exclude(asked__isnull=True)
        .values_list("asked", "first_staff")
    )
    waits = [answered - asked for asked, answered in replies]
    closed = sessions.filter(Q(end_time__isnull=False) | Q(status=SupportStatus.RESOLVED))
    totals = closed.aggregate(
        n=Count("id"),
        alone=Count("id", filter=Q(handed_over_at__isnull=True) & ~Exists(staff)),
    )
    resolved = dict(
        ConversationSession.objects.filter(
            resolved_at__gte=period.start, resolved_at__lt=period.end
        )
        .annotate(day=TruncDate("resolved_at", tzinfo=timezone.get_default_timezone()))
        .values("day")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("day", "n")
    )
    return SupportStats(
        handed_over=sessions.filter(handed_over_at__isnull=False).count(),
        median_first_reply=statistics.median(waits) if waits else None,
        resolved_per_day=[(d, resolved.get(d, 0)) for d in period.days],
        closed=totals["n"],
        automation_rate=totals["alone"] / totals["n"] if totals["n"] else None,
    )


# ------------------------------------------------------------------ the page


@dataclass
class Dashboard:
    period: Period
    volume: Volume
    intents: list[tuple[str, int]]
    languages: list[tuple[str, int]]
    satisfaction: list[tuple[dt.date, float | None, int]]
    health: DataHealth
    support: SupportStats


def build_dashboard(period: Period) -> Dashboard:
    return Dashboard(
        period=period,
        volume=volume(period),
        intents=intent_distribution(period),
        languages=language_preferences(period),
        satisfaction=satisfaction_trend(period),
        health=data_health(),
        support=support_stats(period),
    )
