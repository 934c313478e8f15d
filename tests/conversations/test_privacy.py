"""GDPR access, export and erasure: service, API, admin actions and commands."""

import csv
import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from rest_framework.test import APIClient

from conversations import services
from conversations.models import (
    AuditEvent,
    ConversationMessage,
    ConversationSession,
    ErasureRecord,
    OutletContact,
    UserIdentity,
    UserInteractionSummary,
    WebhookInbox,
)
from conversations.privacy import gdpr
from conversations.whatsapp import identity, payloads
from orders.models import Invoice, Order, OrderLine
from tests.factories import OutletContactFactory, OutletFactory, ProductFactory
from tria.api import apikeys

pytestmark = pytest.mark.django_db

PHONE = "+65 9123 0001"
ENGLISH = "Hi, we need 400 boxes for 10 inch pizzas, MARKER-EN"
CHINESE = "老板，明天可以送400个10寸披萨盒吗？"
REPLY = "Order ORD-TEST-0001 confirmed: 400 x 10 inch pizza box"


def _order(outlet, user_id: str, session, message) -> Order:
    order = Order.objects.create(
        number="ORD-TEST-0001",
        outlet=outlet,
        user_id=user_id,
        session=session,
        source_message=message,
        subtotal=Decimal("140.00"),
        gst_amount=Decimal("12.60"),
        total=Decimal("152.60"),
    )
    OrderLine.objects.create(
        order=order,
        product=ProductFactory(sku="BX-PZ10"),
        quantity=400,
        unit_price=Decimal("0.35"),
        line_total=Decimal("140.00"),
    )
    Invoice.objects.create(
        number="INV-TEST-0001",
        order=order,
        subtotal=order.subtotal,
        gst_amount=order.gst_amount,
        total=order.total,
        issued_at=timezone.now(),
        due_date=timezone.now().date() + dt.timedelta(days=30),
    )
    return order


@pytest.fixture
def customer() -> SimpleNamespace:
    """A user with two sessions, messages in two languages, a summary, an order and a contact."""
    user_id = identity.pseudonymize_phone(PHONE)
    outlet = OutletFactory(name="Ah Seng Kopitiam")
    earlier = services.open_session(
        user_id=user_id, outlet=outlet, start_time=timezone.now() - dt.timedelta(days=2)
    )
    services.record_message(session=earlier, role="user", content=CHINESE)
    session = services.open_session(user_id=user_id, outlet=outlet)
    first = services.record_message(session=session, role="user", content=ENGLISH)
    services.record_message(session=session, role="assistant", content=REPLY)
    UserInteractionSummary.objects.filter(user_id=user_id).update(metadata={"slot": "morning"})
    UserIdentity.objects.create(
        user_id=user_id,
        phone_encrypted=identity.encrypt_phone(PHONE),
        last_inbound_at=timezone.now(),
    )
    order = _order(outlet, user_id, session, first)
    OutletContactFactory(phone=PHONE, outlet=outlet, name="Mei Ling")
    sessions = [str(earlier.session_id), str(session.session_id)]
    return SimpleNamespace(user_id=user_id, order=order, session_ids=sessions, outlet=outlet)


@pytest.fixture
def bystander() -> SimpleNamespace:
    user_id = identity.pseudonymize_phone("+65 9123 0002")
    session = services.open_session(user_id=user_id)
    services.record_message(session=session, role="user", content="someone else's order")
    return SimpleNamespace(user_id=user_id, session=session)


def _inbox_message(wa_id: str, text: str, attempts: int = 0) -> WebhookInbox:
    """A notification waiting in the webhook inbox, compact JSON as Meta signs it."""
    notification = payloads.text_notification(
        wa_id=wa_id,
        body=text,
        wa_message_id=f"wamid.{wa_id}.{WebhookInbox.objects.count()}",
        timestamp=1_760_000_000,
        phone_number_id=settings.WHATSAPP_PHONE_NUMBER_ID,
    )
    body = json.dumps(notification, separators=(",", ":"))
    return WebhookInbox.objects.create(body=body, attempts=attempts)


def _inbox_status(recipient_id: str) -> WebhookInbox:
    """A delivery status of our reply to `recipient_id`, waiting in the inbox."""
    status = {"id": "wamid.OUT", "status": "read", "timestamp": "1760000000"}
    value = {"statuses": [{**status, "recipient_id": recipient_id}]}
    body = {"object": "whatsapp_business_account", "entry": [{"changes": [{"value": value}]}]}
    return WebhookInbox.objects.create(body=json.dumps(body))


