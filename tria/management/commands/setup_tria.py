from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from tria import schedules


class Command(BaseCommand):
    help = "Idempotent first-run setup: demo data, beat schedules, and a dev superuser in DEBUG."

    def handle(self, *args, **options) -> None:
        call_command("load_demo_data", stdout=self.stdout)
        schedules.ensure_schedules()
        self.stdout.write(f"beat schedules: {len(schedules.schedules())} rows in place")
        if settings.DEBUG:
            call_command("ensure_dev_superuser", stdout=self.stdout)
