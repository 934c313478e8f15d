"""Fail in one line, with the fix, when PostgreSQL or Redis cannot be reached."""

import psycopg
import redis
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql

HINT = "start it with: docker compose up -d db redis"


def _conninfo(db: dict, dbname: str) -> str:
    return psycopg.conninfo.make_conninfo(
        dbname=dbname,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        connect_timeout=3,
    )


class Command(BaseCommand):
    help = "Check that PostgreSQL and Redis are reachable."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--create-database",
            action="store_true",
            help="create the configured database when the server runs but the database is missing",
        )

    def handle(self, *args, create_database: bool, **options) -> None:
        db = settings.DATABASES["default"]
        where = f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"
        try:
            psycopg.connect(_conninfo(db, db["NAME"])).close()
        except psycopg.OperationalError as exc:
            if "does not exist" not in str(exc):
                raise CommandError(f"PostgreSQL is not reachable at {where}; {HINT}") from None
            if not create_database:
                raise CommandError(
                    f"PostgreSQL at {where}: database {db['NAME']!r} does not exist "
                    "(run: python manage.py check_services --create-database)"
                ) from None
            self._create_database(db)
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2)
        try:
            client.ping()
        except redis.RedisError:
            raise CommandError(f"Redis is not reachable at {settings.REDIS_URL}; {HINT}") from None
        self.stdout.write(f"PostgreSQL at {where} and Redis at {settings.REDIS_URL}: reachable")

    def _create_database(self, db: dict) -> None:
        with psycopg.connect(_conninfo(db, "postgres"), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
        self.stdout.write(f"created database {db['NAME']}")
