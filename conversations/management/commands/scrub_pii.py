"""python manage.py scrub_pii [--all-pending] [--dry-run]: run the PII scrub workflow by hand."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from conversations.privacy import scrubbing


class Command(BaseCommand):
    help = (
        "Scrub personal data from messages older than the grace period, and from session and"
        " summary JSON. Prints counts per type; never the data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all-pending", action="store_true", help="ignore the grace period: scrub everything"
        )
        parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
        parser.add_argument("--batch-size", type=int, default=None, help="rows per transaction")

    def handle(self, *args, all_pending: bool, dry_run: bool, batch_size: int | None, **options):
        if batch_size is not None and batch_size < 1:
            raise CommandError("--batch-size must be a positive number")
        try:
            report = scrubbing.scrub_pending(
                all_pending=all_pending, dry_run=dry_run, batch_size=batch_size
            )
        except DatabaseError as exc:
            # The class only: a database message may quote the row it failed on.
            raise CommandError(f"scrub failed: database error ({type(exc).__name__})") from exc
        self.stdout.write(report.summary_line())
