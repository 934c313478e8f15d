"""The beat rows (django-celery-beat): the daily retention purge and the PII scrub.

Same function as `manage.py setup_tria` runs (conversations.schedules.ensure_schedules), idempotent.
"""

from django.db import migrations


def create_schedules(apps, schema_editor):
    from conversations import schedules

    schedules.ensure_schedules(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0002_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(create_schedules, migrations.RunPython.noop),
    ]
