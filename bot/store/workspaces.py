"""A workspace (a Slack team) that uninstalled the app or revoked its token: its subscriptions
end, and what was still waiting to be posted there is parked with the reason, never posted
with a dead token and never dropped without a trace."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store.tables import DeliveryRow, DigestRow, SubscriptionRow


@dataclass(frozen=True, slots=True)
class Forgotten:
    subscriptions: int
    deliveries: int
    digests: int


class Workspaces:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def forget(
        self, platform: str, workspace: str, *, channel_prefix: str, reason: str
    ) -> Forgotten:
        """End `workspace`'s subscriptions and mark its pending posts (channels addressed
        `channel_prefix…`) failed with `reason`. A row already 'sending' is left to the
        sender: the platform refuses it, and it fails with the platform's own error."""
        async with self._sessions.begin() as session:
            subscriptions = await session.execute(
                delete(SubscriptionRow).where(
                    SubscriptionRow.platform == platform, SubscriptionRow.workspace == workspace
                )
            )
            counts = [
                await session.execute(
                    update(table)
                    .where(
                        table.platform == platform,
                        table.status == "pending",
                        table.channel.startswith(channel_prefix, autoescape=True),
                    )
                    .values(status="failed", last_error=reason)
                    .execution_options(synchronize_session=False)
                )
                for table in (DeliveryRow, DigestRow)
            ]
        deliveries, digests = (int(getattr(c, "rowcount", 0)) for c in counts)
        return Forgotten(int(getattr(subscriptions, "rowcount", 0)), deliveries, digests)
