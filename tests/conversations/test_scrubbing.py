"""The scrub workflow: grace period, the 24-hour guarantee, batches, concurrency and rollback."""

import datetime as dt
import threading
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from conversations.models import ConversationMessage, ConversationSession, UserInteractionSummary
from conversations.privacy import scrubbing, tasks
from tests.factories import MessageFactory, SessionFactory, SummaryFactory

pytestmark = pytest.mark.django_db

START = dt.datetime(2025, 3, 10, 9, 0, tzinfo=dt.UTC)
PII_TEXT = "Deliver to Blk 123 Ang Mo Kio Ave 3 #01-1234, call 9123 4567, ORD-20250312-0042 x 400"
SCRUBBED = "Deliver to [ADDRESS], call [PHONE], ORD-20250312-0042 x 400"


def grace() -> dt.timedelta:
    return dt.timedelta(minutes=settings.PII_SCRUB_GRACE_MINUTES)


def test_message_past_the_grace_period_is_scrubbed_with_a_record_of_counts() -> None:
    with time_machine.travel(START, tick=False) as traveller:
        message = MessageFactory(content=PII_TEXT, context={"reply_to": "wamid.X"})
        traveller.shift(grace() + dt.timedelta(minutes=1))
        report = scrubbing.scrub_pending()
    message.refresh_from_db()
    assert message.content == SCRUBBED
    assert message.pii_scrubbed is True
    record = message.context["pii_scrub"]
    assert record["counts"] == {"ADDRESS": 1, "PHONE": 1}
    assert record["version"] == "2.7"
    assert dt.datetime.fromisoformat(record["at"]) == START + grace() + dt.timedelta(minutes=1)
    assert message.context["reply_to"] == "wamid.X"
    assert report.messages_scanned == 1 and report.counts == {"ADDRESS": 1, "PHONE": 1}


def test_message_inside_the_grace_period_is_left_for_the_live_conversation() -> None:
    with time_machine.travel(START, tick=False) as traveller:
        message = MessageFactory(content=PII_TEXT)
        traveller.shift(grace() - dt.timedelta(minutes=1))
        scrubbing.scrub_pending()
    message.refresh_from_db()
    assert message.content == PII_TEXT
    assert message.pii_scrubbed is False


