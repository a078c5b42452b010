"""Alembic's schema is the models' schema: nothing the migrations miss, nothing extra."""

from __future__ import annotations

import asyncio

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from postgres_cluster import PostgresCluster
from sqlalchemy import Connection, inspect

from bot.store import Store
from bot.store.tables import Base


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_migrations_match_the_models(database_url: str) -> None:
    # On an empty SQLite file and an empty PostgreSQL database: r0001 onwards run on both.
    store = Store.open(database_url)
    try:
        await store.migrate()
        async with store.engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        await store.close()


async def test_migrating_twice_is_harmless(database_url: str) -> None:
    store = Store.open(database_url)
    try:
        await store.migrate()
        await store.migrate()
        async with store.engine.connect() as connection:
            tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
        assert {"articles", "briefs", "threads", "alembic_version"} <= tables
    finally:
        await store.close()


async def test_workers_starting_together_migrate_once(postgres_cluster: PostgresCluster) -> None:
    # Three workers' stores on one empty PostgreSQL database (N workers are a PostgreSQL
    # deployment), all migrating at once: an advisory lock lets one migrate at a time.
    url = postgres_cluster.new_database()
    stores = [Store.open(url) for _ in range(3)]
    try:
        await asyncio.gather(*(store.migrate() for store in stores))
        async with stores[0].engine.connect() as connection:
            assert await connection.run_sync(_differences) == []
    finally:
        for store in stores:
            await store.close()
