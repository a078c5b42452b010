"""Intake: what one poll of a source brought, entry by entry.

A new source's backlog is seeded (remembered, never posted); entries already seen are passed
over; one too old or at a URL already briefed is recorded and left out; the rest are loaded as
articles and handed to the story clustering. One bad entry is recorded as failed (not retried on
every poll) and the rest of the feed goes on. Writes go one at a time under the shared writing
lock (SQLite has one writer; a thousand concurrent commits would queue on its lock instead);
fetching, parsing and extraction stay concurrent.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.core.errors import BadInput
from bot.store import Store
from bot.store.watch import EntryRecord, SourceState
from bot.watch.fetching import Fetcher
from bot.watch.redact import redact
from bot.watch.report import StoryReport, skipped_report
from bot.watch.sources import Candidate, Polled, WatchedSource
from bot.watch.stories import StoryClusters

log = logging.getLogger(__name__)


@dataclass(slots=True)
class PassFindings:
    """What one pass turns up: new stories by id (a later copy joins its story's line), items
    left out, and new sources' backlogs (stored together when the pass ends)."""

    stories: dict[int, StoryReport] = field(default_factory=dict)
    skipped: list[StoryReport] = field(default_factory=list)
    backlogs: list[tuple[int, list[EntryRecord]]] = field(default_factory=list)


class Intake:
    def __init__(
        self,
        store: Store,
        fetcher: Fetcher,
        stories: StoryClusters,
        clock: Callable[[], datetime],
        writing: asyncio.Lock,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.stories = stories
        self.clock = clock
        self._writing = writing

    async def take(
        self, source: WatchedSource, state: SourceState, polled: Polled, found: PassFindings
    ) -> int:
        """Take in what the poll found; how many entries were new to this source."""
        if polled.not_modified:
            return 0
        for note in polled.notes:
            log.warning("source %s: %s", source.name, note)
        unique = list({c.key: c for c in reversed(polled.candidates)}.values())[::-1]
        if not state.seeded and source.seed_on_add:
            reason = "backlog when the source was added (seeded, not posted)"
            found.backlogs.append(
                (state.id, [EntryRecord(c.key, c.url, "seeded", reason) for c in unique])
            )
            log.info("source %s: seeding %d existing entries", source.name, len(unique))
            return len(unique)
        async with self._writing:
            seen = await self.store.watch.seen_keys(state.id, [c.key for c in unique])
            if not state.seeded:
                await self.store.watch.mark_seeded(state.id)
        fresh = [c for c in unique if c.key not in seen]
        for candidate in fresh:
            try:
                report = await self._one(source, state, candidate, found)
            except Exception as exc:
                log.exception("source %s: entry %s failed", source.name, candidate.key)
                reason = redact(f"{type(exc).__name__}: {exc}")[:300]
                entry = EntryRecord(candidate.key, candidate.url, "failed", reason)
                await self._record(state.id, [entry])
                continue
            if report is not None and not report.relevant:
                found.skipped.append(report)
        return len(fresh)

    async def _one(
        self, source: WatchedSource, state: SourceState, candidate: Candidate, found: PassFindings
    ) -> StoryReport | None:
        record = self._record
        too_old = self._too_old(source, candidate)
        if too_old:
            await record(state.id, [EntryRecord(candidate.key, candidate.url, "skipped", too_old)])
            return skipped_report(source, candidate, too_old)
        known = await self.store.watch.story_for_url(candidate.url) if candidate.url else None
        if known is not None:
            entry = EntryRecord(candidate.key, candidate.url, "duplicate", "URL already seen")
            await record(state.id, [entry], known)
            return None
        try:
            article = await self.fetcher.article(candidate)
        except BadInput as exc:
            reason = f"could not load the article: {exc}"
            await record(state.id, [EntryRecord(candidate.key, candidate.url, "failed", reason)])
            log.warning("source %s: %s", source.name, reason)
            return skipped_report(source, candidate, reason)
        return await self.stories.take(source, state, candidate, article, found.stories)

    async def _record(
        self, source_id: int, entries: list[EntryRecord], story_id: int | None = None
    ) -> None:
        async with self._writing:
            await self.store.watch.record_entries(source_id, entries, story_id=story_id)

    def _too_old(self, source: WatchedSource, candidate: Candidate) -> str | None:
        if source.max_age is None or candidate.published is None:
            return None
        if candidate.published >= self.clock() - source.max_age:
            return None
        days = source.max_age.total_seconds() / 86400
        return f"older than {days:g} days (published {candidate.published.date()})"
