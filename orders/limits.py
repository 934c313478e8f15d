"""A per-customer cap on assistant turns: ASSISTANT_TURNS_PER_HOUR (0: no cap).

Each turn may call OpenAI and costs a reply; a customer (or a loop, or someone abusing the number)
writing faster than the cap is not answered by the assistant any more for the rest of the hour:
the message is stored and counted as usual (it already is when the assistant sees it), marked
processed without parsing, ordering or calling OpenAI, the session is flagged for a colleague,
and the customer gets one polite reply per hour saying a colleague will follow up.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from conversations import services
from conversations.models import ConversationMessage, ConversationSession, Role
from conversations.whatsapp import outbound
from orders import replies

CAP_FLAG = "assistant turn limit reached"
NOTICE_KEY = "turn_cap_notice_at"  # session.context: when the customer was last told
HOUR = dt.timedelta(hours=1)


def over_cap(message: ConversationMessage, now: dt.datetime | None = None) -> bool:
    """Has this customer had ASSISTANT_TURNS_PER_HOUR turns in the hour before this message?"""
    limit = settings.ASSISTANT_TURNS_PER_HOUR
    if limit <= 0:
        return False
    since = (now or timezone.now()) - HOUR
    turns = ConversationMessage.objects.filter(
        session__user_id=message.session.user_id,
        role=Role.USER,
        processed_at__gte=since,
    ).exclude(pk=message.pk)
    return turns.count() >= limit


def hold_over_cap(message_id: int, language: str, now: dt.datetime | None = None) -> None:
    """Store-and-flag instead of a turn; tell the customer once per hour (module rules)."""
    now = now or timezone.now()
    with transaction.atomic():
        message = ConversationMessage.objects.select_for_update().get(pk=message_id)
        if message.processed_at is not None:
            return
        session = ConversationSession.objects.select_for_update().get(session_id=message.session_id)
        context = dict(session.context or {})
        told = context.get(NOTICE_KEY)
        if told is None or dt.datetime.fromisoformat(told) <= now - HOUR:
            with translation.override(language):
                outbound.reply(session, str(replies.TURN_CAP_REACHED), intent="turn_cap")
            context[NOTICE_KEY] = now.isoformat()
            ConversationSession.objects.filter(pk=session.pk).update(context=context)
        if not session.flagged_for_followup:
            services.flag_session(session, CAP_FLAG)
        services.mark_processed(message)
