"""Discord beside Slack in one bot: the outbox delivers a brief once to each; command sync."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route
from pydantic import SecretStr

from bot.adapters.discord import DiscordAdapter, build_discord_adapter, sync_commands
from bot.adapters.slack.adapter import SlackAdapter, SlackConfig
from bot.config import Settings
from bot.core.errors import ConfigError
from bot.core.ports import ChatAdapter
from bot.delivery import OutboxSender
from bot.service import StoredBriefRef, SummitService
from bot.store.watch import Destination, EntryRecord, StoryArticle
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.slack_api import FakeSlackAPI

SUBCOMMANDS = {"brief", "pledges", "ask", "subscribe", "unsubscribe", "sources", "help"}


@pytest.fixture
async def slack(service: SummitService) -> AsyncIterator[tuple[SlackAdapter, FakeSlackAPI]]:
    async with FakeSlackAPI() as api:
        config = SlackConfig(
            bot_token=api.bot_token,
            signing_secret="s" * 32,
            api_url=api.api_url,
            host="127.0.0.1",
            port=0,
            pace_seconds=0,
        )
        adapter = SlackAdapter(config, service)
        await adapter.start()
        try:
            yield adapter, api
        finally:
            await adapter.stop()


async def _story(
    service: SummitService, seed: StoredBriefRef, destinations: list[Destination]
) -> int:
    store = service.store
    (source,) = (await store.watch.ensure_sources([("feed", "feed", "feed")])).values()
    article = seed.brief.article.model_copy(update={"sha256": "f" * 64})
    lead = StoryArticle(source.id, EntryRecord("k1", None, "briefed"), article, None, "Xinhua")
    _, brief_id = await store.watch.new_story(lead, seed.brief, [0] * 128, destinations)
    return brief_id


async def test_one_brief_is_delivered_once_to_slack_and_once_to_discord(
    adapter: DiscordAdapter,
    fake: FakeDiscord,
    slack: tuple[SlackAdapter, FakeSlackAPI],
    service: SummitService,
    seed: StoredBriefRef,
) -> None:
    slack_adapter, slack_api = slack
    channel = str(fake.channel_id)
    brief_id = await _story(
        service, seed, [Destination("discord", channel), Destination("slack", "C0SUMMIT")]
    )
    adapters: dict[str, ChatAdapter] = {"discord": adapter, "slack": slack_adapter}
    sender = OutboxSender(service.store, adapters)
    assert await sender.drain() == 2
    slack_posts = len(slack_api.calls("chat.postMessage"))
    assert await sender.drain() == 0
    discord_posts = fake.calls("POST", rf"/channels/{channel}/messages")
    assert len(discord_posts) == 1  # the seed brief fits one message
    assert len(fake.calls("POST", r"/channels/\d+/messages/\d+/threads")) == 1
    assert slack_posts >= 1
    assert len(slack_api.calls("chat.postMessage")) == slack_posts
    deliveries = await service.store.outbox.deliveries()
    assert sorted((d.platform, d.status) for d in deliveries) == [
        ("discord", "sent"),
        ("slack", "sent"),
    ]
    (thread,) = [d.thread_id for d in deliveries if d.platform == "discord"]
    assert thread is not None
    assert await service.store.brief_for_thread("discord", channel, thread) == brief_id


async def test_commands_sync_globally_or_to_one_guild(fake: FakeDiscord) -> None:
    settings = Settings(discord_token=SecretStr("fake-token"), discord_api_url=fake.api_url)
    assert (await sync_commands(settings, None)).commands == 1
    (summit,) = fake.commands["global"]
    assert summit["name"] == "summit"
    assert summit["description"]
    assert summit["contexts"] == [0]  # servers only, not DMs
    assert {o["name"] for o in summit["options"]} == SUBCOMMANDS
    for sub in summit["options"]:
        assert sub["type"] == 1
        assert sub["description"]
        assert all(o["description"] and o["type"] == 3 for o in sub.get("options", []))
    brief = next(o for o in summit["options"] if o["name"] == "brief")
    assert [(o["name"], o["required"]) for o in brief["options"]] == [
        ("url", False),
        ("topic", False),
    ]
    ask = next(o for o in summit["options"] if o["name"] == "ask")
    assert ask["options"][0]["required"] is True
    assert ask["options"][0]["max_length"] == 500
    assert (await sync_commands(settings, fake.guild_id)).commands == 1
    assert str(fake.guild_id) in fake.commands
    assert Route.BASE == "https://discord.com/api/v10"  # put back afterwards


async def test_sync_without_a_token_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="DISCORD_TOKEN"):
        await sync_commands(Settings(), None)


async def test_the_factory_builds_an_adapter_only_with_a_token(service: SummitService) -> None:
    assert build_discord_adapter(Settings(), service) is None
    built = build_discord_adapter(Settings(discord_token=SecretStr("t")), service)
    assert isinstance(built, DiscordAdapter)
    # Building (or importing) points discord.py nowhere; only `start` does.
    assert Route.BASE == "https://discord.com/api/v10"
    assert str(DiscordWebSocket.DEFAULT_GATEWAY) == "wss://gateway.discord.gg/"


async def test_stop_puts_discord_endpoints_back(fake: FakeDiscord, service: SummitService) -> None:
    bot = DiscordAdapter(
        "fake-token",
        service,
        api_url=fake.api_url,
        gateway_url=fake.gateway_url,
        guild_ready_timeout=0.05,
    )
    await bot.start()
    assert fake.api_url == Route.BASE
    await bot.wait_ready()
    await bot.stop()
    assert Route.BASE == "https://discord.com/api/v10"
    assert bot.client.is_closed()


async def test_a_post_that_landed_before_a_crash_is_found_not_doubled(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService, seed: StoredBriefRef
) -> None:
    channel = str(fake.channel_id)
    posted = await adapter.post_brief_keyed(channel, seed.brief, seed.id, "summit-brief-7")
    found = await adapter.already_posted(channel, "summit-brief-7")
    assert found is not None
    assert found.message_id == posted.message_id
    assert await adapter.already_posted(channel, "summit-brief-8") is None
    (sent,) = fake.calls("POST", rf"/channels/{channel}/messages")
    footer = sent.body["embeds"][-1]["footer"]["text"]
    assert footer.endswith("ref summit-brief-7")


async def test_the_outbox_recovers_an_interrupted_discord_post_once(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService, seed: StoredBriefRef
) -> None:
    channel = str(fake.channel_id)
    await _story(service, seed, [Destination("discord", channel)])
    # The crash: the row was claimed and the post landed, but "sent" was never recorded.
    claimed = await service.store.outbox.claim("brief", ["discord"])
    assert claimed is not None
    await adapter.post_brief_keyed(channel, seed.brief, claimed.brief_ids[0], claimed.key)
    sender = OutboxSender(service.store, {"discord": adapter})
    await sender.recover()
    assert await sender.drain() == 0
    assert len(fake.calls("POST", rf"/channels/{channel}/messages")) == 1
    (after,) = await service.store.outbox.deliveries()
    assert after.status == "sent"
