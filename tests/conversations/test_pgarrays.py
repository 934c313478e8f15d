"""Lists sent as one array literal come back from PostgreSQL exactly as they were."""

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from conversations import pgarrays

pytestmark = pytest.mark.django_db


def _round_trip(sql_type: str, literal: str) -> list:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT %s::{sql_type}[]", [literal])
        return cursor.fetchone()[0]


def test_texts_keep_every_character_that_means_something_in_an_array_literal():
    values = [
        "plain",
        "a,b",
        "{braces}",
        'say "hi"',
        "back\\slash\\",
        "NULL",
        "null",
        "",
        "  spaced  ",
        "line\nbreak\ttab",
        "你好 வணக்கம்",
        None,
        "wamid.HBgLNjU5MTIzNDU2NzgVAgASGBQzQTdGNjVFMjE5QzQ0RkQ3OUJGRgA=",
    ]
    assert _round_trip("text", pgarrays.texts(values)) == values
    assert _round_trip("varchar", pgarrays.texts(values)) == values


def test_integers_uuids_dates_and_empty_lists():
    ids = [uuid.uuid4() for _ in range(3)]
    assert _round_trip("bigint", pgarrays.integers([0, -5, 2**40, None])) == [0, -5, 2**40, None]
    assert _round_trip("uuid", pgarrays.uuids([*ids, str(ids[0])])) == [*ids, ids[0]]
    days = [dt.date(2026, 12, 4), dt.date(2027, 1, 1)]
    assert _round_trip("date", pgarrays.dates(days)) == days
    assert _round_trip("text", pgarrays.texts([])) == []
    assert _round_trip("int", pgarrays.integers([])) == []


def test_timestamps_are_the_same_instants_whatever_their_zone():
    singapore = ZoneInfo("Asia/Singapore")
    values = [
        dt.datetime(2026, 12, 4, 23, 59, 59, 123456, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 5, 7, 0, tzinfo=singapore),
        None,
    ]
    assert _round_trip("timestamptz", pgarrays.timestamps(values)) == values


def test_a_value_that_is_not_a_uuid_is_refused_before_the_database():
    with pytest.raises(ValueError):
        pgarrays.uuids(["not-a-uuid"])
