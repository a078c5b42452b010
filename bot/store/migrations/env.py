"""Alembic environment. The bot runs it on its own connection (`Store.migrate`); the `alembic`
command line (alembic.ini at the repository root) gets an engine from DATABASE_URL."""

from __future__ import annotations

import asyncio
import os

from alembic import context
from sqlalchemy import Connection

from bot.store import ledger_tables  # noqa: F401  (its tables join Base.metadata)
from bot.store.database import create_engine
from bot.store.tables import Base

target_metadata = Base.metadata


def run_with(connection: Connection) -> None:
    # render_as_batch: SQLite can only ALTER a table by copying it, and batch mode does that.
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


async def run_from_command_line() -> None:
    engine = create_engine(os.environ.get("DATABASE_URL"))
    try:
        async with engine.begin() as connection:
            await connection.run_sync(run_with)
    finally:
        await engine.dispose()


given = context.config.attributes.get("connection")
if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
if given is not None:
    run_with(given)
else:
    asyncio.run(run_from_command_line())
