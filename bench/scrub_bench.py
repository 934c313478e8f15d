"""Throughput of `manage.py scrub_pii --all-pending` (issue 20): target >= 1,000 messages/s.

Run against a throwaway database only (it inserts N messages):
  DATABASE_URL=postgres://.../tria_scrub_bench python manage.py migrate
  DATABASE_URL=... python bench/scrub_bench.py [N]
Seeds N messages (the texts of both PII corpora, cycled; 100 per session) through
conversations.services.bulk_record_messages, then times the scrub command in this process: wall
clock, this process's CPU and, with a local server, the CPU of its PostgreSQL backend (messages
per core = N / both), with the load average, since the machine is shared.
"""

import os
import sys
import time
from io import StringIO
from pathlib import Path

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tria.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from conversations import services  # noqa: E402
from conversations.models import ConversationMessage, ConversationSession  # noqa: E402
from conversations.privacy import scrubber_eval  # noqa: E402


def seed(count: int) -> None:
    texts = [
        row["text"]
        for path in (scrubber_eval.CORPUS_PATH, scrubber_eval.BLIND_CORPUS_PATH)
        for row in scrubber_eval.load_corpus(path)
    ]
    now = timezone.now()
    for start in range(0, count, 5000):
        batch = []
        for offset in range(start, min(count, start + 5000), 100):
            session = ConversationSession.objects.create(
                user_id=f"bench-{offset}", start_time=now, last_activity_at=now
            )
            for i in range(offset, min(count, offset + 100)):
                batch.append(
                    ConversationMessage(
                        session=session, role="user", content=texts[i % len(texts)], timestamp=now
                    )
                )
        services.bulk_record_messages(batch)


def backend_cpu_seconds() -> float:
    """CPU time of this connection's PostgreSQL backend (a local server: /proc), 0 if unreadable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed(count)
    out = StringIO()
    load = os.getloadavg()[0]
    db_started = backend_cpu_seconds()
    started, cpu_started = time.perf_counter(), time.process_time()
    call_command("scrub_pii", "--all-pending", stdout=out)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    db_cpu = backend_cpu_seconds() - db_started
    print(out.getvalue().strip())
    print(f"{count} messages in {seconds:.1f} s = {count / seconds:,.0f} messages/s (wall clock)")
    print(f"this process's CPU: {cpu:.1f} s = {count / cpu:,.0f} messages/s per core")
    both = cpu + db_cpu
    print(
        f"with its PostgreSQL backend ({db_cpu:.1f} s): {both:.1f} s of CPU"
        f" = {count / both:,.0f} messages/s per core"
    )
    print(f"load average (1 min) at the start: {load:.2f}, at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
