"""Once created a beat row here; every beat row is now defined in tria.schedules and applied
by tria.0006_beat_schedules (and `manage.py setup_tria`). Kept empty so the history stays whole."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("conversations", "0005_webhook_inbox"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = []
