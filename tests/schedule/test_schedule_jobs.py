"""The scheduler interface, the bot's jobs fired by hand, the database lock, subscriptions."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.adapters.console.adapter import ConsoleAdapter
from bot.brief.extractive import ExtractiveEngine
from bot.config import load_config
from bot.core.errors import BadInput
from bot.delivery import OutboxSender
from bot.schedule import APScheduler, ManualScheduler, validate_cron
from bot.schedule.jobs import LOCK, BotJobs, DigestSpec
from bot.schedule.scheduler import next_fire
from bot.service import SummitService
from bot.store import Store
from bot.store.watch import Destination
from bot.watch import WatchedSource, Watcher

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _jobs(store: Store, out: io.StringIO, scheduler: ManualScheduler) -> BotJobs:
    engine = ExtractiveEngine(load_config().pillars())
    seeds = WatchedSource(key=str(SEEDS), name="seeds", kind="folder", seed_on_add=False)
    watcher = Watcher(store, engine, [seeds], destinations=[Destination("console", "stdout")])
    adapters = {"console": ConsoleAdapter(out)}
    digest = DigestSpec("console", "stdout", "0 8 * * mon-fri", "Asia/Kuala_Lumpur")
    return BotJobs(store, watcher, OutboxSender(store, adapters), scheduler, adapters,
                   digests=[digest], owner="test:1")  # fmt: skip


async def test_jobs_fired_by_hand_poll_post_and_digest(store: Store) -> None:
    out, scheduler = io.StringIO(), ManualScheduler()
    jobs = _jobs(store, out, scheduler)
    jobs.leading = True  # as `run` sets it once this process holds the scheduler lock
    async with jobs.watcher:
        await jobs.schedule()
        await jobs.sync_digests()
        assert scheduler.job_ids() == [
            "digest:console:stdout",
            "digests",
            "lock",
            "outbox",
            f"poll:{SEEDS}",
            "worker",
        ]
        await scheduler.fire(f"poll:{SEEDS}")
        assert "── #1 console:stdout · brief 1 ──" in out.getvalue()
        await scheduler.fire("digest:console:stdout")
        assert "Summit digest" in out.getvalue()
        await scheduler.fire("digest:console:stdout")  # nothing new since: no second digest
    assert out.getvalue().count("Summit digest") == 1


async def test_a_subscription_with_a_digest_gets_its_own_job(store: Store) -> None:
    scheduler = ManualScheduler()
    jobs = _jobs(store, io.StringIO(), scheduler)
    service = SummitService(store, ExtractiveEngine(load_config().pillars()))
    await service.subscribe("slack", "C9", cron="30 17 * * fri", timezone="Europe/Paris")
    await jobs.sync_digests()
    assert "digest:slack:C9" in scheduler.job_ids()
    assert await service.unsubscribe("slack", "C9")
    assert not await service.unsubscribe("slack", "C9")
    await jobs.sync_digests()
    assert "digest:slack:C9" not in scheduler.job_ids()


async def test_bad_schedules_are_refused_with_a_reason(store: Store) -> None:
    service = SummitService(store, ExtractiveEngine(load_config().pillars()))
    with pytest.raises(BadInput, match="not a valid crontab"):
        await service.subscribe("slack", "C1", cron="every morning")
    with pytest.raises(BadInput, match="unknown time zone"):
        await service.subscribe("slack", "C1", cron="0 8 * * *", timezone="Mars/Olympus")
    with pytest.raises(BadInput, match="unknown time zone"):
        await service.subscribe("slack", "C1", timezone="Nowhere")


def test_a_digest_cron_is_read_in_its_zone() -> None:
    monday = datetime(2025, 11, 24, 0, 30, tzinfo=UTC)  # 08:30 in Kuala Lumpur
    when = next_fire("0 8 * * mon-fri", "Asia/Kuala_Lumpur", monday)
    assert when is not None
    assert when.astimezone(UTC) == datetime(2025, 11, 25, 0, 0, tzinfo=UTC)
    assert validate_cron("0 8 * * mon-fri", "UTC") is not None


async def test_one_scheduler_per_database(store: Store) -> None:
    stale = timedelta(seconds=90)
    assert await store.locks.acquire(LOCK, "host-a:1", stale_after=stale) is None
    assert await store.locks.acquire(LOCK, "host-b:2", stale_after=stale) == "host-a:1"
    assert await store.locks.heartbeat(LOCK, "host-a:1")
    assert await store.locks.acquire(LOCK, "host-b:2", stale_after=timedelta(0)) is None
    assert not await store.locks.heartbeat(LOCK, "host-a:1")  # taken over: a must stop


async def test_the_apscheduler_wrapper_runs_names_and_cancels_jobs() -> None:
    scheduler = APScheduler()
    ran, names = asyncio.Event(), []
    blocked = asyncio.Event()

    async def quick() -> None:
        task = asyncio.current_task()
        names.append(task.get_name() if task else "")
        ran.set()

    async def forever() -> None:
        blocked.set()
        await asyncio.sleep(3600)

    async def broken() -> None:
        raise RuntimeError("boom")

    scheduler.every("quick", quick, seconds=3600)
    scheduler.every("forever", forever, seconds=3600)
    scheduler.every("broken", broken, seconds=3600)
    scheduler.start()
    await asyncio.wait_for(ran.wait(), 5)
    await asyncio.wait_for(blocked.wait(), 5)
    assert names == ["job:quick"]
    await asyncio.wait_for(scheduler.shutdown(), 5)  # cancels `forever`


async def test_as_one_of_n_workers_every_worker_polls_its_share(store: Store) -> None:
    out, scheduler = io.StringIO(), ManualScheduler()
    jobs = _jobs(store, out, scheduler)
    jobs.shared = True  # as `run` sets it for `summit run --role worker`
    async with jobs.watcher:
        await jobs.polls.prepare()
        await jobs.schedule()
        assert scheduler.job_ids() == ["lead", "outbox", "polls", "worker"]  # no timer a source
        assert not jobs.first_pass.is_set()
        await scheduler.fire("polls")
        assert "── #1 console:stdout · brief 1 ──" in out.getvalue()
        assert jobs.first_pass.is_set()
        assert jobs.polls.polled == 1
        await scheduler.fire("polls")  # polled a moment ago: not due again yet
        assert jobs.polls.polled == 1
        await scheduler.fire("worker")  # the heartbeat renews our claims (none held now)
    (state,) = await store.watch.all_sources()
    assert state.status == "ok"
