"""Fixtures shared across test folders."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.store import Store
from tests.fakes.http_server import FakeHTTPServer
from tests.support.postgres_cluster import PostgresCluster, find_binaries

# The product reads these from the environment; tests never see the machine's own values.
# By prefix, so a variable added to the product later is wiped without touching this list.
_OUR_PREFIXES = ("SLACK_", "DISCORD_", "OPENAI_", "SUMMIT_")
_OURS = ("DATABASE_URL", "PORT")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No real secrets, no `.env` from the checkout, and a store in a temporary folder."""
    for name in list(os.environ):
        if name.startswith(_OUR_PREFIXES) or name in _OURS:
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
