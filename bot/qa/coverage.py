"""The whole stored coverage as one persisted sentence index, kept in step with the store.

The index lives beside an SQLite database (`data/summit.db` → `data/summit.qa-index/`). Before
each question over the stored coverage it catches up with the rows stored since it last
looked, so articles the watcher stored in another process are found too, and only they are
indexed. A file lock keeps two processes from writing the folder at once; one that finds the
folder ahead of it reloads it instead.
"""

from __future__ import annotations

import asyncio
import fcntl
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.core.models import Article
from bot.qa.persisted import StoredIndex
from bot.qa.vocabulary import Stems
from bot.store import Store

BATCH = 500  # store rows read and indexed per step while catching up


def index_directory(store: Store) -> Path | None:
    """Where `store`'s index lives, or None for a store with no folder (in memory, a server)."""
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).with_suffix(".qa-index")


class StoredCoverage:
    """One `StoredIndex` per store folder, opened once and caught up before each use."""

    def __init__(self) -> None:
        self._stems = Stems()
        self._indexes: dict[Path, StoredIndex] = {}
        self._lock = asyncio.Lock()

    async def index(self, store: Store) -> StoredIndex | None:
        directory = index_directory(store)
        if directory is None:
            return None
        async with self._lock:
            index = self._indexes.get(directory)
            if index is None:
                index = await asyncio.to_thread(StoredIndex.open, directory, self._stems)
            rows = await _arrived(store, index.last_row)
            if rows:  # all at once: one segment built, not one merge per batch
                index = await asyncio.to_thread(_add, index, rows)
            self._indexes[directory] = index
            return index


async def _arrived(store: Store, after: int) -> list[tuple[int, Article]]:
    rows: list[tuple[int, Article]] = []
    while batch := await store.articles_after(rows[-1][0] if rows else after, BATCH):
        rows += batch
    return rows


def _add(index: StoredIndex, rows: list[tuple[int, Article]]) -> StoredIndex:
    with _locked(index.directory):
        on_disk = _last_row_on_disk(index.directory)
        if on_disk > index.last_row:  # another process indexed these: read its work
            index = StoredIndex.open(index.directory, index.stems)
            rows = [(row, article) for row, article in rows if row > index.last_row]
        if rows:
            index.add(rows)
    return index


def _last_row_on_disk(directory: Path) -> int:
    manifest = directory / "manifest.json"
    if not manifest.is_file():
        return 0
    return int(json.loads(manifest.read_text(encoding="utf-8")).get("last_row", 0))


@contextmanager
def _locked(directory: Path) -> Iterator[None]:
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
