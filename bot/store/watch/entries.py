"""The entries each source has shown: recorded once per (source, entry key), whatever became of
them (briefed, another copy, skipped, seeded, failed), so a poll only looks at what is new."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.tables import EntryRow, SourceRow, utc_now
from bot.store.watch.records import EntryRecord


class SeenEntries:
    _sessions: async_sessionmaker[AsyncSession]

    async def seed(self, backlogs: Sequence[tuple[int, Sequence[EntryRecord]]]) -> None:
        """New sources' backlogs, recorded as seen (not posted), all in one transaction."""
        if not backlogs:
            return
        ids = [source_id for source_id, _ in backlogs]
        async with self._sessions.begin() as session:
            query = select(EntryRow.source_id, EntryRow.entry_key)
            known = {
                tuple(row)
                for row in await session.execute(query.where(EntryRow.source_id.in_(ids)))
            }
            rows = {
                (source_id, e.key): _entry_values(source_id, e)
                for source_id, entries in backlogs
                for e in entries
                if (source_id, e.key) not in known
            }
            connection = await session.connection()
            if rows:
                await connection.execute(insert(EntryRow), list(rows.values()))
            await connection.execute(
                update(SourceRow).where(SourceRow.id.in_(ids)).values(seeded=True)
            )

    async def seen_keys(self, source_id: int, keys: Sequence[str]) -> set[str]:
        if not keys:
            return set()
        async with self._sessions() as session:
            found = await session.scalars(
                select(EntryRow.entry_key).where(
                    EntryRow.source_id == source_id, EntryRow.entry_key.in_(list(keys))
                )
            )
            return set(found)

    async def story_for_url(self, url: str) -> int | None:
        """The story an already seen canonical URL belongs to (at any source)."""
        async with self._sessions() as session:
            return await session.scalar(
                select(EntryRow.story_id)
                .where(EntryRow.url == url, EntryRow.story_id.is_not(None))
                .limit(1)
            )

    async def record_entries(
        self, source_id: int, entries: Sequence[EntryRecord], *, story_id: int | None = None
    ) -> None:
        """Entries that made no new story (skipped, seeded, failed, a known URL); known keys
        are kept as they were."""
        if not entries:
            return
        async with self._sessions.begin() as session:
            known = set(
                await session.scalars(
                    select(EntryRow.entry_key).where(
                        EntryRow.source_id == source_id,
                        EntryRow.entry_key.in_([e.key for e in entries]),
                    )
                )
            )
            for entry in {e.key: e for e in entries if e.key not in known}.values():
                session.add(entry_row(source_id, entry, story_id))


def entry_row(source_id: int, entry: EntryRecord, story_id: int | None) -> EntryRow:
    return EntryRow(
        source_id=source_id,
        entry_key=entry.key,
        url=entry.url,
        story_id=story_id,
        status=entry.status,
        reason=entry.reason,
    )


def _entry_values(source_id: int, entry: EntryRecord) -> dict[str, object]:
    return {
        "source_id": source_id,
        "entry_key": entry.key,
        "url": entry.url,
        "status": entry.status,
        "reason": entry.reason,
        "created_at": utc_now(),
    }
