"""Discord (discord.py, gateway): `/summit` commands, briefs as embeds, Q&A in brief threads.

The only package that imports discord.py. `render` is pure; `adapter` is the `ChatAdapter`.
"""

from bot.adapters.discord.adapter import DiscordAdapter, build_discord_adapter
from bot.adapters.discord.sync import sync_commands

__all__ = ["DiscordAdapter", "build_discord_adapter", "sync_commands"]
