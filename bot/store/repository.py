"""`Store`: the repository the CLI, the scheduler and the chat adapters share.

Briefs are keyed by (article sha256, engine, prompt version, model), so briefing the same
content twice stores one article and one brief and hands back the same id.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from bot.core.models import Article, Brief
from bot.core.ports import BriefKey, BriefRun, TokenUsage
from bot.store.database import create_engine, migrate
from bot.store.ledger import LedgerStore
from bot.store.ledger_deltas import DeltaStore
from bot.store.outbox import Outbox
from bot.store.rows import article_row_id, article_row_ids, brief_row_id, plain_brief_row_ids
from bot.store.source_polls import SourcePolls
from bot.store.story_gate import StoryGate
from bot.store.subscriptions import Locks, Subscriptions
from bot.store.tables import ArticleRow, BriefRow, StoryArticleRow, StoryRow, ThreadRow
from bot.store.watch import WatchStore
from bot.store.workspaces import Workspaces


@dataclass(frozen=True, slots=True)
class StoredBrief:
    id: int
    brief: Brief
    created_at: datetime


class Store:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        self.watch = WatchStore(self._sessions)
        self.outbox = Outbox(self._sessions)
        self.subscriptions = Subscriptions(self._sessions)
        self.locks = Locks(self._sessions)
        self.ledger = LedgerStore(self._sessions)
        self.deltas = DeltaStore(self._sessions)
        self.polls = SourcePolls(self._sessions)
        self.stories = StoryGate(engine, self._sessions)
        self.workspaces = Workspaces(self._sessions)

    @property
    def engine(self) -> AsyncEngine:
        return self._engine

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """A store on DATABASE_URL (`url`) or the embedded SQLite default; call `migrate`."""
        return cls(create_engine(url))

    async def migrate(self) -> None:
        await migrate(self._engine)

    async def close(self) -> None:
        await self._engine.dispose()

    async def save_article(self, article: Article) -> int:
        async with self._sessions.begin() as session:
            return await article_row_id(session, article)

    async def save_brief(
        self,
        article: Article,
        brief: Brief,
        *,
        prompt_version: str | None = None,
        model: str | None = None,
        usage: TokenUsage | None = None,
    ) -> int:
        try:
            return await self._save_brief(article, brief, prompt_version, model, usage)
        except IntegrityError:
            # A concurrent writer stored the same article or brief first: reuse its rows.
            return await self._save_brief(article, brief, prompt_version, model, usage)

    async def save_briefs(self, briefs: Sequence[tuple[Article, Brief]]) -> list[int]:
        """Several briefs (from an engine without prompt or model) in one transaction: the
        rows and ids `save_brief` one by one would give, for one commit instead of one each."""
        try:
            return await self._save_briefs(briefs)
        except IntegrityError:
            # A concurrent writer stored one of them first: the batch again, reusing its rows.
            return await self._save_briefs(briefs)

    async def _save_briefs(self, briefs: Sequence[tuple[Article, Brief]]) -> list[int]:
        async with self._sessions.begin() as session:
            articles = await article_row_ids(session, [article for article, _ in briefs])
            pairs = [(i, brief) for i, (_, brief) in zip(articles, briefs, strict=True)]
            return await plain_brief_row_ids(session, pairs)

    async def save_run(self, article: Article, run: BriefRun) -> int:
        """An engine run's brief, stored under its key with what it cost."""
        return await self.save_brief(
            article,
            run.brief,
            prompt_version=run.key.prompt_version,
            model=run.key.model,
            usage=run.usage,
        )

    async def _save_brief(
        self,
        article: Article,
        brief: Brief,
        prompt_version: str | None,
        model: str | None,
        usage: TokenUsage | None,
    ) -> int:
        async with self._sessions.begin() as session:
            stored = await article_row_id(session, article)
            key = BriefKey(brief.engine, prompt_version, model)
            return await brief_row_id(session, stored, brief, key, usage)

    async def find_brief(self, sha256: str, key: BriefKey) -> StoredBrief | None:
        """The brief already made for this content by this engine, prompt version and model."""
        async with self._sessions() as session:
            found = (
                await session.execute(
                    select(BriefRow, ArticleRow)
                    .join(ArticleRow, BriefRow.article_id == ArticleRow.id)
                    .where(
                        ArticleRow.sha256 == sha256,
                        BriefRow.engine == key.engine,
                        BriefRow.prompt_version.is_not_distinct_from(key.prompt_version),
                        BriefRow.model.is_not_distinct_from(key.model),
                    )
                    .order_by(BriefRow.id)
                    .limit(1)
                )
            ).first()
        return (
            StoredBrief(found[0].id, _brief(found[0], found[1]), found[0].created_at)
            if found
            else None
        )

    async def get_brief(self, brief_id: int) -> Brief | None:
        async with self._sessions() as session:
            found = (
                await session.execute(
                    select(BriefRow, ArticleRow)
                    .join(ArticleRow, BriefRow.article_id == ArticleRow.id)
                    .where(BriefRow.id == brief_id)
                )
            ).first()
        return _brief(found[0], found[1]) if found else None

    async def latest_briefs(self, limit: int = 10) -> list[StoredBrief]:
        async with self._sessions() as session:
            rows = (
                await session.execute(
                    select(BriefRow, ArticleRow)
                    .join(ArticleRow, BriefRow.article_id == ArticleRow.id)
                    .order_by(BriefRow.created_at.desc(), BriefRow.id.desc())
                    .limit(limit)
                )
            ).all()
        return [StoredBrief(b.id, _brief(b, a), b.created_at) for b, a in rows]

    async def articles_for_brief(self, brief_id: int) -> list[Article]:
        """The coverage a brief stands on: its article, then every other outlet's copy of the
        story (the watcher's near-duplicates)."""
        async with self._sessions() as session:
            rows = list(
                await session.scalars(
                    select(ArticleRow)
                    .join(BriefRow, BriefRow.article_id == ArticleRow.id)
                    .where(BriefRow.id == brief_id)
                )
            )
            copies = await session.scalars(
                select(ArticleRow)
                .join(StoryArticleRow, StoryArticleRow.article_id == ArticleRow.id)
                .join(StoryRow, StoryRow.id == StoryArticleRow.story_id)
                .where(StoryRow.brief_id == brief_id)
                .order_by(StoryArticleRow.id)
            )
            rows += [row for row in copies if row.id not in {r.id for r in rows}]
            return [_article(row) for row in rows]

    async def iter_articles(self, batch: int = 500) -> AsyncIterator[Article]:
        """Every stored article, oldest first, streamed so a large store never sits in one list."""
        async with self._sessions() as session:
            result = await session.stream_scalars(
                select(ArticleRow).order_by(ArticleRow.id).execution_options(yield_per=batch)
            )
            async for row in result:
                yield _article(row)

    async def iter_briefs(self, batch: int = 200) -> AsyncIterator[StoredBrief]:
        """Every stored brief, in the order they were stored, streamed."""
        async with self._sessions() as session:
            result = await session.stream(
                select(BriefRow, ArticleRow)
                .join(ArticleRow, BriefRow.article_id == ArticleRow.id)
                .order_by(BriefRow.id)
                .execution_options(yield_per=batch)
            )
            async for row, article in result:
                yield StoredBrief(row.id, _brief(row, article), row.created_at)

    async def all_articles(self) -> list[Article]:
        return [article async for article in self.iter_articles()]

    async def articles_after(self, row_id: int, limit: int = 500) -> list[tuple[int, Article]]:
        """Stored articles with a row id above `row_id`, oldest first, with their row ids: what
        arrived since a reader last looked (the Q&A index catches up this way)."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(ArticleRow)
                .where(ArticleRow.id > row_id)
                .order_by(ArticleRow.id)
                .limit(limit)
            )
            return [(row.id, _article(row)) for row in rows]

    async def link_thread(self, platform: str, channel: str, thread_id: str, brief_id: int) -> None:
        """Bind a chat thread to a brief; binding it again moves it to the new brief."""
        async with self._sessions.begin() as session:
            row = await session.scalar(_thread_query(platform, channel, thread_id))
            if row is None:
                session.add(
                    ThreadRow(
                        platform=platform, channel=channel, thread_id=thread_id, brief_id=brief_id
                    )
                )
            else:
                row.brief_id = brief_id

    async def brief_for_thread(self, platform: str, channel: str, thread_id: str) -> int | None:
        async with self._sessions() as session:
            row = await session.scalar(_thread_query(platform, channel, thread_id))
            return row.brief_id if row else None


def _thread_query(platform: str, channel: str, thread_id: str) -> Any:
    return select(ThreadRow).where(
        ThreadRow.platform == platform,
        ThreadRow.channel == channel,
        ThreadRow.thread_id == thread_id,
    )


def _article(row: ArticleRow) -> Article:
    return Article(
        title=row.title,
        text=row.text,
        source=row.outlet,
        url=row.url,
        published=row.published,
        dateline=row.dateline,
        language=row.language,
        sha256=row.sha256,
    )


def _brief(row: BriefRow, article: ArticleRow) -> Brief:
    # The payload is the public JSON, which leaves the article text out; put it back.
    return Brief.model_validate({**row.payload, "article": _article(article).model_dump()})
