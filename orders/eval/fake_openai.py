"""A local fake of the OpenAI chat completions API for `python -m orders.eval.run --openai`.

It answers every request with the structured output it was given for the next message (the
runner sets it before each call), so the blind set goes through orders.llm.parse_order exactly as
in production: the real OpenAI client, the scrubber, the schema check, the normalisation of the
answer and the cross-check with the offline parser. What the fake answers is the set's own
expectation written as the model would (catalogue product names, "carton" units): it measures the
code path around the model, not a model.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import django
from django.conf import settings


class FakeOpenAI:
    def __init__(self) -> None:
        self.answer = '{"items": [], "repeat_last": false}'
        self.requests = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                fake.requests += 1
                body = json.dumps(completion(fake.answer)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def completion(content: str) -> dict:
    return {
        "id": "chatcmpl-eval",
        "object": "chat.completion",
        "created": 0,
        "model": "gpt-eval",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def model_answer(case: dict, catalogue: dict) -> str:
    """The case's expected items as the model answers them."""
    items = []
    for item in case["items"]:
        product = catalogue[item["sku"]]
        unit = "carton" if item.get("unit") == "carton" else "pcs"
        size = product.size if any(c.isdigit() for c in product.size) else None
        items.append(
            {"product": product.name, "quantity": item["quantity"], "unit": unit, "size": size}
        )
    repeat = bool(case.get("repeat_last"))
    return json.dumps({"items": items, "repeat_last": repeat})


def configure_openai(base_url: str) -> None:
    """Django settings with OpenAI pointed at the fake (the production client, no retries)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tria.settings")
    os.environ.setdefault("DEBUG", "1")  # an evaluation tool: the development settings
    django.setup()
    for name in ("httpx", "httpx2", "openai"):
        logging.getLogger(name).setLevel(logging.WARNING)
    settings.OPENAI_API_KEY = "sk-eval-fake"
    settings.OPENAI_BASE_URL = base_url
    settings.OPENAI_MAX_RETRIES = 0
