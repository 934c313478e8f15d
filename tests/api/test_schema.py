"""Property-based: schemathesis generates valid and invalid requests for every operation of
/api/v1/ from the OpenAPI schema served at /api/schema/; no answer may be a 500 or break the
schema (status code, content type and body are checked against it)."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import MessageFactory, OutletContactFactory, ProductFactory, SummaryFactory
from tria.api import apikeys

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = {GenerationMode.POSITIVE: 6, GenerationMode.NEGATIVE: 4}  # per operation


@pytest.fixture
def api_schema(settings):
    """The schema as served, with requests going to the real WSGI application in-process."""
    from tria.wsgi import application

    settings.API_SCHEMA_PUBLIC = True  # loaded without a key (the tests' requests send one)

    # Like Django's test client: keep the test's database connection (and its transaction)
    # open across requests instead of closing it when a request ends.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application).include(
        path_regex=r"^/api/v1/(?!users/)"
    )
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def auth_header(django_user_model) -> dict[str, str]:
    """A superuser key, and a few records so that reads and updates find something."""
    django_user_model.objects.create_superuser("schemathesis", password=None)
    _, key = apikeys.issue_api_key("schemathesis", username="schemathesis")
    MessageFactory()
    SummaryFactory()
    ProductFactory()
    OutletContactFactory()
    return {"Authorization": f"Bearer {key}"}


def _run(operation, mode: GenerationMode, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()


def test_no_request_gets_a_500_or_a_response_outside_the_schema(api_schema, auth_header):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    # nine resources, thirteen method+path pairs each; orders also approve and cancel, and the
    # five support actions on a session
    assert len(operations) == 9 * 13 + 2 + 5
    failures = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                _run(operation, mode, auth_header)
            except (Exception, BaseExceptionGroup) as exc:  # report every failing operation
                failures.append(f"{operation.label} ({mode.value}): {exc}")
    assert not failures, "\n\n".join(failures)


def test_the_schema_documents_the_four_extra_operations(api):
    paths = api.get("/api/schema/?format=json").json()["paths"]
    assert set(paths["/api/v1/sessions/count/"]) >= {"get", "post"}
    assert set(paths["/api/v1/sessions/exists/"]) >= {"get", "post"}
    assert set(paths["/api/v1/sessions/bulk/"]) >= {"post", "patch"}
    query = paths["/api/v1/sessions/query/"]["post"]
    assert "$gte" in query["description"]
    assert "without a zone is UTC" in query["description"]
    assert set(query["responses"]) >= {"200", "400", "401", "403"}
    bulk = paths["/api/v1/messages/bulk/"]["post"]["responses"]
    assert set(bulk) >= {"201", "400", "413"}


def test_the_schema_documents_the_query_string_filters_of_list_count_and_exists(api):
    paths = api.get("/api/schema/?format=json").json()["paths"]
    for path in ("/api/v1/messages/", "/api/v1/messages/count/", "/api/v1/messages/exists/"):
        names = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert {"session_id", "role__in", "timestamp__gte", "confidence__isnull"} <= names
    listed = {p["name"] for p in paths["/api/v1/messages/"]["get"]["parameters"]}
    assert {"limit", "offset", "order_by", "with_total"} <= listed
