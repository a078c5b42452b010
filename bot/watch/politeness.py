"""Politeness: a minimum interval between requests to one host, and a host that answered
429/503 with Retry-After left alone until then (skipped by a pass that cannot wait that long).
Plus source backoff."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta

from bot.core.errors import BadInput

BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=6)


class HostBusy(BadInput):
    """The host asked us (Retry-After) to stay away for longer than a pass may wait."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class HostGate:
    """Requests to one host start at least `min_interval` apart, and none start while the host
    is blocked by its Retry-After. A slot reserves a start time and holds nothing while the
    request runs, so one slow feed does not delay its host's other feeds by its whole fetch.
    A wait longer than `max_wait` is refused (HostBusy) instead of slept through: a
    `Retry-After: 100000` must cost this pass that host, not the whole pass."""

    def __init__(
        self,
        min_interval: float,
        clock: Callable[[], float] = time.monotonic,
        *,
        max_wait: float = 30.0,
    ) -> None:
        self.min_interval = min_interval
        self.max_wait = max_wait
        self._clock = clock
        self._next: dict[str, float] = {}  # the earliest start of the host's next request
        self._blocked: dict[str, float] = {}  # until when its Retry-After keeps us off

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        self._refuse_if_blocked(host)
        now = self._clock()
        start = max(now, self._next.get(host, now))
        self._next[host] = start + self.min_interval
        if start > now:
            await asyncio.sleep(start - now)
        while (wait := self._blocked.get(host, 0.0) - self._clock()) > 0:
            self._refuse_if_blocked(host)  # a 429 may have arrived while we queued
            await asyncio.sleep(wait)
        yield

    def blocked_for(self, host: str) -> float:
        """Seconds `host` is still blocked for by its Retry-After (0 when it is not)."""
        return max(0.0, self._blocked.get(host, 0.0) - self._clock())

    def block(self, host: str, seconds: float) -> None:
        """Keep off `host` for `seconds` (its Retry-After), at most the longest backoff."""
        until = self._clock() + min(seconds, BACKOFF_MAX.total_seconds())
        self._blocked[host] = max(self._blocked.get(host, 0.0), until)

    def _refuse_if_blocked(self, host: str) -> None:
        wait = self.blocked_for(host)
        if wait > self.max_wait:
            message = f"{host} asked us to wait {wait:.0f} s (Retry-After); not polled now"
            raise HostBusy(message, wait)


def backoff(failures: int, retry_after: float | None = None) -> timedelta:
    """How long a failing source rests: its server's Retry-After, else doubling with jitter."""
    if retry_after is not None:
        # Clamped before it becomes a timedelta: "Retry-After: 10^14" must not overflow.
        return timedelta(seconds=min(retry_after, BACKOFF_MAX.total_seconds()))
    delay: timedelta = min(BACKOFF_BASE * (2 ** max(0, failures - 1)), BACKOFF_MAX)
    return delay * random.uniform(0.8, 1.2)
