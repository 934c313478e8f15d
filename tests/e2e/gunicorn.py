"""gunicorn started exactly as the Procfile's `web` line does, on a free port, for a test.

The process gets the test run's environment (DEBUG off, the test secrets, the test database and
Redis) and its own STATIC_ROOT, filled by `collectstatic --noinput` first, with hashed and
compressed names as in production.
"""

import contextlib
import os
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PROCFILE_BIND = "127.0.0.1:8000"


@dataclass(frozen=True)
class Server:
    url: str
    static_root: Path
    log: Path


def procfile_command(name: str) -> list[str]:
    """The Procfile's command for process `name`, split as a shell would."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        process, _, command = line.partition(":")
        if process.strip() == name:
            return shlex.split(command)
    raise LookupError(f"no {name!r} process in the Procfile")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The database this test run uses (the test database), as a DATABASE_URL."""
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def server_env(static_root: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DEBUG": "0",
        "STATIC_MANIFEST": "1",
        "STATIC_ROOT": str(static_root),
        "DATABASE_URL": database_url(),
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)  # as `honcho start` would: manage.py/wsgi.py set it
    return env


def collectstatic(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


@contextlib.contextmanager
def procfile_gunicorn(tmp_path: Path, **extra_env: str) -> Iterator[Server]:
    """collectstatic into tmp_path, start the Procfile's web process on a free port, stop it."""
    static_root = tmp_path / "staticfiles"
    env = server_env(static_root, **extra_env)
    collectstatic(env)
    port = free_port()
    command = procfile_command("web")
    command[command.index(PROCFILE_BIND)] = f"127.0.0.1:{port}"
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_serving(url, process, log)
            yield Server(url=url, static_root=static_root, log=log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_serving(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, f"gunicorn exited:\n{log.read_text()}"
        try:
            urllib.request.urlopen(f"{url}/static/admin/css/base.css", timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers, whatever it says: the test judges the answer
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"gunicorn did not answer within 60 s:\n{log.read_text()}")
