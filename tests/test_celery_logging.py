"""A real Celery worker logs through the web's handlers: JSON lines, personal data redacted."""

import json
import subprocess
import sys
import time
import warnings
from pathlib import Path

from celery.exceptions import AlwaysEagerIgnored

from tests.e2e.gunicorn import server_env
from tria.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
PHONE = "+6591234567"


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_item12_the_worker_logs_json_through_the_redaction_filter(redis_client, tmp_path):
    """An unregistered task makes the worker log the message it discarded, phone number and all."""
    env = server_env(tmp_path, LOG_JSON="1", LOG_LEVEL="INFO")
    command = [sys.executable, "-m", "celery", "-A", "tria", "--quiet", "worker", "--pool", "solo"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    log = tmp_path / "worker.log"
    with log.open("wb") as output:
        worker = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", AlwaysEagerIgnored)  # we want the real broker
                celery_app.send_task("tria.no_such_task", args=[f"call me on {PHONE}"])
            deadline = time.monotonic() + 60
            while "no_such_task" not in log.read_text() and time.monotonic() < deadline:
                assert worker.poll() is None, log.read_text()
                time.sleep(0.5)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    text = log.read_text()
    records = _json_lines(text)
    discarded = [r for r in records if "no_such_task" in r["message"]]

    assert discarded, text
    assert discarded[0]["levelname"] == "ERROR"
    assert discarded[0]["name"].startswith("celery.worker")
    assert "[PHONE]" in discarded[0]["message"]
    assert "91234567" not in text
    assert any("ready" in r["message"] for r in records), text  # Celery's own INFO lines too
