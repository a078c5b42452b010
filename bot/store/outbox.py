"""The outbox: deliveries (one per brief and destination) and digests, claimed one at a time.

A row moves pending → sending → sent. `claim` commits 'sending' (and attempts + 1) BEFORE the
post, so after a crash a row still in 'sending' is known to be in doubt: the sender asks the
adapter whether the post landed instead of posting it again (see bot/delivery/sender.py).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.tables import BriefRow, DeliveryRow, DigestRow, utc_now

OutboxKind = Literal["brief", "digest"]
_TABLES: dict[OutboxKind, type[DeliveryRow] | type[DigestRow]] = {
    "brief": DeliveryRow,
    "digest": DigestRow,
}


@dataclass(frozen=True, slots=True)
class Claimed:
    """A row being posted. `key` identifies the post on the platform (idempotency)."""

    kind: OutboxKind
    id: int
    platform: str
    channel: str
    attempts: int
    brief_ids: tuple[int, ...]
    period_start: datetime | None = None
    period_end: datetime | None = None
    created_at: datetime | None = None

    @property
    def key(self) -> str:
        # The row id alone repeats when a database is replaced (a fresh ./data, a second
        # deployment posting to the same channel); its creation time makes the key unique.
        stamp = f"-{int(self.created_at.timestamp() * 1000):x}" if self.created_at else ""
        return f"summit-{self.kind}-{self.id}{stamp}"


@dataclass(frozen=True, slots=True)
class DeliveryView:
    id: int
    brief_id: int
    platform: str
    channel: str
    status: str
    attempts: int
    message_id: str | None
    thread_id: str | None
    last_error: str | None


class Outbox:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def claim(
        self,
        kind: OutboxKind,
        platforms: Collection[str],
        *,
        exclude: Collection[int] = (),
        owner: str | None = None,
    ) -> Claimed | None:
        """The oldest pending row for one of `platforms`, now 'sending' by `owner`; None when
        none. On PostgreSQL, N workers claim side by side: FOR UPDATE SKIP LOCKED hands each
        one a different row instead of making them queue on the same one."""
        table = _TABLES[kind]
        async with self._sessions.begin() as session:
            row = await session.scalar(
                select(table)
                .where(table.status == "pending", table.platform.in_(list(platforms)))
                .where(table.id.not_in(list(exclude)))
                .order_by(table.id)
                .limit(1)
                .with_for_update(skip_locked=True)  # SQLite has no row locks: ignored there
            )
            if row is None:
                return None
            claimed = _claimed(kind, row, None)
            # Compare-and-set: a second sender on the same row would update nothing.
            done = await session.execute(
                update(table)
                .where(table.id == claimed.id, table.status == "pending")
                .values(status="sending", attempts=table.attempts + 1, claimed_by=owner)
                .execution_options(synchronize_session=False)
            )
            return claimed if getattr(done, "rowcount", 1) == 1 else None

    async def in_doubt(
        self,
        kind: OutboxKind,
        platforms: Collection[str],
        *,
        owner: str | None = None,
        live: Collection[str] = (),
    ) -> list[Claimed]:
        """Rows left in 'sending' by a worker that died mid-post, now adopted by `owner`.

        A row claimed by `owner` itself or by a worker in `live` is being posted right now and
        is left alone. Without `owner` (one process, at start) every 'sending' row is in doubt.
        """
        table = _TABLES[kind]
        adopted: list[Claimed] = []
        async with self._sessions.begin() as session:
            rows = await session.scalars(
                select(table)
                .where(table.status == "sending", table.platform.in_(list(platforms)))
                .order_by(table.id)
                .with_for_update(skip_locked=True)
            )
            for row in list(rows):
                claimant: str | None = getattr(row, "claimed_by", None)
                if owner is not None and claimant in {owner, *live}:
                    continue
                if await _adopt(session, table, row, owner):
                    adopted.append(_claimed(kind, row, 0))
        return adopted

    async def disown(self, claimed: Claimed) -> None:
        """An adopted row that could not be settled now: in doubt again, for the next drain."""
        await self._set(claimed, {"claimed_by": None})

    async def mark_sent(
        self, claimed: Claimed, message_id: str, thread_id: str | None = None
    ) -> None:
        values: dict[str, object] = {"status": "sent", "message_id": message_id}
        values.update(sent_at=utc_now(), last_error=None)
        if claimed.kind == "brief":
            values["thread_id"] = thread_id
        await self._set(claimed, values)

    async def mark_failed(self, claimed: Claimed, error: str, *, retry: bool) -> None:
        """Back to 'pending' for another attempt, or 'failed' for good."""
        await self._set(claimed, {"status": "pending" if retry else "failed", "last_error": error})

    async def release(self, claimed: Claimed) -> None:
        """A row in doubt that the platform shows was never posted: post it again."""
        await self._set(claimed, {"status": "pending"})

    async def _set(self, claimed: Claimed, values: dict[str, object]) -> None:
        table = _TABLES[claimed.kind]
        async with self._sessions.begin() as session:
            await session.execute(update(table).where(table.id == claimed.id).values(**values))

    async def add_digest(
        self,
        platform: str,
        channel: str,
        period_start: datetime,
        period_end: datetime,
        brief_ids: list[int],
    ) -> bool:
        """Queue one roll-up; False when this period's digest is already queued."""
        async with self._sessions.begin() as session:
            exists = await session.scalar(
                select(DigestRow.id).where(
                    DigestRow.platform == platform,
                    DigestRow.channel == channel,
                    DigestRow.period_end == period_end,
                )
            )
            if exists is not None:
                return False
            session.add(
                DigestRow(
                    platform=platform,
                    channel=channel,
                    period_start=period_start,
                    period_end=period_end,
                    brief_ids=brief_ids,
                    status="pending",
                    attempts=0,
                )
            )
            return True

    async def last_digest_end(self, platform: str, channel: str) -> datetime | None:
        async with self._sessions() as session:
            return await session.scalar(
                select(DigestRow.period_end)
                .where(DigestRow.platform == platform, DigestRow.channel == channel)
                .order_by(DigestRow.period_end.desc())
                .limit(1)
            )

    async def briefs_between(self, start: datetime, end: datetime) -> list[int]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(BriefRow.id)
                .where(BriefRow.created_at > start, BriefRow.created_at <= end)
                .order_by(BriefRow.created_at, BriefRow.id)
            )
            return list(rows)

    async def deliveries(self, brief_id: int | None = None) -> list[DeliveryView]:
        async with self._sessions() as session:
            query = select(DeliveryRow).order_by(DeliveryRow.id)
            if brief_id is not None:
                query = query.where(DeliveryRow.brief_id == brief_id)
            return [_view(row) for row in await session.scalars(query)]


