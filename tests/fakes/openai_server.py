"""A protocol-faithful OpenAI-compatible server on 127.0.0.1, driven through the real SDK.

Serves `POST /v1/chat/completions` (plain, JSON mode and json_schema structured output) and
`POST /v1/responses`, with the response shapes, error bodies and headers the openai SDK
parses. Replies come from a script, one per request, so a test can stage a 429 with
Retry-After, a 500, a slow reply, `finish_reason: "length"`, a refusal or invalid JSON, and
then assert on every request the client sent.

    with FakeOpenAIServer() as server:
        server.script.append(Reply(content={"headline": ...}))
        llm = OpenAIStructuredLLM(model="fake-model", api_key="k", base_url=server.url)
        ...
    server.requests[0].body["messages"]
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass
class Reply:
    """One scripted answer. `content` is the assistant's text (a dict is sent as JSON)."""

    content: str | dict[str, Any] | None = None
    status: int = 200
    finish_reason: str = "stop"
    refusal: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    error: dict[str, Any] | None = None  # the `error` object of a non-200 reply
    delay: float = 0.0  # seconds before the response starts
    usage: tuple[int, int] = (120, 80)  # prompt (input) and completion (output) tokens

    @classmethod
    def rate_limited(cls, retry_after: float = 0.05) -> Reply:
        return cls(
            status=429,
            headers={
                "retry-after": str(max(1, round(retry_after))),
                "retry-after-ms": str(int(retry_after * 1000)),
                "x-ratelimit-remaining-requests": "0",
            },
            error={
                "message": "Rate limit reached for requests",
                "type": "requests",
                "param": None,
                "code": "rate_limit_exceeded",
            },
        )

    @classmethod
    def server_error(cls, status: int = 500) -> Reply:
        return cls(
            status=status,
            error={
                "message": "The server had an error while processing your request.",
                "type": "server_error",
                "param": None,
                "code": None,
            },
        )

    def text(self) -> str | None:
        if isinstance(self.content, dict):
            return json.dumps(self.content, ensure_ascii=False)
        return self.content


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: dict[str, Any]
    at: float  # time.monotonic() when it arrived

    @property
    def response_format(self) -> str | None:
        """ "json_schema", "json_object" or None (chat), or the Responses API's text format."""
        if self.path.endswith("/responses"):
            return str(self.body.get("text", {}).get("format", {}).get("type")) or None
        fmt = self.body.get("response_format")
        return str(fmt.get("type")) if isinstance(fmt, dict) else None

    def prompt_text(self) -> str:
        """Every message's text, for assertions on what the model was shown."""
        if self.path.endswith("/responses"):
            parts = [str(self.body.get("instructions") or ""), json.dumps(self.body.get("input"))]
            return "\n".join(parts)
        return "\n".join(str(m.get("content")) for m in self.body.get("messages", []))


