"""Many servers: commands synced globally (every server the bot is in) or to one, and the
gateway sharded when DISCORD_SHARDS or Discord's recommendation asks for more than one."""

from __future__ import annotations

import discord
import pytest
from pydantic import SecretStr

from bot.adapters.discord import DiscordAdapter, build_discord_adapter, sync_commands
from bot.config import Settings
from bot.core.errors import BadInput
from bot.service import SummitService
from tests.fakes.discord_api import FakeDiscord


async def test_a_global_sync_reaches_every_server_the_bot_is_in(fake: FakeDiscord) -> None:
    fake.member_of = [fake.guild_id, fake.new_id(), fake.new_id()]
    settings = Settings(discord_token=SecretStr("fake-token"), discord_api_url=fake.api_url)
    synced = await sync_commands(settings, None)
    assert synced.commands == 1
    assert sorted(synced.servers) == sorted(fake.member_of)
    assert list(fake.commands) == ["global"]  # one registration, not one per server
    one = await sync_commands(settings, fake.member_of[1])
    assert one.servers == (fake.member_of[1],)
    assert str(fake.member_of[1]) in fake.commands


async def test_syncing_to_a_server_the_bot_is_not_in_is_bad_input(fake: FakeDiscord) -> None:
    settings = Settings(discord_token=SecretStr("fake-token"), discord_api_url=fake.api_url)
    stranger = fake.new_id()
    with pytest.raises(BadInput, match=f"not in Discord server {stranger}"):
        await sync_commands(settings, stranger)
    assert str(stranger) not in fake.commands


@pytest.mark.parametrize(("configured", "recommended", "shards"), [(2, 1, 2), (None, 3, 3)])
async def test_more_than_one_shard_runs_an_auto_sharded_client(
    fake: FakeDiscord,
    service: SummitService,
    configured: int | None,
    recommended: int,
    shards: int,
) -> None:
    # What is checked: the client chosen and its shard count. A full multi-shard session
    # against the fake's gateway is not (yet) covered: see the README's deployment notes.
    fake.recommended_shards = recommended
    bot = _adapter(fake, service, configured)
    await bot.start()
    try:
        assert isinstance(bot.client, discord.AutoShardedClient)
        assert bot.client.shard_count == shards
        assert bool(fake.calls("GET", "/gateway/bot")) is (configured is None)
    finally:
        await bot.stop()
    assert bot.client.is_closed()


async def test_one_recommended_shard_keeps_the_plain_client(
    fake: FakeDiscord, service: SummitService
) -> None:
    bot = _adapter(fake, service, None)
    await bot.start()
    try:
        await bot.wait_ready()
        assert not isinstance(bot.client, discord.AutoShardedClient)
        assert len(fake.identifies) == 1
        assert fake.calls("GET", "/gateway/bot")  # Discord was asked
    finally:
        await bot.stop()


def test_discord_shards_is_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, service: SummitService
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "fake-token")
    monkeypatch.setenv("DISCORD_SHARDS", "3")
    built = build_discord_adapter(Settings(_env_file=None), service)  # type: ignore[call-arg]
    assert built is not None
    assert built.shards == 3
    monkeypatch.setenv("DISCORD_SHARDS", "0")
    with pytest.raises(ValueError, match="greater than or equal to 1"):
        Settings(_env_file=None)  # type: ignore[call-arg]


def _adapter(fake: FakeDiscord, service: SummitService, shards: int | None) -> DiscordAdapter:
    return DiscordAdapter("fake-token", service, api_url=fake.api_url,
                          gateway_url=fake.gateway_url, ready_timeout=5,
                          guild_ready_timeout=0.05, shards=shards)  # fmt: skip
