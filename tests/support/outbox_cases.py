"""Briefs, stories and a console adapter for the outbox and worker tests."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

from bot.adapters.console.adapter import ConsoleAdapter
from bot.core.models import Article, Brief, Pillar
from bot.store import Store
from bot.store.watch import Destination, EntryRecord, StoryArticle


def brief_pair(n: int) -> tuple[Article, Brief]:
    article = Article(
        title=f"Summit story {n}", text=f"Text {n}.", source="Wire", sha256=f"{n:064d}"
    )
    brief = Brief(engine="extractive", article=article, headline=f"Headline {n}",
                  pillars=[Pillar(key="economic", title="Economic")])  # fmt: skip
    return article, brief


async def saved_story(store: Store, n: int, destinations: Sequence[Destination]) -> int:
    (source,) = (await store.watch.ensure_sources([("feed", "feed", "feed")])).values()
    article, brief = brief_pair(n)
    lead = StoryArticle(source.id, EntryRecord(f"k{n}", None, "briefed"), article, None, "Wire")
    _, brief_id = await store.watch.new_story(lead, brief, [0] * 128, destinations)
    return brief_id


def console_adapter(tmp_path: Path) -> tuple[ConsoleAdapter, io.StringIO]:
    out = io.StringIO()
    return ConsoleAdapter(out, log_path=tmp_path / "posts.log"), out


def posted_lines(tmp_path: Path) -> list[dict[str, object]]:
    lines = (tmp_path / "posts.log").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]
