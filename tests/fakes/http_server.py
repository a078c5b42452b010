"""A real HTTP/1.1 server on 127.0.0.1 serving canned responses, for tests that fetch.

Tests talk to it over a socket exactly as the bot talks to a news site, so timeouts, redirects,
gzip, conditional GET and size caps are exercised for real, with no mock of the HTTP client.

    with FakeHTTPServer({"/a": Route("<html>...</html>")}) as server:
        await fetch(server.url("/a"))
    server.requests  # what the client sent
"""

from __future__ import annotations

import contextlib
import gzip as gzip_codec
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass
class Route:
    """One canned response."""

    body: bytes | str = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the response starts (slow servers, timeouts)
    etag: str | None = None  # a matching If-None-Match gets 304
    last_modified: str | None = None  # an equal If-Modified-Since gets 304
    gzip: bool = False  # compressed when the client accepts gzip
    chunked: bool = False  # no Content-Length: the client learns the size only by reading

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Route:
        return cls(status=status, content_type=None, headers={"Location": location})

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased


class FakeHTTPServer:
    """Serves `routes` (path -> Route; mutable while running) on a free port of 127.0.0.1."""

    def __init__(self, routes: Mapping[str, Route] | None = None) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.requests: list[RecordedRequest] = []
        self.stopping = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False  # a handler still in its delay must not hold us
        self._httpd.fake = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            # A short poll keeps stop() (which waits for the next poll) fast.
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.02},
            name="fake-http-server",
            daemon=True,
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> FakeHTTPServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeHTTPServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive and chunked bodies, as real sites use

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    @property
    def _fake(self) -> FakeHTTPServer:
        fake: FakeHTTPServer = self.server.fake  # type: ignore[attr-defined]
        return fake

    def _respond(self, *, send_body: bool) -> None:
        fake = self._fake
        headers = {name.lower(): value for name, value in self.headers.items()}
        fake.requests.append(RecordedRequest(self.command, self.path, headers))
        route = fake.routes.get(self.path) or Route(b"not found", 404, "text/plain")
        if route.delay and fake.stopping.wait(route.delay):
            return
        # The client may hang up mid-body (a size cap, a timeout): that is what the test wanted.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(route, headers, send_body=send_body)

    def _send(self, route: Route, headers: dict[str, str], *, send_body: bool) -> None:
        if _not_modified(route, headers):
            self.send_response(304)
            self._validators(route)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = route.payload()
        gzipped = route.gzip and "gzip" in headers.get("accept-encoding", "")
        if gzipped:
            body = gzip_codec.compress(body)
        self.send_response(route.status)
        if route.content_type:
            self.send_header("Content-Type", route.content_type)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self._validators(route)
        for name, value in route.headers.items():
            self.send_header(name, value)
        if route.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self._write_body(body, chunked=route.chunked)

    def _validators(self, route: Route) -> None:
        if route.etag:
            self.send_header("ETag", route.etag)
        if route.last_modified:
            self.send_header("Last-Modified", route.last_modified)

    def _write_body(self, body: bytes, *, chunked: bool) -> None:
        if not chunked:
            self.wfile.write(body)
            return
        step = 64 * 1024
        for start in range(0, len(body), step):
            piece = body[start : start + step]
            self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")


def _not_modified(route: Route, headers: dict[str, str]) -> bool:
    if route.etag and headers.get("if-none-match") == route.etag:
        return True
    return bool(route.last_modified and headers.get("if-modified-since") == route.last_modified)
