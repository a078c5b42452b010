"""N workers on one outbox: each row claimed by exactly one, a live worker's row left alone,
a dead worker's row adopted by exactly one other and settled by asking before reposting.
Runs on SQLite and on a real PostgreSQL server (tests/delivery/conftest.py)."""

from __future__ import annotations

import asyncio
import io
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from bot.adapters.console.adapter import ConsoleAdapter
from bot.core.ports import PostedMessage
from bot.delivery import OutboxSender
from bot.delivery.deltas import DeltaSender
from bot.delivery.sender import WORKER_LEASE
from bot.store import Store
from bot.store.tables import LockRow, utc_now
from bot.store.watch import Destination
from tests.support.outbox_cases import brief_pair, console_adapter, posted_lines, saved_story

LIVE_ELSEWHERE = "other-host:1"  # a worker on another machine: only its lease says it lives
STALE = timedelta(seconds=60)


async def test_concurrent_claims_never_share_a_row(store: Store) -> None:
    for n in range(1, 13):
        await saved_story(store, n, [Destination("console", "a"), Destination("console", "b")])

    async def worker(owner: str) -> list[int]:
        ids = []
        while claimed := await store.outbox.claim("brief", ["console"], owner=owner):
            ids.append(claimed.id)
        return ids

    claims = await asyncio.gather(*(worker(f"w{i}:1") for i in range(4)))
    every = [row for ids in claims for row in ids]
    assert sorted(every) == sorted(set(every))  # nobody got a row twice
    assert len(every) == 24
    assert {d.status for d in await store.outbox.deliveries()} == {"sending"}


async def test_a_live_workers_post_is_left_alone(store: Store, tmp_path: Path) -> None:
    await saved_story(store, 1, [Destination("console", "stdout")])
    await store.locks.acquire(WORKER_LEASE + LIVE_ELSEWHERE, LIVE_ELSEWHERE, stale_after=STALE)
    assert await store.outbox.claim("brief", ["console"], owner=LIVE_ELSEWHERE) is not None
    console, _ = console_adapter(tmp_path)
    sender = OutboxSender(store, {"console": console}, owner="me:1")
    await sender.recover()
    assert await sender.drain() == 0
    (delivery,) = await store.outbox.deliveries()
    assert delivery.status == "sending"  # still the other worker's, mid-post
    assert not (tmp_path / "posts.log").exists()


async def test_a_dead_workers_posts_are_adopted_once_and_settled(
    store: Store, tmp_path: Path
) -> None:
    await saved_story(store, 1, [Destination("console", "stdout")])
    await saved_story(store, 2, [Destination("console", "stdout")])
    dead = "other-host:2"  # its lease went stale: it never heartbeat again
    await store.locks.acquire(WORKER_LEASE + dead, dead, stale_after=STALE)
    landed = await store.outbox.claim("brief", ["console"], owner=dead)
    never = await store.outbox.claim("brief", ["console"], owner=dead)
    assert landed is not None
    assert never is not None
    console, _ = console_adapter(tmp_path)
    await console.post_brief_keyed("stdout", brief_pair(1)[1], 1, landed.key)  # then it died
    async with store.engine.begin() as connection:  # its last heartbeat, long ago
        await connection.execute(update(LockRow).values(heartbeat_at=utc_now() - 2 * STALE))

    one = OutboxSender(store, {"console": console}, owner="me:1")
    two = OutboxSender(store, {"console": console}, owner="you:2")
    await asyncio.gather(one.recover(), two.recover())
    assert await one.drain() + await two.drain() == 1  # only the post that never landed

    records = posted_lines(tmp_path)
    assert sorted(r["key"] for r in records) == sorted([landed.key, never.key])
    assert [d.status for d in await store.outbox.deliveries()] == ["sent", "sent"]


async def test_two_workers_post_a_story_delta_once(store: Store, tmp_path: Path) -> None:
    story = await saved_story(store, 1, [Destination("console", "stdout")])
    copy = await saved_story(store, 2, [])
    console, _ = console_adapter(tmp_path)
    assert await OutboxSender(store, {"console": console}).drain() == 1
    assert await store.deltas.add(story, copy, "Japan now offers $12 billion") == 1

    one, two = DeltaSender(store, {"console": console}), DeltaSender(store, {"console": console})
    assert sum(await asyncio.gather(one.drain(), two.drain())) == 1
    replies = [r for r in posted_lines(tmp_path) if not r["key"]]
    assert len(replies) == 1


class CannotAskOnce(ConsoleAdapter):
    """A platform that cannot be asked the first time (not ready, a timeout), then can."""

    asked = 0

    async def already_posted(self, channel: str, key: str) -> PostedMessage | None:
        self.asked += 1
        if self.asked == 1:
            raise ConnectionError("platform not ready")
        return await super().already_posted(channel, key)


async def test_a_post_in_doubt_that_cannot_be_settled_yet_is_asked_again(
    store: Store, tmp_path: Path
) -> None:
    await saved_story(store, 1, [Destination("console", "stdout")])
    assert await store.outbox.claim("brief", ["console"]) is not None  # then that process died
    adapter = CannotAskOnce(io.StringIO(), log_path=tmp_path / "posts.log")
    sender = OutboxSender(store, {"console": adapter}, owner="me:1")
    assert await sender.drain() == 0  # adopted, could not be asked: still in doubt
    (delivery,) = await store.outbox.deliveries()
    assert delivery.status == "sending"
    await sender.drain()  # asked again: it never landed, so it is posted
    (delivery,) = await store.outbox.deliveries()
    assert delivery.status == "sent"
    assert len(posted_lines(tmp_path)) == 1
