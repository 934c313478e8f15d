"""Fault (a): with Redis stopped every webhook notification is still accepted and stored, and once
Redis is back every customer gets exactly one reply.

The broker is a private redis-server started by the test, really stopped (publishing to it fails)
and started again on the same port. Once it is back, the beat jobs run as beat would (the redrive
of unprocessed messages, the outbox sweep) and the tasks they put in Redis are taken from it and
run as the worker would. The Graph API is a real local HTTP server counting replies per customer.
"""

import datetime as dt
import time
from collections import Counter

import pytest
from django.utils import timezone

from conversations import services
from conversations.models import ConversationMessage, OutboxEntry, Role, WebhookInbox
from conversations.whatsapp import ingest, outbox, tasks
from orders import assistant
from orders.models import Order
from tests.conversations.whatsapp_support import post, text_payload
from tests.factories import OutletContactFactory
from tests.faults.support import (
    FakeGraph,
    PrivateRedis,
    broker_at,
    graph_settings,
    run_queued_tasks,
)
from tests.orders.support import load_catalogue

pytestmark = pytest.mark.django_db(transaction=True)

CUSTOMERS = 6  # every other one through the inbox and the ingester, the rest stored inline
ORDER_TEXT = "Hi, we need 400 boxes for 10 inch pizzas"


@pytest.fixture
def private_redis(tmp_path):
    server = PrivateRedis(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_with_redis_stopped_every_notification_is_stored_and_once_back_each_customer_gets_one_reply(
    client, settings, private_redis
):
    load_catalogue()
    wa_ids = [f"6591240{i:03d}" for i in range(CUSTOMERS)]
    for wa_id in wa_ids:
        OutletContactFactory(phone=f"+{wa_id}")
    with FakeGraph() as graph, broker_at(private_redis.url, settings):
        for name, value in graph_settings(graph).items():
            setattr(settings, name, value)
        private_redis.stop()
        sent_at = int(time.time())
        for i, wa_id in enumerate(wa_ids):
            settings.WHATSAPP_INGEST_INLINE = i % 2 == 0
            response = post(client, text_payload(ORDER_TEXT, at=sent_at, wa_id=wa_id))
            assert response.status_code == 200, response.content
        ingest.drain_all()  # the ingester stores what the webhook only queued

        waiting = ConversationMessage.objects.filter(role=Role.USER, processed_at__isnull=True)
        assert waiting.count() == CUSTOMERS  # all stored, none answered: Redis refused the tasks
        assert not WebhookInbox.objects.exists()
        assert graph.posts() == 0

        private_redis.start()  # empty: nothing published while it was down survived in it
        later = timezone.now() + dt.timedelta(minutes=settings.ASSISTANT_REDRIVE_AFTER_MINUTES + 1)
        assert assistant.redrive_unprocessed(now=later) == CUSTOMERS
        run_queued_tasks(private_redis)  # the turns, then the sends they enqueued
        outbox.sweep(enqueue=tasks.send_whatsapp_message.delay, now=later)
        run_queued_tasks(private_redis)

    replies = ConversationMessage.objects.filter(role=Role.ASSISTANT)
    # each reply (the confirmation, then the rating request) posted once; one confirmation each
    assert graph.times_posted() == Counter(
        map(services.callback_data, replies.values_list("pk", flat=True))
    )
    assert graph.received("Order processed!") == Counter(wa_ids)
    assert Order.objects.count() == CUSTOMERS
    assert not waiting.exists()
    assert set(OutboxEntry.objects.values_list("state", flat=True)) == {"sent"}
