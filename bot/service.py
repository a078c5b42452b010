"""The use cases every front end shares: brief a source, find the latest brief, answer a question.

The CLI, the scheduler and the chat adapters call these; none of them touches the store, the
engines or the loaders directly. No platform SDK is imported here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, BinaryIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.errors import BadInput
from bot.core.ledger import LedgerQuery
from bot.core.models import Answer, Article, Brief
from bot.core.ports import BriefEngine, CachedBriefEngine
from bot.ledger.ledger import Ledger
from bot.ledger.query import Page, page_query
from bot.store import Store

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    # Q&A (bm25s, numpy) and the watcher load in the methods that use them: `summit brief`
    # needs neither.
    from bot.core.ledger import LedgerEntry
    from bot.ingest.fetch import FetchPolicy
    from bot.qa.answerer import QuestionAnswerer
    from bot.qa.context import Conversation
    from bot.store.workspaces import Forgotten
    from bot.watch.health import SourceStatus
    from bot.watch.sources import WatchedSource

_URL = re.compile(r"^https?://", re.I)


@dataclass(frozen=True, slots=True)
class StoredBriefRef:
    id: int
    brief: Brief


class SummitService:
    def __init__(
        self,
        store: Store,
        engine: BriefEngine | None,
        answerer: QuestionAnswerer | None = None,
        *,
        sources: Sequence[WatchedSource] = (),
    ) -> None:
        self.store = store
        self._engine = engine
        self._answerer = answerer
        self.sources = list(sources)  # the configured ones, reported even before a first poll
        self.ledger = Ledger(store)

    @property
    def engine(self) -> BriefEngine:
        """The brief engine. Commands that only read the store (`summit sources`, `summit
        pledges`) are wired without one, so they never import it; asking them to brief is a
        wiring bug."""
        if self._engine is None:
            raise RuntimeError("this service was built without a brief engine")
        return self._engine

    @property
    def answerer(self) -> QuestionAnswerer:
        """The answerer given, else the extractive one, built on first use."""
        if self._answerer is None:
            from bot.qa.answerer import ExtractiveAnswerer

            self._answerer = ExtractiveAnswerer()
        return self._answerer

    async def subscribe(
        self,
        platform: str,
        channel: str,
        *,
        cron: str | None = None,
        timezone: str = "UTC",
        workspace: str = "",
    ) -> None:
        """Send this channel every new brief, and a digest on `cron` (in `timezone`) if given.

        BadInput for an unknown IANA zone or a crontab APScheduler cannot read."""
        from bot.schedule.scheduler import validate_cron

        if cron is not None:
            validate_cron(cron, timezone)
        else:
            _zone(timezone)
        await self.store.subscriptions.subscribe(
            platform, channel, cron, timezone, workspace=workspace
        )

    async def unsubscribe(self, platform: str, channel: str) -> bool:
        """Stop sending briefs here; False when the channel was not subscribed."""
        return await self.store.subscriptions.unsubscribe(platform, channel)

    async def forget_workspace(
        self, platform: str, workspace: str, *, channel_prefix: str, reason: str
    ) -> Forgotten:
        """A workspace that removed the app: no more subscriptions there, and its pending
        posts failed with `reason` (kept, visible), so none goes out with a dead token."""
        return await self.store.workspaces.forget(
            platform, workspace, channel_prefix=channel_prefix, reason=reason
        )

    async def sources_status(self) -> list[SourceStatus]:
        """Every configured (and previously watched) source: status, last success and error."""
        from bot.watch.health import statuses

        configured = [(s.key, s.name, s.kind) for s in self.sources]
        return statuses(await self.store.watch.all_sources(), configured, datetime.now(UTC))

    async def brief_article(self, article: Article) -> StoredBriefRef:
        return (await self.brief_articles([article]))[0]

    async def brief_articles(self, articles: Sequence[Article]) -> list[StoredBriefRef]:
        """Brief each article and store the briefs, in order: one transaction stores them all
        and one files them in the ledger (`summit brief` over a folder pays two commits a
        batch, not two an article)."""
        engine = self.engine
        if isinstance(engine, CachedBriefEngine):
            return [await self._brief_cached(article, engine) for article in articles]
        briefs = [await engine.brief(article) for article in articles]
        ids = await self.store.save_briefs(list(zip(articles, briefs, strict=True)))
        await self.ledger.file_many(list(zip(ids, briefs, strict=True)))
        return [StoredBriefRef(i, brief) for i, brief in zip(ids, briefs, strict=True)]

    async def _brief_cached(self, article: Article, engine: CachedBriefEngine) -> StoredBriefRef:
        """The same content briefed by the same engine, prompt and model costs one call."""
        found = await self.store.find_brief(article.sha256, engine.cache_key())
        if found is not None:
            await self.ledger.file(found.id, found.brief)  # a no-op once filed
            return StoredBriefRef(found.id, found.brief)
        run = await engine.run(article)
        brief_id = await self.store.save_run(article, run)
        await self.ledger.file(brief_id, run.brief)
        return StoredBriefRef(brief_id, run.brief)

    async def brief_source(
        self, source: str, *, untrusted: bool = False, stdin: BinaryIO | None = None
    ) -> StoredBriefRef:
        """Load `source` (file, URL or "-"), brief it and store both; idempotent by content.

        `untrusted` sources (typed by chat users) may only be public http(s) URLs: never a
        local path, never a private address.
        """
        article = await self.load(source, untrusted=untrusted, stdin=stdin)
        return await self.brief_article(article)

    async def load(
        self, source: str, *, untrusted: bool = False, stdin: BinaryIO | None = None
    ) -> Article:
        """The article at `source` (file, URL or "-"), as `brief_source` reads it."""
        if untrusted and not self.is_url(source):
            raise BadInput("only http(s) URLs can be briefed from chat")
        from bot.ingest.load import load_article  # deferred: ftfy and py3langid load to brief

        policy = _untrusted() if untrusted else None
        return await load_article(source, policy=policy, stdin=stdin)

    async def latest_brief(
        self, topic: str | None = None, *, scan: int = 50
    ) -> StoredBriefRef | None:
        """The newest stored brief, or the newest whose article mentions every word of `topic`."""
        words = [w.lower() for w in re.findall(r"\w+", topic or "")]
        for stored in await self.store.latest_briefs(scan if words else 1):
            if not words:
                return StoredBriefRef(stored.id, stored.brief)
            haystack = f"{stored.brief.article.title} {stored.brief.article.text}".lower()
            if all(w in haystack for w in words):
                return StoredBriefRef(stored.id, stored.brief)
        return None

    async def ask(
        self,
        question: str,
        *,
        brief_id: int | None = None,
        conversation: Conversation | None = None,
    ) -> Answer:
        """Answer from one brief's articles when given; else a question about a party's
        commitments ("what did Japan commit on energy since 2023?") from the pledge ledger,
        and any other from the stored coverage."""
        from bot.ledger.questions import answer_from_ledger
        from bot.qa.stored import answer_from_store

        if brief_id is None:
            from_ledger = await answer_from_ledger(question, self.ledger)
            if from_ledger is not None:
                return from_ledger
        if brief_id is not None:
            articles = await self.store.articles_for_brief(brief_id)
            if articles:
                return await self.answerer.answer(question, articles, context=conversation)
        return await answer_from_store(
            question, self.store, context=conversation, answerer=self.answerer
        )

    async def pledges(self, query: LedgerQuery) -> list[LedgerEntry]:
        """The ledger's entries that pass every filter of `query`, oldest first."""
        return await self.ledger.entries(query)

    async def pledges_page(
        self, query: LedgerQuery, number: int, size: int
    ) -> tuple[list[LedgerEntry], Page]:
        """Page `number` (from 1) of the entries that pass `query`, `size` to a page."""
        total = await self.store.ledger.count(query)
        pages = max(1, -(-total // size))
        number = min(max(number, 1), pages)
        entries = await self.ledger.entries(page_query(query, number, size))
        return entries, Page(number, pages, total)

    async def link_thread(self, platform: str, channel: str, thread_id: str, brief_id: int) -> None:
        """Questions asked in this thread (`channel` its parent) are about this brief."""
        await self.store.link_thread(platform, channel, thread_id, brief_id)

    async def brief_for_thread(self, platform: str, channel: str, thread_id: str) -> int | None:
        """The brief a thread was opened under; None for any other thread."""
        return await self.store.brief_for_thread(platform, channel, thread_id)

    @property
    def database(self) -> AsyncEngine:
        """The bot's database, for a library that keeps its own tables in it: slack_sdk's OAuth
        installation and state stores (tables made by our migration r0005, not by them)."""
        return self.store.engine

    async def shown_brief(self, stored: StoredBriefRef) -> Brief:
        """The brief as posted or printed: each bullet marked with its ledger status."""
        return await self.ledger.shown(stored.id, stored.brief)

    async def rebuild_ledger(self) -> int:
        """The ledger anew from every stored brief; how many entries it holds."""
        return await self.ledger.rebuild()

    @staticmethod
    def is_url(text: str) -> bool:
        return bool(_URL.match(text.strip()))


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInput(f"unknown time zone {name!r} (use an IANA name such as UTC)") from exc


def _untrusted() -> FetchPolicy:
    """URLs typed by chat users never reach loopback, private or link-local addresses."""
    from bot.ingest.fetch import FetchPolicy  # deferred: httpx loads only for URLs

    return FetchPolicy(allow_private=False)
