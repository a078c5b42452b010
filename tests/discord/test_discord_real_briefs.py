"""A real brief with items in one pillar and none in the others reaches Discord (issue 10.1):
briefed from a corpus article, delivered through the outbox to the fake, sent once, no 400."""

from __future__ import annotations

from pathlib import Path

from bot.adapters.discord import DiscordAdapter
from bot.delivery import OutboxSender
from bot.service import SummitService
from bot.store.watch import Destination, EntryRecord, StoryArticle
from tests.fakes.discord_api import FakeDiscord, limit_errors

# The single-pillar article of the synthetic corpus: economic items only.
SINGLE_PILLAR = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "d14.txt"


async def test_a_brief_with_empty_pillars_is_delivered_once(
    adapter: DiscordAdapter, fake: FakeDiscord, service: SummitService
) -> None:
    stored = await service.brief_source(str(SINGLE_PILLAR))
    filled = [bool(p.items) for p in stored.brief.pillars]
    # The shape that used to raise in _fields: items in some pillars, none in others.
    assert any(filled)
    assert not all(filled)
    channel = str(fake.channel_id)
    (source,) = (await service.store.watch.ensure_sources([("feed", "feed", "feed")])).values()
    article = stored.brief.article.model_copy(update={"sha256": "e" * 64})
    lead = StoryArticle(source.id, EntryRecord("k1", None, "briefed"), article, None, "KBN")
    await service.store.watch.new_story(
        lead, stored.brief, [0] * 128, [Destination("discord", channel)]
    )

    assert await OutboxSender(service.store, {"discord": adapter}).drain() == 1
    posts = fake.calls("POST", rf"/channels/{channel}/messages")
    assert posts
    assert all(p.status == 200 and limit_errors(p.body) == [] for p in posts)
    fields = [f for p in posts for e in p.body["embeds"] for f in e.get("fields", [])]
    assert [f["value"] for f in fields if f["value"] == "*nothing reported*"]
    (delivery,) = await service.store.outbox.deliveries()
    assert delivery.status == "sent"
