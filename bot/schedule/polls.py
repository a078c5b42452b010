"""Source polls as a pass N workers share (`summit run --role worker` on one database).

Every worker runs the same pass now and then: claim a batch of due sources nobody holds
(bot.store.source_polls), poll them, release them due again one interval (± jitter) later,
and claim again until nothing is due. So each due source is polled by exactly one worker,
the work spreads over however many workers run, and a worker that dies mid-poll holds its
sources only until its claims expire (HOLD; renewed every worker heartbeat while it lives),
or not at all once its process is known to be gone. A single process (`--role all`) keeps
one timer per source and claims that source when its timer fires (`poll_one`).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from bot.store import Store
from bot.store.subscriptions import process_gone
from bot.watch import StoryReport, Watcher

log = logging.getLogger(__name__)
HOLD = timedelta(seconds=60)  # a claim its worker stopped renewing is free this long after
BATCH = 64  # sources claimed at a time: enough to keep the fetchers busy, few to hold
UNKNOWN_RECHECK = timedelta(minutes=15)  # a source this worker's configuration lacks
_CHUNK = 1000


def utc_now() -> datetime:
    return datetime.now(UTC)


class SharedPolls:
    def __init__(
        self,
        store: Store,
        watcher: Watcher,
        owner: str,
        *,
        hold: timedelta = HOLD,
        batch: int = BATCH,
        jitter_seconds: float = 30,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.store = store
        self.watcher = watcher
        self.owner = owner
        self.hold = hold
        self.batch = batch
        self.jitter_seconds = jitter_seconds
        self.clock = clock
        self._random = random.Random()
        self.polled = 0  # sources this worker has polled (its share, for tests and benches)

    async def prepare(self) -> None:
        """This worker's configured sources are stored, and due now unless already scheduled."""
        sources = list(self.watcher.sources.values())
        for start in range(0, len(sources), _CHUNK):
            chunk = [(s.key, s.name, s.kind) for s in sources[start : start + _CHUNK]]
            try:
                await self.store.watch.ensure_sources(chunk)
            except IntegrityError:  # another worker stored some of them first
                await self.store.watch.ensure_sources(chunk)
        await self.store.polls.schedule([s.key for s in sources], self.clock())

    async def run_pass(self) -> list[StoryReport]:
        """Claim, poll and release due sources until none is left unclaimed; what they found."""
        reports: list[StoryReport] = []
        dead = await self._dead_claimants()
        # Due by the pass's start: a source polled in this pass is due again only later, so
        # the pass ends even with intervals shorter than itself.
        start = self.clock()
        while keys := await self._claim(start, dead):
            known = [key for key in keys if key in self.watcher.sources]
            if len(known) < len(keys):
                unknown = len(keys) - len(known)
                log.info("%d claimed source(s) not configured here: due again in %s, for a "
                         "worker that has them", unknown, UNKNOWN_RECHECK)  # fmt: skip
            try:
                reports += await self.watcher.poll(known) if known else []
                self.polled += len(known)
            finally:
                await self.store.polls.release(self.owner, self._next_polls(keys))
        return reports

    async def poll_one(self, key: str) -> list[StoryReport] | None:
        """Poll one source now, unless another live worker holds it (then None)."""
        source = self.watcher.sources[key]
        await self.store.watch.ensure_sources([(source.key, source.name, source.kind)])
        now = self.clock()
        dead = await self._dead_claimants()
        claimed = await self.store.polls.claim(
            key, self.owner, now=now, until=now + self.hold, dead=dead
        )
        if not claimed:
            log.info("source %s is being polled by another worker", key)
            return None
        try:
            return await self.watcher.poll([key])
        finally:
            await self.store.polls.release(self.owner, self._next_polls([key]))

    async def renew(self) -> None:
        await self.store.polls.renew(self.owner, self.clock() + self.hold)

    async def _claim(self, start: datetime, dead: set[str]) -> list[str]:
        until = self.clock() + self.hold
        return await self.store.polls.claim_due(
            self.owner, now=start, until=until, limit=self.batch, dead=dead
        )

    async def _dead_claimants(self) -> set[str]:
        return {
            o for o in await self.store.polls.claimants() if o != self.owner and process_gone(o)
        }

    def _next_polls(self, keys: Sequence[str]) -> dict[str, datetime]:
        now = self.clock()
        return {key: now + self._interval(key) for key in keys}

    def _interval(self, key: str) -> timedelta:
        source = self.watcher.sources.get(key)
        interval = source.interval if source else UNKNOWN_RECHECK
        jitter = min(self.jitter_seconds, interval.total_seconds() / 10)
        return interval + timedelta(seconds=self._random.uniform(-jitter, jitter))
