"""`manage.py purge_conversations`: the retention purge (rules in conversations/purging.py)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from conversations.retention import purging


def _positive(option: str, raw: str | None) -> int | None:
    if raw is None:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise CommandError(f"{option} must be a whole number >= 1, got {raw!r}")
    return int(raw)


class Command(BaseCommand):
    help = (
        "Delete messages and user summaries past retention (summaries exported first). "
        "Prints one summary line; a second purge while one runs does nothing and exits 0."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would go, per table; change nothing"
        )
        parser.add_argument("--messages-days", help="message retention in days (default: setting)")
        parser.add_argument("--summaries-days", help="summary retention in days (default: setting)")
        parser.add_argument("--batch-size", help="rows per transaction (default: setting)")
        parser.add_argument("--export-dir", help="export summaries to this directory instead")

    def handle(self, *args, **options) -> None:
        try:
            result = purging.purge(
                dry_run=options["dry_run"],
                messages_days=_positive("--messages-days", options["messages_days"]),
                summaries_days=_positive("--summaries-days", options["summaries_days"]),
                batch_size=_positive("--batch-size", options["batch_size"]),
                export_dir=options["export_dir"],
            )
        except purging.RetentionError as exc:
            raise CommandError(f"purge failed: {exc}") from exc
        self.stdout.write(result.summary_line())