def _staff(username: str, group: str | None = None, **flags) -> User:
    user = User.objects.create_user(username, password="pw-for-tests", is_staff=True, **flags)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def officer() -> User:
    return _staff("olivia", "Privacy officer")


@pytest.fixture
def agent() -> User:
    return _staff("sam", "Support agent")


def _api(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _tables_mentioning(needle: str) -> set[str]:
    found = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(
                f'SELECT count(*) FROM "{table}" t WHERE row_to_json(t)::text ILIKE %s',  # noqa: S608
                [f"%{needle}%"],
            )
            if cursor.fetchone()[0]:
                found.add(table)
    return found


# ------------------------------------------------------------------ export


def test_json_export_holds_sessions_messages_summary_and_orders(customer) -> None:
    data = json.loads(gdpr.export_user_data(customer.user_id, "json"))
    assert data["user_id"] == customer.user_id
    assert data["identity"]["phone_masked"] == "+65 ****0001"
    assert data["summary"]["total_messages"] == 3
    assert data["summary"]["metadata"] == {"slot": "morning"}
    contents = [[m["content"] for m in s["messages"]] for s in data["sessions"]]
    assert contents == [[CHINESE], [ENGLISH, REPLY]]
    order = data["orders"][0]
    assert (order["number"], order["total"], order["invoice"]["number"]) == (
        "ORD-TEST-0001",
        "152.60",
        "INV-TEST-0001",
    )
    assert order["lines"] == [
        {
            "sku": "BX-PZ10",
            "product": order["lines"][0]["product"],
            "quantity": 400,
            "unit_price": "0.3500",
            "line_total": "140.00",
        }
    ]
    assert data["outlet_contacts"] == [
        {"outlet": "Ah Seng Kopitiam", "name": "Mei Ling", "role": "staff", "phone": "+65 ****0001"}
    ]


def test_csv_export_has_a_row_per_message_with_the_text_intact(customer) -> None:
    content = gdpr.export_user_data(customer.user_id, "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    messages = [r for r in rows if r["record"] == "message"]
    assert [m["content"] for m in messages] == [CHINESE, ENGLISH, REPLY]
    assert [r["record"] for r in rows].count("session") == 2
    assert any(r["record"] == "order" and "ORD-TEST-0001" in r["details"] for r in rows)
    assert rows[0]["record"] == "summary"


def test_pdf_export_opens_and_holds_the_transcript(customer) -> None:
    text = _pdf_text(gdpr.export_user_data(customer.user_id, "pdf"))
    assert "Hi, we need 400 boxes for 10 inch pizzas" in text
    assert CHINESE in text
    assert REPLY in text
    assert "ORD-TEST-0001" in text and "INV-TEST-0001" in text
    assert customer.user_id in text


def test_pdf_export_says_when_a_script_cannot_be_drawn(customer) -> None:
    session = ConversationSession.objects.filter(user_id=customer.user_id).first()
    services.record_message(session=session, role="user", content="வணக்கம், நாளை 400 box")
    text = _pdf_text(gdpr.export_user_data(customer.user_id, "pdf"))
    assert "the JSON and CSV exports hold every message exactly" in " ".join(text.split())


def test_every_export_is_recorded_in_the_audit_trail(customer, officer) -> None:
    gdpr.export_user_data(customer.user_id, "csv", actor=officer)
    event = AuditEvent.objects.get(action=gdpr.EXPORT_ACTION)
    assert (event.actor, event.object_id) == (officer, customer.user_id)
    assert event.details["format"] == "csv"
    assert event.details["counts"] == {"sessions": 2, "messages": 3, "notes": 0, "orders": 1}


def test_export_of_an_unknown_user_says_so() -> None:
    with pytest.raises(gdpr.UnknownUser):
        gdpr.export_user_data("0" * 64, "json")
    assert not AuditEvent.objects.exists()


# ------------------------------------------------------------------ erasure


def test_erasure_leaves_nothing_of_the_user_but_the_record_and_anonymised_orders(
    customer, officer
) -> None:
    gdpr.export_user_data(customer.user_id, "json", actor=officer)
    encrypted = UserIdentity.objects.get(user_id=customer.user_id).phone_encrypted
    _inbox_message("6591230001", "MARKER-EN one more carton please")
    result = gdpr.erase_user_data(customer.user_id, officer)

    assert result.erased is True
    assert result.counts == {
        "invoices_kept": 1,
        "orders_unlinked": 1,
        "messages": 3,
        "notes": 0,
        "sessions": 2,
        "summaries": 1,
        "identities": 1,
        "inbox_notifications": 1,
        "summary_exports_rewritten": 0,
    }
    # Outlet contacts are the outlet's business records and stay (module rules).
    assert _tables_mentioning(customer.user_id) == {"erasure_records", "outlet_contacts"}
    for needle in ["91230001", "MARKER-EN", "明天可以送", encrypted[:40], *customer.session_ids]:
        assert _tables_mentioning(needle) == set(), needle


def test_erasure_deletes_the_users_waiting_and_set_aside_notifications_and_no_others(
    customer, bystander
) -> None:
    waiting = _inbox_message("6591230001", "MARKER-EN are the boxes coming?")
    failed = _inbox_message("6591230001", "MARKER-EN hello?", settings.WEBHOOK_INGEST_MAX_ATTEMPTS)
    receipt = _inbox_status("6591230001")
    others = _inbox_message("6591230002", "someone else's order")
    mention = _inbox_message("6591230002", "please call my colleague at 6591230001")
    result = gdpr.erase_user_data(customer.user_id)
    assert result.counts["inbox_notifications"] == 3
    remaining = set(WebhookInbox.objects.values_list("pk", flat=True))
    assert remaining == {others.pk, mention.pk}
    assert not {waiting.pk, failed.pk, receipt.pk} & remaining
    assert "6591230001" not in json.dumps(ErasureRecord.objects.get().counts)


def test_erasing_a_user_known_only_by_a_waiting_notification_removes_it() -> None:
    user_id = identity.pseudonymize_phone("+65 9123 0003")
    _inbox_message("6591230003", "first message, not stored yet")
    _inbox_message("6591230002", "someone else's first message")
    result = gdpr.erase_user_data(user_id)
    assert result.erased is True
    assert result.counts["inbox_notifications"] == 1
    assert _tables_mentioning("91230003") == set()
    assert WebhookInbox.objects.count() == 1


def test_erasure_keeps_orders_and_invoices_without_the_user_link(customer) -> None:
    gdpr.erase_user_data(customer.user_id)
    order = Order.objects.get(number="ORD-TEST-0001")
    assert (order.user_id, order.session_id, order.source_message_id) == ("", None, None)
    assert order.total == Decimal("152.60") and order.lines.count() == 1
    assert Invoice.objects.get(order=order).number == "INV-TEST-0001"
    assert OutletContact.objects.filter(phone_hash=customer.user_id).count() == 1


def test_erasure_writes_a_record_and_an_audit_event_without_content(customer, officer) -> None:
    gdpr.export_user_data(customer.user_id, "json", actor=officer)
    result = gdpr.erase_user_data(customer.user_id, officer)
    record = ErasureRecord.objects.get()
    assert (record.user_id, record.actor_label, record.counts) == (
        customer.user_id,
        "olivia",
        result.counts,
    )
    events = AuditEvent.objects.order_by("at", "id")
    assert [e.action for e in events] == [gdpr.EXPORT_ACTION, gdpr.ERASE_ACTION]
    assert {e.object_id for e in events} == {str(record.pk)}
    assert "MARKER" not in json.dumps([e.details for e in events])


def test_erasing_twice_changes_nothing_and_returns_the_first_record(customer) -> None:
    first = gdpr.erase_user_data(customer.user_id)
    again = gdpr.erase_user_data(customer.user_id)
    assert again.erased is False
    assert again.record.pk == first.record.pk
    assert set(again.counts.values()) == {0}
    assert ErasureRecord.objects.count() == 1


def test_erasure_of_a_user_never_seen_says_so() -> None:
    with pytest.raises(gdpr.UnknownUser):
        gdpr.erase_user_data("f" * 64)
    assert not ErasureRecord.objects.exists()


def test_a_failure_during_erasure_rolls_everything_back(customer, monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise RuntimeError("injected failure after the deletes")

    monkeypatch.setattr(gdpr, "_repoint_audit_trail", fail)
    waiting = _inbox_message("6591230001", "MARKER-EN are the boxes coming?")
    with pytest.raises(RuntimeError):
        gdpr.erase_user_data(customer.user_id)
    assert WebhookInbox.objects.filter(pk=waiting.pk).exists()
    assert ConversationMessage.objects.filter(session__user_id=customer.user_id).count() == 3
    assert ConversationSession.objects.filter(user_id=customer.user_id).count() == 2
    assert UserInteractionSummary.objects.filter(user_id=customer.user_id).exists()
    assert UserIdentity.objects.filter(user_id=customer.user_id).exists()
    assert Order.objects.get(number="ORD-TEST-0001").user_id == customer.user_id
    assert not ErasureRecord.objects.exists()


def test_erasure_leaves_other_users_alone(customer, bystander) -> None:
    gdpr.erase_user_data(customer.user_id)
    assert ConversationMessage.objects.filter(session=bystander.session).count() == 1
    assert UserInteractionSummary.objects.filter(user_id=bystander.user_id).exists()


# ------------------------------------------------------------------ API


def _export_url(user_id: str, fmt: str) -> str:
    return reverse("user-export", args=[user_id]) + f"?format={fmt}"


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [("json", "application/json"), ("csv", "text/csv"), ("pdf", "application/pdf")],
)
def test_privacy_officer_downloads_an_export_in_each_format(customer, officer, fmt, content_type):
    response = _api(officer).get(_export_url(customer.user_id, fmt))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="user-{customer.user_id[:12]}.{fmt}"'
    )
    body = response.content
    text = _pdf_text(body) if fmt == "pdf" else body.decode("utf-8-sig")
    assert "MARKER-EN" in text


def test_export_with_an_unknown_format_is_a_400_naming_it(customer, officer) -> None:
    response = _api(officer).get(_export_url(customer.user_id, "xml"))
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["message"] == "format: must be one of json, csv, pdf"
    assert "format" in error["details"]


def test_a_phone_number_in_the_path_is_refused(officer) -> None:
    response = _api(officer).get(_export_url("6591230001", "json"))
    assert response.status_code == 400
    assert "user_id" in response.json()["error"]["details"]


def test_export_of_an_unknown_user_is_a_404(officer) -> None:
    response = _api(officer).get(_export_url("a" * 64, "json"))
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "no data is held for this user"


def test_support_agent_may_neither_export_nor_erase(customer, agent) -> None:
    client = _api(agent)
    assert client.get(_export_url(customer.user_id, "json")).status_code == 403
    assert client.delete(reverse("user-erase", args=[customer.user_id])).status_code == 403
    assert ConversationSession.objects.filter(user_id=customer.user_id).count() == 2
    assert not AuditEvent.objects.exists()


def test_anonymous_requests_are_refused(customer) -> None:
    response = _api(None).delete(reverse("user-erase", args=[customer.user_id]))
    assert response.status_code == 401
    assert ConversationSession.objects.filter(user_id=customer.user_id).count() == 2


def test_an_api_key_acts_as_its_user_and_a_read_only_key_cannot_erase(customer, officer):
    _, key = apikeys.issue_api_key("privacy-desk", username=officer.username)
    _, read_only_key = apikeys.issue_api_key(
        "privacy-audit", username=officer.username, read_only=True
    )
    client = APIClient()
    erase_url = reverse("user-erase", args=[customer.user_id])
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {read_only_key}")
    assert client.get(_export_url(customer.user_id, "json")).status_code == 200
    refused = client.delete(erase_url)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "read_only_key"
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.delete(erase_url).json()["erased"] is True


def test_superuser_passes_without_the_role(customer) -> None:
    root = _staff("root", is_superuser=True)
    assert _api(root).get(_export_url(customer.user_id, "csv")).status_code == 200


def test_delete_erases_and_a_second_delete_reports_the_first_erasure(customer, officer) -> None:
    client = _api(officer)
    url = reverse("user-erase", args=[customer.user_id])
    first = client.delete(url)
    assert first.status_code == 200
    body = first.json()
    assert body["erased"] is True and body["counts"]["messages"] == 3
    again = client.delete(url)
    assert again.status_code == 200
    assert again.json()["erased"] is False
    assert again.json()["erasure_record"] == body["erasure_record"]
    left = json.loads(client.get(_export_url(customer.user_id, "json")).content)
    assert (left["sessions"], left["orders"], left["summary"]) == ([], [], {})
    assert len(left["outlet_contacts"]) == 1  # the outlet's business record stays


# ------------------------------------------------------------------ admin actions


def _changelist(model: str) -> str:
    return reverse(f"admin:conversations_{model}_changelist")


def test_admin_export_action_asks_for_a_format_then_downloads(customer, officer, client) -> None:
    client.force_login(officer)
    session = ConversationSession.objects.filter(user_id=customer.user_id).first()
    form = {"action": "export_user_data_action", "_selected_action": [session.pk]}
    page = client.post(_changelist("conversationsession"), form)
    assert page.status_code == 200
    assert "privacy/export_confirm.html" in [t.name for t in page.templates]
    download = client.post(
        _changelist("conversationsession"), {**form, "post": "yes", "export_format": "pdf"}
    )
    assert download["Content-Type"] == "application/pdf"
    assert "MARKER-EN" in _pdf_text(download.content)


def test_admin_export_of_several_users_is_a_zip(customer, bystander, officer, client) -> None:
    client.force_login(officer)
    pks = list(UserInteractionSummary.objects.values_list("pk", flat=True))
    form = {"action": "export_user_data_action", "_selected_action": pks, "post": "yes"}
    response = client.post(_changelist("userinteractionsummary"), {**form, "export_format": "json"})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert len(archive.namelist()) == 2
    assert AuditEvent.objects.filter(action=gdpr.EXPORT_ACTION).count() == 2


def test_admin_erase_action_confirms_then_erases(customer, officer, client) -> None:
    client.force_login(officer)
    summary = UserInteractionSummary.objects.get(user_id=customer.user_id)
    form = {"action": "erase_user_data_action", "_selected_action": [summary.pk]}
    page = client.post(_changelist("userinteractionsummary"), form)
    assert "This cannot be undone." in page.content.decode()
    assert ConversationSession.objects.filter(user_id=customer.user_id).exists()
    client.post(_changelist("userinteractionsummary"), {**form, "post": "yes"})
    assert not ConversationSession.objects.filter(user_id=customer.user_id).exists()
    assert ErasureRecord.objects.get().actor_label == "olivia"


def test_admin_actions_are_not_offered_to_a_support_agent(customer, agent, client) -> None:
    client.force_login(agent)
    page = client.get(_changelist("conversationsession"))
    assert page.status_code == 200
    assert "erase_user_data_action" not in page.content.decode()
    session = ConversationSession.objects.filter(user_id=customer.user_id).first()
    form = {"action": "erase_user_data_action", "_selected_action": [session.pk], "post": "yes"}
    client.post(_changelist("conversationsession"), form)
    assert ConversationSession.objects.filter(user_id=customer.user_id).count() == 2


# ------------------------------------------------------------------ commands


def test_export_command_takes_a_phone_number_and_writes_the_pdf(customer, tmp_path) -> None:
    out = io.StringIO()
    target = tmp_path / "export.pdf"
    call_command(
        "export_user_data", "9123 0001", "--format", "pdf", "--out", str(target), stdout=out
    )
    assert "MARKER-EN" in _pdf_text(target.read_bytes())
    assert "9123" not in out.getvalue()
    assert AuditEvent.objects.get().details["via"].startswith("export_user_data command")


def test_erase_command_with_yes_erases_by_phone_number(customer) -> None:
    out = io.StringIO()
    call_command("erase_user_data", "+6591230001", "--yes", stdout=out)
    assert "erased invoices_kept=1, orders_unlinked=1, messages=3" in out.getvalue()
    assert not ConversationSession.objects.filter(user_id=customer.user_id).exists()
    assert ErasureRecord.objects.get().actor_label.startswith("erase_user_data command")


def test_erase_command_without_confirmation_erases_nothing(customer, monkeypatch) -> None:
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    with pytest.raises(CommandError, match="not confirmed"):
        call_command("erase_user_data", customer.user_id)
    assert ConversationSession.objects.filter(user_id=customer.user_id).count() == 2


def test_commands_refuse_what_is_neither_a_user_id_nor_a_phone(tmp_path) -> None:
    with pytest.raises(CommandError, match="not a user id"):
        call_command("erase_user_data", "hello", "--yes")
    with pytest.raises(CommandError, match="no data is held"):
        call_command("export_user_data", "b" * 64, "--out", str(tmp_path / "x.json"))
