"""The watcher: poll sources, keep summit coverage, brief each story once, queue deliveries.

Fetching runs concurrently (a semaphore, plus the per-host gate); deciding what is new and
storing it runs one article at a time under a lock, so two outlets' copies of one story that
arrive in the same pass become one story. One source's failure is recorded on that source and
never stops the pass.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from bot.core.errors import BadInput
from bot.core.models import Article
from bot.core.ports import BriefEngine, BriefKey, BriefRun, CachedBriefEngine
from bot.ingest.article import article_from_text
from bot.ingest.fetch import FetchPolicy, HTTPStatusError, fetch, new_client
from bot.ingest.load import article_from_bytes, load_article
from bot.ingest.userinfo import without_userinfo
from bot.ledger.delta import delta_text, story_delta
from bot.ledger.ledger import Ledger
from bot.store import Store
from bot.store.source_polls import PollRecord
from bot.store.watch import Destination, EntryRecord, SourceState, StoryArticle
from bot.watch.entry_keys import canonical_url
from bot.watch.feeds import FEED_TYPES, _text, looks_like_feed, parse_feed
from bot.watch.near_duplicates import signature
from bot.watch.politeness import HostBusy, HostGate, backoff
from bot.watch.redact import redact
from bot.watch.relevance import Relevance
from bot.watch.report import StoryReport
from bot.watch.shared_index import SharedStoryIndex
from bot.watch.sources import Candidate, Polled, WatchedSource, folder_files

log = logging.getLogger(__name__)
STORY_MEMORY_DAYS = 14  # near-duplicates are looked for among this many days' stories


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
        self.engine = engine
        self.ledger = Ledger(store)
        self.sources = {s.key: s for s in sources}
        self.destinations = list(destinations)
        self.relevance = relevance or Relevance()
        base = policy or FetchPolicy()
        self.page_policy = base
        # A feed is the operator's choice; the links inside it are a third party's. Only the
        # configured sources' own hosts may be private addresses.
        self.link_policy = replace(base, allow_private=False)
        self.trusted_hosts = {_host(s.key) for s in sources if s.is_url}
        self.feed_policy = FetchPolicy(
            connect_timeout=base.connect_timeout,
            total_timeout=base.total_timeout,
            max_bytes=base.max_bytes,
            max_redirects=base.max_redirects,
            content_types=base.content_types | FEED_TYPES,
            allow_private=base.allow_private,
            allowed_hosts=base.allowed_hosts,
            user_agent=base.user_agent,
        )
        # A pass never sleeps through a Retry-After longer than one fetch may take.
        self.gate = HostGate(host_interval, max_wait=base.total_timeout)
        self.clock = clock
        self._concurrency = concurrency
        self._limit = asyncio.Semaphore(concurrency)
        self._ingest = asyncio.Lock()
        self._index = SharedStoryIndex(store)
        self._client: httpx.AsyncClient | None = None
        # The last pass's failed sources (name -> reason): `watch --once --source` reports them.
        self.failures: dict[str, str] = {}

    async def __aenter__(self) -> Watcher:
        self._client = new_client(self.feed_policy, connections=self._concurrency)
        await self._index.load(self.clock() - timedelta(days=STORY_MEMORY_DAYS))
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def add_source(self, source: WatchedSource) -> None:
        self.sources[source.key] = source

    async def poll(self, keys: Sequence[str] | None = None) -> list[StoryReport]:
        """One pass over `keys` (default: every source); the new stories and skipped items."""
        chosen = (
            [self.sources[k] for k in keys] if keys is not None else list(self.sources.values())
        )
        self.failures = {}
        states = await self.store.watch.ensure_sources((s.key, s.name, s.kind) for s in chosen)
        reports: dict[int, StoryReport] = {}
        skipped: list[StoryReport] = []
        backlogs: list[tuple[int, list[EntryRecord]]] = []
        results = await asyncio.gather(
            *(self._guarded(s, states[s.key], reports, skipped, backlogs) for s in chosen)
        )
        # New sources' backlogs and every poll's outcome: two commits for the whole pass.
        async with self._ingest:
            await self.store.watch.seed(backlogs)
            await self.store.polls.record([r for r in results if r is not None])
        return list(reports.values()) + skipped

    async def _guarded(
        self,
        source: WatchedSource,
        state: SourceState,
        reports: dict[int, StoryReport],
        skipped: list[StoryReport],
        backlogs: list[tuple[int, list[EntryRecord]]],
    ) -> PollRecord | None:
        now = self.clock()
        if state.retry_at is not None and state.retry_at > now:
            log.info("source %s: backing off until %s", source.name, state.retry_at.isoformat())
            return None
        async with self._limit:
            try:
                polled = await self._fetch(source, state)
            except BadInput as exc:
                return self._failed(source, state, exc, now)
            except Exception as exc:
                log.exception("source %s: poll failed", source.name)
                return self._failed(source, state, exc, now)
        try:
            new = await self._take(source, state, polled, reports, skipped, backlogs)
        except Exception as exc:
            log.exception("source %s: storing what it brought failed", source.name)
            return self._failed(source, state, exc, now)
        return PollRecord(
            state.id,
            now,
            etag=polled.etag,
            last_modified=polled.last_modified,
            new_items=new,
        )

    def _failed(
        self, source: WatchedSource, state: SourceState, exc: Exception, now: datetime
    ) -> PollRecord:
        retry_after = exc.retry_after if isinstance(exc, HTTPStatusError | HostBusy) else None
        if retry_after is not None and source.is_url:
            self.gate.block(_host(source.key), retry_after)
        delay = backoff(state.failures + 1, retry_after)
        message = redact(str(exc) or type(exc).__name__)
        log.warning("source %s failed (%s); next try in %s", source.name, message, delay)
        self.failures[source.name] = message
        return PollRecord(state.id, now, error=message, retry_at=now + delay)

    # -- fetching --------------------------------------------------------------------------

    async def _fetch(self, source: WatchedSource, state: SourceState) -> Polled:
        if not source.is_url:
            files = await asyncio.to_thread(folder_files, Path(source.key))
            root = Path(source.key)
            return Polled(
                [Candidate(key=f"file:{_relative(p, root)}", url=None, path=p) for p in files]
            )
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        async with self.gate.slot(_host(source.key)):
            result = await fetch(
                source.fetch_url, self.feed_policy, headers=headers, client=self._client
            )
        etag, modified = result.headers.get("etag"), result.headers.get("last-modified")
        if result.not_modified:
            return Polled(etag=etag or state.etag, last_modified=modified or state.last_modified,
                          not_modified=True)  # fmt: skip
        if source.kind == "feed" or (
            source.kind == "auto" and looks_like_feed(result.content, result.content_type)
        ):
            # On the loop, not in a thread: a feed parses in milliseconds, and a thousand parser
            # threads fighting the event loop for the GIL made a first pass four times slower.
            polled = parse_feed(result.content, dict(result.headers), result.url)
        else:
            polled = Polled([await self._page(result.url, result.content, result.content_type)])
        polled.etag, polled.last_modified = etag, modified
        return polled

    async def _page(self, url: str, content: bytes, content_type: str | None) -> Candidate:
        article = await article_from_bytes(content, url=url, content_type=content_type)
        canonical = canonical_url(url)
        return Candidate(
            key=f"url:{canonical}",
            url=canonical,
            link=url,
            title=article.title,
            outlet=article.source or _host(url),
            article=article,
        )

    # -- deciding and storing --------------------------------------------------------------

    async def _take(
        self,
        source: WatchedSource,
        state: SourceState,
        polled: Polled,
        reports: dict[int, StoryReport],
        skipped: list[StoryReport],
        backlogs: list[tuple[int, list[EntryRecord]]],
    ) -> int:
        if polled.not_modified:
            return 0
        for note in polled.notes:
            log.warning("source %s: %s", source.name, note)
        unique = list({c.key: c for c in reversed(polled.candidates)}.values())[::-1]
        # Writes go one at a time (SQLite has one writer; a thousand concurrent commits would
        # queue on its lock instead). Fetching, parsing and extraction stay concurrent.
        if not state.seeded and source.seed_on_add:
            reason = "backlog when the source was added (seeded, not posted)"
            backlogs.append(
                (state.id, [EntryRecord(c.key, c.url, "seeded", reason) for c in unique])
            )
            log.info("source %s: seeding %d existing entries", source.name, len(unique))
            return len(unique)
        async with self._ingest:
            seen = await self.store.watch.seen_keys(state.id, [c.key for c in unique])
            if not state.seeded:
                await self.store.watch.mark_seeded(state.id)
        fresh = [c for c in unique if c.key not in seen]
        for candidate in fresh:
            try:
                report = await self._one(source, state, candidate, reports)
            except Exception as exc:
                # One bad entry is recorded as failed (not retried on every poll) and the
                # rest of the feed goes on.
                log.exception("source %s: entry %s failed", source.name, candidate.key)
                reason = redact(f"{type(exc).__name__}: {exc}")[:300]
                entry = EntryRecord(candidate.key, candidate.url, "failed", reason)
                await self._record(state.id, [entry])
                continue
            if report is not None and not report.relevant:
                skipped.append(report)
        return len(fresh)

    async def _one(
        self,
        source: WatchedSource,
        state: SourceState,
        candidate: Candidate,
        reports: dict[int, StoryReport],
    ) -> StoryReport | None:
        record = self._record
        too_old = self._too_old(source, candidate)
        if too_old:
            await record(state.id, [EntryRecord(candidate.key, candidate.url, "skipped", too_old)])
            return self._skip(source, candidate, too_old)
        known = await self.store.watch.story_for_url(candidate.url) if candidate.url else None
        if known is not None:
            entry = EntryRecord(candidate.key, candidate.url, "duplicate", "URL already seen")
            await record(state.id, [entry], known)
            return None
        try:
            article = await self._article(candidate)
        except BadInput as exc:
            reason = f"could not load the article: {exc}"
            await record(state.id, [EntryRecord(candidate.key, candidate.url, "failed", reason)])
            log.warning("source %s: %s", source.name, reason)
            return self._skip(source, candidate, reason)
        # One decision at a time here, and across every worker on the database.
        async with self._ingest, self._index.deciding():
            return await self._store(source, state, candidate, article, reports)

    async def _record(
        self, source_id: int, entries: list[EntryRecord], story_id: int | None = None
    ) -> None:
        async with self._ingest:
            await self.store.watch.record_entries(source_id, entries, story_id=story_id)

    async def _store(
        self,
        source: WatchedSource,
        state: SourceState,
        candidate: Candidate,
        article: Article,
        reports: dict[int, StoryReport],
    ) -> StoryReport | None:
        verdict = self.relevance.judge(article.title, article.text)
        url = candidate.url or (canonical_url(article.url) if article.url else None)
        if not verdict.relevant:
            entry = EntryRecord(candidate.key, url, "skipped", verdict.reason)
            await self.store.watch.record_entries(state.id, [entry])
            log.info("skipped %r from %s: %s", article.title, source.name, verdict.reason)
            return self._skip(source, candidate, verdict.reason, article)
        values = await asyncio.to_thread(signature, article.text)
        copy = StoryArticle(
            state.id, EntryRecord(candidate.key, url, "briefed"), article, url, article.source
        )
        story = await self.store.watch.story_for_article(article.sha256)
        if story is None:
            match = self._index.match(values)
            story = match[0] if match else None
        if story is not None:
            copy = StoryArticle(
                state.id, EntryRecord(candidate.key, url, "duplicate"), article, url, article.source
            )
            await self.store.watch.join_story(story, copy)
            log.info("%r from %s joins story %d", article.title, source.name, story)
            await self._update_story(story, article)
            if story in reports:
                reports[story].add_copy(article.url, article.source)
            return None
        run = await self._brief(article)
        story_id, brief_id = await self.store.watch.new_story(
            copy, run.brief, values, self.destinations, run.key, usage=run.usage
        )
        self._index.add(story_id, values)
        await self.ledger.file(brief_id, run.brief)
        log.info("new story %d (brief %d): %r from %s", story_id, brief_id, article.title,
                 source.name)  # fmt: skip
        report = StoryReport(source.name, article.title, True, verdict.reason,
                             brief_id=brief_id, story_id=story_id)  # fmt: skip
        report.add_copy(article.url, article.source)
        reports[story_id] = report
        return report

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

    def _too_old(self, source: WatchedSource, candidate: Candidate) -> str | None:
        if source.max_age is None or candidate.published is None:
            return None
        if candidate.published >= self.clock() - source.max_age:
            return None
        days = source.max_age.total_seconds() / 86400
        return f"older than {days:g} days (published {candidate.published.date()})"

    def _skip(
        self,
        source: WatchedSource,
        candidate: Candidate,
        reason: str,
        article: Article | None = None,
    ) -> StoryReport:
        title = (article.title if article else None) or candidate.title or candidate.key
        report = StoryReport(source.name, title, False, reason)
        outlet = (article.source if article else None) or candidate.outlet
        link = without_userinfo(candidate.link) if candidate.link else None
        report.add_copy(link or candidate.url, outlet)
        return report

    async def _article(self, candidate: Candidate) -> Article:
        if candidate.article is not None:
            article = candidate.article
        elif candidate.path is not None:
            article = await load_article(str(candidate.path))
        else:
            article = await self._linked(candidate)
        # A feed names who published the entry (its <source>, else the feed's title): that
        # outlet wins over the wire credited in the dateline ("(Xinhua)") of a republished copy.
        known = {
            "title": candidate.title or article.title,
            "source": candidate.outlet
            if candidate.article is None and candidate.path is None
            else article.source or candidate.outlet,
            "url": article.url or (without_userinfo(candidate.link) if candidate.link else None),
        }
        return article.model_copy(update=known)

    async def _linked(self, candidate: Candidate) -> Article:
        """The linked page through trafilatura; the feed's own text when the page fails."""
        if candidate.link:
            try:
                async with self.gate.slot(_host(candidate.link)):
                    trusted = _host(candidate.link) in self.trusted_hosts
                    policy = self.page_policy if trusted else self.link_policy
                    result = await fetch(candidate.link, policy)
                return await article_from_bytes(
                    result.content, url=result.url, content_type=result.content_type
                )
            except BadInput as exc:
                if not candidate.body:
                    raise
                log.info("using the feed's text for %s: %s", without_userinfo(candidate.link), exc)
        if not candidate.body:
            raise BadInput("the entry has neither a link nor any text")
        text = _text(candidate.body) or ""
        if candidate.title and not text.startswith(candidate.title):
            text = f"{candidate.title}\n\n{text}"
        url = without_userinfo(candidate.link) if candidate.link else None
        return article_from_text(text, title=candidate.title or None, url=url)


def _host(url: str) -> str:
    return urlsplit(without_userinfo(url)).netloc.lower()


def _relative(path: Path, root: Path) -> str:
    return path.name if path == root else str(path.relative_to(root))
