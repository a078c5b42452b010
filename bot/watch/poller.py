"""The watcher: one polling pass over the sources, coordinated.

Fetching (`fetching`) runs concurrently (a semaphore, plus the per-host gate); taking in what a
source brought (`intake`) and deciding what is a new story (`stories`) run one article at a time
under a lock, so two outlets' copies of one story that arrive in the same pass become one story.
One source's failure is recorded on that source and never stops the pass.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from types import TracebackType

from bot.core.errors import BadInput
from bot.core.ports import BriefEngine
from bot.ingest.fetch import FetchPolicy, HTTPStatusError
from bot.store import Store
from bot.store.source_polls import PollRecord
from bot.store.watch import Destination, SourceState
from bot.watch.fetching import Fetcher
from bot.watch.intake import Intake, PassFindings
from bot.watch.politeness import HostBusy, backoff
from bot.watch.redact import redact
from bot.watch.relevance import Relevance
from bot.watch.report import StoryReport
from bot.watch.sources import WatchedSource
from bot.watch.stories import StoryClusters

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Watcher:
    def __init__(
        self,
        store: Store,
        engine: BriefEngine,
        sources: Sequence[WatchedSource],
        *,
        destinations: Sequence[Destination] = (),
        relevance: Relevance | None = None,
        policy: FetchPolicy | None = None,
        host_interval: float = 1.0,
        concurrency: int = 16,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.store = store
        self.sources = {s.key: s for s in sources}
        self.clock = clock
        self.fetcher = Fetcher(sources, policy, host_interval=host_interval,
                               concurrency=concurrency)  # fmt: skip
        # One writer at a time, shared by intake and story clustering: see `bot.watch.intake`.
        self._writing = asyncio.Lock()
        self.stories = StoryClusters(
            store, engine, relevance or Relevance(), destinations, self._writing
        )
        self.intake = Intake(store, self.fetcher, self.stories, clock, self._writing)
        self._limit = asyncio.Semaphore(concurrency)
        # The last pass's failed sources (name -> reason): `watch --once --source` reports them.
        self.failures: dict[str, str] = {}

    async def __aenter__(self) -> Watcher:
        self.fetcher.open()
        await self.stories.open(self.clock())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.fetcher.close()

    def add_source(self, source: WatchedSource) -> None:
        self.sources[source.key] = source

    async def poll(self, keys: Sequence[str] | None = None) -> list[StoryReport]:
        """One pass over `keys` (default: every source); the new stories and skipped items."""
        chosen = (
            [self.sources[k] for k in keys] if keys is not None else list(self.sources.values())
        )
        self.failures = {}
        states = await self.store.watch.ensure_sources((s.key, s.name, s.kind) for s in chosen)
        found = PassFindings()
        results = await asyncio.gather(*(self._guarded(s, states[s.key], found) for s in chosen))
        # New sources' backlogs and every poll's outcome: two commits for the whole pass.
        async with self._writing:
            await self.store.watch.seed(found.backlogs)
            await self.store.polls.record([r for r in results if r is not None])
        return list(found.stories.values()) + found.skipped

    async def _guarded(
        self, source: WatchedSource, state: SourceState, found: PassFindings
    ) -> PollRecord | None:
        now = self.clock()
        if state.retry_at is not None and state.retry_at > now:
            log.info("source %s: backing off until %s", source.name, state.retry_at.isoformat())
            return None
        async with self._limit:
            try:
                polled = await self.fetcher.poll(source, state)
            except BadInput as exc:
                return self._failed(source, state, exc, now)
            except Exception as exc:
                log.exception("source %s: poll failed", source.name)
                return self._failed(source, state, exc, now)
        try:
            new = await self.intake.take(source, state, polled, found)
        except Exception as exc:
            log.exception("source %s: storing what it brought failed", source.name)
            return self._failed(source, state, exc, now)
        return PollRecord(state.id, now, etag=polled.etag, last_modified=polled.last_modified,
                          new_items=new)  # fmt: skip

    def _failed(
        self, source: WatchedSource, state: SourceState, exc: Exception, now: datetime
    ) -> PollRecord:
        retry_after = exc.retry_after if isinstance(exc, HTTPStatusError | HostBusy) else None
        if retry_after is not None and source.is_url:
            self.fetcher.hold_off(source, retry_after)
        delay = backoff(state.failures + 1, retry_after)
        message = redact(str(exc) or type(exc).__name__)
        log.warning("source %s failed (%s); next try in %s", source.name, message, delay)
        self.failures[source.name] = message
        return PollRecord(state.id, now, error=message, retry_at=now + delay)
