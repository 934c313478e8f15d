"""The webhook inbox's beat row (every minute), with the others: conversations.schedules."""

from django.db import migrations


def create_schedules(apps, schema_editor):
    from conversations import schedules

    schedules.ensure_schedules(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0005_webhook_inbox"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(create_schedules, migrations.RunPython.noop),
    ]
