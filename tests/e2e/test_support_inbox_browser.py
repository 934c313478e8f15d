"""A support agent works the inbox in a real headless Chromium: takes over a flagged session,
sees the customer's new message arrive without reloading, answers it and resolves it.

Needs Debian's `chromium` at /usr/bin/chromium (.ci/run installs it). Screenshots are saved in
test-artifacts/ (git-ignored); docs/img/support-inbox.png is a copy of support-inbox-answered.png.
"""

import datetime as dt
import importlib
import threading

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright

from conversations import services
from conversations.models import ConversationMessage, ConversationSession
from tests.e2e.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, PASSWORD
from tests.factories import OutletFactory

ROLES = importlib.import_module("tria.migrations.0002_roles").ROLES
INBOX_GRANTS = importlib.import_module("tria.migrations.0007_support_inbox_roles").GRANTS
PHONE = "+6591234567"


def support_agent_group() -> Group:
    """The role as its migrations define it (an earlier transactional test may have flushed it)."""
    group, _ = Group.objects.get_or_create(name="Support agent")
    codenames = [c for _, c in ROLES["Support agent"]] + INBOX_GRANTS["Support agent"]
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    return group


@pytest.fixture
def flagged_session(transactional_db, settings) -> ConversationSession:
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    agent = User.objects.create_user("mei.agent", password=PASSWORD, is_staff=True)
    agent.groups.add(support_agent_group())
    OutletFactory(name="Pizza Corner Tampines")
    # An unknown number writes: the assistant answers "not registered" and flags the session.
    start = timezone.now() - dt.timedelta(minutes=10)
    session = services.record_inbound_message(
        phone=PHONE, content="Hi, my delivery did not come today", timestamp=start
    ).message.session
    session.refresh_from_db()
    assert session.flagged_for_followup
    return session


def customer_writes(text: str) -> None:
    """The customer's message stored the way the webhook stores it, from another thread (the
    browser's event loop runs in this one) and committed, while the page stays open."""

    def store() -> None:
        try:
            services.record_inbound_message(phone=PHONE, content=text, timestamp=timezone.now())
        finally:
            connection.close()

    writer = threading.Thread(target=store)
    writer.start()
    writer.join(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_a_support_agent_takes_over_answers_and_resolves_in_chromium(live_server, flagged_session):
    session = flagged_session
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{live_server.url}/admin/login/")
            page.fill("#id_username", "mei.agent")
            page.fill("#id_password", PASSWORD)
            page.click("input[type=submit]")
            page.click("#inbox-link a")
            expect(page.locator("h1")).to_have_text("Support inbox")
            expect(page.locator("#count-flagged")).to_have_text("1")
            row = page.locator("#queue tbody tr").first
            expect(row).to_contain_text("+65 ****4567")
            expect(row).to_contain_text("flagged")
            row.locator("a").click()

            expect(page.locator("#window")).to_contain_text("Free text allowed for 23 h")
            page.click("#take-over")
            expect(page.locator("#session-handover")).to_contain_text("taken over")
            expect(page.locator("#count-taken_over")).to_have_text("1")
            page.evaluate("window.__notReloaded = true")

            # The customer writes while the page is open: stored (and the assistant stands aside).
            customer_writes("Are you there? The shop opens at 11")
            transcript = page.locator("#transcript tbody tr")
            expect(transcript.last).to_contain_text("The shop opens at 11", timeout=15_000)
            assert page.evaluate("window.__notReloaded === true")
            expect(transcript).to_have_count(3)
            page.screenshot(path=ARTIFACTS / "support-inbox-new-message.png", full_page=True)

            page.fill("#reply-text", "Hi, Mei here: your boxes leave the warehouse at 10:30.")
            page.click("#send-reply")
            expect(page.locator("#transcript tbody tr").last).to_contain_text("staff (mei.agent)")
            page.fill("#note-text", "Driver was late; checked with dispatch.")
            page.click("#add-note")
            expect(page.locator("#notes")).to_contain_text("checked with dispatch")
            page.screenshot(path=ARTIFACTS / "support-inbox-answered.png", full_page=True)

            page.click("#status-resolved")
            expect(page.locator("#session-status")).to_have_text("Resolved")
            expect(page.locator("#count-resolved")).to_have_text("1")
            page.screenshot(path=ARTIFACTS / "support-inbox-resolved.png", full_page=True)
        finally:
            browser.close()
    session.refresh_from_db()
    assert session.status == "resolved" and not session.handed_over
    replies = ConversationMessage.objects.filter(session_id=session.session_id, role="staff")
    assert replies.count() == 1
    # The assistant answered only the first message, nothing while the session was taken over.
    assert ConversationMessage.objects.filter(role="assistant").count() == 1
    for name in ("new-message", "answered", "resolved"):
        assert (ARTIFACTS / f"support-inbox-{name}.png").stat().st_size > 10_000
