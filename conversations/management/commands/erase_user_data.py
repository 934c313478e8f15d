"""python manage.py erase_user_data <user_id or phone> [--yes] (GDPR erasure)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from conversations.management.commands._privacy_args import command_actor, resolve_user
from conversations.privacy import gdpr


class Command(BaseCommand):
    help = (
        "Erase a user's messages, sessions and summary in one transaction; orders and invoices"
        " stay with the user link removed. Leaves an erasure record."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("user", help="pseudonymous user id, or the user's phone number")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, user: str, yes: bool, **options) -> None:
        user_id = resolve_user(user)
        if not yes and not self._confirmed(user_id):
            raise CommandError("not confirmed: nothing erased (pass --yes to skip the question)")
        try:
            result = gdpr.erase_user_data(user_id, actor_label=command_actor("erase_user_data"))
        except gdpr.UnknownUser as exc:
            raise CommandError(f"no conversation data is held for user {user_id[:12]}…") from exc
        self.stdout.write(f"user {user_id[:12]}…: {result.summary_line()}")

    def _confirmed(self, user_id: str) -> bool:
        try:
            answer = input(f"Erase all conversation data of user {user_id[:12]}…? [y/N] ")
        except EOFError:
            return False
        return answer.strip().lower() in ("y", "yes")
