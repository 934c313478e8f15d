"""The filter language: each operator against real rows, each error named, and the same filters
as GET query strings."""

import datetime as dt

import pytest

from tests.factories import MessageFactory, SessionFactory
from tria.api import filterlang
from tria.api.filterlang import FieldSpec, FilterError

SPEC = {
    "role": FieldSpec("role", "str"),
    "confidence": FieldSpec("confidence", "float"),
    "session_id": FieldSpec("session_id", "uuid"),
    "timestamp": FieldSpec("timestamp", "datetime"),
    "context": FieldSpec("context", "json"),
    "pii_scrubbed": FieldSpec("pii_scrubbed", "bool"),
}


# ------------------------------------------------------------------ the compiler (pure)


@pytest.mark.parametrize(
    ("condition", "lookup", "negate"),
    [
        ({"$eq": "user"}, "role__exact", False),
        ({"$ne": "user"}, "role__exact", True),
        ({"$gt": "a"}, "role__gt", False),
        ({"$gte": "a"}, "role__gte", False),
        ({"$lt": "a"}, "role__lt", False),
        ({"$lte": "a"}, "role__lte", False),
        ({"$in": ["user"]}, "role__in", False),
        ({"$nin": ["user"]}, "role__in", True),
        ({"$isnull": True}, "role__isnull", False),
        ({"$contains": "us"}, "role__contains", False),
        ({"$icontains": "US"}, "role__icontains", False),
    ],
)
def test_each_operator_compiles_to_its_lookup(condition, lookup, negate):
    [compiled] = filterlang.compile_filters({"role": condition}, SPEC)
    assert (compiled.lookup, compiled.negate) == (lookup, negate)


def test_a_plain_value_is_equality_and_null_means_missing():
    compiled = filterlang.compile_filters({"role": "user", "confidence": None}, SPEC)
    assert [(c.lookup, c.value) for c in compiled] == [
        ("role__exact", "user"),
        ("confidence__isnull", True),
    ]


def test_a_dotted_name_reaches_into_a_json_field():
    [compiled] = filterlang.compile_filters({"context.order.channel": "whatsapp"}, SPEC)
    assert (compiled.lookup, compiled.value) == ("context__order__channel__exact", "whatsapp")


def test_a_datetime_without_zone_is_utc_and_one_with_a_zone_is_converted():
    compiled = filterlang.compile_filters(
        {"timestamp": {"$gte": "2025-01-01T00:00:00", "$lt": "2025-01-01T08:00:00+08:00"}}, SPEC
    )
    utc_midnight = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    assert [c.value for c in compiled] == [utc_midnight, utc_midnight]


def test_several_operators_on_one_field_are_all_applied():
    compiled = filterlang.compile_filters({"confidence": {"$gte": 0.5, "$lt": 0.9}}, SPEC)
    assert [(c.lookup, c.value) for c in compiled] == [
        ("confidence__gte", 0.5),
        ("confidence__lt", 0.9),
    ]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"colour": "red"}, "unknown filter field 'colour'"),
        ({"role": {"$regex": "u.*"}}, "unknown operator '$regex' on 'role'"),
        ({"confidence": {"$contains": 1}}, "operator '$contains' is not allowed on 'confidence'"),
        ({"session_id": {"$gt": "x"}}, "operator '$gt' is not allowed on 'session_id'"),
        ({"pii_scrubbed": {"$in": [True]}}, "operator '$in' is not allowed on 'pii_scrubbed'"),
        ({"context": {"$icontains": "a"}}, "operator '$icontains' is not allowed on 'context'"),
        ({"confidence": "high"}, "invalid value for 'confidence'"),
        ({"confidence": {"$gte": True}}, "invalid value for 'confidence'"),
        ({"role": 5}, "invalid value for 'role': expected a string"),
        ({"role": {"$in": "user"}}, "'$in' on 'role' takes a list"),
        ({"role": {"$isnull": "maybe"}}, "'$isnull' on 'role' takes true or false"),
        ({"timestamp": {"$gte": "last tuesday"}}, "invalid value for 'timestamp'"),
        ({"session_id": "not-a-uuid"}, "invalid value for 'session_id'"),
        ({"role.x": "a"}, "'role' is not a JSON field"),
        ({"context.a__b": "a"}, "invalid JSON key 'a__b'"),
        ({"role": "nul\x00byte"}, "must not contain NUL"),
    ],
)
def test_every_bad_filter_is_refused_with_a_message_naming_it(filters, message):
    with pytest.raises(FilterError) as caught:
        filterlang.compile_filters(filters, SPEC)
    assert message in caught.value.message


