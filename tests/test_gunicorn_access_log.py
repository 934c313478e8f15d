"""Issue 17 item 7: gunicorn's access log (gunicorn.conf.py) never writes a query string."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHONE_DIGITS = "6591234567"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_item7_gunicorns_access_log_has_paths_without_query_strings(tmp_path):
    port, log = _free_port(), tmp_path / "access.log"
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "tria.wsgi:application", "-c", "gunicorn.conf.py"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-logfile", str(log)]
    server = subprocess.Popen(command, cwd=ROOT, env=dict(os.environ), stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                _get(f"{base}/health/")
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        status = _get(f"{base}/api/v1/sessions/?user_id={PHONE_DIGITS}&q=Mei+Ling")
        assert status in (400, 401)
        time.sleep(0.5)  # the access line is written after the response
    finally:
        server.terminate()
        server.wait(10)
    lines = log.read_text()
    assert '"GET /api/v1/sessions/ HTTP/1.1"' in lines
    assert PHONE_DIGITS not in lines
    assert "Mei" not in lines
