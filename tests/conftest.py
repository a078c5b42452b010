"""Fixtures shared across test folders."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from fakes.http_server import FakeHTTPServer

from bot.store import Store

# The product reads these from the environment; tests never see the machine's own values.
_OURS = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "DISCORD_TOKEN",
    "DISCORD_MESSAGE_CONTENT",
    "DISCORD_API_URL",
    "DISCORD_GATEWAY_URL",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "SUMMIT_LLM_MODEL",
    "DATABASE_URL",
    "SUMMIT_CONFIG",
    "PORT",
)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No real secrets, no `.env` from the checkout, and a store in a temporary folder."""
    for name in _OURS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'summit.db'}")


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """A real, migrated SQLite store in the test's own folder."""
    opened = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    await opened.migrate()
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def http_server() -> Iterator[FakeHTTPServer]:
    """A real HTTP server on 127.0.0.1; add routes to `http_server.routes`."""
    with FakeHTTPServer() as server:
        yield server
