"""The dashboard's numbers, checked against a small history whose answers are known by hand."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from conversations import services
from conversations.models import ConversationMessage, ConversationSession, PurgeRun
from ops import dashboard
from tests.factories import SessionFactory, user_id_for

SGT = ZoneInfo("Asia/Singapore")
NOW = dt.datetime(2026, 3, 31, 12, 0, tzinfo=SGT)
ALICE, BOB, CAROL, DAN = (user_id_for(f"+659100000{i}") for i in range(4))


def _at(day: int, hour: int = 10, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, 0, tzinfo=SGT)


def _say(session, role, at, intent="", language="", **fields):
    message = services.record_message(
        session=session, role=role, content="…", timestamp=at, **fields
    )
    if intent:
        services.set_message_intent(message, intent, 0.9)
    if language:
        services.set_message_language(message, language)
    return message


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def history(db, clock):
    """Default period at NOW: 2 – 31 March 2026 (Singapore days).

    Alice: 30 Mar (3 messages: order, assistant confirmation, greeting) and 31 Mar (1 message),
    English, one rating of 5. Bob: 30 Mar, 2 messages (product question, unclassified), Chinese,
    ratings 3 and 4. Carol: 1 Feb, 1 Malay message, 100 days old in the database. Dan: a session
    on 31 Mar that never got a message.
    """
    alice_1 = SessionFactory(user_id=ALICE, start_time=_at(30))
    _say(alice_1, "user", _at(30), "order_placement", "en")
    _say(alice_1, "assistant", _at(30, 11), "order_confirmation")
    _say(alice_1, "user", _at(30, 12), "greeting")
    alice_2 = SessionFactory(user_id=ALICE, start_time=_at(31, 9))
    _say(alice_2, "user", _at(31, 9), "order_status")
    bob = SessionFactory(user_id=BOB, start_time=_at(30, 15))
    _say(bob, "user", _at(30, 15), "product_question", "zh")
    _say(bob, "user", _at(30, 16))
    carol = SessionFactory(user_id=CAROL, start_time=_at(1, month=2))
    _say(carol, "user", _at(1, month=2), "order_placement", "ms")
    SessionFactory(user_id=DAN, start_time=_at(31, 10))
    services.record_satisfaction(ALICE, 5)
    services.record_satisfaction(BOB, 3)
    services.record_satisfaction(BOB, 4)
    ConversationMessage.objects.filter(session=carol).update(
        created_at=NOW - dt.timedelta(days=100)
    )
    ConversationMessage.objects.filter(session__user_id=ALICE).update(pii_scrubbed=True)
    PurgeRun.objects.create(outcome=PurgeRun.Outcome.SUCCESS, messages_deleted=12)
    PurgeRun.objects.create(outcome=PurgeRun.Outcome.DRY_RUN)


def test_volume_counts_sessions_users_and_messages_per_day(history):
    volume = dashboard.volume(dashboard.default_period())
    assert (volume.sessions, volume.active_users, volume.messages) == (4, 3, 6)
    assert volume.avg_messages_per_session == pytest.approx(1.5)
    per_day = dict(volume.sessions_per_day)
    assert len(per_day) == 30
    assert (per_day[dt.date(2026, 3, 30)], per_day[dt.date(2026, 3, 31)]) == (2, 2)
    assert sum(per_day.values()) == 4
    users = dict(volume.active_users_per_day)
    assert (users[dt.date(2026, 3, 30)], users[dt.date(2026, 3, 31)]) == (2, 2)
    messages = {d: (u, a) for d, u, a in volume.messages_per_day}
    assert messages[dt.date(2026, 3, 30)] == (4, 1)
    assert messages[dt.date(2026, 3, 31)] == (1, 0)
    assert volume.session_sizes == [
        ("1", 1),
        ("2–5", 2),
        ("6–10", 0),
        ("11–20", 0),
        ("21–50", 0),
        ("51+", 0),
    ]


def test_intents_count_customers_messages_in_the_period_only(history):
    assert dashboard.intent_distribution(dashboard.default_period()) == [
        ("", 1),
        ("greeting", 1),
        ("order_placement", 1),
        ("order_status", 1),
        ("product_question", 1),
    ]
    february = dashboard.Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert dashboard.intent_distribution(february) == [("order_placement", 1)]


def test_language_preferences_are_those_of_users_active_in_the_period(history):
    assert dashboard.language_preferences(dashboard.default_period()) == [("en", 1), ("zh", 1)]


def test_satisfaction_trend_weights_each_users_average_by_their_ratings(history):
    trend = {d: (avg, n) for d, avg, n in dashboard.satisfaction_trend(dashboard.default_period())}
    assert trend[dt.date(2026, 3, 30)] == (pytest.approx(3.5), 2)
    assert trend[dt.date(2026, 3, 31)] == (pytest.approx(5.0), 1)
    assert trend[dt.date(2026, 3, 29)] == (None, 0)


def test_data_health_reports_retention_scrubbing_orphans_and_the_last_purge(history):
    health = dashboard.data_health()
    assert (health.messages_total, health.messages_past_retention) == (7, 1)
    assert (health.unscrubbed, health.unscrubbed_overdue) == (3, 1)
    assert health.scrub_completion == pytest.approx(4 / 7)
    assert health.oldest_unscrubbed_age == dt.timedelta(days=100)
    assert health.orphaned_sessions == 1
    assert (health.last_purge.outcome, health.last_purge.messages_deleted) == ("success", 12)


def test_the_page_shows_the_totals_charts_and_data_health(history, login_as):
    response = login_as("Support agent").get(reverse("admin_dashboard"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<svg class="chart"') == 7
    for element, value in [
        ("total-sessions", "4"),
        ("total-users", "3"),
        ("total-messages", "6"),
        ("avg-per-session", "1.5"),
        ("health-past-retention", "1"),
        ("health-orphaned", "1"),
        ("health-scrub-overdue", "1"),
    ]:
        assert f'id="{element}"' in page
        tail = page[page.index(f'id="{element}"') :]
        assert tail[tail.index(">") + 1 :].startswith(value), element
    assert "57% (3 of 7 pending)" in page
    assert "<title>30 Mar: 2</title>" in page  # the sessions-per-day bar of 30 March
    assert "<title>order placement: 1</title>" in page


def test_a_chosen_period_changes_every_number(history, login_as):
    response = login_as("Support agent").get(
        reverse("admin_dashboard"), {"from": "2026-02-01", "to": "2026-02-28"}
    )
    data = response.context["data"]
    assert (data.volume.sessions, data.volume.active_users, data.volume.messages) == (1, 1, 1)
    assert data.languages == [("ms", 1)]


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"from": "31/03/2026"}, "dates must be written YYYY-MM-DD"),
        ({"from": "2026-03-31", "to": "2026-03-01"}, "the first day is after the last day"),
        ({"from": "2024-01-01", "to": "2026-03-01"}, "a period is at most 366 days"),
    ],
)
def test_a_bad_period_is_a_400_that_names_the_problem(db, clock, login_as, params, reason):
    response = login_as("Support agent").get(reverse("admin_dashboard"), params)
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert response.context["data"].period == dashboard.default_period()


def test_an_empty_database_shows_empty_charts_not_an_error(db, clock, login_as):
    response = login_as("Support agent").get(reverse("admin_dashboard"))
    assert response.status_code == 200
    assert "No data in this period" in response.content.decode()


def test_support_numbers_count_handovers_reply_time_resolutions_and_automation(db, clock):
    helped = SessionFactory(user_id=ALICE, start_time=_at(30), end_time=_at(30, 14))
    _say(helped, "user", _at(30, 10))
    _say(helped, "staff", _at(30, 10).replace(minute=20), context={"sent_by": 1})
    ConversationSession.objects.filter(pk=helped.pk).update(
        handed_over_at=_at(30, 10), status="resolved", resolved_at=_at(31, 9)
    )
    alone = SessionFactory(user_id=BOB, start_time=_at(30), end_time=_at(30, 12))
    _say(alone, "user", _at(30, 10))
    SessionFactory(user_id=CAROL, start_time=_at(31))  # still open: not counted as closed

    stats = dashboard.support_stats(dashboard.default_period())

    assert stats.handed_over == 1
    assert stats.median_first_reply == dt.timedelta(minutes=20)
    assert stats.resolved_per_day[-1] == (dt.date(2026, 3, 31), 1)
    assert (stats.closed, stats.automation_rate) == (2, 0.5)


def test_the_page_shows_the_support_numbers(history, login_as):
    page = login_as("Support agent").get("/admin/dashboard/").content.decode()
    assert 'id="support-handed-over">0<' in page
    assert "Open the support inbox" in page
