"""A real store with the seed briefed, a fake Discord, and the adapter connected to it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.discord import DiscordAdapter
from bot.config import Settings, load_config
from bot.service import StoredBriefRef, SummitService
from bot.store import Store
from bot.wiring.engines import build_engines
from tests.fakes.discord_api import FakeDiscord

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_2b9aaedf29d83c14.txt"


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[SummitService]:
    engines = build_engines(Settings(), load_config().pillars(), "extractive")
    store = Store.open(f"sqlite:///{tmp_path / 'discord.db'}")
    await store.migrate()
    try:
        yield SummitService(store, engines.engine, engines.answerer)
    finally:
        await store.close()


@pytest.fixture
async def seed(service: SummitService) -> StoredBriefRef:
    return await service.brief_source(str(SEED))


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        yield server


@pytest.fixture
async def adapter(fake: FakeDiscord, service: SummitService) -> AsyncIterator[DiscordAdapter]:
    bot = DiscordAdapter(
        "fake-token",
        service,
        api_url=fake.api_url,
        gateway_url=fake.gateway_url,
        ready_timeout=5,
        guild_ready_timeout=0.05,
    )
    await bot.start()
    try:
        await bot.wait_ready()
        yield bot
    finally:
        await bot.stop()
