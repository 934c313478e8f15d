"""Issue 17, access and privacy: admin URL lookups (item 6); /metrics, the audit trail's client
address and the dashboard's dates (item 11)."""

import datetime as dt
import json

import pytest
import time_machine
from auditlog.models import LogEntry
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from conversations import audit
from conversations.models import AuditEvent, Outlet, WebhookInbox
from conversations.whatsapp import payloads
from tests.factories import MessageFactory, OutletFactory, SessionFactory

PHONE_DIGITS = "6591234567"
PROXY = "10.0.0.5"
CLIENT = "203.0.113.9"


def _inbox_row() -> WebhookInbox:
    notification = payloads.text_notification(
        wa_id=PHONE_DIGITS,
        body="300 pizza boxes please",
        wa_message_id="wamid.SEC-1",
        timestamp=1_760_000_000,
        phone_number_id=settings.WHATSAPP_PHONE_NUMBER_ID,
        profile_name="Mei Ling",
    )
    return WebhookInbox.objects.create(body=json.dumps(notification))


# ------------------------------------------------------------------ item 6


@pytest.mark.parametrize(
    ("changelist", "lookup"),
    [
        ("admin:conversations_webhookinbox_changelist", "body__icontains"),
        ("admin:conversations_webhookinbox_changelist", "body__contains"),
        ("admin:conversations_webhookinbox_changelist", "last_error__regex"),
        ("admin:conversations_conversationmessage_changelist", "content__icontains"),
        ("admin:conversations_conversationmessage_changelist", "content__startswith"),
        ("admin:conversations_conversationmessage_changelist", "context__icontains"),
        ("admin:orders_order_changelist", "notes__icontains"),
    ],
)
def test_item6_admin_refuses_url_lookups_on_message_text(login_as, changelist, lookup):
    _inbox_row()
    MessageFactory(content=f"call me on {PHONE_DIGITS}")
    client = login_as(None)
    client.user.is_superuser = True
    client.user.save()
    response = client.get(reverse(changelist), {lookup: PHONE_DIGITS})
    assert response.status_code == 400
    assert PHONE_DIGITS not in response.content.decode()


def test_item6_the_admins_own_filters_still_work(login_as):
    MessageFactory(role="user")
    client = login_as("Supervisor")
    url = reverse("admin:conversations_conversationmessage_changelist")
    for params in (
        {"role__exact": "user"},
        {"pii_scrubbed__exact": "0"},
        {"timestamp__gte": "2020-01-01 00:00:00+00:00"},
    ):
        assert client.get(url, params).status_code == 200, params
    inbox = reverse("admin:conversations_webhookinbox_changelist")
    assert client.get(inbox, {"state": "waiting"}).status_code == 200


# ------------------------------------------------------------------ item 11: /metrics


@override_settings(METRICS_TOKEN="metrics-test-token")
def test_item11_a_non_ascii_metrics_token_is_a_401_not_a_500(db, client):
    response = client.get("/metrics", REMOTE_ADDR=CLIENT, HTTP_AUTHORIZATION="Bearer tökén")
    assert response.status_code == 401
    assert response.json() == {"detail": "the metrics token is not readable"}


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_item11_metrics_never_trust_a_request_relayed_by_our_proxy(db, client):
    # The proxy is in a private network; without a forwarded header it would look internal.
    assert client.get("/metrics", REMOTE_ADDR=PROXY).status_code == 401
    assert client.get("/metrics", REMOTE_ADDR="10.0.0.6").status_code == 200


# ------------------------------------------------------------------ item 11: the audit trail


def _transcript_view(client, **headers) -> AuditEvent:
    message = MessageFactory()
    url = reverse("admin:conversations_conversationmessage_change", args=[message.pk])
    assert client.get(url, **headers).status_code == 200
    return AuditEvent.objects.filter(action=audit.TRANSCRIPT_VIEW).latest("at")


@override_settings(TRUSTED_PROXIES=[PROXY])
def test_item11_the_audit_trail_records_the_client_behind_our_proxy(login_as):
    client = login_as("Supervisor")
    event = _transcript_view(
        client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.1, {CLIENT}"
    )
    # The first hop is whatever the client wrote; the last is what our proxy saw.
    assert event.ip_address == CLIENT


def test_item11_the_audit_trail_ignores_a_forwarded_header_from_anyone_else(login_as):
    client = login_as("Supervisor")
    event = _transcript_view(client, REMOTE_ADDR=CLIENT, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert event.ip_address == CLIENT


def test_item11_the_change_log_ignores_a_forged_forwarded_header(db, client, django_user_model):
    admin_user = django_user_model.objects.create_superuser("root", password=None)
    client.force_login(admin_user)
    outlet = OutletFactory(name="Pizza Corner")
    data = {
        "name": "Pizza Corner Tampines",
        "address": outlet.address,
        "delivery_zone": "east",
        "delivery_slot": "morning",
        "preferred_language": "en",
        "active": "on",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
    }
    url = reverse("admin:conversations_outlet_change", args=[outlet.pk])
    response = client.post(url, data, REMOTE_ADDR=CLIENT, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(Outlet.objects.get()).latest("timestamp")
    assert entry.remote_addr == CLIENT


# ------------------------------------------------------------------ item 11: the dashboard


@pytest.mark.parametrize(
    "params",
    [{"to": "0001-01-01"}, {"from": "9999-12-31", "to": "9999-12-31"}, {"from": "0001-01-01"}],
)
def test_item11_a_date_at_the_end_of_the_calendar_is_a_400_page_not_a_500(db, login_as, params):
    SessionFactory()
    with time_machine.travel(dt.datetime(2026, 3, 31, 4, tzinfo=dt.UTC), tick=False):
        response = login_as("Support agent").get(reverse("admin_dashboard"), params)
    assert response.status_code == 400
    assert "dates must lie between 2000-01-01 and 2999-12-31" in response.content.decode()
