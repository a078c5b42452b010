"""The real Slack adapter (bolt AsyncApp, aiohttp server) over a real service and SQLite
store holding the seed's brief, talking to the fake Slack Web API; requests signed as Slack
signs them and sent over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.slack.adapter import SlackAdapter
from bot.config import Settings, load_config
from bot.service import SummitService
from bot.store import Store
from bot.wiring.engines import build_engines
from tests.fakes.slack_api import FakeSlackAPI
from tests.support.slack_support import SEED, Seeded, SlackSender, slack_config


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackAPI]:
    async with FakeSlackAPI() as api:
        yield api


@pytest.fixture
async def seeded(tmp_path: Path) -> AsyncIterator[Seeded]:
    store = Store.open(f"sqlite:///{tmp_path / 'slack.db'}")
    await store.migrate()
    engines = build_engines(Settings(), load_config().pillars(), "extractive")
    service = SummitService(store, engines.engine, engines.answerer)
    try:
        yield Seeded(service, await service.brief_source(str(SEED)))
    finally:
        await store.close()
        await engines.close()


@pytest.fixture
async def slack(slack_api: FakeSlackAPI, seeded: Seeded) -> AsyncIterator[SlackAdapter]:
    adapter = SlackAdapter(slack_config(slack_api), seeded.service)
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()


@pytest.fixture
def sender(slack: SlackAdapter) -> SlackSender:
    assert slack.server is not None
    return SlackSender(f"{slack.server.url}/slack/events")
