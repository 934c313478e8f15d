"""Every beat row, from tria.schedules (the one place they are defined), idempotent."""

from django.db import migrations

from tria import schedules


def apply_schedules(apps, schema_editor):
    schedules.ensure_schedules(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("tria", "0005_supervisors_see_webhook_inbox"),
        ("conversations", "0008_outlets"),
        ("orders", "0005_outlets_moved"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(apply_schedules, migrations.RunPython.noop)]
