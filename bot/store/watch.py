"""What the watcher remembers: each source's state, the entries it has seen, and stories.

A new story is stored in ONE transaction: its articles, its brief, the entries that led to it
and a deliveries row for every destination. So a crash either leaves none of it (the entry is
seen again on the next poll and briefed then) or all of it (the outbox will post it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.models import Article, Brief
from bot.core.ports import BriefKey, TokenUsage
from bot.store.rows import article_row_id, brief_row_id
from bot.store.tables import (
    ArticleRow,
    DeliveryRow,
    EntryRow,
    SourceRow,
    StoryArticleRow,
    StoryRow,
    SubscriptionRow,
    utc_now,
)


@dataclass(frozen=True, slots=True)
class SourceState:
    id: int
    key: str
    name: str
    kind: str
    status: str
    etag: str | None
    last_modified: str | None
    failures: int
    retry_at: datetime | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    items_seen: int
    seeded: bool


@dataclass(frozen=True, slots=True)
class EntryRecord:
    key: str
    url: str | None
    status: str  # briefed | duplicate | skipped | seeded | failed
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One outlet's copy of a story, and the entry it came from."""

    source_id: int
    entry: EntryRecord
    article: Article
    url: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class Destination:
    platform: str
    channel: str


class WatchStore:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def ensure_sources(
        self, sources: Iterable[tuple[str, str, str]]
    ) -> dict[str, SourceState]:
        """(key, name, kind) rows, created when new; their states by key."""
        wanted = {key: (name, kind) for key, name, kind in sources}
        async with self._sessions.begin() as session:
            query = select(SourceRow)
            if len(wanted) <= 1000:  # a batch reads its own rows; a whole pass reads them all
                query = query.where(SourceRow.key.in_(list(wanted)))
            rows = {r.key: r for r in await session.scalars(query)}
            for key, (name, kind) in wanted.items():
                if key not in rows:
                    row = SourceRow(key=key, name=name, kind=kind, status="new", failures=0)
                    row.items_seen, row.seeded = 0, False
                    session.add(row)
                    rows[key] = row
                else:
                    rows[key].name, rows[key].kind = name, kind
            await session.flush()
            return {key: _state(rows[key]) for key in wanted}

    async def all_sources(self) -> list[SourceState]:
        async with self._sessions() as session:
            return [
                _state(r) for r in await session.scalars(select(SourceRow).order_by(SourceRow.id))
            ]

    async def seed(self, backlogs: Sequence[tuple[int, Sequence[EntryRecord]]]) -> None:
        """New sources' backlogs, recorded as seen (not posted), all in one transaction."""
        if not backlogs:
            return
        ids = [source_id for source_id, _ in backlogs]
        async with self._sessions.begin() as session:
            query = select(EntryRow.source_id, EntryRow.entry_key)
            known = {
                tuple(row)
                for row in await session.execute(query.where(EntryRow.source_id.in_(ids)))
            }
            rows = {
                (source_id, e.key): _entry_values(source_id, e)
                for source_id, entries in backlogs
                for e in entries
                if (source_id, e.key) not in known
            }
            connection = await session.connection()
            if rows:
                await connection.execute(insert(EntryRow), list(rows.values()))
            await connection.execute(
                update(SourceRow).where(SourceRow.id.in_(ids)).values(seeded=True)
            )

    async def mark_seeded(self, source_id: int) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(SourceRow).where(SourceRow.id == source_id).values(seeded=True)
            )

    async def seen_keys(self, source_id: int, keys: Sequence[str]) -> set[str]:
        if not keys:
            return set()
        async with self._sessions() as session:
            found = await session.scalars(
                select(EntryRow.entry_key).where(
                    EntryRow.source_id == source_id, EntryRow.entry_key.in_(list(keys))
                )
            )
            return set(found)

    async def story_for_url(self, url: str) -> int | None:
        """The story an already seen canonical URL belongs to (at any source)."""
        async with self._sessions() as session:
            return await session.scalar(
                select(EntryRow.story_id)
                .where(EntryRow.url == url, EntryRow.story_id.is_not(None))
                .limit(1)
            )

    async def story_for_article(self, sha256: str) -> int | None:
        async with self._sessions() as session:
            return await session.scalar(
                select(StoryArticleRow.story_id)
                .join(ArticleRow, ArticleRow.id == StoryArticleRow.article_id)
                .where(ArticleRow.sha256 == sha256)
                .limit(1)
            )

    async def record_entries(
        self, source_id: int, entries: Sequence[EntryRecord], *, story_id: int | None = None
    ) -> None:
        """Entries that made no new story (skipped, seeded, failed, a known URL); known keys
        are kept as they were."""
        if not entries:
            return
        async with self._sessions.begin() as session:
            known = set(
                await session.scalars(
                    select(EntryRow.entry_key).where(
                        EntryRow.source_id == source_id,
                        EntryRow.entry_key.in_([e.key for e in entries]),
                    )
                )
            )
            for entry in {e.key: e for e in entries if e.key not in known}.values():
                session.add(_entry_row(source_id, entry, story_id))

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
        session.add(_entry_row(copy.source_id, copy.entry, story_id))
    await session.flush()


def _entry_values(source_id: int, entry: EntryRecord) -> dict[str, object]:
    return {
        "source_id": source_id,
        "entry_key": entry.key,
        "url": entry.url,
        "status": entry.status,
        "reason": entry.reason,
        "created_at": utc_now(),
    }


def _entry_row(source_id: int, entry: EntryRecord, story_id: int | None) -> EntryRow:
    return EntryRow(
        source_id=source_id,
        entry_key=entry.key,
        url=entry.url,
        story_id=story_id,
        status=entry.status,
        reason=entry.reason,
    )


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


def _state(row: SourceRow) -> SourceState:
    return SourceState(
        id=row.id,
        key=row.key,
        name=row.name,
        kind=row.kind,
        status=row.status,
        etag=row.etag,
        last_modified=row.last_modified,
        failures=row.failures,
        retry_at=row.retry_at,
        last_polled_at=row.last_polled_at,
        last_success_at=row.last_success_at,
        last_error=row.last_error,
        last_error_at=row.last_error_at,
        items_seen=row.items_seen,
        seeded=row.seeded,
    )
