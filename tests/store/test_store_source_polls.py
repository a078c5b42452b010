"""Source claims on SQLite and on a real PostgreSQL server: each due source to one claimant,
a claim held until it expires (or its process is gone), released sources due again later."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.store import Store

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
HOLD = timedelta(seconds=60)


async def _sources(store: Store, count: int) -> list[str]:
    keys = [f"http://feeds.example/{n}" for n in range(count)]
    await store.watch.ensure_sources((k, k, "feed") for k in keys)
    await store.polls.schedule(keys, NOW)
    return keys


async def test_concurrent_claimers_never_share_a_source(store: Store) -> None:
    keys = await _sources(store, 40)

    async def worker(owner: str) -> list[str]:
        claimed: list[str] = []
        while batch := await store.polls.claim_due(owner, now=NOW, until=NOW + HOLD, limit=3):
            claimed += batch
        return claimed

    shares = await asyncio.gather(*(worker(f"w{n}:1") for n in range(4)))
    every = [key for share in shares for key in share]
    assert sorted(every) == sorted(keys)  # each source claimed once, none left out


async def test_a_claim_holds_until_it_expires_and_renewal_extends_it(store: Store) -> None:
    (key,) = await _sources(store, 1)
    assert await store.polls.claim_due("a:1", now=NOW, until=NOW + HOLD, limit=10) == [key]
    later = NOW + HOLD / 2
    assert await store.polls.claim_due("b:2", now=later, until=later + HOLD, limit=10) == []
    assert not await store.polls.claim(key, "b:2", now=later, until=later + HOLD)
    await store.polls.renew("a:1", later + HOLD)  # a is alive: its claim holds longer
    past_first = NOW + HOLD + timedelta(seconds=1)
    assert await store.polls.claim_due("b:2", now=past_first, until=NOW, limit=10) == []
    gone = later + HOLD + timedelta(seconds=1)  # a stopped renewing: b takes it over
    assert await store.polls.claim_due("b:2", now=gone, until=gone + HOLD, limit=10) == [key]


async def test_a_dead_claimants_sources_are_free_at_once(store: Store) -> None:
    (key,) = await _sources(store, 1)
    assert await store.polls.claim_due("dead:7", now=NOW, until=NOW + HOLD, limit=10) == [key]
    assert await store.polls.claimants() == {"dead:7"}
    taken = await store.polls.claim_due("b:2", now=NOW, until=NOW + HOLD, limit=10, dead={"dead:7"})
    assert taken == [key]


async def test_released_sources_are_due_again_at_their_next_time(store: Store) -> None:
    keys = await _sources(store, 2)
    assert sorted(await store.polls.claim_due("a:1", now=NOW, until=NOW + HOLD, limit=10)) == keys
    await store.polls.release("b:2", {keys[0]: NOW})  # not b's to release: nothing changes
    soon, later = NOW + timedelta(minutes=5), NOW + timedelta(minutes=15)
    await store.polls.release("a:1", {keys[0]: soon, keys[1]: later})
    assert await store.polls.claimants() == set()
    assert await store.polls.claim_due("b:2", now=NOW, until=NOW + HOLD, limit=10) == []
    assert await store.polls.claim_due("b:2", now=soon, until=soon + HOLD, limit=10) == [keys[0]]
    await store.polls.release("b:2", {keys[0]: NOW + timedelta(days=1)})
    assert await store.polls.claim_due("c:3", now=later, until=later + HOLD, limit=10) == [keys[1]]


async def test_unscheduled_sources_are_never_claimed(store: Store) -> None:
    # A one-off `summit watch --once --source X` is stored but not polled by `summit run`.
    await store.watch.ensure_sources([("http://once.example/", "once", "feed")])
    assert await store.polls.claim_due("a:1", now=NOW, until=NOW + HOLD, limit=10) == []
    await _sources(store, 1)
    await store.polls.schedule(["http://feeds.example/0"], NOW + HOLD)  # scheduled already
    assert await store.polls.claim_due("a:1", now=NOW, until=NOW + HOLD, limit=10) != []
