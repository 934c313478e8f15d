"""OpenAI order parsing against a real local HTTP server speaking the chat completions API."""

import json

import pytest
from pytest_httpserver import HTTPServer

from orders import llm
from orders.parsing import ParsedItem
from tests.orders.support import chat_completion, items_answer

DESIGN_MESSAGE = "Hi, we need 400 boxes for 10 inch pizzas"


@pytest.fixture
def openai_server(httpserver: HTTPServer, settings):
    settings.OPENAI_API_KEY = "sk-test"
    settings.OPENAI_BASE_URL = httpserver.url_for("/v1")
    settings.OPENAI_MODEL = "gpt-test-model"
    settings.OPENAI_MAX_RETRIES = 2
    settings.OPENAI_TIMEOUT_SECONDS = 5
    return httpserver


def test_openai_structured_output_becomes_the_parsed_order(openai_server):
    answer = items_answer({"product": "pizza boxes", "quantity": 400, "unit": "pcs", "size": '10"'})
    openai_server.expect_request("/v1/chat/completions", method="POST").respond_with_json(
        chat_completion(answer)
    )
    order = llm.parse_order(DESIGN_MESSAGE)
    assert order.items == [ParsedItem("pizza box", 400, "pcs", "10 inch")]
    assert order.source == "openai"
    (request, _response) = openai_server.log[0]
    body = json.loads(request.data)
    assert body["model"] == "gpt-test-model"
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert body["messages"][-1] == {"role": "user", "content": DESIGN_MESSAGE}
    assert request.headers["Authorization"] == "Bearer sk-test"


def test_server_errors_are_retried_and_then_the_offline_parser_answers(openai_server):
    openai_server.expect_request("/v1/chat/completions").respond_with_json(
        {"error": {"message": "overloaded", "type": "server_error"}}, status=503
    )
    order = llm.parse_order(DESIGN_MESSAGE)
    assert len(openai_server.log) == 3  # the first call and OPENAI_MAX_RETRIES retries
    assert order.source == "fallback"
    assert order.items == [ParsedItem("pizza box", 400, "pcs", "10 inch")]


def test_a_transient_error_then_success_uses_openai(openai_server):
    openai_server.expect_ordered_request("/v1/chat/completions").respond_with_json(
        {"error": {"message": "slow down", "type": "rate_limit"}}, status=429
    )
    answer = items_answer({"product": "cup", "quantity": 2, "unit": "carton", "size": "12oz"})
    openai_server.expect_ordered_request("/v1/chat/completions").respond_with_json(
        chat_completion(answer)
    )
    order = llm.parse_order("2 ctn cups 12 oz")
    assert order.source == "openai"
    assert order.items == [ParsedItem("cup", 2, "carton", "12 oz")]


def test_an_answer_outside_the_schema_falls_back_to_the_offline_parser(openai_server):
    openai_server.expect_request("/v1/chat/completions").respond_with_json(
        chat_completion('{"items": [{"product": "pizza box", "quantity": "lots"}]}')
    )
    order = llm.parse_order(DESIGN_MESSAGE)
    assert order.source == "fallback"
    assert order.items[0].quantity == 400


def test_a_refused_key_is_not_retried_and_falls_back(openai_server):
    openai_server.expect_request("/v1/chat/completions").respond_with_json(
        {"error": {"message": "bad key", "type": "invalid_request_error"}}, status=401
    )
    order = llm.parse_order(DESIGN_MESSAGE)
    assert len(openai_server.log) == 1
    assert order.source == "fallback"


def test_without_a_key_the_offline_parser_answers_and_openai_is_not_called(
    httpserver: HTTPServer, settings
):
    settings.OPENAI_API_KEY = ""
    settings.OPENAI_BASE_URL = httpserver.url_for("/v1")
    order = llm.parse_order(DESIGN_MESSAGE)
    assert order.source == "offline"
    assert order.items == [ParsedItem("pizza box", 400, "pcs", "10 inch")]
    assert httpserver.log == []


def test_a_chinese_order_is_read_by_openai(openai_server):
    answer = items_answer(
        {"product": "pizza box", "quantity": 400, "unit": "pcs", "size": "10 inch"}
    )
    openai_server.expect_request("/v1/chat/completions").respond_with_json(chat_completion(answer))
    assert llm.parse_order("我们要四百个十寸披萨盒").items == [
        ParsedItem("pizza box", 400, "pcs", "10 inch")
    ]


def test_personal_data_is_scrubbed_before_the_text_leaves_for_openai(openai_server):
    answer = items_answer(
        {"product": "pizza box", "quantity": 400, "unit": "pcs", "size": "10 inch"}
    )
    openai_server.expect_request("/v1/chat/completions").respond_with_json(chat_completion(answer))
    llm.parse_order("400 pizza boxes 10 inch pls, call me at 9123 4567 when you arrive")
    sent = json.loads(openai_server.log[0][0].data)["messages"][-1]["content"]
    assert "9123" not in sent and "4567" not in sent
    assert "400 pizza boxes 10 inch" in sent


