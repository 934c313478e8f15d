"""The support inbox (issue 16): agents take over, answer, note, resolve and register an unknown
sender as a contact; supervisors also assign sessions to colleagues."""

from django.db import migrations

HANDLE = ["handle_session", "register_contact"]
GRANTS = {
    "Support agent": HANDLE,
    "Supervisor": [*HANDLE, "assign_session"],
    "Privacy officer": HANDLE,
}


def _permissions(apps, codenames):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="conversations", codename__in=codenames)


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(*_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("tria", "0006_beat_schedules"),
        ("conversations", "0011_support_inbox"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
