"""`manage.py purge_conversations`: options, its one summary line and its exit codes."""

import datetime as dt
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from werkzeug.wrappers import Request, Response

from conversations import services
from conversations.models import ConversationMessage, PurgeRun, UserInteractionSummary
from conversations.retention import purging
from tests.factories import SummaryFactory

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.timedelta(days=1)
BUCKET = "tria-cold"


class FakeS3:
    """One S3 bucket as a local HTTP server (path-style PUT, HEAD, GET, DELETE of objects)."""

    def __init__(self, refuse_writes: bool = False) -> None:
        self.objects: dict[str, bytes] = {}
        self.put_headers: list[dict[str, str]] = []
        self.refuse_writes = refuse_writes

    def handle(self, request: Request) -> Response:
        key = request.path.removeprefix(f"/{BUCKET}/")
        if request.method == "PUT":
            return self._put(key, request)
        if key not in self.objects:
            return self._error(404, "NoSuchKey", "The specified key does not exist.")
        body = self.objects[key]
        if request.method == "DELETE":
            del self.objects[key]
            return Response(status=204)
        headers = {
            "ETag": f'"{hashlib.md5(body).hexdigest()}"',  # noqa: S324 (S3's ETag)
            "Content-Length": str(len(body)),
            "Last-Modified": "Mon, 23 Nov 2026 19:00:00 GMT",
        }
        return Response(b"" if request.method == "HEAD" else body, headers=headers)

    def _put(self, key: str, request: Request) -> Response:
        if self.refuse_writes:
            return self._error(403, "AccessDenied", "Access Denied")
        self.put_headers.append(dict(request.headers))
        self.objects[key] = request.get_data()
        etag = hashlib.md5(self.objects[key]).hexdigest()  # noqa: S324 (S3's ETag)
        return Response(status=200, headers={"ETag": f'"{etag}"'})

    @staticmethod
    def _error(status: int, code: str, message: str) -> Response:
        xml = f"<Error><Code>{code}</Code><Message>{message}</Message></Error>"
        return Response(xml, status=status, content_type="application/xml")


def s3_env(httpserver) -> dict[str, str]:
    """The settings that send the export to S3 (here the fake bucket)."""
    return {
        "RETENTION_EXPORT_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "RETENTION_EXPORT_PREFIX": "retention-exports",
        "AWS_S3_ENDPOINT_URL": httpserver.url_for("/").rstrip("/"),
        "AWS_S3_REGION_NAME": "ap-southeast-1",
        "AWS_ACCESS_KEY_ID": "test-access-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret-key",
    }


def use_fake_s3(httpserver, s3: FakeS3) -> None:
    httpserver.expect_request(re.compile(f"/{BUCKET}/.*")).respond_with_handler(s3.handle)


@pytest.fixture(autouse=True)
def export_dir(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        purging.EXPORT_STORAGE: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "exports")},
        },
    }
    return tmp_path / "exports"


def old_messages(count: int, days: int) -> None:
    """`count` messages recorded as ingestion does, then backdated `days`."""
    session = services.open_session(user_id="a" * 64)
    for n in range(count):
        services.record_message(session=session, role="user", content=f"order {n}: 400 boxes")
    ConversationMessage.objects.update(created_at=dt.datetime.now(dt.UTC) - days * DAY)


def run_command(*args: str) -> str:
    out = io.StringIO()
    call_command("purge_conversations", *args, stdout=out)
    return out.getvalue()


def run_manage_py(
    *args: str, export_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """The real command in its own process, on the test database."""
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{connection.settings_dict['NAME']}",
        "RETENTION_EXPORT_DIR": str(export_dir),
        "LOG_LEVEL": "WARNING",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "manage.py", "purge_conversations", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_the_command_prints_one_summary_line_with_rows_per_table_and_the_export():
    old_messages(3, days=100)
    SummaryFactory(last_interaction=dt.datetime.now(dt.UTC) - 800 * DAY)

    output = run_command()

    lines = output.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        "purge: deleted conversation_messages=3 user_interaction_summaries=1 "
        "conversation_sessions=0 (never deleted; 0 orphaned); export: user_summaries_"
    )
    assert "(1 rows, sha256 " in lines[0]
    assert not ConversationMessage.objects.exists()


@pytest.mark.django_db
def test_dry_run_prints_what_would_go_and_deletes_nothing():
    old_messages(2, days=100)

    output = run_command("--dry-run")

    assert "would delete conversation_messages=2" in output
    assert ConversationMessage.objects.count() == 2