def answering(openai_server, *items: dict) -> None:
    openai_server.expect_request("/v1/chat/completions").respond_with_json(
        chat_completion(items_answer(*items))
    )


def test_a_model_answer_is_not_doubted_for_a_number_the_offline_parser_could_not_place(
    openai_server,
):
    # "unit 5 level 2" is an address: the offline parser doubts its own reading, not the message
    text = "kraft bag 800pcs pls, unit 5 level 2, call me when reach"
    answering(openai_server, {"product": "paper bag", "quantity": 800, "unit": "pcs", "size": None})
    order = llm.parse_order(text)
    assert [item.quantity for item in order.items] == [800]
    assert "a number not read" not in order.doubt
    assert "two readings of the quantities" not in order.doubt


def test_a_model_quantity_the_customer_never_wrote_is_asked_about(openai_server):
    text = "kraft bag 800pcs pls, unit 5 level 2"
    answering(
        openai_server, {"product": "paper bag", "quantity": 8000, "unit": "pcs", "size": None}
    )
    assert llm.parse_order(text).doubt == "a quantity the customer did not write"


def test_the_message_doubts_stay_with_the_model_answer(openai_server):
    text = "Do you have 3000 of the 12oz cups in stock? we might need them"
    answering(openai_server, {"product": "cup", "quantity": 3000, "unit": "pcs", "size": "12 oz"})
    assert "a question about stock" in llm.parse_order(text).doubt


@pytest.mark.parametrize(
    "text", ["we have 20 staff now, need napkin 5000", "napkin 5000 pls, cheers Tom from Bistro 9"]
)
def test_a_model_answer_is_not_doubted_for_a_number_the_offline_parser_tied_to_no_product(
    openai_server, text
):
    # the offline parser read "20 staff now" / "9 cheer tom bistro" as lines: its own reading
    answering(openai_server, {"product": "napkin", "quantity": 5000, "unit": "pcs", "size": None})
    order = llm.parse_order(text)
    assert [item.quantity for item in order.items] == [5000]
    assert order.doubt == ""


def test_a_model_quantity_beside_a_number_tied_to_no_product_must_be_written(openai_server):
    answering(openai_server, {"product": "napkin", "quantity": 500, "unit": "pcs", "size": None})
    order = llm.parse_order("we have 20 staff now, need napkin 5000")
    assert order.doubt == "a quantity the customer did not write"


def test_half_a_carton_read_offline_stands_against_the_model_s_pieces(openai_server):
    # the model's whole numbers cannot hold half a carton: it would guess the pack size
    answer = items_answer(
        {"product": "burger box", "quantity": 125, "unit": "pcs", "size": None},
        {"product": "napkin", "quantity": 2, "unit": "carton", "size": None},
    )
    openai_server.expect_request("/v1/chat/completions").respond_with_json(chat_completion(answer))
    order = llm.parse_order("burger box half ctn, napkin 2 ctn")
    assert order.items == [
        ParsedItem("burger box", 1, "half carton"),
        ParsedItem("napkin", 2, "carton"),
    ]
    assert order.doubt == ""


def test_cartons_and_pieces_more_read_offline_stand_against_the_model_s_total(openai_server):
    # the model sums the carton and the pieces by a pack size it assumes: one line, no comparison
    answer = items_answer(
        {"product": "8oz paper cup", "quantity": 1250, "unit": "pcs", "size": "8oz"},
        {"product": "napkin", "quantity": 2, "unit": "carton", "size": None},
    )
    openai_server.expect_request("/v1/chat/completions").respond_with_json(chat_completion(answer))
    order = llm.parse_order("8oz cup 1 carton plus 250 pcs, napkin 2 ctn")
    assert order.items == [
        ParsedItem("cup", 1, "carton", "8 oz"),
        ParsedItem("cup", 250, "pcs", "8 oz"),
        ParsedItem("napkin", 2, "carton"),
    ]
    assert order.doubt == ""


def test_a_model_that_reads_another_line_beside_cartons_and_pieces_is_asked_about(openai_server):
    answer = items_answer(
        {"product": "8oz paper cup", "quantity": 1250, "unit": "pcs", "size": "8oz"},
        {"product": "napkin", "quantity": 3, "unit": "carton", "size": None},
    )
    openai_server.expect_request("/v1/chat/completions").respond_with_json(chat_completion(answer))
    order = llm.parse_order("8oz cup 1 carton plus 250 pcs, napkin 2 ctn")
    assert order.source == "openai"
    assert order.doubt


def test_a_model_that_reads_other_quantities_beside_a_half_carton_is_asked_about(openai_server):
    answer = items_answer(
        {"product": "burger box", "quantity": 125, "unit": "pcs", "size": None},
        {"product": "napkin", "quantity": 3, "unit": "carton", "size": None},
    )
    openai_server.expect_request("/v1/chat/completions").respond_with_json(chat_completion(answer))
    order = llm.parse_order("burger box half ctn, napkin 2 ctn")
    assert order.source == "openai"
    assert order.doubt
