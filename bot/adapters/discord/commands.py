"""The `/summit` command group: the same subcommands as Slack, options typed and described.

Only the definitions live here (what `summit discord sync` registers); each command hands its
interaction to `Handlers`, which calls the service. A group built without handlers can be
synced but not run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands

if TYPE_CHECKING:
    from bot.adapters.discord.handlers import Handlers

Interaction = discord.Interaction[discord.Client]


class SummitGroup(app_commands.Group):
    def __init__(self, handlers: Handlers | None = None) -> None:
        super().__init__(
            name="summit",
            description="Summit diplomacy briefs: pledges, offers and calls, each with evidence",
            # Subscriptions and threads belong to a server's channels: no DMs.
            guild_only=True,
            allowed_contexts=app_commands.AppCommandContext(guild=True),
        )
        self._handlers = handlers

    @property
    def handlers(self) -> Handlers:
        if self._handlers is None:
            raise RuntimeError("this /summit group was built for syncing only")
        return self._handlers

    @app_commands.command(description="Brief an article URL, or show the latest brief")
    @app_commands.describe(
        url="A public http(s) article to brief (leave out for the latest stored brief)",
        topic="Words the latest brief's article must mention, e.g. 'South China Sea'",
    )
    async def brief(
        self,
        interaction: Interaction,
        url: app_commands.Range[str, 1, 2000] | None = None,
        topic: app_commands.Range[str, 1, 200] | None = None,
    ) -> None:
        await self.handlers.brief(interaction, url=url, topic=topic)

    @app_commands.command(
        description="The latest brief's pledges; with any filter, the pledge ledger"
    )
    @app_commands.describe(
        topic="Words the brief's article must mention, e.g. 'digital'",
        actor="Ledger: the party, e.g. Japan", pillar="Ledger: e.g. economic",
        kind="Ledger: pledge, offer or call", summit="Ledger: part of the summit's name",
        since="Ledger: YYYY-MM-DD, YYYY-MM or a year",
        until="Ledger: YYYY-MM-DD, YYYY-MM or a year",
        status="Ledger: new, repeated or changed", page="Ledger: which page (1, 2, …)",
    )  # fmt: skip
    async def pledges(
        self,
        interaction: Interaction,
        topic: app_commands.Range[str, 1, 200] | None = None,
        actor: app_commands.Range[str, 1, 100] | None = None,
        pillar: app_commands.Range[str, 1, 64] | None = None,
        kind: Literal["pledge", "offer", "call"] | None = None,
        summit: app_commands.Range[str, 1, 200] | None = None,
        since: app_commands.Range[str, 4, 10] | None = None,
        until: app_commands.Range[str, 4, 10] | None = None,
        status: Literal["new", "repeated", "changed"] | None = None,
        page: app_commands.Range[str, 1, 5] = "1",
    ) -> None:
        filters = {"actor": actor, "pillar": pillar, "kind": kind, "summit": summit,
                   "since": since, "until": until, "status": status}  # fmt: skip
        if any(filters.values()):
            await self.handlers.ledger(interaction, filters=filters, page=page)
        else:
            await self.handlers.pledges(interaction, topic=topic)

    @app_commands.command(description="Ask about the coverage; answered with quotes")
    @app_commands.describe(question="e.g. 'What did China pledge on the digital economy?'")
    async def ask(
        self, interaction: Interaction, question: app_commands.Range[str, 1, 500]
    ) -> None:
        await self.handlers.ask(interaction, question=question)

    @app_commands.command(description="Post every new brief in this channel, and optional digests")
    @app_commands.describe(
        cron="A digest schedule in crontab form, e.g. '0 8 * * 1-5' (leave out for none)",
        timezone="The IANA time zone of the schedule, e.g. 'Asia/Singapore' (default UTC)",
    )
    async def subscribe(
        self,
        interaction: Interaction,
        cron: app_commands.Range[str, 1, 100] | None = None,
        timezone: app_commands.Range[str, 1, 64] = "UTC",
    ) -> None:
        await self.handlers.subscribe(interaction, cron=cron, timezone=timezone)

    @app_commands.command(description="Stop posting briefs in this channel")
    async def unsubscribe(self, interaction: Interaction) -> None:
        await self.handlers.unsubscribe(interaction)

    @app_commands.command(description="The watched sources and their health")
    async def sources(self, interaction: Interaction) -> None:
        await self.handlers.sources(interaction)

    @app_commands.command(description="What Summit Brief can do, and how to ask in a thread")
    async def help(self, interaction: Interaction) -> None:
        await self.handlers.help(interaction)
