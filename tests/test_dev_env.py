"""The development .env: written once by `make run`, then every manage.py command works from a
second shell, with nothing exported."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
NOT_COPIED = shutil.ignore_patterns(
    ".venv", ".git", ".env", "var", "staticfiles", "test-artifacts", "__pycache__", ".*_cache"
)


def _checkout(tmp_path: Path) -> Path:
    """A copy of the project with no .env, as a fresh clone has."""
    copy = tmp_path / "tria"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    return copy


def _run(*command: str, cwd: Path) -> subprocess.CompletedProcess:
    """A command in a shell that exported nothing of tria's (no DEBUG, no secrets)."""
    env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_after_the_dev_env_is_written_manage_py_commands_work_without_exports(tmp_path):
    checkout = _checkout(tmp_path)
    made = _run("make", "--no-print-directory", ".env", f"PYTHON={sys.executable}", cwd=checkout)
    assert made.returncode == 0, made.stderr

    check = _run(sys.executable, "manage.py", "check", cwd=checkout)
    simulate = _run(sys.executable, "manage.py", "simulate_whatsapp", "--help", cwd=checkout)

    assert ".env: written with random development secrets" in made.stdout
    assert check.returncode == 0, check.stderr
    assert "System check identified no issues" in check.stdout
    assert simulate.returncode == 0, simulate.stderr
    assert "usage: manage.py simulate_whatsapp" in simulate.stdout


def test_the_dev_env_has_random_valid_secrets_and_is_never_overwritten(tmp_path):
    first, second = _checkout(tmp_path / "a"), _checkout(tmp_path / "b")
    for checkout in (first, second):
        assert _run(sys.executable, "tria/devenv.py", cwd=checkout).returncode == 0
    written = (first / ".env").read_text()
    (first / ".env").write_text(written + "OPENAI_MODEL=my-own-choice\n")

    again = _run(sys.executable, "tria/devenv.py", cwd=first)

    assert again.stdout == ".env: exists, left as it is\n"
    assert (first / ".env").read_text() == written + "OPENAI_MODEL=my-own-choice\n"
    env_a, env_b = _parse(first / ".env"), _parse(second / ".env")
    assert env_a["DEBUG"] == "1"
    Fernet(env_a["FIELD_ENCRYPTION_KEY"])  # a valid key, or this raises
    for secret in ("SECRET_KEY", "PSEUDONYM_SECRET", "FIELD_ENCRYPTION_KEY", "POSTGRES_PASSWORD"):
        assert env_a[secret] != env_b[secret]
    assert oct((first / ".env").stat().st_mode & 0o777) == "0o600"


def _parse(path: Path) -> dict[str, str]:
    lines = path.read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def test_the_dev_env_is_never_committed():
    ignored = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=ROOT, check=False)
    assert ignored.returncode == 0
