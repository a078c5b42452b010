"""The near-duplicate index of recent stories, kept up with the stories other workers store.

Each watcher matches new articles against an in-memory MinHash index
(`bot.watch.near_duplicates`). With N workers on one database, another worker may have stored a
story a moment ago: `deciding()` takes the database's story gate and first adds every story
stored since this index last looked, so the match sees them all and a story is stored once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime

from bot.store import Store
from bot.watch.near_duplicates import StoryIndex


class SharedStoryIndex:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._index = StoryIndex()
        self._last = 0  # the highest story id this index has seen
        self._since: datetime | None = None

    async def load(self, since: datetime) -> None:
        """The stories stored since `since` (older ones are not matched against)."""
        self._since = since
        await self._catch_up()

    @asynccontextmanager
    async def deciding(self) -> AsyncIterator[None]:
        """Held while an article is judged new or known and stored: one at a time across
        every worker, with every story stored so far in the index."""
        async with self.store.stories.deciding():
            await self._catch_up()
            yield

    def add(self, story_id: int, values: Sequence[int]) -> None:
        self._index.add(story_id, values)
        self._last = max(self._last, story_id)

    def match(self, values: Sequence[int]) -> tuple[int, float] | None:
        return self._index.match(values)

    async def _catch_up(self) -> None:
        if self._since is None:
            return
        for story_id, values in await self.store.stories.signatures_after(self._last, self._since):
            self.add(story_id, values)
