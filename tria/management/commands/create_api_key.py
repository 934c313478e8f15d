from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tria.api import apikeys


class Command(BaseCommand):
    help = (
        "Create an API key and print it once. Without --user the key gets a new service user "
        "api-NAME with view/add/change/delete permission on every API model (view only with "
        "--read-only); with --user it acts with that user's own permissions."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", help="a unique name for the key, e.g. the client's name")
        parser.add_argument("--read-only", action="store_true", help="refuse every write")
        parser.add_argument("--user", dest="username", help="act as this existing user")

    def handle(
        self, *args: Any, name: str, read_only: bool, username: str | None, **options: Any
    ) -> None:
        try:
            api_key, key = apikeys.issue_api_key(name, username=username, read_only=read_only)
        except apikeys.ApiKeyError as exc:
            raise CommandError(str(exc)) from exc
        mode = "read-only" if api_key.read_only else "read-write"
        self.stderr.write(
            f"API key '{api_key.name}' ({mode}) for user {api_key.user.get_username()}; "
            "it is shown once, store it now:"
        )
        self.stdout.write(key)
