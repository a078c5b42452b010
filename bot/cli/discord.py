"""`summit discord sync`: register the /summit commands with Discord (on deploy)."""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING

from bot.cli.exits import EXIT_OK

if TYPE_CHECKING:
    from bot.wiring.app import Wiring


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    discord = commands.add_parser("discord", help="Discord housekeeping")
    discord_commands = discord.add_subparsers(dest="discord_command", required=True)
    sync = discord_commands.add_parser(
        "sync", help="register the /summit commands with Discord (run on deploy, not every start)"
    )
    sync.add_argument("--guild", type=int, help="one server's id: instant, for testing")
    sync.set_defaults(handler=cmd_discord_sync)


def cmd_discord_sync(args: argparse.Namespace, wiring: Wiring) -> int:
    # Deferred: discord.py, for this command (and `summit run` with a token) only.
    from bot.adapters.discord import sync_commands

    synced = asyncio.run(sync_commands(wiring.settings, args.guild))
    servers = len(synced.servers)
    where = (
        f"server {args.guild}"
        if args.guild
        else f"every server the bot is in (global; {servers} now)"
    )
    print(f"synced {synced.commands} command group(s) to {where}")
    return EXIT_OK
