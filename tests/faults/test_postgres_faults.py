"""Fault (c): PostgreSQL dropping the ingester's connections (what a restart does to a client)
loses nothing and sets nothing aside.

The restart is simulated on the test's own database only: pg_terminate_backend on every other
backend of it, a few times while the ingester runs in a thread. The machine's PostgreSQL is
never stopped.
"""

import threading
import time

import pytest
from django.conf import settings as django_settings
from django.db import connection, connections

from conversations.models import ConversationMessage, WebhookInbox
from conversations.whatsapp import ingest
from tests.conversations.whatsapp_support import post, text_payload

pytestmark = pytest.mark.django_db(transaction=True)

NOTIFICATIONS = 20
RESTARTS = 3

_TERMINATE_SQL = (
    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
)


def _ingester(stop: threading.Event) -> None:
    try:
        ingest.run(stop, poll_seconds=0.02, batch=5)
    finally:
        connections.close_all()


def test_postgresql_restarting_under_the_ingester_loses_nothing_and_sets_nothing_aside(
    client, settings
):
    settings.WHATSAPP_INGEST_INLINE = False
    for i in range(NOTIFICATIONS):
        wa_id = f"65912{i:05d}"
        payload = text_payload(f"order {i}", wa_id=wa_id, wa_message_id=f"w.pg.{i}")
        assert post(client, payload).status_code == 200
    stop = threading.Event()
    thread = threading.Thread(target=_ingester, args=(stop,), daemon=True)
    thread.start()
    terminated = restarts = 0
    deadline = time.monotonic() + 60
    try:
        while WebhookInbox.objects.exists():
            assert time.monotonic() < deadline, "the ingester never caught up"
            if restarts < RESTARTS:  # a few restarts, then PostgreSQL stays up
                with connection.cursor() as cursor:
                    cursor.execute(_TERMINATE_SQL)
                    terminated += cursor.fetchone()[0]
                restarts += 1
            time.sleep(0.3)
    finally:
        stop.set()
        thread.join(10)

    assert terminated > 0  # the fault did happen
    stored = ConversationMessage.objects.filter(wa_message_id__startswith="w.pg.")
    assert stored.count() == NOTIFICATIONS
    assert ingest.backlog().failed == 0
    assert django_settings.WEBHOOK_INGEST_MAX_ATTEMPTS > 0
