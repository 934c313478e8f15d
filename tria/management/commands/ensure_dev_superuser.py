from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the development superuser (only when DEBUG is on) and print its credentials."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("refusing to create a dev superuser with DEBUG off")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(settings.DEV_SUPERUSER_PASSWORD)
            user.save()
        state = "created" if created else "exists"
        self.stdout.write(
            f"dev superuser {state}: username={USERNAME} "
            f"password={settings.DEV_SUPERUSER_PASSWORD} (set DEV_SUPERUSER_PASSWORD to change)"
        )
