"""The OpenAPI schema and its documentation pages: self-hosted, authenticated like the API."""

import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

URL = re.compile(r"""(?:https?:)?//([^/"'\s)]+)""")


@pytest.fixture
def staff_client(client):
    client.force_login(get_user_model().objects.create_user("mei", is_staff=True))
    return client


@pytest.mark.parametrize("page", ["/api/docs/", "/api/redoc/"])
def test_the_documentation_pages_load_nothing_from_another_host(staff_client, page):
    response = staff_client.get(page)
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/drf_spectacular_sidecar/" in html
    assert set(URL.findall(html)) <= {"testserver"}


@pytest.mark.parametrize("accept", [None, "application/json", "application/vnd.oai.openapi"])
def test_item11_without_a_key_the_schema_is_refused_with_the_json_error_envelope(client, accept):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    response = client.get("/api/schema/", **headers)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


@pytest.mark.parametrize("page", ["/api/docs/", "/api/redoc/"])
def test_without_a_login_the_documentation_pages_are_refused(client, page):
    assert client.get(page).status_code == 401


def test_with_a_key_the_schema_is_served(api):
    response = api.get("/api/schema/?format=json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "tria API"


def test_api_schema_public_serves_the_schema_to_anyone(client, settings):
    settings.API_SCHEMA_PUBLIC = True
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    assert "/api/v1/orders/" in response.json()["paths"]
