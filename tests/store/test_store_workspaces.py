"""A workspace that removed the app: its subscriptions end and its pending posts are parked
with the reason; other workspaces' are untouched (SQLite and PostgreSQL)."""

from __future__ import annotations

from bot.core.models import Article, Brief, Pillar
from bot.store import Store
from bot.store.watch import Destination, EntryRecord, StoryArticle

REASON = "Slack workspace T1 uninstalled the app: not posted"


async def _story(store: Store, destinations: list[Destination]) -> int:
    (source,) = (await store.watch.ensure_sources([("feed", "feed", "feed")])).values()
    article = Article(title="Summit story", text="Text.", source="Wire", sha256="1" * 64)
    brief = Brief(engine="extractive", article=article, headline="Headline",
                  pillars=[Pillar(key="economic", title="Economic")])  # fmt: skip
    lead = StoryArticle(source.id, EntryRecord("k1", None, "briefed"), article, None, "Wire")
    _, brief_id = await store.watch.new_story(lead, brief, [0] * 128, destinations)
    return brief_id


async def test_subscriptions_keep_their_workspace_and_default_to_none(store: Store) -> None:
    await store.subscriptions.subscribe("slack", "T1/C1", None, "UTC", workspace="T1")
    await store.subscriptions.subscribe("slack", "C9", None, "UTC")
    await store.subscriptions.subscribe("discord", "555", "0 8 * * *", "UTC", workspace="42")
    got = {(s.platform, s.channel): s.workspace for s in await store.subscriptions.all()}
    assert got == {("slack", "T1/C1"): "T1", ("slack", "C9"): "", ("discord", "555"): "42"}


async def test_forgetting_a_workspace_parks_only_its_pending_posts(store: Store) -> None:
    await store.subscriptions.subscribe("slack", "T1/C1", None, "UTC", workspace="T1")
    await store.subscriptions.subscribe("slack", "T2/C1", None, "UTC", workspace="T2")
    brief_id = await _story(store, [Destination("slack", "T10/C7")])
    forgotten = await store.workspaces.forget("slack", "T1", channel_prefix="T1/", reason=REASON)
    assert (forgotten.subscriptions, forgotten.deliveries, forgotten.digests) == (1, 1, 0)
    rows = {d.channel: d for d in await store.outbox.deliveries(brief_id)}
    assert rows["T1/C1"].status == "failed"
    assert rows["T1/C1"].last_error == REASON
    # T2 and a team whose id merely starts with "T1" are not that workspace.
    assert rows["T2/C1"].status == rows["T10/C7"].status == "pending"
    assert [s.channel for s in await store.subscriptions.all()] == ["T2/C1"]
