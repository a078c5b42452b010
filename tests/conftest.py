"""Fixtures shared across test folders."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakes.http_server import FakeHTTPServer


@pytest.fixture
def http_server() -> Iterator[FakeHTTPServer]:
    """A real HTTP server on 127.0.0.1; add routes to `http_server.routes`."""
    with FakeHTTPServer() as server:
        yield server