@pytest.mark.django_db
def test_the_days_options_override_the_policy():
    old_messages(1, days=31)
    summary = SummaryFactory(last_interaction=dt.datetime.now(dt.UTC) - 400 * DAY)

    kept = run_command()
    purged = run_command("--messages-days", "30", "--summaries-days", "365")

    assert "conversation_messages=0 user_interaction_summaries=0" in kept
    assert "conversation_messages=1 user_interaction_summaries=1" in purged
    assert not UserInteractionSummary.objects.filter(pk=summary.pk).exists()


@pytest.mark.django_db
def test_the_batch_size_option_sets_rows_per_transaction():
    old_messages(5, days=100)

    assert "conversation_messages=5" in run_command("--batch-size", "2")
    assert not ConversationMessage.objects.exists()


@pytest.mark.django_db
def test_the_export_dir_option_puts_the_file_there(tmp_path):
    SummaryFactory(last_interaction=dt.datetime.now(dt.UTC) - 800 * DAY)
    cold = tmp_path / "cold"

    run_command("--export-dir", str(cold))

    exported = list(cold.iterdir())
    assert len(exported) == 1
    assert exported[0].name == PurgeRun.objects.get().export_file


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("option", "value"),
    [("--messages-days", "0"), ("--summaries-days", "-5"), ("--batch-size", "many")],
)
def test_a_bad_option_value_is_refused_with_its_name(option, value):
    old_messages(1, days=100)

    with pytest.raises(CommandError, match=f"{option} must be a whole number >= 1"):
        run_command(option, value)

    assert ConversationMessage.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_purge_while_another_runs_exits_zero_and_says_so(tmp_path):
    old_messages(2, days=100)
    other = psycopg.connect(
        dbname=connection.settings_dict["NAME"], host="127.0.0.1", user="postgres"
    )
    try:
        other.execute("SELECT pg_advisory_lock(%s, %s)", purging.LOCK_KEYS)
        done = run_manage_py(export_dir=tmp_path)
    finally:
        other.close()

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "purge skipped: another purge is running; nothing was done"
    assert ConversationMessage.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_purge_whose_export_fails_exits_non_zero_with_one_line_and_deletes_nothing(tmp_path):
    old_messages(2, days=100)
    due = SummaryFactory(last_interaction=dt.datetime.now(dt.UTC) - 800 * DAY)
    not_a_directory = tmp_path / "exports"
    not_a_directory.write_text("a file where the export directory should be")

    done = run_manage_py(export_dir=not_a_directory)

    assert done.returncode == 1
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith(
        "CommandError: purge failed: export of user summaries: could not write user_summaries_"
    )
    assert ConversationMessage.objects.count() == 2
    assert UserInteractionSummary.objects.filter(pk=due.pk).exists()
    assert PurgeRun.objects.get().outcome == PurgeRun.Outcome.FAILED


@pytest.mark.django_db(transaction=True)
def test_a_real_run_exits_zero_and_prints_one_line(tmp_path):
    old_messages(2, days=100)

    done = run_manage_py("--batch-size", "1", export_dir=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("purge: deleted conversation_messages=2 ")
    assert len(done.stdout.splitlines()) == 1
    assert not ConversationMessage.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_with_s3_configured_the_export_goes_to_the_bucket_before_the_rows_go(httpserver, tmp_path):
    s3 = FakeS3()
    use_fake_s3(httpserver, s3)
    due = SummaryFactory.create_batch(2, last_interaction=dt.datetime.now(dt.UTC) - 800 * DAY)

    done = run_manage_py(export_dir=tmp_path, env=s3_env(httpserver))

    assert done.returncode == 0, done.stderr
    [key] = s3.objects
    assert key.startswith("retention-exports/user_summaries_")
    assert key.endswith(".jsonl.gz")
    rows = [json.loads(line) for line in gzip.decompress(s3.objects[key]).splitlines()]
    assert [row["id"] for row in rows] == sorted(s.pk for s in due)
    assert s3.put_headers[0]["X-Amz-Server-Side-Encryption"] == "AES256"
    assert not UserInteractionSummary.objects.filter(pk__in=[s.pk for s in due]).exists()
    assert PurgeRun.objects.get().export_file == key.removeprefix("retention-exports/")


@pytest.mark.django_db(transaction=True)
def test_a_bucket_that_refuses_the_export_deletes_nothing(httpserver, tmp_path):
    use_fake_s3(httpserver, FakeS3(refuse_writes=True))
    old_messages(2, days=100)
    due = SummaryFactory(last_interaction=dt.datetime.now(dt.UTC) - 800 * DAY)

    done = run_manage_py(export_dir=tmp_path, env=s3_env(httpserver))

    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("CommandError: purge failed: export of user summaries: could not write")
    assert "AccessDenied" in line
    assert ConversationMessage.objects.count() == 2
    assert UserInteractionSummary.objects.filter(pk=due.pk).exists()
