from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Idempotent first-run setup: demo catalogue and outlets, and a dev superuser in DEBUG."

    def handle(self, *args, **options) -> None:
        call_command("load_demo_data", stdout=self.stdout)
        if settings.DEBUG:
            call_command("ensure_dev_superuser", stdout=self.stdout)
