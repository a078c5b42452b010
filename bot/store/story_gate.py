"""One writer of stories at a time, across every process on the database.

Whether an article is a new story or another copy of a known one is decided by reading the
stories (its content hash, its near-duplicates' signatures) and then writing one. Two workers
polling overlapping feeds could both read "new" and both write: two stories, two briefs, two
posts. So the decision and its write happen under `deciding()`: on PostgreSQL a transaction
advisory lock (released by the server when the holder's connection ends, however it ends);
SQLite has a single process, whose own lock (the watcher's) is enough.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.store.tables import StoryRow

# Any constant: the key of the PostgreSQL advisory lock that serializes story decisions.
_STORY_LOCK = 0x53544F5259


class StoryGate:
    def __init__(self, engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._engine = engine
        self._sessions = sessions

    @asynccontextmanager
    async def deciding(self) -> AsyncIterator[None]:
        """Held while one article is judged new or known and stored accordingly."""
        if self._engine.dialect.name != "postgresql":
            yield
            return
        async with self._engine.connect() as connection, connection.begin():
            await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                     {"key": _STORY_LOCK})  # fmt: skip
            yield

    async def signatures_after(self, story_id: int, since: datetime) -> list[tuple[int, list[int]]]:
        """(id, MinHash signature) of the stories stored after `story_id` and since `since`:
        what other workers stored since this one last looked."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(StoryRow.id, StoryRow.signature)
                .where(StoryRow.id > story_id, StoryRow.created_at >= since)
                .order_by(StoryRow.id)
            )
            return [(found, list(signature)) for found, signature in rows]
