"""Engine construction and migrations. SQLite (WAL) under ./data by default; any SQLAlchemy
async URL (DATABASE_URL) otherwise, so nothing here may be SQLite-only SQL."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.core.errors import ConfigError

if TYPE_CHECKING:
    from alembic.config import Config

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
    try:
        url = make_url(configured or DEFAULT_URL)
        url.port  # noqa: B018 - parsed lazily: "host:abc" fails here, not at connect time
    except (ArgumentError, ValueError):
        # Not echoed: the text may hold a password.
        raise ConfigError("DATABASE_URL is not a valid database URL") from None
    driver = _ASYNC_DRIVERS.get(url.drivername)
    return url.set(drivername=driver) if driver else url


def create_engine(configured: str | URL | None = None) -> AsyncEngine:
    url = configured if isinstance(configured, URL) else database_url(configured)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        _prepare_sqlite_file(Path(url.database), default=configured is None)
    try:
        engine = create_async_engine(url)
    except (ImportError, NoSuchModuleError) as exc:
        raise ConfigError(f"DATABASE_URL: no driver for {url.drivername} ({_hint(url)})") from exc
    if url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _prepare_sqlite_file(path: Path, *, default: bool) -> None:
    """The embedded default's ./data folder is made; a configured path must name an existing
    folder (a typo must not grow a tree of folders). A new file is readable by its owner only:
    it holds the coverage, subscriptions and Slack installations."""
    if not path.parent.is_dir():
        if not default:
            raise ConfigError(f"DATABASE_URL: the folder {path.parent} does not exist")
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    except OSError as exc:
        raise ConfigError(f"DATABASE_URL: cannot open {path}: {exc.strerror}") from exc


def _hint(url: URL) -> str:
    if url.get_backend_name() == "postgresql":
        return "install summit-brief[postgres]"
    return "supported: sqlite, postgresql"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the bot read while the poller writes; SQLite leaves foreign keys off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config  # deferred: Alembic loads only when a migration runs

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


async def migrate(engine: AsyncEngine) -> None:
    """`alembic upgrade head` on the engine's own connection (one loop, no second engine), run
    only when the database is behind: a current one is checked with one query, not Alembic."""
    await _reach(engine)
    async with engine.begin() as connection:
        if await connection.run_sync(applied_revisions) != head_revisions():
            await connection.run_sync(_upgrade)


def applied_revisions(connection: Connection) -> frozenset[str]:
    """What `alembic_version` records (empty on a fresh database)."""
    if not inspect(connection).has_table("alembic_version"):
        return frozenset()
    return frozenset(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


_REVISION = re.compile(r"^(down_revision|revision)\b[^=]*=\s*(.+)$", re.M)
_IDS = re.compile(r"[\"']([^\"']+)[\"']")


@cache
def head_revisions() -> frozenset[str]:
    """The migrations' heads, read from the revision files' `revision`/`down_revision` lines:
    Alembic's script directory costs a fifth of a second to load, every start."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION.findall(script.read_text(encoding="utf-8")):
            (revisions if name == "revision" else parents).update(_IDS.findall(value))
    return frozenset(revisions - parents)


async def _reach(engine: AsyncEngine) -> None:
    """The first contact with the database: a refused connection, a wrong password, a file that
    is not a database are configuration, not bugs. The URL is shown without its password."""
    try:
        async with engine.connect() as connection:
            await connection.exec_driver_sql("SELECT 1")
    except (DBAPIError, OSError) as exc:
        where = engine.url.render_as_string(hide_password=True)
        reason = (str(getattr(exc, "orig", None) or exc) or type(exc).__name__).splitlines()[0]
        raise ConfigError(f"cannot open the database {where}: {reason}") from exc


# Any constant: the key of the PostgreSQL advisory lock that serializes migrations.
_MIGRATION_LOCK = 0x53554D4D4954


def _upgrade(connection: Connection) -> None:
    from alembic import command  # deferred: Alembic loads only when a migration runs

    if connection.dialect.name == "postgresql":
        # N workers starting together on an empty database: one migrates, the others wait
        # for its commit and then find nothing left to do.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
    command.upgrade(alembic_config(connection), "head")
