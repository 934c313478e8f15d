"""Sessions: chosen under the user's advisory lock, opened, closed after SESSION_IDLE_MINUTES,
flagged."""

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from conversations import pgarrays, selectors
from conversations.models import (
    ConversationSession,
)
from conversations.services.counters import SummaryDelta, upsert_summaries, upsert_summary

logger = logging.getLogger(__name__)


_LOCK_USER_SQL = "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))"


def lock_user(user_id: str) -> None:
    """Serialise session choice for one user until the transaction ends (erasure takes it too)."""
    with connection.cursor() as cursor:
        cursor.execute(_LOCK_USER_SQL, [user_id])


# lock_user for several users: give them in user_id order, so two batches never deadlock.
LOCK_USERS_SQL = (
    "SELECT count(pg_advisory_xact_lock(hashtextextended(u, 0))) FROM unnest(%s::varchar[]) AS u"
)


def assign_sessions(
    arrivals: Sequence[tuple[str, dt.datetime]], state: selectors.InboundState
) -> tuple[list[ConversationSession], list[ConversationSession]]:
    """The session of each (user_id, timestamp), in arrival order: the user's open session, or a
    new one after SESSION_IDLE_MINUTES of silence (closing the old one at its last activity); a
    new session takes the outlet of the sender's contact when it is the only one.

    Call inside a transaction holding the users' locks. Returns (one session per arrival, the new
    sessions); the closed ones are saved here, the new ones are not.
    """
    idle = dt.timedelta(minutes=settings.SESSION_IDLE_MINUTES)
    current = dict(state.open_sessions)
    last_activity = {user_id: s.last_activity_at for user_id, s in current.items()}
    closed: list[ConversationSession] = []
    new: list[ConversationSession] = []
    assigned: list[ConversationSession] = []
    for user_id, at in arrivals:
        session = current.get(user_id)
        if session is None or at - last_activity[user_id] > idle:
            if session is not None:
                session.end_time = last_activity[user_id]
                if not session._state.adding:
                    closed.append(session)
            session = ConversationSession(user_id=user_id, start_time=at, last_activity_at=at)
            current[user_id] = session
            new.append(session)
        last_activity[user_id] = max(last_activity.get(user_id, at), at)
        assigned.append(session)
    _close_sessions(closed)
    for session in new:
        outlets = state.contact_outlets.get(session.user_id, set())
        session.outlet_id = next(iter(outlets)) if len(outlets) == 1 else None
    return assigned, new


def _close_sessions(sessions: Sequence[ConversationSession]) -> None:
    if not sessions:
        return
    ordered = sorted(sessions, key=lambda s: s.session_id)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE conversation_sessions AS s SET end_time = v.end_time, updated_at = now()"
            " FROM unnest(%s::uuid[], %s::timestamptz[]) AS v(session_id, end_time)"
            " WHERE s.session_id = v.session_id",
            [
                pgarrays.uuids(s.session_id for s in ordered),
                pgarrays.timestamps(s.end_time for s in ordered),
            ],
        )


def count_new_sessions(sessions: Sequence[ConversationSession]) -> None:
    """Add new sessions to their users' summaries (total_conversations, outlet)."""
    per_user: dict[str, SummaryDelta] = {}
    for s in sessions:
        was = per_user.get(s.user_id)
        per_user[s.user_id] = SummaryDelta(
            s.user_id,
            conversations=(was.conversations if was else 0) + 1,
            first=min(was.first, s.start_time) if was else s.start_time,
            last=max(was.last, s.start_time) if was else s.start_time,
            outlet_id=s.outlet_id or (was.outlet_id if was else None),
        )
    upsert_summaries(per_user.values())


def open_session(
    *, user_id: str, start_time: dt.datetime | None = None, **fields: Any
) -> ConversationSession:
    """Create a session directly (API): counts it in the user's summary."""
    start = start_time or timezone.now()
    with transaction.atomic():
        fields.setdefault("last_activity_at", start)
        session = ConversationSession.objects.create(user_id=user_id, start_time=start, **fields)
        upsert_summary(user_id, start, conversations=1, messages=0, outlet_id=session.outlet_id)
    return session


def flag_session(session: ConversationSession, reason: str) -> None:
    ConversationSession.objects.filter(pk=session.pk).update(
        flagged_for_followup=True, flag_reason=reason[:200], updated_at=timezone.now()
    )
    session.flagged_for_followup, session.flag_reason = True, reason[:200]


def unflag_session(session: ConversationSession) -> None:
    ConversationSession.objects.filter(pk=session.pk).update(
        flagged_for_followup=False, flag_reason="", updated_at=timezone.now()
    )
    session.flagged_for_followup, session.flag_reason = False, ""
