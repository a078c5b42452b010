"""`summit brief`, `summit ask` and `summit eval`: the engine and the answerer, from the shell.

`summit brief` over one source or many in one process: a script briefing a folder pays the
start-up once, not once per article. A source that cannot be read is reported on stderr and the
rest are still briefed; the exit status then says bad input.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.cli.exits import EXIT_BAD_INPUT, EXIT_OK
from bot.cli.progress import progress
from bot.core.errors import BadInput

if TYPE_CHECKING:
    from bot.core.models import Answer, Brief
    from bot.service import StoredBriefRef, SummitService
    from bot.wiring.app import Wiring

# One document per run: several briefs in these would not be one JSON document.
SINGLE_DOCUMENT = ("json", "slack", "discord")
# Articles stored per transaction: each batch costs two commits (briefs, then the ledger), and
# its briefs are printed once it is stored, so a reader of a long run waits for 32 at most.
BATCH = 32


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    brief.set_defaults(handler=cmd_brief)

    ask = commands.add_parser("ask", help="answer a question from coverage, with quotes")
    ask.add_argument("question")
    ask.add_argument("--source", help="a file, a URL, or - for stdin (default: stored coverage)")
    ask.add_argument("--format", choices=["text", "json"], default="text")
    ask.set_defaults(handler=cmd_ask)


def add_eval(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    evaluate = commands.add_parser("eval", help="score the engine on a labelled folder")
    evaluate.add_argument("directory", type=Path)
    evaluate.add_argument("--format", choices=["table", "json"], default="table")
    evaluate.add_argument(
        "--misses",
        action="store_true",
        help="list each missed and spurious item with its article and sentence",
    )
    evaluate.set_defaults(handler=cmd_eval)


def cmd_brief(args: argparse.Namespace, wiring: Wiring) -> int:
    check_sources(args.source, args.format)

    async def brief() -> int:
        async with wiring.service(args.engine) as service:
            return await brief_all(service, args.source, args.format, sys.stdout)

    return asyncio.run(brief())


def cmd_ask(args: argparse.Namespace, wiring: Wiring) -> int:
    # Deferred: the answer's renderer reads the Q&A modules (bm25s, numpy): `ask` only.
    from bot.qa.render import render_answer_text

    if not args.question.strip():
        raise BadInput('ask needs a question: summit ask "what did China pledge?"')

    async def ask() -> Answer:
        async with wiring.service() as service:
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


def cmd_eval(args: argparse.Namespace, wiring: Wiring) -> int:
    # Deferred: the scorer and the extractive Q&A (numpy, bm25s) are for `eval` only.
    from bot.evaluation import run_eval
    from bot.qa import answer_question

    return run_eval(
        args.directory,
        wiring.config,
        output=args.format,
        answerer=lambda article, question: answer_question(question, [article]),
        misses=args.misses,
    )


def check_sources(sources: list[str], output: str) -> None:
    """Bad combinations are refused before anything is briefed."""
    if len(sources) > 1 and output in SINGLE_DOCUMENT:
        raise BadInput(
            f"--format {output} prints one brief; use --format jsonl for several sources"
        )
    if sources.count("-") > 1:
        raise BadInput("- (standard input) can be given once")


async def brief_all(service: SummitService, sources: list[str], output: str, out: TextIO) -> int:
    """Brief the sources in batches and print each batch's briefs as soon as it is stored."""
    failed = printed = False
    bar = progress(len(sources))
    try:
        for start in range(0, len(sources), BATCH):
            articles = []
            for source in sources[start : start + BATCH]:
                try:
                    articles.append(await service.load(source, stdin=sys.stdin.buffer))
                except BadInput as exc:
                    if len(sources) == 1:
                        raise
                    bar.write(f"summit: {exc}", sys.stderr)
                    bar.update()
                    failed = True
            for stored in await service.brief_articles(articles):
                if printed and output in ("text", "markdown"):
                    bar.write("", out)  # a blank line between briefs people read
                bar.write(await rendered(service, stored, output), out)
                printed = True
                bar.update()
    finally:
        bar.close()
    return EXIT_BAD_INPUT if failed else EXIT_OK


async def rendered(service: SummitService, stored: StoredBriefRef, output: str) -> str:
    # JSON is the brief as the article wrote it; people see the ledger's marks.
    if output in ("json", "jsonl"):
        indent = 2 if output == "json" else None
        return json.dumps(stored.brief.to_json_dict(), ensure_ascii=False, indent=indent)
    shown = await service.shown_brief(stored)
    if output in ("slack", "discord"):
        payloads = platform_payloads(shown, output)
        return json.dumps(payloads, ensure_ascii=False, indent=2)
    # Deferred: the console renderer (blingfire, numpy), not needed for JSON output.
    from bot.adapters.console.render import render_markdown, render_text

    return (render_markdown if output == "markdown" else render_text)(shown)


def platform_payloads(brief: Brief, platform: str) -> list[dict[str, object]]:
    """The brief as the platform's message payloads (chat.postMessage / create message),
    without the channel: for previewing, or for posting by other tools."""
    if platform == "slack":
        # Deferred: the Slack renderer, for this format only.
        from bot.adapters.slack.render import render_brief as slack_brief

        return [{"text": m.text, "blocks": m.blocks} for m in slack_brief(brief)]
    # Deferred: the Discord renderer loads discord.py (through its package), for this format only.
    from bot.adapters.discord.render import render_brief as discord_brief

    return [
        {"content": m.content, "embeds": m.embeds, "allowed_mentions": {"parse": []}}
        for m in discord_brief(brief)
    ]
