from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from tria import schedules


class Command(BaseCommand):
    help = (
        "Idempotent setup on every start: beat schedules; with DEBUG on also the demo catalogue, "
        "contacts and conversations and a dev superuser. With DEBUG off it never touches the "
        "catalogue, prices or contacts."
    )

    def handle(self, *args, **options) -> None:
        schedules.ensure_schedules()
        self.stdout.write(f"beat schedules: {len(schedules.schedules())} rows in place")
        if settings.DEBUG:
            call_command("load_demo_data", conversations=True, stdout=self.stdout)
            call_command("ensure_dev_superuser", stdout=self.stdout)