async def _adopt(
    session: AsyncSession, table: type[DeliveryRow] | type[DigestRow], row: Any, owner: str | None
) -> bool:
    """Compare-and-set on the dead claimant: of two workers adopting one row, one wins."""
    was = (
        table.claimed_by.is_(None) if row.claimed_by is None else table.claimed_by == row.claimed_by
    )
    done = await session.execute(
        update(table)
        .where(table.id == row.id, table.status == "sending", was)
        .values(claimed_by=owner)
        .execution_options(synchronize_session=False)
    )
    return getattr(done, "rowcount", 1) == 1


def _claimed(kind: OutboxKind, row: Any, bump: int | None) -> Claimed:
    """`bump` None: the row is being claimed now (attempts + 1); 0: as stored."""
    attempts = int(row.attempts) + (1 if bump is None else bump)
    if isinstance(row, DeliveryRow):
        return Claimed(
            kind,
            row.id,
            row.platform,
            row.channel,
            attempts,
            (row.brief_id,),
            created_at=row.created_at,
        )
    return Claimed(
        kind,
        row.id,
        row.platform,
        row.channel,
        attempts,
        tuple(row.brief_ids),
        row.period_start,
        row.period_end,
        row.created_at,
    )


def _view(row: DeliveryRow) -> DeliveryView:
    return DeliveryView(
        id=row.id,
        brief_id=row.brief_id,
        platform=row.platform,
        channel=row.channel,
        status=row.status,
        attempts=row.attempts,
        message_id=row.message_id,
        thread_id=row.thread_id,
        last_error=row.last_error,
    )