def test_filters_must_be_an_object():
    with pytest.raises(FilterError, match="filters must be a JSON object"):
        filterlang.compile_filters(["role", "user"], SPEC)


@pytest.mark.parametrize(
    ("order_by", "expected"),
    [
        (["-timestamp", "role"], ["-timestamp", "role"]),
        ("role,-confidence", ["role", "-confidence"]),
    ],
)
def test_ordering_accepts_a_list_or_comma_separated_names(order_by, expected):
    assert filterlang.compile_ordering(order_by, SPEC) == expected


@pytest.mark.parametrize("order_by", [["-colour"], ["context"], [1]])
def test_ordering_by_an_undeclared_or_json_field_is_refused(order_by):
    with pytest.raises(FilterError) as caught:
        filterlang.compile_ordering(order_by, SPEC)
    assert caught.value.code == "invalid_ordering"


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 1001}, "limit"),
        ({"offset": -1}, "offset"),
        ({"with_total": "perhaps"}, "with_total"),
        ({"filter": {}}, "filter"),
    ],
)
def test_bad_paging_or_unknown_query_parameters_are_refused(body, parameter):
    with pytest.raises(FilterError) as caught:
        filterlang.parse_query(body, SPEC, default_limit=50, max_limit=1000)
    assert caught.value.details["parameter"] == parameter


# ------------------------------------------------------------------ against real rows


@pytest.fixture
def messages(db):
    session = SessionFactory()
    at = dt.datetime(2025, 1, 10, 12, tzinfo=dt.UTC)
    rows = {
        "order": MessageFactory(
            session=session,
            role="user",
            content="We need 400 Pizza boxes",
            intent="order_placement",
            confidence=0.95,
            context={"channel": "whatsapp", "tags": ["urgent", "b2b"]},
            timestamp=at,
        ),
        "reply": MessageFactory(
            session=session,
            role="assistant",
            content="Order confirmed",
            intent="order_confirmation",
            confidence=0.6,
            context={"channel": "whatsapp"},
            timestamp=at + dt.timedelta(minutes=1),
        ),
        "note": MessageFactory(
            session=session,
            role="system",
            content="staff note",
            confidence=None,
            context={"channel": "admin", "priority": 3},
            timestamp=at + dt.timedelta(days=1),
        ),
    }
    return rows


def _query(api, filters: dict, **extra) -> set[int]:
    response = api.post("/api/v1/messages/query/", {"filters": filters, **extra}, format="json")
    assert response.status_code == 200, response.json()
    return {row["id"] for row in response.json()["results"]}


def _ids(messages, *names) -> set[int]:
    return {messages[name].pk for name in names}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"role": "user"}, ["order"]),
        ({"role": {"$eq": "assistant"}}, ["reply"]),
        ({"role": {"$ne": "user"}}, ["reply", "note"]),
        ({"confidence": {"$gt": 0.6}}, ["order"]),
        ({"confidence": {"$gte": 0.6}}, ["order", "reply"]),
        ({"confidence": {"$lt": 0.95}}, ["reply"]),
        ({"confidence": {"$lte": 0.95}}, ["order", "reply"]),
        ({"role": {"$in": ["user", "system"]}}, ["order", "note"]),
        ({"role": {"$nin": ["user", "system"]}}, ["reply"]),
        ({"confidence": {"$isnull": True}}, ["note"]),
        ({"confidence": {"$isnull": False}}, ["order", "reply"]),
        ({"content": {"$contains": "Pizza"}}, ["order"]),
        ({"content": {"$contains": "pizza"}}, []),
        ({"content": {"$icontains": "CONFIRMED"}}, ["reply"]),
        ({"context": {"$contains": {"tags": ["urgent"]}}}, ["order"]),
        ({"context.channel": "whatsapp"}, ["order", "reply"]),
        ({"context.channel": {"$ne": "whatsapp"}}, ["note"]),
        ({"context.priority": {"$gte": 2}}, ["note"]),
        ({"context.priority": {"$isnull": True}}, ["order", "reply"]),
        ({"context.channel": {"$icontains": "ADM"}}, ["note"]),
        ({"context.tags": {"$contains": "b2b"}}, ["order"]),
        ({"timestamp": {"$gte": "2025-01-10T12:00:30", "$lt": "2025-01-11T00:00:00Z"}}, ["reply"]),
        ({"timestamp": {"$lt": "2025-01-10T20:00:30+08:00"}}, ["order"]),
    ],
)
def test_each_operator_selects_exactly_the_matching_messages(api, messages, filters, expected):
    assert _query(api, filters) == _ids(messages, *expected)


