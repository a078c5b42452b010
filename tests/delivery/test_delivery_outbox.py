"""The outbox sender against the real console adapter and a real SQLite store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.core.models import Brief
from bot.core.ports import ChatAdapter, PostedMessage
from bot.delivery import OutboxSender
from bot.store import Store
from bot.store.watch import Destination
from tests.support.outbox_cases import brief_pair, console_adapter, posted_lines, saved_story


async def test_each_brief_is_posted_once_and_its_thread_recorded(
    store: Store, tmp_path: Path
) -> None:
    console, out = console_adapter(tmp_path)
    await console.start()
    ids = [await saved_story(store, n, [Destination("console", "stdout")]) for n in (1, 2)]
    sender = OutboxSender(store, {"console": console})
    assert await sender.drain() == 2
    assert await sender.drain() == 0
    assert [r["brief_ids"] for r in posted_lines(tmp_path)] == [[ids[0]], [ids[1]]]
    assert "Headline 1" in out.getvalue()
    sent = await store.outbox.deliveries()
    assert [(d.status, d.message_id, d.attempts) for d in sent] == [
        ("sent", "1", 1),
        ("sent", "2", 1),
    ]
    assert await store.brief_for_thread("console", "stdout", "2") == ids[1]


async def test_a_platform_with_no_adapter_stays_pending(store: Store, tmp_path: Path) -> None:
    console, _ = console_adapter(tmp_path)
    await saved_story(store, 1, [Destination("console", "stdout"), Destination("slack", "C1")])
    await OutboxSender(store, {"console": console}).drain()
    assert {(d.platform, d.status) for d in await store.outbox.deliveries()} == {
        ("console", "sent"),
        ("slack", "pending"),
    }


async def test_a_post_in_doubt_that_landed_is_not_posted_again(
    store: Store, tmp_path: Path
) -> None:
    console, _ = console_adapter(tmp_path)
    await saved_story(store, 1, [Destination("console", "stdout")])
    claimed = await store.outbox.claim("brief", ["console"])
    assert claimed is not None
    _, brief = brief_pair(1)
    # The post landed, then the process died before recording it.
    await console.post_brief_keyed("stdout", brief, claimed.brief_ids[0], claimed.key)
    sender = OutboxSender(store, {"console": console})
    await sender.recover()
    assert await sender.drain() == 0
    assert len(posted_lines(tmp_path)) == 1
    (delivery,) = await store.outbox.deliveries()
    assert (delivery.status, delivery.message_id) == ("sent", "1")


async def test_a_post_in_doubt_that_never_landed_is_posted(store: Store, tmp_path: Path) -> None:
    console, _ = console_adapter(tmp_path)
    await saved_story(store, 1, [Destination("console", "stdout")])
    assert await store.outbox.claim("brief", ["console"]) is not None  # then the process died
    sender = OutboxSender(store, {"console": console})
    await sender.recover()
    assert await sender.drain() == 1
    (delivery,) = await store.outbox.deliveries()
    assert (delivery.status, delivery.attempts) == ("sent", 2)


class UnkeyedAdapter:
    """A platform that cannot be asked what it already has."""

    platform = "plain"

    def __init__(self, fail: bool = False) -> None:
        self.posts: list[str] = []
        self.fail = fail

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def post_brief(self, channel: str, brief: Brief, brief_id: int) -> PostedMessage:
        if self.fail:
            raise ConnectionError("platform down")
        self.posts.append(brief.headline)
        return PostedMessage("plain", channel, f"m{len(self.posts)}", thread_id="t1")

    async def post_digest(self, channel: str, briefs: Sequence[Brief], title: str) -> PostedMessage:
        self.posts.append(title)
        return PostedMessage("plain", channel, f"m{len(self.posts)}")


async def test_without_a_ledger_a_post_in_doubt_is_failed_not_doubled(store: Store) -> None:
    adapter = UnkeyedAdapter()
    await saved_story(store, 1, [Destination("plain", "C")])
    assert await store.outbox.claim("brief", ["plain"]) is not None
    adapters: dict[str, ChatAdapter] = {"plain": adapter}
    sender = OutboxSender(store, adapters)
    await sender.recover()
    await sender.drain()
    assert adapter.posts == []
    (delivery,) = await store.outbox.deliveries()
    assert delivery.status == "failed"
    assert "interrupted while posting" in (delivery.last_error or "")


async def test_errors_are_retried_then_failed(store: Store) -> None:
    adapter = UnkeyedAdapter(fail=True)
    await saved_story(store, 1, [Destination("plain", "C")])
    sender = OutboxSender(store, {"plain": adapter}, max_attempts=2)
    await sender.drain()
    (delivery,) = await store.outbox.deliveries()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    await sender.drain()
    (delivery,) = await store.outbox.deliveries()
    assert (delivery.status, delivery.attempts) == ("failed", 2)
    assert "platform down" in (delivery.last_error or "")


async def test_a_digest_rolls_up_the_period_once(store: Store, tmp_path: Path) -> None:
    console, out = console_adapter(tmp_path)
    await saved_story(store, 1, [])
    await saved_story(store, 2, [])
    end = datetime.now(UTC) + timedelta(minutes=1)
    briefs = await store.outbox.briefs_between(end - timedelta(days=1), end)
    assert await store.outbox.add_digest("console", "stdout", end - timedelta(days=1), end, briefs)
    assert not await store.outbox.add_digest(
        "console", "stdout", end - timedelta(days=1), end, briefs
    )
    assert await OutboxSender(store, {"console": console}).drain() == 1
    assert "Headline 1" in out.getvalue()
    assert "Headline 2" in out.getvalue()
    (record,) = posted_lines(tmp_path)
    assert record["key"].startswith("summit-digest-1-")
