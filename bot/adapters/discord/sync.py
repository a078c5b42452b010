"""`summit discord sync [--guild ID]`: register the `/summit` commands with Discord.

Run on deploy, not on every start (Discord allows 200 command creates a day per guild). A
guild sync shows up at once in that server (for testing); a global one can take a while.
"""

from __future__ import annotations

import discord
from discord import app_commands

from bot.adapters.discord.commands import SummitGroup
from bot.adapters.discord.endpoints import point_at
from bot.config import Settings
from bot.core.errors import ConfigError


async def sync_commands(settings: Settings, guild_id: int | None) -> int:
    """Sync the command tree globally, or to one guild; the number of top-level commands."""
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
            return len(await tree.sync(guild=guild))
    finally:
        restore()
