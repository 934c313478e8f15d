"""A support agent in a real headless Chromium: log in, read the dashboard and a transcript.

The site is gunicorn started as the Procfile starts it (tests.e2e.gunicorn), static files and all,
so the screenshots show the admin as a user of `make run` sees it.

Needs Debian's `chromium` at /usr/bin/chromium (.ci/run installs it). Screenshots are saved in
test-artifacts/ (git-ignored) for a person to look at.
"""

import datetime as dt
import importlib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone
from playwright.sync_api import Page, expect, sync_playwright

from conversations import services
from conversations.models import ConversationSession
from conversations.whatsapp import identity
from tests.e2e.gunicorn import procfile_gunicorn
from tests.factories import OutletFactory, SessionFactory

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "a-long-browser-test-password-7"
ADMIN_HEADER_BG = "rgb(65, 118, 144)"
ROLES = importlib.import_module("tria.migrations.0002_roles").ROLES


def support_agent_group() -> Group:
    """The role as its migration defines it (an earlier transactional test may have flushed it)."""
    group, _ = Group.objects.get_or_create(name="Support agent")
    group.permissions.set(
        # by codename: outlets and contacts moved from orders to conversations since (0008)
        Permission.objects.get(codename=codename)
        for _, codename in ROLES["Support agent"]
    )
    return group


@pytest.fixture
def agent_and_session(transactional_db) -> ConversationSession:
    agent = User.objects.create_user("mei.agent", password=PASSWORD, is_staff=True)
    agent.groups.add(support_agent_group())
    start = timezone.now() - dt.timedelta(minutes=30)
    session = SessionFactory(
        user_id=identity.pseudonymize_phone("+6591234567"),
        outlet=OutletFactory(name="Pizza Corner Tampines"),
        start_time=start,
    )
    question = services.record_message(
        session=session,
        role="user",
        content="Hi, we need 400 boxes for 10 inch pizzas",
        timestamp=start,
    )
    services.set_message_intent(question, "order_placement", 0.95)
    services.record_message(
        session=session,
        role="assistant",
        content="Order processed! 400 x 10-inch pizza boxes confirmed.",
        timestamp=start + dt.timedelta(seconds=20),
        intent="order_confirmation",
        confidence=1.0,
    )
    return session


def _log_in(page: Page, base: str) -> None:
    page.goto(f"{base}/admin/login/")
    # Django's admin header colour (--header-bg): the stylesheet arrived and applies.
    header = page.locator("#header")
    expect(header).to_have_css("background-color", ADMIN_HEADER_BG)
    page.fill("#id_username", "mei.agent")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#dashboard-link")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_a_support_agent_reads_the_dashboard_and_a_transcript_in_chromium(
    agent_and_session, tmp_path
):
    session = agent_and_session
    ARTIFACTS.mkdir(exist_ok=True)
    # The cookies are Secure (DEBUG off); Chromium keeps them for http://127.0.0.1 all the same.
    with procfile_gunicorn(tmp_path) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            _log_in(page, server.url)

            page.click("#dashboard-link a")
            expect(page.locator("h1")).to_have_text("Dashboard")
            expect(page.locator("#total-sessions")).to_have_text("1")
            expect(page.locator("#total-messages")).to_have_text("2")
            expect(page.locator("svg.chart")).to_have_count(7)
            expect(page.locator("#chart-intents svg")).to_contain_text("order placement")
            expect(page.locator("#health-past-retention")).to_have_text("0")
            expect(page.locator("#header")).to_have_css("background-color", ADMIN_HEADER_BG)
            page.screenshot(path=ARTIFACTS / "dashboard.png", full_page=True)

            page.goto(f"{server.url}/admin/conversations/conversationsession/")
            page.fill("#searchbar", "+65 9123 4567")
            page.click("#changelist-search input[type=submit]")
            expect(page).to_have_url(
                f"{server.url}/admin/conversations/conversationsession/?q={session.user_id}"
            )
            rows = page.locator("#result_list tbody tr")
            expect(rows).to_have_count(1)
            expect(rows.first).to_contain_text("Pizza Corner Tampines")
            rows.first.locator("th a").click()

            transcript = page.locator("#transcript tbody tr")
            expect(transcript).to_have_count(2)
            expect(transcript.nth(0)).to_contain_text("Hi, we need 400 boxes for 10 inch pizzas")
            expect(transcript.nth(0)).to_contain_text("order_placement")
            expect(transcript.nth(1)).to_contain_text("assistant")
            expect(page.locator("input[name=_save]")).to_have_count(0)
            expect(page.locator("#flag-form")).to_have_count(0)
            page.screenshot(path=ARTIFACTS / "transcript.png", full_page=True)
        finally:
            browser.close()
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 10_000
    assert (ARTIFACTS / "transcript.png").stat().st_size > 10_000
