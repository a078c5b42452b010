"""`summit discord sync [--guild ID]`: register the `/summit` commands with Discord.

Run on deploy, not on every start (Discord allows 200 command creates a day per guild).
Without `--guild` the commands are registered once, globally: that is how they reach every
server the bot is in, and every server it joins later, with no per-server sync (Discord may
take a while to show a global change). `--guild ID` registers them in that one server, where
they show at once (for testing); the bot must be in it.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord
from discord import app_commands

from bot.adapters.discord.commands import SummitGroup
from bot.adapters.discord.endpoints import point_at
from bot.config import Settings
from bot.core.errors import BadInput, ConfigError


@dataclass(frozen=True, slots=True)
class Synced:
    commands: int  # top-level commands registered
    servers: tuple[int, ...]  # the servers (guild ids) that now have them


async def sync_commands(settings: Settings, guild_id: int | None) -> Synced:
    """Sync the command tree globally (every server the bot is in), or to one guild."""
    if settings.discord_token is None:
        raise ConfigError("DISCORD_TOKEN is not set")
    restore = point_at(settings.discord_api_url, settings.discord_gateway_url)
    try:
        client = discord.Client(intents=discord.Intents.none())
        tree = app_commands.CommandTree(client)
        guild = discord.Object(guild_id) if guild_id is not None else None
        tree.add_command(SummitGroup(), guild=guild)
        async with client:
            try:
                await client.login(settings.discord_token.get_secret_value())
            except discord.LoginFailure as exc:
                raise ConfigError("Discord refused DISCORD_TOKEN (improper token)") from exc
            try:
                count = len(await tree.sync(guild=guild))
            except discord.Forbidden as exc:
                raise BadInput(f"the bot is not in Discord server {guild_id} ({exc.text})") from exc
            if guild_id is not None:
                return Synced(count, (guild_id,))
            return Synced(count, tuple([g.id async for g in client.fetch_guilds(limit=None)]))
    finally:
        restore()
