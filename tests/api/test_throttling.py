"""API_THROTTLE_RATE per API key: beyond it 429 with Retry-After, in the error envelope."""

import pytest


@pytest.fixture
def three_per_minute(settings, redis_client):
    settings.API_THROTTLE_RATE = "3/min"


def test_a_key_over_the_rate_gets_429_with_retry_after_in_the_error_envelope(
    three_per_minute, make_client
):
    api = make_client()
    statuses = [api.get("/api/v1/orders/").status_code for _ in range(3)]
    refused = api.get("/api/v1/orders/")

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    error = refused.json()["error"]
    assert error["code"] == "throttled"
    assert "throttled" in error["message"]


def test_each_key_has_its_own_count(three_per_minute, make_client):
    busy, other = make_client(), make_client()
    for _ in range(4):
        busy.get("/api/v1/orders/")
    assert busy.get("/api/v1/orders/").status_code == 429
    assert other.get("/api/v1/orders/").status_code == 200


def test_the_default_rate_is_generous(settings, redis_client, api):
    assert settings.API_THROTTLE_RATE == "6000/min"
    assert all(api.get("/api/v1/orders/count/").status_code == 200 for _ in range(50))


def test_an_empty_rate_turns_the_limit_off(settings, redis_client, api):
    settings.API_THROTTLE_RATE = ""
    assert all(api.get("/api/v1/orders/count/").status_code == 200 for _ in range(10))
