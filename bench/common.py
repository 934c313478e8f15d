"""Where the benchmark runs: its own database and Redis db, never the development ones.

`configure(scale)` must run before Django is set up: it points DATABASE_URL at tria_bench (or
tria_bench_large, tria_bench_smoke) and fills the settings a production-like process needs
(DEBUG off, test-only secrets) when the environment does not give them.
"""

import base64
import os
import platform
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tria"
BENCH_APP_SECRET = "bench-app-secret"  # noqa: S105 (signs synthetic payloads only)
BENCH_PHONE_NUMBER_ID = "100200300400"
BENCH_VERIFY_TOKEN = "bench-verify-token"  # noqa: S105 (bench only)

# Bench-only values: the bench database holds synthetic data only.
_BENCH_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "PSEUDONYM_SECRET": "bench-only-pseudonym-secret",
    "FIELD_ENCRYPTION_KEY": base64.urlsafe_b64encode(b"bench-only-field-encryption-key!").decode(),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "LOG_LEVEL": "WARNING",
    "CELERY_TASK_ALWAYS_EAGER": "0",
    "WHATSAPP_INGEST_INLINE": "0",
    "WHATSAPP_APP_SECRET": BENCH_APP_SECRET,
    "WHATSAPP_VERIFY_TOKEN": BENCH_VERIFY_TOKEN,
    "WHATSAPP_PHONE_NUMBER_ID": BENCH_PHONE_NUMBER_ID,
    "WHATSAPP_ACCESS_TOKEN": "",
    "OPENAI_API_KEY": "",
    # The limiter runs (its Redis round trip is part of the figures) but never refuses the bench.
    "API_THROTTLE_RATE": "1000000/min",
}


def database_name(scale: str) -> str:
    """tria_bench, tria_bench_large, tria_bench_smoke; + BENCH_DATABASE_SUFFIX (parallel runs)."""
    name = "tria_bench" if scale == "default" else f"tria_bench_{scale}"
    if scale == "template":
        return name
    return name + os.environ.get("BENCH_DATABASE_SUFFIX", "")


def bench_database_url(scale: str) -> str:
    """The development DATABASE_URL with the bench database's name in its path."""
    base = os.environ.get("BENCH_BASE_DATABASE_URL") or os.environ.get(
        "DATABASE_URL", DEFAULT_DATABASE_URL
    )
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path="/" + database_name(scale)))


def configure(scale: str) -> dict[str, str]:
    """Point this process (and the gunicorn it starts) at the bench database and Redis db."""
    os.environ.setdefault("BENCH_BASE_DATABASE_URL", os.environ.get("DATABASE_URL", ""))
    os.environ["DATABASE_URL"] = bench_database_url(scale)
    os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    os.environ.pop("CELERY_BROKER_URL", None)
    for key, value in _BENCH_ENV.items():
        os.environ[key] = value
    os.environ["DJANGO_SETTINGS_MODULE"] = "tria.settings"
    return {"database": database_name(scale), "redis": os.environ["REDIS_URL"]}


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        mem_gb = round(pages / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": _postgres_version(),
    }


def _postgres_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return ""
    return out.stdout.strip()
