"""The database itself refuses bad values, whatever code writes them."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from tests.factories import MessageFactory, SessionFactory, SummaryFactory

pytestmark = pytest.mark.django_db


def _refused(fn) -> bool:
    try:
        with transaction.atomic():
            fn()
    except IntegrityError:
        return True
    return False


def test_confidence_above_one_is_refused():
    message = MessageFactory()
    assert _refused(
        lambda: ConversationMessage.objects.filter(pk=message.pk).update(confidence=1.2)
    )


def test_confidence_below_zero_is_refused():
    message = MessageFactory()
    assert _refused(
        lambda: ConversationMessage.objects.filter(pk=message.pk).update(confidence=-0.1)
    )


def test_confidence_between_zero_and_one_is_kept():
    message = MessageFactory(confidence=0.95)
    message.refresh_from_db()
    assert message.confidence == 0.95


def test_unknown_role_is_refused():
    message = MessageFactory()
    assert _refused(lambda: ConversationMessage.objects.filter(pk=message.pk).update(role="robot"))


def test_negative_message_count_is_refused():
    session = SessionFactory()
    assert _refused(
        lambda: ConversationSession.objects.filter(pk=session.pk).update(message_count=-1)
    )


def test_negative_summary_counts_are_refused():
    summary = SummaryFactory()
    qs = UserInteractionSummary.objects.filter(pk=summary.pk)
    assert _refused(lambda: qs.update(total_conversations=-1))
    assert _refused(lambda: qs.update(total_messages=-1))


def test_satisfaction_outside_one_to_five_is_refused():
    summary = SummaryFactory()
    qs = UserInteractionSummary.objects.filter(pk=summary.pk)
    assert _refused(lambda: qs.update(avg_satisfaction=6))


def test_session_id_is_unique():
    session = SessionFactory()
    assert _refused(lambda: SessionFactory(session_id=session.session_id))


def test_summary_user_id_is_unique():
    summary = SummaryFactory()
    assert _refused(lambda: SummaryFactory(user_id=summary.user_id))


def test_whatsapp_message_id_is_unique():
    MessageFactory(wa_message_id="wamid.ABC")
    assert _refused(lambda: MessageFactory(wa_message_id="wamid.ABC"))


def test_message_needs_an_existing_session():
    def insert_orphan() -> None:
        # Django's foreign keys are checked at commit; ask PostgreSQL to check now.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        ConversationMessage.objects.create(
            session_id="00000000-0000-0000-0000-000000000000",
            role="user",
            content="x",
            timestamp=timezone.now(),
        )

    assert _refused(insert_orphan)


def test_json_fields_are_jsonb_and_embedding_is_a_float_array():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name, data_type, udt_name FROM information_schema.columns"
            " WHERE table_name IN ('conversation_sessions', 'conversation_messages',"
            " 'user_interaction_summaries')"
            " AND column_name IN ('intents', 'context', 'common_intents', 'metadata',"
            " 'embedding_vector')"
        )
        columns = {(t, c): (d, u) for t, c, d, u in cursor.fetchall()}
    assert columns[("conversation_sessions", "intents")][1] == "jsonb"
    assert columns[("conversation_sessions", "context")][1] == "jsonb"
    assert columns[("conversation_messages", "context")][1] == "jsonb"
    assert columns[("user_interaction_summaries", "common_intents")][1] == "jsonb"
    assert columns[("user_interaction_summaries", "metadata")][1] == "jsonb"
    assert columns[("conversation_messages", "embedding_vector")] == ("ARRAY", "_float8")


def test_design_indexes_exist_with_names():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename IN"
            " ('conversation_sessions', 'conversation_messages', 'user_interaction_summaries')"
        )
        names = {row[0] for row in cursor.fetchall()}
    expected = {
        "conv_sess_user_idx",
        "conv_sess_outlet_idx",
        "conv_sess_start_idx",
        "conv_sess_created_idx",
        "conv_sess_user_start_idx",
        "conv_msg_session_idx",
        "conv_msg_timestamp_idx",
        "conv_msg_role_idx",
        "conv_msg_intent_idx",
        "conv_msg_created_idx",
        "conv_msg_session_ts_idx",
        "uis_outlet_idx",
        "uis_last_interaction_idx",
        "uis_created_idx",
    }
    assert expected <= names


def test_messages_are_kept_in_timestamp_order():
    session = SessionFactory()
    now = timezone.now()
    MessageFactory(session=session, content="second", timestamp=now)
    MessageFactory(session=session, content="first", timestamp=now - dt.timedelta(minutes=1))
    assert [m.content for m in session.messages.all()] == ["first", "second"]
