"""Each admin role sees exactly what it should; staff without a role see no conversation."""

import pytest
from django.urls import reverse

from tests.factories import SessionFactory

SUPPORT = {
    "conversations": {
        "conversationsession",
        "conversationmessage",
        "userinteractionsummary",
        "dailyintentstat",
        "outlet",
        "outletcontact",
    },
    "orders": {"product", "order", "deliveryorder", "invoice"},
}
AUDIT = {"conversations": {"auditevent"}, "auditlog": {"logentry"}}


def _merge(*parts: dict[str, set[str]]) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = {}
    for part in parts:
        for app, models in part.items():
            merged.setdefault(app, set()).update(models)
    return merged


EXPECTED = {
    "Support agent": SUPPORT,
    "Supervisor": _merge(SUPPORT, AUDIT, {"conversations": {"webhookinbox"}}),
    "Privacy officer": _merge(SUPPORT, AUDIT, {"conversations": {"erasurerecord", "purgerun"}}),
}


def _visible_models(client) -> dict[str, set[str]]:
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return {
        app["app_label"]: {m["object_name"].lower() for m in app["models"]}
        for app in response.context["app_list"]
    }


def _actions(client) -> set[str]:
    response = client.get(reverse("admin:conversations_conversationsession_changelist"))
    assert response.status_code == 200
    form = response.context["action_form"]
    if form is None:  # no action at all: the admin shows no action bar
        return set()
    return {name for name, _ in form.fields["action"].choices if name}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_role_sees_exactly_its_models_on_the_admin_index(login_as, role):
    assert _visible_models(login_as(role)) == EXPECTED[role]


def test_staff_without_a_role_see_nothing_of_the_conversations(login_as):
    client = login_as(None)
    session = SessionFactory()
    assert _visible_models(client) == {}
    urls = [
        reverse("admin:conversations_conversationsession_changelist"),
        reverse("admin:conversations_conversationsession_change", args=[session.pk]),
        reverse("admin:conversations_conversationmessage_changelist"),
        reverse("admin_dashboard"),
    ]
    assert [client.get(url).status_code for url in urls] == [403, 403, 403, 403]


def test_a_support_agent_can_read_but_has_no_session_actions(login_as):
    assert _actions(login_as("Support agent")) == set()


def test_a_supervisor_can_flag_and_export_csv_but_not_export_or_erase_user_data(login_as):
    assert _actions(login_as("Supervisor")) == {"flag_selected", "unflag_selected", "export_csv"}


def test_a_privacy_officer_can_export_and_erase_user_data_but_not_flag(login_as):
    assert _actions(login_as("Privacy officer")) == {
        "export_user_data_action",
        "erase_user_data_action",
    }


def test_only_supervisors_may_add_outlet_contacts(login_as):
    url = reverse("admin:conversations_outletcontact_add")
    assert login_as("Support agent").get(url).status_code == 403
    assert login_as("Supervisor").get(url).status_code == 200


def test_the_dashboard_link_is_on_the_index_for_a_role_and_missing_without_one(login_as, client):
    dashboard = reverse("admin_dashboard")
    assert dashboard in login_as("Support agent").get(reverse("admin:index")).content.decode()
    client.logout()
    assert dashboard not in login_as(None).get(reverse("admin:index")).content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse("admin_dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_privacy_officers_erase_action_asks_first_and_erases_nothing_yet(login_as):
    session = SessionFactory()
    response = login_as("Privacy officer").post(
        reverse("admin:conversations_conversationsession_changelist"),
        {"action": "erase_user_data_action", "_selected_action": [session.pk]},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Erase users&#x27; data" in page
    assert session.user_id[:12] in page
    assert type(session).objects.filter(pk=session.pk).exists()
