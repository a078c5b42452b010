"""What the watcher remembers: each source's state, the entries it has seen, and stories.

`WatchStore` is one store over one session factory; its methods are grouped by the rows they
touch (`sources`, `entries`, `stories`), and the records it takes and gives back live in
`records`. This module's names are the package's surface: import them from `bot.store.watch`.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.watch.entries import SeenEntries
from bot.store.watch.records import Destination, EntryRecord, SourceState, StoryArticle
from bot.store.watch.sources import SourceStates
from bot.store.watch.stories import Stories

__all__ = ["Destination", "EntryRecord", "SourceState", "StoryArticle", "WatchStore"]


class WatchStore(SourceStates, SeenEntries, Stories):
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
