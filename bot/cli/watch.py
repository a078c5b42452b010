"""`summit watch --once` (one polling pass) and `summit sources` (each source's health)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli.exits import EXIT_BAD_INPUT, EXIT_OK
from bot.cli.logs import log_to_stderr
from bot.core.errors import BadInput

if TYPE_CHECKING:
    from bot.watch import SourceStatus
    from bot.wiring.app import Wiring

SOURCES_REMEMBERED = (
    "summit: note: --source sources are kept in the store (each entry is briefed once; "
    "`summit sources` lists them); `summit run` polls only configured sources but posts "
    "the briefs this pass queued"
)


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    watch = commands.add_parser("watch", help="one polling pass over the sources")
    watch.add_argument("--once", action="store_true", help="one pass, then exit (required)")
    watch.add_argument("--source", action="append", default=[], metavar="URL_OR_PATH",
                       help="poll this feed, page or folder, not the configured ones")  # fmt: skip
    watch.add_argument("--format", choices=["text", "json"], default="text")
    watch.set_defaults(handler=cmd_watch)

    sources = commands.add_parser("sources", help="each source's health")
    sources.add_argument("--format", choices=["text", "json"], default="text")
    sources.set_defaults(handler=cmd_sources)


def cmd_watch(args: argparse.Namespace, wiring: Wiring) -> int:
    if not args.once:
        raise BadInput(
            "summit watch makes one pass: add --once (the long-running bot is `summit run`)"
        )
    log_to_stderr()
    for given in args.source:
        _check_local(given)
    chosen = wiring.given_sources(args.source) or wiring.watched_sources()
    failures: dict[str, str] = {}

    async def once() -> list[dict[str, object]]:
        async with wiring.service() as service:
            watcher = wiring.watcher(service, chosen)
            async with watcher:
                reports = [r.to_json_dict() for r in await watcher.poll()]
            failures.update(watcher.failures)
            return reports

    for report in asyncio.run(once()):
        print(json.dumps(report, ensure_ascii=False) if args.format == "json" else _line(report))
    if args.source and failures:
        # Sources asked for by hand that could not be read are bad input, as in `summit brief`.
        for name, reason in failures.items():
            print(f"summit: {name}: {reason}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.source:
        print(SOURCES_REMEMBERED, file=sys.stderr)
    return EXIT_OK


def _check_local(given: str) -> None:
    """A --source path that is not there is refused before any polling."""
    path = Path(given)
    if "://" not in given and not path.exists():
        raise BadInput(f"{given}: no such file or folder")
    if "://" not in given and not (path.is_dir() or path.is_file()):
        raise BadInput(f"{given} is not a file or folder of articles")


def _line(report: dict[str, Any]) -> str:
    where = " · ".join(report["outlets"]) or report["source"]
    urls = " ".join(report["urls"])
    if report["relevant"]:
        return f"brief {report['brief_id']}: {report['title']} [{where}] {urls}".rstrip()
    return f"skipped: {report['title']} [{where}] {urls} — {report['reason']}"


def cmd_sources(args: argparse.Namespace, wiring: Wiring) -> int:
    async def status() -> list[SourceStatus]:
        async with wiring.service(briefing=False, watching=True) as service:
            return await service.sources_status()

    for item in asyncio.run(status()):
        if args.format == "json":
            print(json.dumps(item.to_json_dict(), ensure_ascii=False))
            continue
        success = item.last_success.isoformat(timespec="seconds") if item.last_success else "never"
        error = f"  last error: {item.last_error}" if item.last_error else ""
        print(f"{item.name}  [{item.status}]  {item.location}  last success: {success}  "
              f"items seen: {item.items_seen}{error}")  # fmt: skip
    return EXIT_OK