def test_every_message_is_scrubbed_within_24_hours_with_the_beat_schedule() -> None:
    """Messages arrive all day long; the task runs every interval; none outlives the limit."""
    interval = dt.timedelta(minutes=settings.PII_SCRUB_INTERVAL_MINUTES)
    limit = dt.timedelta(hours=settings.PII_SCRUB_MAX_AGE_HOURS)
    arrivals = [START + dt.timedelta(minutes=7 * i + 1) for i in range(24 * 60 // 7)]
    with time_machine.travel(START, tick=False) as traveller:
        now = START
        while now <= START + limit + dt.timedelta(hours=2):
            for at in [a for a in arrivals if now - interval < a <= now]:
                traveller.move_to(at)
                MessageFactory(content=f"call me at 9123 {arrivals.index(at):04d}")
            traveller.move_to(now)
            tasks.scrub_pending_pii.delay()
            oldest_pending = (
                ConversationMessage.objects.filter(pii_scrubbed=False)
                .order_by("created_at")
                .values_list("created_at", flat=True)
                .first()
            )
            assert oldest_pending is None or now - oldest_pending <= grace() + interval
            assert scrubbing.overdue_count(now) == 0
            now += interval
    assert ConversationMessage.objects.filter(pii_scrubbed=False).count() == 0
    assert not ConversationMessage.objects.filter(content__contains="9123").exists()


def test_grace_longer_than_the_limit_is_capped_so_the_limit_still_holds(settings) -> None:
    settings.PII_SCRUB_GRACE_MINUTES = 48 * 60
    settings.PII_SCRUB_MAX_AGE_HOURS = 24
    settings.PII_SCRUB_INTERVAL_MINUTES = 15
    assert scrubbing.effective_grace() == dt.timedelta(hours=24) - dt.timedelta(minutes=15)


def test_second_run_changes_nothing() -> None:
    with time_machine.travel(START, tick=False) as traveller:
        message = MessageFactory(content=PII_TEXT)
        traveller.shift(grace() * 2)
        scrubbing.scrub_pending()
        message.refresh_from_db()
        first_record = message.context["pii_scrub"]
        traveller.shift(dt.timedelta(hours=1))
        again = scrubbing.scrub_pending()
    message.refresh_from_db()
    assert again.messages_scanned == 0
    assert message.content == SCRUBBED
    assert message.context["pii_scrub"] == first_record


def test_batches_cover_every_pending_message() -> None:
    with time_machine.travel(START, tick=False) as traveller:
        MessageFactory.create_batch(7, content="mail me at a@b.sg")
        traveller.shift(grace() * 2)
        report = scrubbing.scrub_pending(batch_size=3)
    assert report.messages_scanned == 7
    assert report.counts == {"EMAIL": 7}
    assert set(ConversationMessage.objects.values_list("content", flat=True)) == {
        "mail me at [EMAIL]"
    }


def test_a_failure_in_a_batch_leaves_that_batch_untouched(monkeypatch) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        MessageFactory.create_batch(3, content=PII_TEXT)
        traveller.shift(grace() * 2)
        real_scrub, calls = scrubbing.scrub_message, []

        def fail_on_second(message, at, *known):
            calls.append(message.pk)
            if len(calls) == 2:
                raise DatabaseError("injected failure")
            return real_scrub(message, at, *known)

        monkeypatch.setattr(scrubbing, "scrub_message", fail_on_second)
        with pytest.raises(DatabaseError):
            scrubbing.scrub_pending()
    assert ConversationMessage.objects.filter(pii_scrubbed=True).count() == 0
    assert set(ConversationMessage.objects.values_list("content", flat=True)) == {PII_TEXT}


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_share_the_work_and_never_scrub_a_row_twice() -> None:
    messages = MessageFactory.create_batch(6, content=PII_TEXT)
    held = [m.pk for m in messages[:2]]
    first_at = timezone.now() + dt.timedelta(hours=2)
    second_at = first_at + dt.timedelta(minutes=15)
    reports = []

    def other_worker() -> None:
        try:
            reports.append(scrubbing.scrub_pending(all_pending=True, now=first_at))
        finally:
            connection.close()

    with transaction.atomic():  # another run is busy with two of the rows
        list(ConversationMessage.objects.filter(pk__in=held).select_for_update())
        worker = threading.Thread(target=other_worker)
        worker.start()
        worker.join()
    reports.append(scrubbing.scrub_pending(all_pending=True, now=second_at))

    assert [r.messages_scanned for r in reports] == [4, 2]
    for message in ConversationMessage.objects.all():
        expected = second_at if message.pk in held else first_at
        assert message.content == SCRUBBED
        assert dt.datetime.fromisoformat(message.context["pii_scrub"]["at"]) == expected


def test_session_context_and_summary_metadata_are_scrubbed_keeping_updated_at() -> None:
    with time_machine.travel(START, tick=False) as traveller:
        session = SessionFactory(context={"delivery_note": "gate code, call 9123 4567"})
        summary = SummaryFactory(metadata={"notes": ["email me at a@b.sg"], "tier": "gold"})
        traveller.shift(grace() * 2)
        report = scrubbing.scrub_pending()
    session.refresh_from_db()
    summary.refresh_from_db()
    assert session.context["delivery_note"] == "gate code, call [PHONE]"
    assert session.context["pii_scrub"]["counts"] == {"PHONE": 1}
    assert summary.metadata["notes"] == ["email me at [EMAIL]"]
    assert summary.metadata["tier"] == "gold"
    assert session.updated_at == START
    assert (report.sessions_scrubbed, report.summaries_scrubbed) == (1, 1)


def test_session_context_changed_after_its_scrub_is_scrubbed_again() -> None:
    with time_machine.travel(START, tick=False) as traveller:
        session = SessionFactory(context={"note": "nothing personal"})
        traveller.shift(grace() * 2)
        scrubbing.scrub_pending()
        traveller.shift(dt.timedelta(hours=1))
        session.refresh_from_db()
        session.context["note"] = "new number 8123 4567"
        session.save()
        traveller.shift(grace() * 2)
        scrubbing.scrub_pending()
    session.refresh_from_db()
    assert session.context["note"] == "new number [PHONE]"


def test_shared_location_contact_card_and_profile_name_are_replaced_whole() -> None:
    with time_machine.travel(START, tick=False) as traveller:
        location = MessageFactory(
            message_type="location",
            content="Mei Ling's place, 53 Ang Mo Kio Avenue 3",
            context={"location": {"latitude": 1.369123, "longitude": 103.849456, "address": "x"}},
        )
        card = MessageFactory(message_type="contacts", content="Mei Ling +65 9123 4567")
        text = MessageFactory(content="ok", context={"profile_name": "Tan Ah Kow"})
        traveller.shift(grace() * 2)
        scrubbing.scrub_pending()
    for message in (location, card, text):
        message.refresh_from_db()
    assert location.content == "[ADDRESS]"
    assert location.context["location"] == {
        "latitude": 1.37,
        "longitude": 103.85,
        "address": "[ADDRESS]",
    }
    assert card.content == "[NAME] [PHONE]"
    assert text.context["profile_name"] == "[NAME]"
    assert text.context["pii_scrub"]["counts"] == {"NAME": 1}


def test_command_all_pending_ignores_the_grace_period_and_prints_counts() -> None:
    message = MessageFactory(content=PII_TEXT)
    out = StringIO()
    call_command("scrub_pii", "--all-pending", stdout=out)
    message.refresh_from_db()
    assert message.content == SCRUBBED
    assert "scrubbed 1 messages (1 changed)" in out.getvalue()
    assert "ADDRESS=1, PHONE=1" in out.getvalue()
    assert "9123" not in out.getvalue()


def test_command_dry_run_counts_and_changes_nothing() -> None:
    message = MessageFactory(content=PII_TEXT)
    out = StringIO()
    call_command("scrub_pii", "--all-pending", "--dry-run", stdout=out)
    message.refresh_from_db()
    assert message.content == PII_TEXT and message.pii_scrubbed is False
    assert "dry run: would scrub 1 messages" in out.getvalue()


def test_command_exits_non_zero_with_a_reason(monkeypatch) -> None:
    with pytest.raises(CommandError, match="--batch-size must be a positive number"):
        call_command("scrub_pii", "--batch-size", "0")

    def broken(**kwargs):
        raise DatabaseError("duplicate key value (content)=(call 9123 4567)")

    monkeypatch.setattr(scrubbing, "scrub_pending", broken)
    with pytest.raises(CommandError) as failure:
        call_command("scrub_pii")
    assert str(failure.value) == "scrub failed: database error (DatabaseError)"


def test_beat_task_is_registered_under_its_schedule_name() -> None:
    MessageFactory(content=PII_TEXT)
    assert tasks.scrub_pending_pii.name == "conversations.privacy.tasks.scrub_pending_pii"
    with time_machine.travel(timezone.now() + grace() * 2, tick=False):
        result = tasks.scrub_pending_pii.delay().get()
    assert result["messages_scanned"] == 1
    assert ConversationSession.objects.count() == 1
    assert not UserInteractionSummary.objects.filter(metadata__icontains="9123").exists()
