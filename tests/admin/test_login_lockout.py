"""Admin login lockout (django-axes): AXES_FAILURE_LIMIT failed logins for a username from one
address lock that pair out, even with the right password, and the page says so."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "the-right-password-42"


@pytest.fixture
def staff(db) -> User:
    return User.objects.create_user("mei", password=PASSWORD, is_staff=True)


def _log_in(client, username: str, password: str, address: str = "198.51.100.7"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_after_the_failure_limit_the_right_password_is_refused_and_the_page_says_locked(
    client, staff, settings
):
    failures = [_log_in(client, "mei", "guess").status_code for _ in range(5)]
    locked = _log_in(client, "mei", PASSWORD)

    assert settings.AXES_FAILURE_LIMIT == 5
    assert failures == [200, 200, 200, 200, 429]  # the 5th failure locks
    assert locked.status_code == 429
    assert "Account locked: too many login attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_is_for_that_username_from_that_address_only(client, staff):
    User.objects.create_user("ali", password=PASSWORD, is_staff=True)
    for _ in range(5):
        _log_in(client, "mei", "guess")

    assert _log_in(client, "ali", PASSWORD).status_code == 302
    client.logout()
    assert _log_in(client, "mei", PASSWORD, address="203.0.113.9").status_code == 302


def test_fewer_failures_than_the_limit_then_the_right_password_logs_in(client, staff):
    for _ in range(4):
        _log_in(client, "mei", "guess")
    assert _log_in(client, "mei", PASSWORD).status_code == 302
