"""`summit brief` over one source or many in one process: a script briefing a folder pays the
start-up once, not once per article.

Part of the CLI (the one wiring place). A source that cannot be read is reported on stderr and
the rest are still briefed; the exit status then says bad input.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Protocol, TextIO

from bot.core.errors import BadInput

if TYPE_CHECKING:
    from bot.core.models import Brief
    from bot.service import StoredBriefRef, SummitService

EXIT_OK, EXIT_BAD_INPUT = 0, 2
# One document per run: several briefs in these would not be one JSON document.
SINGLE_DOCUMENT = ("json", "slack", "discord")
# Articles stored per transaction: each batch costs two commits (briefs, then the ledger), and
# its briefs are printed once it is stored, so a reader of a long run waits for 32 at most.
BATCH = 32


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
    from bot.adapters.console.render import render_markdown, render_text

    return (render_markdown if output == "markdown" else render_text)(shown)


def platform_payloads(brief: Brief, platform: str) -> list[dict[str, object]]:
    """The brief as the platform's message payloads (chat.postMessage / create message),
    without the channel: for previewing, or for posting by other tools."""
    if platform == "slack":
        from bot.adapters.slack.render import render_brief as slack_brief

        return [{"text": m.text, "blocks": m.blocks} for m in slack_brief(brief)]
    from bot.adapters.discord.render import render_brief as discord_brief

    return [
        {"content": m.content, "embeds": m.embeds, "allowed_mentions": {"parse": []}}
        for m in discord_brief(brief)
    ]


class Progress(Protocol):
    def update(self) -> None: ...
    def write(self, text: str, out: TextIO) -> None: ...
    def close(self) -> None: ...


class _Plain:
    """No bar: output goes straight through (a pipe, a log, a single source)."""

    def update(self) -> None:
        pass

    def write(self, text: str, out: TextIO) -> None:
        print(text, file=out)

    def close(self) -> None:
        pass


class _Bar:
    """tqdm's bar on stderr; lines are written above it, so the bar stays on the last line."""

    def __init__(self, total: int) -> None:
        from tqdm import tqdm  # deferred: only a terminal briefing several sources draws a bar

        self._tqdm = tqdm
        self._bar = tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True)

    def update(self) -> None:
        self._bar.update()

    def write(self, text: str, out: TextIO) -> None:
        self._tqdm.write(text, file=out)

    def close(self) -> None:
        self._bar.close()


def progress(total: int) -> Progress:
    """A bar when several sources are briefed and stderr is a terminal; none otherwise."""
    if total > 1 and sys.stderr.isatty():
        return _Bar(total)
    return _Plain()
