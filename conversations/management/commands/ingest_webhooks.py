"""python manage.py ingest_webhooks [--once] [--batch N] [--poll SECONDS]: the webhook ingester.

Stores the notifications the webhook accepted into its inbox (conversations.whatsapp.ingest), in
batches.
Run it next to gunicorn (Procfile, docker-compose); several may run at once (SKIP LOCKED). It stops
after its current batch on SIGTERM or Ctrl-C. --once drains what is pending, prints what it
stored and exits: for operators, scripts and tests.
"""

import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from conversations.whatsapp import ingest


class Command(BaseCommand):
    help = "Store the WhatsApp notifications waiting in the webhook inbox, in batches."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="drain what is pending, then exit")
        parser.add_argument("--batch", type=int, default=None, help="notifications per batch")
        parser.add_argument("--poll", type=float, default=None, help="idle poll interval, seconds")

    def handle(self, *args: Any, once: bool, batch: int | None, poll: float | None, **options):
        if batch is not None and batch < 1:
            raise CommandError("--batch must be a positive number")
        if poll is not None and poll <= 0:
            raise CommandError("--poll must be a positive number of seconds")
        if once:
            try:
                result = ingest.drain_all(batch=batch, max_seconds=float("inf"))
            except DatabaseError as exc:
                raise CommandError(f"ingest failed: database error ({type(exc).__name__})") from exc
            self.stdout.write(_summary(result))
            return
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write("webhook ingester: running (SIGTERM or Ctrl-C stops it)")
        self.stdout.flush()
        result = ingest.run(stop, poll_seconds=poll, batch=batch)
        self.stdout.write(_summary(result))


def _summary(result: ingest.IngestResult) -> str:
    counts = ", ".join(f"{value} {name}" for name, value in result.as_dict().items())
    return f"webhook inbox: {counts}"
