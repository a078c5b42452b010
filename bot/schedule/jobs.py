"""The bot's jobs on a `Scheduler`: poll each source, drain the outbox, post digests, and hold
the database lock that keeps a second scheduler off the same database.

Run as one of N workers (`standby=True`), every process polls its share of the due sources
(bot.schedule.polls) and drains the outbox beside the others, adopting the rows of workers
that died; the one holding the scheduler lock also queues digests, and the others try for
the lock every HEARTBEAT_SECONDS: when its holder dies, one worker takes its place.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.core.errors import ConfigError
from bot.core.ports import ChatAdapter
from bot.delivery import OutboxSender
from bot.delivery.sender import WORKER_HEARTBEAT, WORKER_LEASE, WORKER_STALE_AFTER
from bot.schedule.polls import SharedPolls
from bot.schedule.scheduler import Job, Scheduler
from bot.store import Store
from bot.store.subscriptions import process_owner
from bot.watch import Watcher

log = logging.getLogger(__name__)
LOCK = "scheduler"
HEARTBEAT_SECONDS = 15
STALE_AFTER = timedelta(seconds=90)
DIGEST_SYNC_SECONDS = 60
SHARED_POLL_SECONDS = 5  # how often each of N workers looks for due sources


@dataclass(frozen=True, slots=True)
class DigestSpec:
    platform: str
    channel: str
    crontab: str
    timezone: str

    @property
    def job_id(self) -> str:
        return f"digest:{self.platform}:{self.channel}"


class BotJobs:
    """Everything `summit run` schedules, and its start and stop."""

    def __init__(
        self,
        store: Store,
        watcher: Watcher,
        sender: OutboxSender,
        scheduler: Scheduler,
        adapters: Mapping[str, ChatAdapter],
        *,
        digests: Sequence[DigestSpec] = (),
        outbox_seconds: float = 5,
        jitter_seconds: float = 30,
        owner: str | None = None,
    ) -> None:
        self.store = store
        self.watcher = watcher
        self.sender = sender
        self.scheduler = scheduler
        self.adapters = adapters
        self.configured_digests = list(digests)
        self.outbox_seconds = outbox_seconds
        self.jitter_seconds = jitter_seconds
        self.owner = owner or process_owner()
        if sender.owner is None:  # its claims carry our name, which our worker lease vouches for
            sender.owner = self.owner
        self.leading = False
        # N workers (`standby`): every one polls its share of the due sources (SharedPolls);
        # else the one scheduler keeps a timer per source.
        self.shared = False
        self.polls = SharedPolls(store, watcher, self.owner, jitter_seconds=jitter_seconds)
        self.lost_lock = asyncio.Event()
        # Set once every source has been polled once: the console waits for it before it
        # answers questions, so a question piped in at start meets the first briefs.
        self.first_pass = asyncio.Event()
        self._polled: set[str] = set()
        self._digest_specs: dict[str, DigestSpec] = {}

    async def run(self, stop: asyncio.Event, *, standby: bool = False) -> None:
        """Hold the lock (or, `standby`, wait for it beside the other workers), start adapters
        and jobs, run until `stop` (or the lock is lost)."""
        holder = await self.store.locks.acquire(LOCK, self.owner, stale_after=STALE_AFTER)
        if holder is not None and not standby:
            raise ConfigError(f"another scheduler ({holder}) is running on this database")
        self.leading = holder is None
        self.shared = standby
        worker_lease = WORKER_LEASE + self.owner
        await self.store.locks.acquire(worker_lease, self.owner, stale_after=WORKER_STALE_AFTER)
        started: list[ChatAdapter] = []
        try:
            for adapter in self.adapters.values():
                await adapter.start()
                started.append(adapter)
            async with self.watcher:
                await self.polls.prepare()
                await self.sender.recover()
                await self.schedule()
                self.scheduler.start()
                await _first(stop, self.lost_lock)
        finally:
            await self.scheduler.shutdown()
            for adapter in reversed(started):
                await adapter.stop()
            await self.store.locks.release(LOCK, self.owner)
            await self.store.locks.release(worker_lease, self.owner)

    async def schedule(self) -> None:
        self.scheduler.every("outbox", self.sender.drain, seconds=self.outbox_seconds)
        # Its own job: a drain can take long, a heartbeat must never wait behind one. (Each
        # drain first adopts what dead workers left: see OutboxSender.drain.)
        every = WORKER_HEARTBEAT.total_seconds()
        self.scheduler.every("worker", self.worker_heartbeat, seconds=every)
        if self.shared:
            self.scheduler.every("polls", self.poll_pass, seconds=SHARED_POLL_SECONDS)
        if self.leading:
            self._schedule_leader()
        else:
            self.scheduler.every("lead", self.try_to_lead, seconds=HEARTBEAT_SECONDS)

    def _schedule_leader(self) -> None:
        if not self.shared:  # one process: a timer per source
            for key, source in self.watcher.sources.items():
                self.scheduler.every(
                    f"poll:{key}",
                    self._poll_job(key),
                    seconds=source.interval.total_seconds(),
                    jitter=min(self.jitter_seconds, source.interval.total_seconds() / 10),
                )
        self.scheduler.every("lock", self.heartbeat, seconds=HEARTBEAT_SECONDS)
        self.scheduler.every("digests", self.sync_digests, seconds=DIGEST_SYNC_SECONDS)

    async def try_to_lead(self) -> None:
        """A standby worker takes the scheduler's place once its lease is free or stale."""
        if await self.store.locks.acquire(LOCK, self.owner, stale_after=STALE_AFTER) is None:
            log.info("this worker now holds the scheduler lock (%s)", self.owner)
            self.leading = True
            self.scheduler.remove("lead")
            self._schedule_leader()

    async def worker_heartbeat(self) -> None:
        """Keep our worker lease fresh: the other workers leave our rows in 'sending' alone."""
        lease = WORKER_LEASE + self.owner
        if not await self.store.locks.heartbeat(lease, self.owner):
            await self.store.locks.acquire(lease, self.owner, stale_after=WORKER_STALE_AFTER)
        await self.polls.renew()  # and our source claims: we are still polling them

    def _poll_job(self, key: str) -> Job:
        async def job() -> None:
            await self.poll(key)

        return job

    def _digest_job(self, spec: DigestSpec) -> Job:
        async def job() -> None:
            await self.digest(spec)

        return job

    async def poll_pass(self) -> None:
        """Our share of the due sources (N workers), then what they brought is posted."""
        try:
            if await self.polls.run_pass():
                await self.sender.drain()
        finally:
            self.first_pass.set()

    async def poll(self, key: str) -> None:
        try:
            await self.polls.poll_one(key)
            await self.sender.drain()  # new briefs go out now, not at the next outbox tick
        finally:
            self._polled.add(key)
            if self._polled >= set(self.watcher.sources):
                self.first_pass.set()

    async def heartbeat(self) -> None:
        if not await self.store.locks.heartbeat(LOCK, self.owner):
            log.error("the scheduler lock was taken over: stopping")
            self.lost_lock.set()

    async def sync_digests(self) -> None:
        """Digest jobs for the configured destinations and for today's subscriptions."""
        wanted = {d.job_id: d for d in self.configured_digests}
        for sub in await self.store.subscriptions.all():
            if sub.digest_cron:
                spec = DigestSpec(sub.platform, sub.channel, sub.digest_cron, sub.timezone)
                wanted[spec.job_id] = spec
        for job_id in self.scheduler.job_ids():
            if job_id.startswith("digest:") and job_id not in wanted:
                self.scheduler.remove(job_id)
        for job_id, spec in wanted.items():
            if self._digest_specs.get(job_id) != spec:
                self.scheduler.cron(job_id, self._digest_job(spec),
                                    crontab=spec.crontab, timezone=spec.timezone)  # fmt: skip
        self._digest_specs = wanted

    async def digest(self, spec: DigestSpec, now: datetime | None = None) -> bool:
        """Queue this period's roll-up for one destination and post it; False when empty."""
        end = now or datetime.now(UTC)  # periods chain: a second firing finds nothing new
        start = await self.store.outbox.last_digest_end(spec.platform, spec.channel)
        start = start or end - timedelta(days=1)
        briefs = await self.store.outbox.briefs_between(start, end)
        if not briefs:
            log.info("digest for %s:%s: no briefs since %s", spec.platform, spec.channel, start)
            return False
        await self.store.outbox.add_digest(spec.platform, spec.channel, start, end, briefs)
        await self.sender.drain()
        return True


async def _first(*events: asyncio.Event) -> None:
    waiters = [asyncio.create_task(e.wait(), name=f"wait:{i}") for i, e in enumerate(events)]
    try:
        await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
        await asyncio.gather(*waiters, return_exceptions=True)
