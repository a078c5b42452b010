"""`summit pledges`: the pledge ledger, filtered, as text, JSON or CSV."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

from bot.cli.exits import EXIT_OK

if TYPE_CHECKING:
    from bot.core.ledger import LedgerEntry
    from bot.wiring.app import Wiring


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pledges = commands.add_parser(
        "pledges", help="the pledge ledger: every commitment briefed, new, repeated or changed"
    )
    for name in ("actor", "pillar", "kind", "summit", "status"):
        pledges.add_argument(f"--{name}")
    pledges.add_argument("--since", help="YYYY-MM-DD (or a year, or YYYY-MM)")
    pledges.add_argument("--until", help="YYYY-MM-DD (or a year, or YYYY-MM)")
    pledges.add_argument("--format", choices=["text", "json", "csv"], default="text")
    pledges.add_argument(
        "--rebuild", action="store_true", help="file every stored brief anew before answering"
    )
    pledges.set_defaults(handler=cmd_pledges)


def cmd_pledges(args: argparse.Namespace, wiring: Wiring) -> int:
    # Deferred: the ledger's query and export read the core models (pydantic), not --help's.
    from bot.ledger.export import to_csv, to_json, to_text
    from bot.ledger.query import FILTERS, build_query

    query = build_query({name: getattr(args, name) for name in FILTERS})

    async def pledges() -> list[LedgerEntry]:
        async with wiring.service(briefing=False) as service:
            if args.rebuild:
                await service.rebuild_ledger()
            return await service.pledges(query)

    entries = asyncio.run(pledges())
    render = {"json": to_json, "csv": to_csv}.get(args.format, to_text)
    sys.stdout.write(render(entries).rstrip("\r\n") + ("\r\n" if args.format == "csv" else "\n"))
    return EXIT_OK
