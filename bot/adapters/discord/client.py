"""The discord.py client: minimal intents, no mention ever pings, `/summit` on its tree.

Intents: `guilds` (channels and threads in the cache) and `guild_messages` (messages in a
brief's thread). Neither is privileged. Without the privileged `message_content` intent a
message's text arrives only when it mentions the bot, which is how questions are asked by
default; `message_content=True` declares the intent (it must also be enabled in the developer
portal) so any message in a brief's thread is answered.
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands

from bot.adapters.discord.commands import SummitGroup
from bot.adapters.discord.handlers import answer_error
from bot.adapters.discord.threads import Threads

log = logging.getLogger(__name__)
Interaction = discord.Interaction[discord.Client]


def intents(*, message_content: bool = False) -> discord.Intents:
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.guild_messages = True
    chosen.message_content = message_content
    return chosen


class SummitTree(app_commands.CommandTree[discord.Client]):
    async def on_error(self, interaction: Interaction, error: app_commands.AppCommandError) -> None:
        await answer_error(interaction, error)


class SummitClient(discord.Client):
    """Owns the command tree; hands thread messages to `threads` once it is set."""

    def __init__(
        self,
        group: SummitGroup,
        threads: Threads | None = None,
        *,
        message_content: bool = False,
        guild_ready_timeout: float = 2.0,
        shard_count: int | None = None,
    ) -> None:
        super().__init__(
            shard_count=shard_count,
            intents=intents(message_content=message_content),
            # Quoted article text must never ping: nothing is parsed, not even reply authors.
            allowed_mentions=discord.AllowedMentions.none(),
            max_messages=None,
            chunk_guilds_at_startup=False,
            guild_ready_timeout=guild_ready_timeout,
        )
        self.tree = SummitTree(self)
        self.tree.add_command(group)
        self.threads = threads

    async def on_ready(self) -> None:
        log.info("Discord: connected as %s to %d server(s)", self.user, len(self.guilds))

    async def on_resumed(self) -> None:
        log.info("Discord: gateway session resumed")

    async def on_message(self, message: discord.Message) -> None:
        if self.threads is not None:
            await self.threads.on_message(message, self)


class SummitShardedClient(SummitClient, discord.AutoShardedClient):
    """The same bot over several gateway shards (DISCORD_SHARDS, or Discord's recommendation
    for a bot in many servers): each shard is one connection carrying its share of guilds."""

    async def on_shard_ready(self, shard_id: int) -> None:
        log.info("Discord: shard %d of %s ready", shard_id, self.shard_count)


def build_client(
    group: SummitGroup,
    threads: Threads | None,
    *,
    message_content: bool,
    guild_ready_timeout: float,
    shards: int = 1,
) -> SummitClient:
    """A plain client for one shard, an AutoShardedClient for more."""
    kind = SummitShardedClient if shards > 1 else SummitClient
    return kind(
        group,
        threads,
        message_content=message_content,
        guild_ready_timeout=guild_ready_timeout,
        shard_count=shards if shards > 1 else None,
    )
