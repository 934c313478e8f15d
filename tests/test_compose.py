"""docker-compose.yml is safe as copied; docker-compose.override.yml is where development lives."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
APP_SERVICES = ("migrate", "web", "ingest", "worker", "beat")
SECRETS = ("SECRET_KEY", "PSEUDONYM_SECRET", "FIELD_ENCRYPTION_KEY")


def _load(name: str) -> dict:
    return yaml.safe_load((ROOT / name).read_text())


@pytest.fixture(scope="module")
def base() -> dict:
    return _load("docker-compose.yml")["services"]


@pytest.fixture(scope="module")
def override() -> dict:
    return _load("docker-compose.override.yml")["services"]


def _shell_scripts(command: str | list[str]) -> list[str]:
    """The scripts a command hands to `sh -c` (none when it runs its program directly)."""
    words = command if isinstance(command, list) else command.split(" ", 2)
    if words[:2] == ["sh", "-c"]:
        return [" ".join(words[2:]).strip("\"'")]
    return []


def test_debug_is_off_in_the_base_file_and_on_only_in_the_override(base, override):
    for name in APP_SERVICES:
        assert base[name]["environment"]["DEBUG"] == "0", name
        assert override[name]["environment"]["DEBUG"] == "1", name
    text = (ROOT / "docker-compose.yml").read_text()
    assert not re.search(r"DEBUG:\s*\$\{DEBUG:-1\}|DEBUG:\s*\"?1", text)


def test_secrets_have_no_default_and_the_error_names_them(base):
    for name in APP_SERVICES:
        environment = base[name]["environment"]
        for secret in SECRETS:
            assert environment[secret] == f"${{{secret}:?{secret} must be set}}", (name, secret)
    assert base["db"]["environment"]["POSTGRES_PASSWORD"] == (
        "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
    )


def test_the_apps_use_the_database_password_user_and_name_of_the_db_service(base):
    db = base["db"]["environment"]
    expected = (
        f"postgres://{db['POSTGRES_USER']}:{db['POSTGRES_PASSWORD']}@db:5432/{db['POSTGRES_DB']}"
    )
    for name in APP_SERVICES:
        assert base[name]["environment"]["DATABASE_URL"] == expected, name


def test_a_one_shot_migrate_runs_before_every_other_process(base):
    migrate = base["migrate"]
    assert "manage.py migrate --noinput" in migrate["command"]
    assert migrate["restart"] == "no"
    assert "migrate" not in migrate["depends_on"]
    for name in ("web", "ingest", "worker", "beat"):
        assert base[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }, name
        assert "manage.py migrate" not in str(base[name]["command"]), name


def test_every_shell_command_execs_its_last_program(base):
    scripts = [s for service in base.values() for s in _shell_scripts(service.get("command", []))]
    assert scripts  # migrate's
    for script in scripts:
        last = re.split(r"&&|;", script)[-1].strip()
        assert last.startswith("exec "), script


def test_healthchecks_test_each_process_s_job_never_just_that_it_exists(base):
    for name, service in base.items():
        assert "kill" not in str(service.get("healthcheck", {}).get("test")), name
    for name in ("ingest", "worker", "beat"):
        assert base[name]["healthcheck"]["test"] == [
            "CMD",
            "python",
            "manage.py",
            "healthcheck",
            "--component",
            name,
        ]


def test_the_apps_read_an_optional_env_file(base):
    for name in APP_SERVICES:
        assert base[name]["env_file"] == [{"path": ".env", "required": False}], name


def test_the_image_leaves_out_environments_secrets_and_personal_data():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in (".venv", ".git", ".env", "var/", "staticfiles/", "__pycache__/"):
        assert entry in ignored
    assert "!.env.example" in ignored
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "manage.py collectstatic --noinput" in dockerfile
    assert _load("docker-compose.yml")["x-tria-app"]["build"] == "."


def test_the_web_healthcheck_asks_readiness_not_the_full_report(base):
    test = base["web"]["healthcheck"]["test"]
    assert "http://127.0.0.1:8000/health/ready" in " ".join(test)
