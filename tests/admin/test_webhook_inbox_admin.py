"""The webhook inbox in the admin: supervisors see what waits, retry what failed, never a body."""

import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse

from conversations.models import AuditEvent, ConversationMessage, WebhookInbox
from conversations.whatsapp import ingest, payloads

WA_ID = "6591234567"
CONTENT = "MARKER-INBOX 300 pizza boxes to Blk 12 Bedok North"
CHANGELIST = reverse("admin:conversations_webhookinbox_changelist")


def _body(wamid: str = "wamid.INBOX-1") -> str:
    notification = payloads.text_notification(
        wa_id=WA_ID,
        body=CONTENT,
        wa_message_id=wamid,
        timestamp=1_760_000_000,
        phone_number_id=settings.WHATSAPP_PHONE_NUMBER_ID,
        profile_name="Mei Ling",
    )
    return json.dumps(notification)


def _set_aside(body: str) -> WebhookInbox:
    return WebhookInbox.objects.create(
        body=body,
        attempts=settings.WEBHOOK_INGEST_MAX_ATTEMPTS,
        last_error="KeyError at payloads.py:212",
    )


def _change_url(row: WebhookInbox) -> str:
    return reverse("admin:conversations_webhookinbox_change", args=[row.pk])


def _assert_no_body(page: str) -> None:
    for secret in (WA_ID, "MARKER-INBOX", "Bedok", "Mei Ling", "wamid.INBOX"):
        assert secret not in page, secret


def test_a_supervisor_sees_size_attempts_and_error_but_never_the_body(login_as):
    body = _body()
    row = _set_aside(body)
    WebhookInbox.objects.create(body=_body("wamid.INBOX-2"))
    client = login_as("Supervisor")
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    page = response.content.decode()
    assert "KeyError at payloads.py:212" in page
    assert f">{len(body.encode())}<" in page
    assert 'id="searchbar"' not in page  # nothing to search: the body is not searchable
    _assert_no_body(page)
    detail = client.get(_change_url(row))
    assert detail.status_code == 200
    assert "KeyError at payloads.py:212" in detail.content.decode()
    _assert_no_body(detail.content.decode())


def test_the_list_filters_set_aside_notifications(login_as):
    failed = _set_aside(_body())
    waiting = WebhookInbox.objects.create(body=_body("wamid.INBOX-2"))
    client = login_as("Supervisor")
    response = client.get(CHANGELIST, {"state": "set_aside"})
    assert [row.pk for row in response.context["cl"].result_list] == [failed.pk]
    response = client.get(CHANGELIST, {"state": "waiting"})
    assert [row.pk for row in response.context["cl"].result_list] == [waiting.pk]


def test_a_support_agent_gets_403(login_as):
    row = _set_aside(_body())
    client = login_as("Support agent")
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(_change_url(row)).status_code == 403
    response = client.post(CHANGELIST, {"action": "retry_selected", "_selected_action": [row.pk]})
    assert response.status_code == 403
    assert WebhookInbox.objects.get(pk=row.pk).attempts == settings.WEBHOOK_INGEST_MAX_ATTEMPTS


def test_a_superuser_sees_the_inbox(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", password=None))
    _set_aside(_body())
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    _assert_no_body(response.content.decode())


def test_a_supervisor_retries_a_set_aside_notification_and_the_ingester_stores_it(login_as):
    row = _set_aside(_body())
    client = login_as("Supervisor")
    response = client.post(
        CHANGELIST, {"action": "retry_selected", "_selected_action": [row.pk]}, follow=True
    )
    assert "1 notification(s) handed back to the ingester." in response.content.decode()
    row.refresh_from_db()
    assert (row.attempts, row.last_error) == (0, "")
    assert ingest.drain().messages == 1
    assert ConversationMessage.objects.get().content == CONTENT
    assert not WebhookInbox.objects.exists()


def test_a_retry_is_in_the_audit_trail_without_the_number_or_the_message(login_as):
    rows = [_set_aside(_body("wamid.INBOX-1")), _set_aside(_body("wamid.INBOX-2"))]
    client = login_as("Supervisor")
    ids = [row.pk for row in rows]
    client.post(CHANGELIST, {"action": "retry_selected", "_selected_action": ids})
    event = AuditEvent.objects.get(action="webhook.retry")
    assert (event.actor, event.object_type) == (client.user, "webhook_inbox")
    assert event.details == {"notifications": 2, "ids": sorted(ids)}
    _assert_no_body(json.dumps([event.object_id, event.details]))


@pytest.fixture
def viewer(make_staff, client):
    """Staff who may view the inbox but not change it (no role grants this; a superuser could)."""
    user = make_staff(None, username="viewer")
    user.user_permissions.add(Permission.objects.get(codename="view_webhookinbox"))
    client.force_login(user)
    return client


def test_retrying_needs_the_change_permission(viewer):
    row = _set_aside(_body())
    response = viewer.get(CHANGELIST)
    assert response.status_code == 200
    assert response.context["action_form"] is None  # no action offered
    viewer.post(CHANGELIST, {"action": "retry_selected", "_selected_action": [row.pk]})
    assert WebhookInbox.objects.get(pk=row.pk).attempts == settings.WEBHOOK_INGEST_MAX_ATTEMPTS
    assert not AuditEvent.objects.filter(action="webhook.retry").exists()
