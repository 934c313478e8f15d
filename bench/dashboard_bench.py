"""Time the whole admin dashboard page (every query and the template) on a seeded database.

    python -m bench.seed --scale default            # 200,000 messages in tria_bench
    python -m bench.dashboard_bench [--database tria_bench] [--runs 50]

The page is rendered through the real view (admin context, SQL, SVG charts, template) for a
superuser, in-process, so the figure is the server's work without the network. Read-only.
"""

import argparse
import os
import statistics
import time
from urllib.parse import urlsplit, urlunsplit

from bench import common


def _point_at(database: str) -> None:
    common.configure("default")
    parts = urlsplit(os.environ["DATABASE_URL"])
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path="/" + database))


def _render_once(request) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ops.admin_views import dashboard_view

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = dashboard_view(request)
        response.render()
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code
    return elapsed, len(queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="tria_bench")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    _point_at(args.database)
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.test import RequestFactory

    from conversations.models import ConversationMessage, ConversationSession

    request = RequestFactory().get("/admin/dashboard/")
    request.user = User(username="bench", is_staff=True, is_superuser=True, is_active=True)
    for _ in range(5):  # warm-up: connections, template and URL caches
        _render_once(request)
    runs = [_render_once(request) for _ in range(args.runs)]
    times = sorted(ms for ms, _, _ in runs)
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    print(
        f"dashboard on {args.database}: {ConversationMessage.objects.count():,} messages, "
        f"{ConversationSession.objects.count():,} sessions; {runs[0][1]} queries, "
        f"{runs[0][2] / 1024:.0f} KiB; median {statistics.median(times):.1f} ms, "
        f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms over {len(times)} runs"
    )


if __name__ == "__main__":
    main()
