"""Polls of sources as N workers share them: which worker polls which source when, and each
poll's outcome written back.

A source is due at `next_poll_at` (NULL: `summit run` does not poll it, as for a one-off
`summit watch --once --source`). `claim_due` hands a worker a batch of due sources nobody
holds: one UPDATE whose row choice is `FOR UPDATE SKIP LOCKED` on PostgreSQL, so N workers
claiming at once get different rows without waiting on each other; SQLite (one process)
ignores the lock clause, and the UPDATE's own condition keeps a claim single there too. A
claim lasts until `claim_expires_at`, which a live worker renews: a worker killed mid-poll
leaves its sources to the others when that time passes (at once when its process is known
to be gone), and `release` makes the source due again one interval later.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import ColumnElement, Table, and_, bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.tables import SourceRow

_SOURCES = cast(Table, SourceRow.__table__)


@dataclass(frozen=True, slots=True)
class PollRecord:
    """The outcome of one poll, written back to the source's row."""

    source_id: int
    polled_at: datetime
    error: str | None = None
    retry_at: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    new_items: int = 0


class SourcePolls:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def schedule(self, keys: Sequence[str], now: datetime) -> None:
        """Sources `keys` (stored already) due `now`, unless they are scheduled already."""
        if not keys:
            return
        async with self._sessions.begin() as session:
            connection = await session.connection()
            await connection.execute(_SCHEDULE, [{"source_key": k, "now": now} for k in keys])

    async def claim_due(
        self,
        owner: str,
        *,
        now: datetime,
        until: datetime,
        limit: int,
        dead: Collection[str] = (),
    ) -> list[str]:
        """Up to `limit` due sources nobody holds (or held by a `dead` owner), now held by
        `owner` until `until`; their keys, the longest overdue first."""
        due = and_(_SOURCES.c.next_poll_at <= now, _free(now, dead))
        pick = (
            select(_SOURCES.c.id)
            .where(due)
            .order_by(_SOURCES.c.next_poll_at, _SOURCES.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)  # SQLite has no row locks: ignored there
        )
        claim = (
            update(_SOURCES)
            .where(_SOURCES.c.id.in_(pick.scalar_subquery()), due)
            .values(claimed_by=owner, claim_expires_at=until)
            .returning(_SOURCES.c.key)
        )
        async with self._sessions.begin() as session:
            return list((await session.execute(claim)).scalars())

    async def claim(
        self, key: str, owner: str, *, now: datetime, until: datetime, dead: Collection[str] = ()
    ) -> bool:
        """Hold one source whatever its due time (a scheduler's own timer fired); False when
        another live worker holds it."""
        free = or_(_free(now, dead), _SOURCES.c.claimed_by == owner)
        claim = (
            update(_SOURCES)
            .where(_SOURCES.c.key == key, free)
            .values(claimed_by=owner, claim_expires_at=until)
            .returning(_SOURCES.c.id)
        )
        async with self._sessions.begin() as session:
            return (await session.execute(claim)).first() is not None

    async def release(self, owner: str, next_polls: Mapping[str, datetime]) -> None:
        """Let go of `owner`'s sources `next_polls`, each due again at the time given."""
        if not next_polls:
            return
        params = [{"source_key": k, "owner": owner, "next": at} for k, at in next_polls.items()]
        async with self._sessions.begin() as session:
            connection = await session.connection()
            await connection.execute(_RELEASE, params)

    async def renew(self, owner: str, until: datetime) -> None:
        """`owner` is alive and still polling: its claims hold until `until`."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(_SOURCES)
                .where(_SOURCES.c.claimed_by == owner)
                .values(claim_expires_at=until)
            )

    async def claimants(self) -> set[str]:
        """Every owner that holds a claim now (dead or alive)."""
        async with self._sessions() as session:
            owners = await session.scalars(
                select(_SOURCES.c.claimed_by).where(_SOURCES.c.claimed_by.is_not(None)).distinct()
            )
            return {owner for owner in owners if owner}

    async def record(self, records: Sequence[PollRecord]) -> None:
        """Write back many polls in one transaction (a pass over 1,000 feeds is one commit)."""
        ok = [_ok_params(r) for r in records if r.error is None]
        failed = [_failed_params(r) for r in records if r.error is not None]
        async with self._sessions.begin() as session:
            connection = await session.connection()
            # One executemany per outcome: a thousand polls cost two statements, not 1,000.
            if ok:
                await connection.execute(_OK_UPDATE, ok)
            if failed:
                await connection.execute(_FAILED_UPDATE, failed)


def _free(now: datetime, dead: Collection[str]) -> ColumnElement[bool]:
    held_by = _SOURCES.c.claimed_by
    free = or_(held_by.is_(None), _SOURCES.c.claim_expires_at < now)
    return or_(free, held_by.in_(list(dead))) if dead else free


_SCHEDULE = (
    update(_SOURCES)
    .where(_SOURCES.c.key == bindparam("source_key"), _SOURCES.c.next_poll_at.is_(None))
    .values(next_poll_at=bindparam("now"))
)
_RELEASE = (
    update(_SOURCES)
    .where(_SOURCES.c.key == bindparam("source_key"), _SOURCES.c.claimed_by == bindparam("owner"))
    .values(claimed_by=None, claim_expires_at=None, next_poll_at=bindparam("next"))
)
_OK_UPDATE = (
    update(_SOURCES)
    .where(_SOURCES.c.id == bindparam("source_id"))
    .values(
        status="ok",
        failures=0,
        retry_at=None,
        last_polled_at=bindparam("polled_at"),
        last_success_at=bindparam("polled_at"),
        items_seen=_SOURCES.c.items_seen + bindparam("new_items"),
        # A 304 may omit the validators: keep the ones we had.
        etag=func.coalesce(bindparam("etag"), _SOURCES.c.etag),
        last_modified=func.coalesce(bindparam("last_modified"), _SOURCES.c.last_modified),
    )
)
_FAILED_UPDATE = (
    update(_SOURCES)
    .where(_SOURCES.c.id == bindparam("source_id"))
    .values(
        status="failing",
        failures=_SOURCES.c.failures + 1,
        retry_at=bindparam("retry_at"),
        last_polled_at=bindparam("polled_at"),
        last_error=bindparam("error"),
        last_error_at=bindparam("polled_at"),
    )
)


def _ok_params(record: PollRecord) -> dict[str, object]:
    return {
        "source_id": record.source_id,
        "polled_at": record.polled_at,
        "new_items": record.new_items,
        "etag": record.etag,
        "last_modified": record.last_modified,
    }


def _failed_params(record: PollRecord) -> dict[str, object]:
    return {
        "source_id": record.source_id,
        "polled_at": record.polled_at,
        "retry_at": record.retry_at,
        "error": record.error,
    }
