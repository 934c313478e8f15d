"""The admin roles. Staff without one of these groups see nothing of the conversations.

- Support agent: reads conversations (sessions, transcripts, summaries) and orders.
- Supervisor: a support agent who may also flag/unflag sessions, export session lists as CSV,
  manage outlet contacts and read the audit trail.
- Privacy officer: a support agent who may also export and erase a user's data (GDPR) and read
  the audit trail, erasure records and purge runs.
"""

from django.db import migrations

VIEW_CONVERSATIONS = [
    ("conversations", "view_conversationsession"),
    ("conversations", "view_conversationmessage"),
    ("conversations", "view_userinteractionsummary"),
    ("conversations", "view_dailyintentstat"),
]
VIEW_ORDERS = [
    ("orders", "view_product"),
    ("orders", "view_outlet"),
    ("orders", "view_outletcontact"),
    ("orders", "view_order"),
    ("orders", "view_orderline"),
    ("orders", "view_deliveryorder"),
    ("orders", "view_invoice"),
]
READ_AUDIT = [
    ("conversations", "view_auditevent"),
    ("auditlog", "view_logentry"),
]
SUPPORT_AGENT = VIEW_CONVERSATIONS + VIEW_ORDERS
ROLES = {
    "Support agent": SUPPORT_AGENT,
    "Supervisor": SUPPORT_AGENT
    + READ_AUDIT
    + [
        ("conversations", "flag_session"),
        ("conversations", "export_csv"),
        ("orders", "add_outletcontact"),
        ("orders", "change_outletcontact"),
        ("orders", "delete_outletcontact"),
    ],
    "Privacy officer": SUPPORT_AGENT
    + READ_AUDIT
    + [
        ("conversations", "export_user_data"),
        ("conversations", "erase_user_data"),
        ("conversations", "view_erasurerecord"),
        ("conversations", "view_purgerun"),
    ],
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in codes
            ]
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tria", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("conversations", "0002_initial"),
        ("orders", "0001_initial"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
