"""Supervisors see the webhook inbox and retry notifications set aside after failing.

The inbox's rows hold raw notifications (a phone number, a message); the admin never shows them,
only their size, attempts and error. Support agents and privacy officers do not see the inbox.
"""

from django.db import migrations

GROUP = "Supervisor"
CODENAMES = [
    "view_webhookinbox",
    "change_webhookinbox",  # the admin's retry action; nothing is editable
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label="conversations", codename=codename)
        for codename in CODENAMES
    ]
    apps.get_model("auth", "Group").objects.get(name=GROUP).permissions.add(*permissions)


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="conversations", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("tria", "0004_supervisor_approves_orders"),
        ("conversations", "0006_webhook_inbox_schedule"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