class FakeOpenAIServer:
    """Replies to each request with the next `script` entry; `json_schema=False` plays a
    server without structured output (json_schema requests get a 400, as llama.cpp's did)."""

    def __init__(self, *, json_schema: bool = True) -> None:
        self.script: deque[Reply] = deque()
        self.requests: list[RecordedRequest] = []
        self.json_schema = json_schema
        self.stopping = threading.Event()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._httpd.fake = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        """The base URL to give the SDK (OPENAI_BASE_URL)."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def __enter__(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def next_reply(self, request: RecordedRequest) -> Reply:
        with self._lock:
            self.requests.append(request)
            if not self.script:
                return _EXHAUSTED
            return self.script.popleft()

    def next_id(self, prefix: str) -> str:
        return f"{prefix}_{next(self._ids):06d}"


# A request the test did not script fails loudly, and the SDK is told not to retry it.
_EXHAUSTED = Reply(
    status=500,
    headers={"x-should-retry": "false"},
    error={"message": "no scripted reply left", "type": "fake", "param": None, "code": None},
)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-openai/1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    @property
    def fake(self) -> FakeOpenAIServer:
        return self.server.fake  # type: ignore[attr-defined,no-any-return]

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            self._error(400, "We could not parse the JSON body of your request.")
            return
        request = RecordedRequest(
            "POST",
            self.path,
            {k.lower(): v for k, v in self.headers.items()},
            body,
            time.monotonic(),
        )
        problem = self._invalid(request)
        if problem is not None:
            self.fake.requests.append(request)
            self._error(400, problem, param="response_format")
            return
        reply = self.fake.next_reply(request)
        if reply.delay and self.fake.stopping.wait(reply.delay):
            return
        if reply.status != 200:
            self._send(reply.status, {"error": reply.error or {}}, reply.headers)
        elif self.path == "/v1/chat/completions":
            self._send(200, self._chat(request, reply), reply.headers)
        else:
            self._send(200, self._response(request, reply), reply.headers)

    def _invalid(self, request: RecordedRequest) -> str | None:
        if request.path not in ("/v1/chat/completions", "/v1/responses"):
            return f"Unknown request URL: POST {request.path}."
        if not request.headers.get("authorization", "").startswith("Bearer "):
            return "You didn't provide an API key."
        if not request.body.get("model"):
            return "you must provide a model parameter"
        if request.path.endswith("completions") and not request.body.get("messages"):
            return "'messages' is a required property"
        if request.response_format == "json_schema" and not self.fake.json_schema:
            return "response_format type json_schema is not supported by this server"
        return None

    def _chat(self, request: RecordedRequest, reply: Reply) -> dict[str, Any]:
        prompt, completion = reply.usage
        return {
            "id": self.fake.next_id("chatcmpl"),
            "object": "chat.completion",
            "created": int(time.time()),
            "model": request.body["model"],
            "system_fingerprint": "fp_fake",
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": None if reply.refusal else reply.text(),
                        "refusal": reply.refusal,
                        "annotations": [],
                    },
                    "logprobs": None,
                    "finish_reason": reply.finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": completion,
                "total_tokens": prompt + completion,
            },
        }

    def _response(self, request: RecordedRequest, reply: Reply) -> dict[str, Any]:
        prompt, completion = reply.usage
        part: dict[str, Any] = (
            {"type": "refusal", "refusal": reply.refusal}
            if reply.refusal
            else {"type": "output_text", "text": reply.text() or "", "annotations": []}
        )
        truncated = reply.finish_reason == "length"
        return {
            "id": self.fake.next_id("resp"),
            "object": "response",
            "created_at": int(time.time()),
            "status": "incomplete" if truncated else "completed",
            "incomplete_details": {"reason": "max_output_tokens"} if truncated else None,
            "error": None,
            "model": request.body["model"],
            "instructions": request.body.get("instructions"),
            "output": [
                {
                    "type": "message",
                    "id": self.fake.next_id("msg"),
                    "status": "incomplete" if truncated else "completed",
                    "role": "assistant",
                    "content": [part],
                }
            ],
            "parallel_tool_calls": True,
            "tool_choice": "auto",
            "tools": [],
            "temperature": 1.0,
            "top_p": 1.0,
            "max_output_tokens": request.body.get("max_output_tokens"),
            "text": request.body.get("text", {"format": {"type": "text"}}),
            "usage": {
                "input_tokens": prompt,
                "input_tokens_details": {"cached_tokens": 0},
                "output_tokens": completion,
                "output_tokens_details": {"reasoning_tokens": 0},
                "total_tokens": prompt + completion,
            },
        }

    def _error(self, status: int, message: str, *, param: str | None = None) -> None:
        error = {"message": message, "type": "invalid_request_error", "param": param, "code": None}
        self._send(status, {"error": error}, {})

    def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str]) -> None:
        data = json.dumps(payload).encode("utf-8")
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-request-id", f"req_{self.fake.next_id('fake')}")
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
