"""A story already briefed gets a later article: its thread gets a short delta (items added,
figures changed), nothing else repeated; through the watcher, the outbox and real adapters."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

from bot.adapters.console.adapter import ConsoleAdapter
from bot.adapters.slack.adapter import SlackAdapter, SlackConfig
from bot.brief.extractive.engine import ExtractiveEngine
from bot.config import load_config
from bot.core.ledger import LedgerQuery
from bot.delivery.sender import OutboxSender
from bot.service import SummitService
from bot.store import Store
from bot.store.watch import Destination
from bot.watch import WatchedSource, Watcher
from tests.fakes.slack_api import FakeSlackAPI

BACKGROUND = (
    "Leaders of the Association of Southeast Asian Nations met Japanese Prime Minister Sato "
    "for two hours in the Philippine capital, where talks ranged over trade, maritime "
    "security, the situation in Myanmar and disaster relief across the region. Officials "
    "described the mood as warm and businesslike, and the meeting ran past its schedule as "
    "ministers added items on digital trade and on cooperation between coast guards."
)


def _story(day: date, amount: str, extra: str = "") -> str:
    return (
        "Japan offers ASEAN grid loans and disaster aid\n\n"
        f"MANILA, {day:%b} {day.day}, {day.year} (Test Wire) -- {BACKGROUND} Japan will "
        f"provide {amount} in loans for renewable power grids in Southeast Asia, Sato told the "
        "29th ASEAN-Japan Summit. Japan will also contribute 30 million dollars to the AHA "
        f"Centre for disaster response, he said.{extra}"
    )


async def _watch_twice(store: Store, folder: Path, adapters: dict[str, object]) -> None:
    engine = ExtractiveEngine(load_config().pillars())
    source = WatchedSource(key=str(folder), name="coverage", kind="folder", seed_on_add=False)
    channel = next(iter(adapters))
    sender = OutboxSender(store, adapters)  # type: ignore[arg-type]
    day = date.today() - timedelta(days=1)
    async with Watcher(store, engine, [source], destinations=[Destination(channel, "C0")]) as w:
        (folder / "first.txt").write_text(_story(day, "$10 billion"), encoding="utf-8")
        await w.poll()
        await sender.drain()
        later = _story(day, "$12 billion", " Japan will also train 500 coast guard officers "
                       "from ASEAN countries by 2028, officials said.")  # fmt: skip
        (folder / "update.txt").write_text(later, encoding="utf-8")
        await w.poll()
        await sender.drain()


async def test_the_first_briefs_thread_gets_what_the_update_adds(
    store: Store, tmp_path: Path
) -> None:
    out = io.StringIO()
    await _watch_twice(store, tmp_path, {"console": ConsoleAdapter(out)})

    posts = out.getvalue().split("── #")
    assert len(posts) == 3  # the brief, then one delta; the update is not briefed again
    delta = posts[2]
    assert "reply under message 1" in delta
    assert "+ Japan will also train 500 coast guard officers" in delta
    assert "~ Japan will provide $12 billion" in delta
    assert "(was $10 billion)" in delta
    assert "AHA Centre" not in delta  # reported again, not news
    aha = await store.ledger.query(LedgerQuery(actor="Japan", pillar="socio_cultural"))
    assert [len(e.sources) for e in aha if "AHA" in e.text] == [2]
    await OutboxSender(store, {"console": ConsoleAdapter(out)}).drain()
    assert out.getvalue().count("── #") == 2  # each delta goes once


async def test_on_slack_the_delta_is_a_thread_reply(store: Store, tmp_path: Path) -> None:
    engine = ExtractiveEngine(load_config().pillars())
    async with FakeSlackAPI() as api:
        config = SlackConfig(bot_token=api.bot_token, api_url=api.api_url, pace_seconds=0.0,
                             serve_http=False)  # fmt: skip
        adapter = SlackAdapter(config, SummitService(store, engine))
        await _watch_twice(store, tmp_path, {"slack": adapter})

        brief, *_, delta = api.posts()
    assert "thread_ts" not in brief
    assert delta["thread_ts"] == brief["ts"]
    assert "was $10 billion" in str(delta["blocks"])
    assert "+ Japan will also train 500 coast guard officers" in str(delta["blocks"])
