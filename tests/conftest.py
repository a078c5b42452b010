"""Fixtures shared across test folders."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from fakes.http_server import FakeHTTPServer
from postgres_cluster import PostgresCluster, find_binaries

from bot.store import Store

# The product reads these from the environment; tests never see the machine's own values.
_OURS = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "SLACK_SCOPES",
    "SLACK_REDIRECT_URI",  # bolt reads it too
    "DISCORD_TOKEN",
    "DISCORD_MESSAGE_CONTENT",
    "DISCORD_API_URL",
    "DISCORD_GATEWAY_URL",
    "DISCORD_SHARDS",
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


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One real PostgreSQL server for the session (each test takes a database of its own)."""
    bin_dir = find_binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (no initdb/pg_ctl): `apt-get install postgresql`")
    cluster = PostgresCluster.start(bin_dir)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each engine we support: a SQLite file, then a real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    return cluster.new_database()


@pytest.fixture
async def any_store(database_url: str) -> AsyncIterator[Store]:
    """A real, migrated store on SQLite and on PostgreSQL (the test runs once on each)."""
    opened = Store.open(database_url)
    await opened.migrate()
    try:
        yield opened
    finally:
        await opened.close()
