"""The benchmark keeps working: its smoke scale runs end to end (`make bench-smoke`).

It seeds its own database (tria_bench_smoke + a suffix per test database), measures every
operation through our code and in raw psycopg, serves the API and the webhook with gunicorn and
the webhook ingester, and checks that every webhook message was stored once. No time is
asserted: figures from a tiny database on a shared machine mean nothing; `make bench` measures.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = {
    "session_lookup",
    "history_100",
    "top_users",
    "intent_distribution_30d",
    "session_timeline",
    "intent_confidence",
    "bulk_insert_1000",
    "api_session_lookup",
    "api_history_100",
    "api_bulk_insert_1000",
}


def _run_smoke(tmp_path: Path) -> list[dict]:
    output = tmp_path / "smoke.json"
    env = {
        **os.environ,
        "BENCH_DATABASE_SUFFIX": "_" + settings.DATABASES["default"]["TEST"]["NAME"],
        "BENCH_REDIS_URL": settings.REDIS_URL,
    }
    command = [sys.executable, "-m", "bench.run", "--scale", "smoke", "--output", str(output)]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return json.loads(output.read_text())


def test_the_smoke_benchmark_measures_every_operation_and_stores_each_webhook_message_once(
    tmp_path,
):
    (entry,) = _run_smoke(tmp_path)
    assert entry["scale"]["name"] == "smoke"
    assert entry["scale"]["messages"] == 3_000
    rows = {row["name"]: row for row in entry["operations"]}
    assert set(rows) == OPERATIONS
    for row in rows.values():
        assert row["tria_median_ms"] > 0 and row["raw_median_ms"] > 0, row
    hook = entry["webhook_ingest"]
    assert hook["errors"] == 0
    assert hook["messages"] > 0
    assert hook["stored_per_s"] > 0  # the ingester ran during the load, not only after it
    stored = hook["stored"]
    assert stored["sent"] == stored["stored"] == stored["stored_distinct"]
    assert stored["missing"] == 0
    assert hook["tasks_queued"] == stored["sent"]  # each message queued once for the worker
    assert set(entry["machine"]) >= {"cpu", "cores", "postgresql"}
