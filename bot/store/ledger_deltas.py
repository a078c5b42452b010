"""Story deltas waiting for their thread: written when a later article joins a briefed story,
sent (by `bot.delivery.deltas`) once the story's own post has a thread to reply in."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.ledger_tables import LedgerDeltaRow
from bot.store.tables import DeliveryRow

MAX_ATTEMPTS = 3


@dataclass(frozen=True, slots=True)
class PendingDelta:
    id: int
    platform: str
    channel: str
    thread_id: str
    text: str


class DeltaStore:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def add(self, story_brief_id: int, copy_brief_id: int, text: str) -> int:
        """One delta per destination the story's brief goes to; how many were written."""
        async with self._sessions.begin() as session:
            destinations = (
                await session.execute(
                    select(DeliveryRow.platform, DeliveryRow.channel).where(
                        DeliveryRow.brief_id == story_brief_id
                    )
                )
            ).all()
            known = set(
                (
                    await session.execute(
                        select(LedgerDeltaRow.platform, LedgerDeltaRow.channel).where(
                            LedgerDeltaRow.copy_brief_id == copy_brief_id
                        )
                    )
                ).all()
            )
            fresh = [(p, c) for p, c in destinations if (p, c) not in known]
            for platform, channel in fresh:
                session.add(
                    LedgerDeltaRow(story_brief_id=story_brief_id, copy_brief_id=copy_brief_id,
                                   platform=platform, channel=channel, text=text)
                )  # fmt: skip
            return len(fresh)

    async def pending(self) -> list[PendingDelta]:
        """Deltas whose story post has landed (so its thread is known), oldest first."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(LedgerDeltaRow, DeliveryRow.thread_id, DeliveryRow.message_id)
                .join(
                    DeliveryRow,
                    (DeliveryRow.brief_id == LedgerDeltaRow.story_brief_id)
                    & (DeliveryRow.platform == LedgerDeltaRow.platform)
                    & (DeliveryRow.channel == LedgerDeltaRow.channel),
                )
                .where(LedgerDeltaRow.status == "pending", DeliveryRow.status == "sent")
                .order_by(LedgerDeltaRow.id)
            )
            return [
                PendingDelta(row.id, row.platform, row.channel, str(thread or message), row.text)
                for row, thread, message in rows
                if thread or message
            ]

    async def claim(self, delta_id: int) -> bool:
        """pending → sending; False when another worker took it first (compare-and-set)."""
        async with self._sessions.begin() as session:
            done = await session.execute(
                update(LedgerDeltaRow)
                .where(LedgerDeltaRow.id == delta_id, LedgerDeltaRow.status == "pending")
                .values(status="sending")
                .execution_options(synchronize_session=False)
            )
            return getattr(done, "rowcount", 1) == 1

    async def mark_sent(self, delta_id: int, message_id: str) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(LedgerDeltaRow)
                .where(LedgerDeltaRow.id == delta_id)
                .values(status="sent", message_id=message_id, attempts=LedgerDeltaRow.attempts + 1)
            )

    async def mark_failed(self, delta_id: int, error: str) -> None:
        """Tried again on the next drain, up to MAX_ATTEMPTS; then left failed."""
        async with self._sessions.begin() as session:
            row = await session.get(LedgerDeltaRow, delta_id)
            if row is None:
                return
            row.attempts += 1
            row.last_error = error
            row.status = "failed" if row.attempts >= MAX_ATTEMPTS else "pending"
