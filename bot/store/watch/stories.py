"""Stories and their copies: a new story with its brief and its outbox rows, other outlets'
copies joining it, and what the delivery and Q&A side read back (its brief, outlets, articles).

A new story is stored in ONE transaction: its articles, its brief, the entries that led to it
and a deliveries row for every destination. So a crash either leaves none of it (the entry is
seen again on the next poll and briefed then) or all of it (the outbox will post it).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.models import Brief
from bot.core.ports import BriefKey, TokenUsage
from bot.store.rows import article_row_id, brief_row_id
from bot.store.tables import (
    ArticleRow,
    DeliveryRow,
    EntryRow,
    StoryArticleRow,
    StoryRow,
    SubscriptionRow,
)
from bot.store.watch.entries import entry_row
from bot.store.watch.records import Destination, StoryArticle


class Stories:
    _sessions: async_sessionmaker[AsyncSession]

    async def story_for_article(self, sha256: str) -> int | None:
        async with self._sessions() as session:
            return await session.scalar(
                select(StoryArticleRow.story_id)
                .join(ArticleRow, ArticleRow.id == StoryArticleRow.article_id)
                .where(ArticleRow.sha256 == sha256)
                .limit(1)
            )

    async def new_story(
        self,
        lead: StoryArticle,
        brief: Brief,
        signature: Sequence[int],
        destinations: Sequence[Destination],
        key: BriefKey | None = None,
        *,
        usage: TokenUsage | None = None,
    ) -> tuple[int, int]:
        """Store the story, its brief and its outbox rows together; (story id, brief id)."""
        async with self._sessions.begin() as session:
            article_id = await article_row_id(session, lead.article)
            key = key or BriefKey(brief.engine)
            brief_id = await brief_row_id(session, article_id, brief, key, usage)
            story = StoryRow(brief_id=brief_id, title=lead.article.title, signature=list(signature))
            session.add(story)
            await session.flush()
            await _attach(session, story.id, article_id, lead)
            for destination in await _destinations(session, destinations):
                await _add_delivery(session, brief_id, destination)
            return story.id, brief_id

    async def join_story(self, story_id: int, copy: StoryArticle) -> None:
        """Another outlet's copy of a known story: recorded, never briefed or posted again."""
        async with self._sessions.begin() as session:
            article_id = await article_row_id(session, copy.article)
            await _attach(session, story_id, article_id, copy)

    async def story_brief(self, story_id: int) -> int | None:
        async with self._sessions() as session:
            return await session.scalar(select(StoryRow.brief_id).where(StoryRow.id == story_id))

    async def story_outlets(self, story_id: int) -> list[tuple[str | None, str | None]]:
        """(outlet, url) of every copy, first seen first."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(StoryArticleRow.outlet, StoryArticleRow.url)
                .where(StoryArticleRow.story_id == story_id)
                .order_by(StoryArticleRow.id)
            )
            return [(outlet, url) for outlet, url in rows]

    async def outlets_for_brief(self, brief_id: int) -> list[str]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(StoryArticleRow.outlet)
                .join(StoryRow, StoryRow.id == StoryArticleRow.story_id)
                .where(StoryRow.brief_id == brief_id, StoryArticleRow.outlet.is_not(None))
                .order_by(StoryArticleRow.id)
            )
            return list(dict.fromkeys(o for o in rows if o))

    async def story_article_ids(self, brief_id: int) -> list[int]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(StoryArticleRow.article_id)
                .join(StoryRow, StoryRow.id == StoryArticleRow.story_id)
                .where(StoryRow.brief_id == brief_id)
                .order_by(StoryArticleRow.id)
            )
            return list(rows)


async def _attach(
    session: AsyncSession, story_id: int, article_id: int, copy: StoryArticle
) -> None:
    exists = await session.scalar(
        select(func.count())
        .select_from(StoryArticleRow)
        .where(StoryArticleRow.story_id == story_id, StoryArticleRow.article_id == article_id)
    )
    if not exists:
        session.add(
            StoryArticleRow(
                story_id=story_id, article_id=article_id, url=copy.url, outlet=copy.outlet
            )
        )
    known = await session.scalar(
        select(EntryRow).where(
            EntryRow.source_id == copy.source_id, EntryRow.entry_key == copy.entry.key
        )
    )
    if known is None:
        session.add(entry_row(copy.source_id, copy.entry, story_id))
    await session.flush()


async def _destinations(
    session: AsyncSession, configured: Sequence[Destination]
) -> list[Destination]:
    """The configured destinations plus every chat subscription, each once."""
    subscribed = await session.execute(select(SubscriptionRow.platform, SubscriptionRow.channel))
    merged = list(configured) + [Destination(p, c) for p, c in subscribed]
    return list(dict.fromkeys(merged))


async def _add_delivery(session: AsyncSession, brief_id: int, destination: Destination) -> None:
    exists = await session.scalar(
        select(func.count())
        .select_from(DeliveryRow)
        .where(
            DeliveryRow.brief_id == brief_id,
            DeliveryRow.platform == destination.platform,
            DeliveryRow.channel == destination.channel,
        )
    )
    if not exists:
        session.add(
            DeliveryRow(
                brief_id=brief_id,
                platform=destination.platform,
                channel=destination.channel,
                status="pending",
                attempts=0,
            )
        )
