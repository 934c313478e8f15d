"""The project as an operator meets it: settings from the environment, checks, commands."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-like-secret-key-with-enough-entropy-9f8e7d6c5b4a3f2e1d0c",
    "PSEUDONYM_SECRET": "production-pseudonym-secret",
    "FIELD_ENCRYPTION_KEY": "cHJvZHVjdGlvbi1saWtlLWZpZWxkLWtleS0zMmJ5dGU=",
    "ALLOWED_HOSTS": "tria.example.sg",
    "SECURE_SSL_REDIRECT": "1",
    "PATH": os.environ["PATH"],
    "ENV_FILE": os.devnull,  # not the development .env of this checkout
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_pass_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize("secret", ["SECRET_KEY", "PSEUDONYM_SECRET", "FIELD_ENCRYPTION_KEY"])
def test_production_refuses_to_start_without_a_secret(secret):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != secret}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"{secret} must be set" in result.stderr


def test_unreachable_database_is_reported_in_one_line_with_the_fix():
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://postgres@127.0.0.1:5999/tria"}
    result = _manage("check_services", env=env)
    assert result.returncode == 1
    assert "PostgreSQL is not reachable at 127.0.0.1:5999" in result.stderr
    assert "docker compose up -d db redis" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_redis_is_reported_in_one_line_with_the_fix():
    # PostgreSQL is checked first: name a database that exists on every server (not "tria",
    # which only `make` creates), so that the check reaches Redis.
    database = connection.settings_dict
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    server = f"postgres://{database['USER']}@{host}:{port}/postgres"
    env = {**PRODUCTION_ENV, "DATABASE_URL": server, "REDIS_URL": "redis://127.0.0.1:6999/0"}
    result = _manage("check_services", env=env)
    assert result.returncode == 1
    assert "Redis is not reachable at redis://127.0.0.1:6999/0" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db
def test_every_migration_is_applied_to_the_fresh_test_database():
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    assert plan == []
    assert {"conversation_sessions", "conversation_messages", "user_interaction_summaries"} <= set(
        connection.introspection.table_names()
    )


def test_times_are_stored_in_utc_and_shown_in_singapore_time(settings):
    assert settings.USE_TZ is True
    assert settings.TIME_ZONE == "Asia/Singapore"


def test_dev_superuser_is_refused_when_debug_is_off():
    result = _manage("ensure_dev_superuser", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "DEBUG off" in result.stderr


@pytest.mark.django_db
def test_a_malformed_content_length_gets_a_json_400_not_a_500(client):
    response = client.get("/api/v1/products/", HTTP_CONTENT_LENGTH="jQ")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
