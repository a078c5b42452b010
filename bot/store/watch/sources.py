"""Watched sources' rows: created when first configured, read back as `SourceState`s."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.tables import SourceRow
from bot.store.watch.records import SourceState


class SourceStates:
    _sessions: async_sessionmaker[AsyncSession]

    async def ensure_sources(
        self, sources: Iterable[tuple[str, str, str]]
    ) -> dict[str, SourceState]:
        """(key, name, kind) rows, created when new; their states by key."""
        wanted = {key: (name, kind) for key, name, kind in sources}
        async with self._sessions.begin() as session:
            query = select(SourceRow)
            if len(wanted) <= 1000:  # a batch reads its own rows; a whole pass reads them all
                query = query.where(SourceRow.key.in_(list(wanted)))
            rows = {r.key: r for r in await session.scalars(query)}
            for key, (name, kind) in wanted.items():
                if key not in rows:
                    row = SourceRow(key=key, name=name, kind=kind, status="new", failures=0)
                    row.items_seen, row.seeded = 0, False
                    session.add(row)
                    rows[key] = row
                else:
                    rows[key].name, rows[key].kind = name, kind
            await session.flush()
            return {key: _state(rows[key]) for key in wanted}

    async def all_sources(self) -> list[SourceState]:
        async with self._sessions() as session:
            return [
                _state(r) for r in await session.scalars(select(SourceRow).order_by(SourceRow.id))
            ]

    async def mark_seeded(self, source_id: int) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(SourceRow).where(SourceRow.id == source_id).values(seeded=True)
            )


def _state(row: SourceRow) -> SourceState:
    return SourceState(
        id=row.id,
        key=row.key,
        name=row.name,
        kind=row.kind,
        status=row.status,
        etag=row.etag,
        last_modified=row.last_modified,
        failures=row.failures,
        retry_at=row.retry_at,
        last_polled_at=row.last_polled_at,
        last_success_at=row.last_success_at,
        last_error=row.last_error,
        last_error_at=row.last_error_at,
        items_seen=row.items_seen,
        seeded=row.seeded,
    )
