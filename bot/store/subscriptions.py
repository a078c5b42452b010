"""Chat channels subscribed to briefs (and digests), and the lease that keeps one scheduler."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.tables import LockRow, SubscriptionRow, utc_now


@dataclass(frozen=True, slots=True)
class Subscription:
    platform: str
    channel: str
    digest_cron: str | None
    timezone: str
    created_at: datetime
    workspace: str = ""  # the Slack workspace or Discord guild; "" in a single deployment


class Subscriptions:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def subscribe(
        self,
        platform: str,
        channel: str,
        digest_cron: str | None,
        timezone: str,
        *,
        workspace: str = "",
    ) -> None:
        """Subscribe `channel`, or change its digest schedule when it already is."""
        async with self._sessions.begin() as session:
            row = await session.scalar(_query(platform, channel))
            if row is None:
                session.add(
                    SubscriptionRow(
                        platform=platform,
                        workspace=workspace,
                        channel=channel,
                        digest_cron=digest_cron,
                        timezone=timezone,
                    )
                )
            else:
                row.digest_cron, row.timezone = digest_cron, timezone

    async def unsubscribe(self, platform: str, channel: str) -> bool:
        async with self._sessions.begin() as session:
            result = await session.execute(
                delete(SubscriptionRow).where(
                    SubscriptionRow.platform == platform, SubscriptionRow.channel == channel
                )
            )
            return bool(getattr(result, "rowcount", 0))

    async def all(self) -> list[Subscription]:
        async with self._sessions() as session:
            rows = await session.scalars(select(SubscriptionRow).order_by(SubscriptionRow.id))
            return [
                Subscription(
                    r.platform, r.channel, r.digest_cron, r.timezone, r.created_at, r.workspace
                )
                for r in rows
            ]


def _query(platform: str, channel: str) -> Select[SubscriptionRow]:
    return select(SubscriptionRow).where(
        SubscriptionRow.platform == platform, SubscriptionRow.channel == channel
    )


def process_owner() -> str:
    """host:pid, so a lease left by a killed process on this host can be taken over at once."""
    return f"{socket.gethostname()}:{os.getpid()}"


class Locks:
    """A lease row per name. Held while its heartbeat is fresh; stale or orphaned leases move."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def acquire(self, name: str, owner: str, *, stale_after: timedelta) -> str | None:
        """None when `owner` now holds `name`; else the current holder."""
        now = utc_now()
        try:
            async with self._sessions.begin() as session:
                row = await session.get(LockRow, name)
                if row is None:
                    session.add(LockRow(name=name, owner=owner, heartbeat_at=now))
                    return None
                if (
                    row.owner == owner
                    or row.heartbeat_at < now - stale_after
                    or process_gone(row.owner)
                ):
                    # Compare-and-set on what was read: of two schedulers taking over the same
                    # stale lease at once, only one update matches.
                    taken = await session.execute(
                        update(LockRow)
                        .where(
                            LockRow.name == name,
                            LockRow.owner == row.owner,
                            LockRow.heartbeat_at == row.heartbeat_at,
                        )
                        .values(owner=owner, heartbeat_at=now)
                        .execution_options(synchronize_session=False)
                    )
                    return None if getattr(taken, "rowcount", 1) == 1 else row.owner
                return row.owner
        except IntegrityError:  # another process inserted it first
            return await self.acquire(name, owner, stale_after=stale_after)

    async def heartbeat(self, name: str, owner: str) -> bool:
        """False when the lease was lost (taken over): the holder must stop."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(LockRow)
                .where(LockRow.name == name, LockRow.owner == owner)
                .values(heartbeat_at=utc_now())
            )
            return bool(getattr(result, "rowcount", 0))

    async def holders(self, prefix: str, *, stale_after: timedelta) -> set[str]:
        """Owners of the fresh leases named `prefix…` whose process is not known to be dead."""
        since = utc_now() - stale_after
        async with self._sessions() as session:
            owners = await session.scalars(
                select(LockRow.owner).where(
                    LockRow.name.startswith(prefix, autoescape=True),
                    LockRow.heartbeat_at >= since,
                )
            )
            return {owner for owner in owners if not process_gone(owner)}

    async def release(self, name: str, owner: str) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                delete(LockRow).where(LockRow.name == name, LockRow.owner == owner)
            )


def process_gone(owner: str) -> bool:
    """True when `owner` is a process of this host that no longer exists."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
