"""Engine construction and migrations. SQLite (WAL) under ./data by default; any SQLAlchemy
async URL (DATABASE_URL) otherwise, so nothing here may be SQLite-only SQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

DEFAULT_URL = "sqlite+aiosqlite:///./data/summit.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Plain URLs as operators paste them, mapped to the async driver we ship or document.
_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
}


def database_url(configured: str | None = None) -> URL:
    """The configured URL (DATABASE_URL) or the embedded default, with an async driver."""
    url = make_url(configured or DEFAULT_URL)
    driver = _ASYNC_DRIVERS.get(url.drivername)
    return url.set(drivername=driver) if driver else url


def create_engine(configured: str | URL | None = None) -> AsyncEngine:
    url = configured if isinstance(configured, URL) else database_url(configured)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url)
    if url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the bot read while the poller writes; SQLite leaves foreign keys off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


async def migrate(engine: AsyncEngine) -> None:
    """`alembic upgrade head` on the engine's own connection (one loop, no second engine)."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)


# Any constant: the key of the PostgreSQL advisory lock that serializes migrations.
_MIGRATION_LOCK = 0x53554D4D4954


def _upgrade(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # N workers starting together on an empty database: one migrates, the others wait
        # for its commit and then find nothing left to do.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
    command.upgrade(alembic_config(connection), "head")