def test_on_messages_session_id_is_the_session_uuid(api, messages):
    session_id = str(messages["order"].session.session_id)
    assert _query(api, {"session_id": session_id}) == _ids(messages, "order", "reply", "note")
    SessionFactory()
    other = str(SessionFactory().session_id)
    assert _query(api, {"session_id": other}) == set()


def test_a_filter_error_is_a_400_in_the_one_error_shape(api, messages):
    response = api.post(
        "/api/v1/messages/query/", {"filters": {"confidence": {"$near": 1}}}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": {
            "code": "invalid_filter",
            "message": "unknown operator '$near' on 'confidence'; allowed: "
            "$eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $isnull",
            "details": {"field": "confidence", "operator": "$near"},
        }
    }


def test_an_unknown_ordering_is_a_400_naming_it(api, messages):
    response = api.post("/api/v1/messages/query/", {"order_by": ["-colour"]}, format="json")
    assert response.status_code == 400
    assert "'colour'" in response.json()["error"]["message"]


# ------------------------------------------------------------------ the same as GET query strings


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"role": "user"}, ["order"]),
        ({"role__ne": "user"}, ["reply", "note"]),
        ({"role__in": "user,system"}, ["order", "note"]),
        ({"role__nin": "user,system"}, ["reply"]),
        ({"confidence__gte": "0.6"}, ["order", "reply"]),
        ({"confidence__lt": "0.95"}, ["reply"]),
        ({"confidence__isnull": "true"}, ["note"]),
        ({"content__icontains": "pizza"}, ["order"]),
        ({"context.channel": "admin"}, ["note"]),
        (
            {"timestamp__gte": "2025-01-10T12:00:30", "timestamp__lte": "2025-01-10T12:01:00Z"},
            ["reply"],
        ),
        ({"timestamp__lt": "2025-01-10T20:00:30 08:00"}, ["order"]),
    ],
)
def test_query_string_filters_select_the_same_rows(api, messages, params, expected):
    response = api.get("/api/v1/messages/", params)
    assert response.status_code == 200, response.json()
    assert {row["id"] for row in response.json()["results"]} == _ids(messages, *expected)


def test_query_string_ordering_and_paging(api, messages):
    response = api.get("/api/v1/messages/", {"order_by": "-timestamp", "limit": 2})
    assert [row["id"] for row in response.json()["results"]] == [
        messages["note"].pk,
        messages["reply"].pk,
    ]


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"colour": "red"}, "colour"),
        ({"confidence__gte": "high"}, "confidence__gte"),
        ({"timestamp__gte": "yesterday"}, "timestamp__gte"),
        ({"pii_scrubbed": "maybe"}, "pii_scrubbed"),
        ({"session_id": "nope"}, "session_id"),
        ({"id": "99999999999999999999999"}, "id"),
        ({"order_by": "-colour"}, "colour"),
        ({"limit": "5000"}, "limit"),
        ({"role.x": "y"}, "role"),
    ],
)
def test_a_bad_query_string_is_a_400_naming_the_parameter(api, messages, params, named):
    response = api.get("/api/v1/messages/", params)
    assert response.status_code == 400
    assert named in response.json()["error"]["message"]


def test_a_user_id_filter_in_a_query_body_also_takes_a_phone_number(api):
    from conversations.whatsapp.identity import pseudonymize_phone

    session = SessionFactory(user_id=pseudonymize_phone("+6591234567"))
    SessionFactory()
    body = {"filters": {"user_id": "+65 9123 4567"}}
    by_phone = api.post("/api/v1/sessions/query/", body, format="json").json()["results"]
    assert [row["session_id"] for row in by_phone] == [str(session.session_id)]
    bad = api.get("/api/v1/sessions/", {"user_id": "someone"})
    assert bad.status_code == 400
