"""The `summit` command: the one place where settings, engines and adapters are wired together.

Exit status: 0 ok; 2 bad input or configuration (one-line reason on stderr); 1 a bug.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bot import __version__
from bot.core.errors import BadInput, ConfigError

if TYPE_CHECKING:
    # Each command imports what it uses, in its handler: `summit --help` loads none of these.
    from bot.config import AppConfig, Settings
    from bot.core.models import Answer
    from bot.service import SummitService
    from bot.wiring.engines import Engines

EXIT_OK, EXIT_BUG, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summit", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--config",
        type=Path,
        help="configuration file (default: $SUMMIT_CONFIG or config/default.yaml)",
    )
    parser.add_argument("--version", action="version", version=f"summit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    brief = commands.add_parser(
        "brief", help="brief articles: files, URLs, or - for stdin; several in one process"
    )
    brief.add_argument("source", nargs="+")
    brief.add_argument(
        "--format",
        choices=["text", "markdown", "json", "jsonl", "slack", "discord"],
        default="text",
        help="jsonl: one brief (summit.brief/1) per line, for several sources; "
        "slack/discord: the messages as the bot would post them (JSON payloads)",
    )
    brief.add_argument("--engine", choices=["auto", "extractive", "llm"], default=None)
    brief.set_defaults(handler=_cmd_brief)

    ask = commands.add_parser("ask", help="answer a question from coverage, with quotes")
    ask.add_argument("question")
    ask.add_argument("--source", help="a file, a URL, or - for stdin (default: stored coverage)")
    ask.add_argument("--format", choices=["text", "json"], default="text")
    ask.set_defaults(handler=_cmd_ask)

    from bot.cli_watch import add_commands

    add_commands(commands)  # run, watch, sources

    discord = commands.add_parser("discord", help="Discord housekeeping")
    discord_commands = discord.add_subparsers(dest="discord_command", required=True)
    sync = discord_commands.add_parser(
        "sync", help="register the /summit commands with Discord (run on deploy, not every start)"
    )
    sync.add_argument("--guild", type=int, help="one server's id: instant, for testing")
    sync.set_defaults(handler=_cmd_discord_sync)

    _add_pledges(commands)

    evaluate = commands.add_parser("eval", help="score the engine on a labelled folder")
    evaluate.add_argument("directory", type=Path)
    evaluate.add_argument("--format", choices=["table", "json"], default="table")
    evaluate.add_argument(
        "--misses",
        action="store_true",
        help="list each missed and spurious item with its article and sentence",
    )
    evaluate.set_defaults(handler=_cmd_eval)
    return parser


def _add_pledges(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    pledges.set_defaults(handler=_cmd_pledges)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = _config(args.config)
        return int(args.handler(args, config))
    except (BadInput, ConfigError) as exc:
        print(f"summit: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except _configuration_errors() as exc:
        # A malformed environment variable (PORT=abc) or DATABASE_URL: configuration.
        print(f"summit: configuration: {_first_line(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`summit brief ... | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _configuration_errors() -> tuple[type[Exception], ...]:
    """pydantic's and SQLAlchemy's errors that mean bad configuration. Evaluated only when an
    exception reaches `main`, so `--help` never imports either library to name them."""
    from pydantic import ValidationError
    from sqlalchemy.exc import ArgumentError

    return (ValidationError, ArgumentError)


def _first_line(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]).upper()
        return f"{where}: {error['msg']}"
    return str(exc).splitlines()[0]


def _config(path: Path | None) -> AppConfig:
    from bot.config import Settings, load_config

    return load_config(path or Settings().summit_config)


def _cmd_brief(args: argparse.Namespace, config: AppConfig) -> int:
    from bot.cli_brief import brief_all, check_sources

    check_sources(args.source, args.format)

    async def brief() -> int:
        async with _service(config, args.engine) as service:
            return await brief_all(service, args.source, args.format, sys.stdout)

    return asyncio.run(brief())


def _cmd_ask(args: argparse.Namespace, config: AppConfig) -> int:
    from bot.qa.render import render_answer_text

    if not args.question.strip():
        raise BadInput('ask needs a question: summit ask "what did China pledge?"')

    async def ask() -> Answer:
        async with _service(config) as service:
            if args.source is None:
                return await service.ask(args.question)
            stored = await service.brief_source(args.source, stdin=sys.stdin.buffer)
            return await service.ask(args.question, brief_id=stored.id)

    answer = asyncio.run(ask())
    if args.format == "json":
        print(json.dumps(answer.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_answer_text(answer))
    return EXIT_OK


@asynccontextmanager
async def _service(
    config: AppConfig, engine: str | None = None, *, briefing: bool = True
) -> AsyncIterator[SummitService]:
    """The service over the configured store and engine (`engine` overrides the config's),
    closed on the way out. `briefing=False`: no engine is built, nor its modules imported,
    for commands that only read the store."""
    from bot.config import Settings
    from bot.service import SummitService
    from bot.store import Store

    settings = Settings()
    engines = _engines(settings, config, engine) if briefing else None
    store = Store.open(settings.database_url)
    try:
        await store.migrate()
        if engines is None:
            yield SummitService(store, None)
        else:
            yield SummitService(store, engines.engine, engines.answerer)
    finally:
        await store.close()
        if engines is not None:
            await engines.close()


def _engines(settings: Settings, config: AppConfig, choice: str | None) -> Engines:
    from bot.wiring.engines import build_engines

    return build_engines(settings, config.pillars(), choice or config.engine)


def _cmd_pledges(args: argparse.Namespace, config: AppConfig) -> int:
    from bot.core.ledger import LedgerEntry
    from bot.ledger.export import to_csv, to_json, to_text
    from bot.ledger.query import FILTERS, build_query

    query = build_query({name: getattr(args, name) for name in FILTERS})

    async def pledges() -> list[LedgerEntry]:
        async with _service(config, briefing=False) as service:
            if args.rebuild:
                await service.rebuild_ledger()
            return await service.pledges(query)

    entries = asyncio.run(pledges())
    render = {"json": to_json, "csv": to_csv}.get(args.format, to_text)
    sys.stdout.write(render(entries).rstrip("\r\n") + ("\r\n" if args.format == "csv" else "\n"))
    return EXIT_OK


def _cmd_discord_sync(args: argparse.Namespace, config: AppConfig) -> int:
    from bot.adapters.discord import sync_commands
    from bot.config import Settings

    synced = asyncio.run(sync_commands(Settings(), args.guild))
    servers = len(synced.servers)
    where = (
        f"server {args.guild}"
        if args.guild
        else f"every server the bot is in (global; {servers} now)"
    )
    print(f"synced {synced.commands} command group(s) to {where}")
    return EXIT_OK


def _cmd_eval(args: argparse.Namespace, config: AppConfig) -> int:
    from bot.evaluation import run_eval
    from bot.qa import answer_question

    return run_eval(
        args.directory,
        config,
        output=args.format,
        answerer=lambda article, question: answer_question(question, [article]),
        misses=args.misses,
    )
