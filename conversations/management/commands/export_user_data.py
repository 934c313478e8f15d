"""python manage.py export_user_data <user_id or phone> --format pdf --out FILE (GDPR access)."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from conversations.management.commands._privacy_args import command_actor, resolve_user
from conversations.privacy import gdpr


class Command(BaseCommand):
    help = "Export everything held about one user (sessions, messages, summary, orders)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("user", help="pseudonymous user id, or the user's phone number")
        parser.add_argument("--format", choices=gdpr.EXPORT_FORMATS, default="json")
        parser.add_argument("--out", required=True, type=Path, help="file to write")

    def handle(self, *args, user: str, format: str, out: Path, **options) -> None:
        user_id = resolve_user(user)
        if not out.parent.is_dir():
            raise CommandError(f"directory {out.parent} does not exist")
        try:
            content = gdpr.export_user_data(
                user_id, format, actor_label=command_actor("export_user_data")
            )
        except gdpr.UnknownUser as exc:
            raise CommandError(f"no data is held for user {user_id[:12]}…") from exc
        write_private(out, content)
        self.stdout.write(
            f"wrote {len(content)} bytes ({format}) for user {user_id[:12]}… to {out}"
        )


def write_private(path: Path, content: bytes) -> None:
    """Write `path` readable by its owner only (0600), whatever the umask; an existing file is
    truncated and set to 0600 before anything is written into it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(content)
