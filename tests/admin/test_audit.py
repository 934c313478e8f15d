"""The audit trail: our events never hold PII; admin changes are logged with who and from where."""

from auditlog.models import LogEntry
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from conversations import audit
from conversations.models import AuditEvent, Outlet
from tests.factories import OutletFactory


def test_an_event_drops_detail_keys_that_could_carry_a_number_or_message_text(make_staff):
    user = make_staff("Supervisor")
    event = audit.record_event(
        user, "export.csv", "session", "abc", rows=3, phone="+6591234567", content="hi"
    )
    event.refresh_from_db()
    assert (event.actor, event.actor_label, event.ip_address) == (user, "supervisor", None)
    assert event.details == {"rows": 3}


def test_an_event_without_a_signed_in_user_is_recorded_as_the_system(db):
    event = audit.record_event(AnonymousUser(), "gdpr.erase", "user", "f" * 64)
    assert (event.actor, event.actor_label) == (None, "system")
    assert AuditEvent.objects.get().object_id == "f" * 64


def test_a_change_made_in_the_admin_is_logged_with_who_and_from_where(client, django_user_model):
    admin_user = django_user_model.objects.create_superuser("root", password=None)
    client.force_login(admin_user)
    outlet = OutletFactory(name="Pizza Corner")
    url = reverse("admin:conversations_outlet_change", args=[outlet.pk])
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
    response = client.post(url, data, REMOTE_ADDR="10.9.8.7")
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(Outlet.objects.get()).latest("timestamp")
    assert (entry.actor, entry.remote_addr) == (admin_user, "10.9.8.7")
    assert entry.changes_dict["name"] == ["Pizza Corner", "Pizza Corner Tampines"]


def test_giving_someone_a_role_is_in_the_change_log(make_staff, client, django_user_model):
    admin_user = django_user_model.objects.create_superuser("root", password=None)
    agent = make_staff(None, username="new.agent")
    client.force_login(admin_user)
    agent.groups.add(Group.objects.get(name="Privacy officer"))
    entries = LogEntry.objects.get_for_object(agent)
    assert any("Privacy officer" in str(e.changes) for e in entries)
