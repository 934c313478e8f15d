"""Supervisors approve or cancel orders that wait for staff (contacts without can_order)."""

from django.db import migrations

GROUP = "Supervisor"
PERMISSION = ("orders", "approve_order")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PERMISSION
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    Group.objects.get(name=GROUP).permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PERMISSION
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    group = Group.objects.filter(name=GROUP).first()
    if permission and group:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("tria", "0003_worker_heartbeat_schedule"),
        ("orders", "0004_order_approve_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
