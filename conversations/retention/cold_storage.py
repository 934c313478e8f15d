"""Cold storage: rows written as one gzip JSON Lines file through a Django storage, then verified.

A file is written to a local spool, saved through the storage (FileSystemStorage, S3...), read
back and checked: the same SHA-256, then the same rows (by "id", in order). A file that fails its
check is removed and ColdStorageError raised, so a caller deletes nothing it has not safely kept.
No ORM here: callers hand in plain dicts.
"""

import dataclasses
import datetime as dt
import gzip
import hashlib
import json
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import Storage


class ColdStorageError(Exception):
    """The file could not be written, read back, or did not match what was written."""


@dataclasses.dataclass(frozen=True)
class StoredFile:
    name: str  # as the storage saved it
    sha256: str  # of the gzip bytes
    rows: int


def write_jsonl_gz(
    storage: Storage, name: str, rows: Iterable[dict[str, Any]]
) -> StoredFile | None:
    """Store `rows` (each with an "id") as `name`, verified; None when there are no rows."""
    with tempfile.TemporaryFile() as spool:
        ids = _write(rows, spool)
        if not ids:
            return None
        spool.seek(0)
        digest = _sha256(spool)
        spool.seek(0)
        try:
            saved = storage.save(name, File(spool, name=name))
        except Exception as exc:
            raise ColdStorageError(f"could not write {name}: {_one_line(exc)}") from exc
    _verify(storage, saved, digest, ids)
    return StoredFile(name=saved, sha256=digest, rows=len(ids))


def read_jsonl_gz(storage: Storage, name: str) -> list[dict[str, Any]]:
    """The rows of a stored file, as written (datetimes as ISO 8601 strings)."""
    with storage.open(name, "rb") as stored, gzip.GzipFile(fileobj=stored, mode="rb") as gz:
        return [json.loads(line) for line in gz]


def _write(rows: Iterable[dict[str, Any]], out: IO[bytes]) -> list[Any]:
    ids = []
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as gz:
        for row in rows:
            ids.append(row["id"])
            line = json.dumps(row, default=_json_value, sort_keys=True, ensure_ascii=False)
            gz.write(line.encode() + b"\n")
    return ids


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()  # full precision, unlike DjangoJSONEncoder
    raise TypeError(f"cannot store a {type(value).__name__}")


def _sha256(stream: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _verify(storage: Storage, name: str, digest: str, ids: list[Any]) -> None:
    """Read the stored file back: same SHA-256, then the same rows in order; else remove it."""
    try:
        with tempfile.TemporaryFile() as copy:
            problem = _problem(storage, name, copy, digest, ids)
    except Exception as exc:
        _discard(storage, name)
        raise ColdStorageError(f"{name} could not be read back: {_one_line(exc)}") from exc
    if problem:
        _discard(storage, name)
        raise ColdStorageError(f"{name} failed its check: {problem}")


def _problem(storage: Storage, name: str, copy: IO[bytes], digest: str, ids: list[Any]) -> str:
    """What is wrong with the stored file ("" when nothing is)."""
    stored_digest = hashlib.sha256()
    with storage.open(name, "rb") as stored:
        for chunk in stored.chunks():
            stored_digest.update(chunk)
            copy.write(chunk)
    if stored_digest.hexdigest() != digest:
        return "its SHA-256 differs from what was written"
    copy.seek(0)
    with gzip.GzipFile(fileobj=copy, mode="rb") as gz:
        stored_ids = [json.loads(line)["id"] for line in gz]
    if stored_ids != ids:
        return f"it holds {len(stored_ids)} rows, {len(ids)} were written"
    return ""


def _discard(storage: Storage, name: str) -> None:
    with suppress(Exception):
        storage.delete(name)


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else ''}"[:400]
