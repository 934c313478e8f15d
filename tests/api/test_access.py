"""Who may call the API: keys (read-write, read-only, revoked), Django permissions, staff sessions,
and the create_api_key command."""

import hashlib
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import SessionFactory
from tria.models import ApiKey

pytestmark = pytest.mark.django_db

SESSIONS = "/api/v1/sessions/"
NEW_SESSION = {"user_id": "+6591234567"}


def _client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


def _create_key(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_key", *args, stdout=out, stderr=err)
    return out.getvalue().strip()


def test_no_key_gets_401_with_a_bearer_challenge():
    response = APIClient().get(SESSIONS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["error"]["code"] == "not_authenticated"


@pytest.mark.parametrize("header", ["Bearer tria_wrong", "Bearer", "Bearer two parts"])
def test_a_wrong_or_malformed_key_gets_401(header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get(SESSIONS)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_the_command_prints_the_key_once_and_stores_only_its_hash():
    key = _create_key("crm-sync")
    stored = ApiKey.objects.get(name="crm-sync")
    assert key.startswith("tria_") and len(key) > 40
    assert stored.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key[:12] == stored.prefix
    assert not ApiKey.objects.filter(key_hash=key).exists()
    assert stored.user.username == "api-crm-sync"
    assert _client(key).get(SESSIONS).status_code == 200
    stored.refresh_from_db()
    assert stored.last_used_at is not None


def test_a_key_acts_with_its_users_permissions(db):
    user = get_user_model().objects.create_user("analyst")
    key = _create_key("analyst-key", "--user", "analyst")
    client = _client(key)
    assert client.get(SESSIONS).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_conversationsession"))
    assert client.get(SESSIONS).status_code == 200
    assert client.post(f"{SESSIONS}count/", {}, format="json").status_code == 200
    refused = client.post(SESSIONS, NEW_SESSION, format="json")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "permission_denied"


def test_permissions_through_a_group_apply_and_a_withdrawn_one_stops_at_once(db):
    user = get_user_model().objects.create_user("agent")
    group = Group.objects.create(name="Support agents (test)")
    group.permissions.add(Permission.objects.get(codename="view_conversationsession"))
    client = _client(_create_key("agent-key", "--user", "agent"))
    assert client.get(SESSIONS).status_code == 403
    user.groups.add(group)
    assert client.get(SESSIONS).status_code == 200
    assert client.get("/api/v1/messages/").status_code == 403
    group.permissions.clear()
    assert client.get(SESSIONS).status_code == 403


def test_a_read_only_key_reads_and_queries_but_every_write_gets_403():
    session = SessionFactory()
    client = _client(_create_key("dashboard", "--read-only"))
    assert client.get(SESSIONS).status_code == 200
    assert client.get(f"{SESSIONS}{session.session_id}/").status_code == 200
    for action in ("query", "count", "exists"):
        assert client.post(f"{SESSIONS}{action}/", {}, format="json").status_code == 200
    writes = [
        client.post(SESSIONS, NEW_SESSION, format="json"),
        client.patch(f"{SESSIONS}{session.session_id}/", {"language": "zh"}, format="json"),
        client.delete(f"{SESSIONS}{session.session_id}/"),
        client.post(f"{SESSIONS}bulk/", [NEW_SESSION], format="json"),
    ]
    assert [w.status_code for w in writes] == [403, 403, 403, 403]
    assert writes[0].json()["error"] == {
        "code": "read_only_key",
        "message": "This API key is read-only.",
        "details": {},
    }
    session.refresh_from_db()
    assert session.language == ""


def test_options_shows_a_read_only_key_only_what_it_may_do():
    client = _client(_create_key("looker", "--read-only"))
    assert "actions" not in client.options(SESSIONS).json()
    assert list(client.options(f"{SESSIONS}query/").json()["actions"]) == ["POST"]
    writer = _client(_create_key("writer"))
    assert list(writer.options(SESSIONS).json()["actions"]) == ["POST"]


def test_read_only_with_a_superuser_still_cannot_write():
    get_user_model().objects.create_superuser("boss", password=None)
    client = _client(_create_key("boss-readonly", "--read-only", "--user", "boss"))
    assert client.post(SESSIONS, NEW_SESSION, format="json").status_code == 403


def test_a_key_revoked_in_the_admin_stops_working():
    key = _create_key("old-integration")
    client = _client(key)
    assert client.get(SESSIONS).status_code == 200
    admin = get_user_model().objects.create_superuser("admin", password=None)
    browser = APIClient()
    browser.force_login(admin)
    api_key = ApiKey.objects.get(name="old-integration")
    response = browser.post(
        reverse("admin:tria_apikey_changelist"),
        {"action": "revoke", "_selected_action": [api_key.pk]},
    )
    assert response.status_code == 302
    api_key.refresh_from_db()
    assert api_key.revoked_at is not None
    assert client.get(SESSIONS).status_code == 401


def test_a_key_of_a_deactivated_user_stops_working():
    key = _create_key("contractor")
    get_user_model().objects.filter(username="api-contractor").update(is_active=False)
    assert _client(key).get(SESSIONS).status_code == 401


def test_staff_can_use_their_admin_session_in_the_browsable_api():
    admin = get_user_model().objects.create_superuser("staff", password=None)
    browser = APIClient()
    browser.force_login(admin)
    response = browser.get(SESSIONS, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_the_service_user_of_a_read_only_key_has_view_permissions_only():
    _create_key("viewer", "--read-only")
    user = get_user_model().objects.get(username="api-viewer")
    assert user.has_perm("orders.view_order")
    assert not user.has_perm("orders.add_order")
    assert not user.has_perm("conversations.delete_conversationmessage")


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["dup"], "an API key named 'dup' already exists"),
        (["other", "--user", "nobody"], "no user named 'nobody'"),
        (["  "], "the key needs a name"),
    ],
)
def test_the_command_refuses_with_a_one_line_reason(args, reason):
    _create_key("dup")
    with pytest.raises(CommandError, match=reason):
        _create_key(*args)


@pytest.mark.parametrize("path", ["/api/v1/nothing/", "/api/v1/nothing%0Ahere/"])
def test_an_unknown_api_path_is_a_json_404_even_with_a_newline_in_it(path):
    # A newline once slipped past the catch-all and got Django's HTML 404 (schemathesis found it).
    response = APIClient().get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"
