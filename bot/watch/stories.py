"""Story clustering: a relevant article is a new story (briefed, filed in the ledger, queued for
every destination) or another copy of one already stored: the same content, or a near-duplicate
by MinHash. A copy joins its story, is filed in the ledger, and what it adds to the story
(commitments the ledger did not hold, changed figures) is queued for the story brief's thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.core.models import Article
from bot.core.ports import BriefEngine, BriefKey, BriefRun, CachedBriefEngine
from bot.ledger.delta import delta_text, story_delta
from bot.ledger.ledger import Ledger
from bot.store import Store
from bot.store.watch import Destination, EntryRecord, SourceState, StoryArticle
from bot.watch.entry_keys import canonical_url
from bot.watch.near_duplicates import signature
from bot.watch.relevance import Relevance
from bot.watch.report import StoryReport, skipped_report
from bot.watch.shared_index import SharedStoryIndex
from bot.watch.sources import Candidate, WatchedSource

log = logging.getLogger(__name__)
STORY_MEMORY_DAYS = 14  # near-duplicates are looked for among this many days' stories


class StoryClusters:
    def __init__(
        self,
        store: Store,
        engine: BriefEngine,
        relevance: Relevance,
        destinations: Sequence[Destination],
        writing: asyncio.Lock,
    ) -> None:
        self.store = store
        self.engine = engine
        self.ledger = Ledger(store)
        self.relevance = relevance
        self.destinations = list(destinations)
        self._writing = writing
        self._index = SharedStoryIndex(store)

    async def open(self, now: datetime) -> None:
        await self._index.load(now - timedelta(days=STORY_MEMORY_DAYS))

    async def take(
        self,
        source: WatchedSource,
        state: SourceState,
        candidate: Candidate,
        article: Article,
        reports: dict[int, StoryReport],
    ) -> StoryReport | None:
        """The article as a new story, a copy of a known one, or skipped as off-topic; the
        report of a new or skipped one (a copy is added to its story's report)."""
        # One decision at a time here, and across every worker on the database.
        async with self._writing, self._index.deciding():
            verdict = self.relevance.judge(article.title, article.text)
            url = candidate.url or (canonical_url(article.url) if article.url else None)
            if not verdict.relevant:
                entry = EntryRecord(candidate.key, url, "skipped", verdict.reason)
                await self.store.watch.record_entries(state.id, [entry])
                log.info("skipped %r from %s: %s", article.title, source.name, verdict.reason)
                return skipped_report(source, candidate, verdict.reason, article)
            values = await asyncio.to_thread(signature, article.text)
            story = await self.store.watch.story_for_article(article.sha256)
            if story is None:
                match = self._index.match(values)
                story = match[0] if match else None
            if story is not None:
                copy = StoryArticle(state.id, EntryRecord(candidate.key, url, "duplicate"),
                                    article, url, article.source)  # fmt: skip
                await self._join(story, copy, source, reports)
                return None
            lead = StoryArticle(state.id, EntryRecord(candidate.key, url, "briefed"),
                                article, url, article.source)  # fmt: skip
            return await self._new(lead, values, source, verdict.reason, reports)

    async def _new(
        self,
        lead: StoryArticle,
        values: list[int],
        source: WatchedSource,
        reason: str,
        reports: dict[int, StoryReport],
    ) -> StoryReport:
        article = lead.article
        run = await self._brief(article)
        story_id, brief_id = await self.store.watch.new_story(
            lead, run.brief, values, self.destinations, run.key, usage=run.usage
        )
        self._index.add(story_id, values)
        await self.ledger.file(brief_id, run.brief)
        log.info("new story %d (brief %d): %r from %s", story_id, brief_id, article.title,
                 source.name)  # fmt: skip
        report = StoryReport(source.name, article.title, True, reason,
                             brief_id=brief_id, story_id=story_id)  # fmt: skip
        report.add_copy(article.url, article.source)
        reports[story_id] = report
        return report

    async def _join(
        self,
        story: int,
        copy: StoryArticle,
        source: WatchedSource,
        reports: dict[int, StoryReport],
    ) -> None:
        article = copy.article
        await self.store.watch.join_story(story, copy)
        log.info("%r from %s joins story %d", article.title, source.name, story)
        await self._update_story(story, article)
        if story in reports:
            reports[story].add_copy(article.url, article.source)

    async def _update_story(self, story: int, article: Article) -> None:
        """Another article on a briefed story: its commitments go into the ledger, and what
        they add (new items, changed figures) is queued for the story brief's thread."""
        story_brief = await self.store.watch.story_brief(story)
        if story_brief is None:
            return
        run = await self._brief(article)
        copy_brief = await self.store.save_run(article, run)
        delta = story_delta(await self.ledger.file(copy_brief, run.brief))
        if delta:
            await self.store.deltas.add(story_brief, copy_brief, delta_text(delta, article))

    async def _brief(self, article: Article) -> BriefRun:
        """A costly engine's brief of this exact content is reused, as the service does."""
        if isinstance(self.engine, CachedBriefEngine):
            key = self.engine.cache_key()
            found = await self.store.find_brief(article.sha256, key)
            if found is not None:
                return BriefRun(found.brief, key)
            return await self.engine.run(article)
        brief = await self.engine.brief(article)
        return BriefRun(brief, BriefKey(brief.engine))
