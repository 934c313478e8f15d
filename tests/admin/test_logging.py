"""Logs are JSON lines carrying the request id when LOG_JSON is on (the default with DEBUG off)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import django
django.setup()
from django.test import Client
client = Client()
print(client.get("/health/", HTTP_X_REQUEST_ID="req-health-1")["X-Request-ID"])
print(client.get("/no-such-page/", HTTP_X_REQUEST_ID="req-missing-2")["X-Request-ID"])
"""


def _run(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tria.settings",
            "PYTHONPATH": str(ROOT),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_with_debug_off_every_log_line_is_json_with_the_request_id():
    # Redis on a closed port: the health view logs a warning while it handles the request.
    result = _run(LOG_JSON="1", REDIS_URL="redis://127.0.0.1:6999/0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["req-health-1", "req-missing-2"]
    records = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    failing = next(r for r in records if r["message"].startswith("health check failing:"))
    assert "redis" in failing["message"]
    assert (failing["levelname"], failing["request_id"]) == ("WARNING", "req-health-1")
    missing = next(r for r in records if r["message"] == "Not Found: /no-such-page/")
    assert (missing["name"], missing["request_id"]) == ("django.request", "req-missing-2")


def test_plain_logs_also_carry_the_request_id():
    result = _run(LOG_JSON="0", REDIS_URL="redis://127.0.0.1:6999/0")
    assert "WARNING [req-health-1] ops.health: health check failing:" in result.stderr
    assert "WARNING [req-missing-2] django.request: Not Found: /no-such-page/" in result.stderr
