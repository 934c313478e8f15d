"""Support agents and supervisors place or correct an order for a customer from a session
(orders.staff); supervisors, who hold approve_order, confirm it directly."""

from django.db import migrations

GROUPS = ("Support agent", "Supervisor")
PERMISSION = ("orders", "place_order_for_customer")


def _permission(apps):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PERMISSION
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after migrate; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    permission = _permission(apps)
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = _permission(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        if permission:
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("tria", "0007_support_inbox_roles"),
        ("orders", "0007_place_order_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
