"""Reads of the support inbox: the queue filters and their counts, the 24-hour window, the
masked number of a sender."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography.fernet import InvalidToken
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from conversations import services
from conversations.models import ConversationSession, SupportStatus, UserIdentity
from conversations.whatsapp import identity
from conversations.whatsapp.graph import SERVICE_WINDOW

NOT_RESOLVED = ~Q(status=SupportStatus.RESOLVED)
# A session needs staff when it is flagged, taken over or assigned, and not resolved.
NEEDS_STAFF = NOT_RESOLVED & (
    Q(flagged_for_followup=True) | Q(handed_over=True) | Q(assignee__isnull=False)
)


def _filters(user: AbstractBaseUser) -> dict[str, Q]:
    return {
        "flagged": NOT_RESOLVED & Q(flagged_for_followup=True, handed_over=False),
        "taken_over": NOT_RESOLVED & Q(handed_over=True),
        "mine": NOT_RESOLVED & Q(assignee_id=user.pk),
        "unassigned": NEEDS_STAFF & Q(assignee__isnull=True),
        "resolved": Q(status=SupportStatus.RESOLVED),
    }


FILTERS = {
    "flagged": "Flagged",
    "taken_over": "Taken over",
    "mine": "Assigned to me",
    "unassigned": "Unassigned",
    "resolved": "Resolved",
}


def queue(user: AbstractBaseUser, name: str, user_id: str = "") -> QuerySet:
    """Sessions of one filter, newest activity first; `user_id` narrows to one sender."""
    sessions = ConversationSession.objects.filter(_filters(user)[name])
    if user_id:
        sessions = sessions.filter(user_id=user_id)
    return sessions.select_related("outlet", "assignee").order_by("-last_activity_at", "-id")


def queue_counts(user: AbstractBaseUser) -> dict[str, int]:
    """Sessions per filter, in one query."""
    aggregates = {name: Count("pk", filter=q) for name, q in _filters(user).items()}
    return ConversationSession.objects.aggregate(**aggregates)


@dataclass(frozen=True)
class Window:
    """The 24-hour customer-service window of a session's sender."""

    last_inbound_at: dt.datetime | None
    now: dt.datetime

    @property
    def ends_at(self) -> dt.datetime | None:
        return self.last_inbound_at + SERVICE_WINDOW if self.last_inbound_at else None

    @property
    def is_open(self) -> bool:
        return self.ends_at is not None and self.now <= self.ends_at

    @property
    def remaining(self) -> dt.timedelta:
        return max(self.ends_at - self.now, dt.timedelta(0)) if self.ends_at else dt.timedelta(0)

    def describe(self) -> str:
        if self.ends_at is None:
            return "The customer has never written: only a template can be sent."
        if not self.is_open:
            return "The 24-hour window is closed: only an approved template can be sent."
        minutes = int(self.remaining.total_seconds() // 60)
        return f"Free text allowed for {minutes // 60} h {minutes % 60:02d} min more."

    def refusal(self) -> str:
        closed = timezone.localtime(self.ends_at).strftime("%Y-%m-%d %H:%M")
        return (
            "Free text is refused: the 24-hour customer-service window closed at "
            f"{closed} (24 hours after the customer's last message). "
            "Send an approved template instead."
        )


def service_window(session: ConversationSession, now: dt.datetime | None = None) -> Window:
    known = services.user_identity(session.user_id)
    return Window(known.last_inbound_at if known else None, now or timezone.now())


def masked_number(user_id: str) -> str:
    """'+65 ****4567' for a sender, or '' when we hold no readable number."""
    return masked_numbers([user_id]).get(user_id, "")


def masked_numbers(user_ids: list[str]) -> dict[str, str]:
    """The masked number of each sender we hold a readable number for, in one query."""
    found = UserIdentity.objects.filter(user_id__in=set(user_ids))
    masked = {}
    for known in found.only("user_id", "phone_encrypted"):
        try:
            masked[known.user_id] = identity.mask_phone(
                identity.decrypt_phone(known.phone_encrypted)
            )
        except (InvalidToken, identity.InvalidPhoneNumber):
            continue
    return masked
