"""A migrated store in tmp_path, the extractive engine, and a watcher over given sources."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from bot.brief.extractive import ExtractiveEngine
from bot.config import load_config
from bot.ingest.fetch import FetchPolicy
from bot.store import Store
from bot.store.watch import Destination
from bot.watch import WatchedSource, Watcher

MakeWatcher = Callable[..., Watcher]


@pytest.fixture(scope="session")
def engine() -> ExtractiveEngine:
    return ExtractiveEngine(load_config().pillars())


@pytest.fixture
def make_watcher(store: Store, engine: ExtractiveEngine) -> MakeWatcher:
    def make(
        sources: Sequence[WatchedSource], *, timeout: float = 5, max_bytes: int = 1 << 20
    ) -> Watcher:
        return Watcher(
            store,
            engine,
            sources,
            destinations=[Destination("console", "stdout")],
            policy=FetchPolicy(connect_timeout=timeout, total_timeout=timeout, max_bytes=max_bytes),
            host_interval=0,
        )

    return make
