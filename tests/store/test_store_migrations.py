"""Alembic's schema is the models' schema: nothing the migrations miss, nothing extra."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect

from bot.store import Store
from bot.store.database import alembic_config, applied_revisions, head_revisions
from bot.store.tables import Base
from tests.support.postgres_cluster import PostgresCluster


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


def test_the_heads_read_from_the_files_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revisions() == frozenset(scripts.get_heads())


async def test_a_fresh_database_is_migrated_to_head(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        await store.migrate()
        async with store.engine.connect() as connection:
            assert await connection.run_sync(applied_revisions) == head_revisions()
    finally:
        await store.close()


async def test_a_database_one_revision_behind_is_brought_to_head(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        async with store.engine.begin() as connection:
            await connection.run_sync(_upgrade_to, "0002")  # as the release before the ledger
            assert await connection.run_sync(applied_revisions) == {"0002"}
        await store.migrate()
        async with store.engine.connect() as connection:
            assert await connection.run_sync(applied_revisions) == head_revisions()
            tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
            assert await connection.run_sync(_differences) == []
        assert "ledger_entries" in tables
    finally:
        await store.close()


def _upgrade_to(connection: Connection, revision: str) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


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
