"""Politeness: one request at a time per host, a minimum interval between them, and a host
that answered 429/503 with Retry-After left alone until then. Plus source backoff."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta

BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_MAX = timedelta(hours=6)


class HostGate:
    def __init__(self, min_interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.min_interval = min_interval
        self._clock = clock
        self._locks: dict[str, asyncio.Lock] = {}
        self._next: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        if self.min_interval <= 0 and host not in self._next:
            yield  # no interval and no Retry-After on record: nothing to wait for
            return
        lock = self._locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._next.get(host, 0.0) - self._clock()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                self._next[host] = max(self._next.get(host, 0.0), self._clock() + self.min_interval)

    def block(self, host: str, seconds: float) -> None:
        """Keep off `host` for `seconds` (its Retry-After)."""
        self._next[host] = max(self._next.get(host, 0.0), self._clock() + seconds)


def backoff(failures: int, retry_after: float | None = None) -> timedelta:
    """How long a failing source rests: its server's Retry-After, else doubling with jitter."""
    if retry_after is not None:
        # Clamped before it becomes a timedelta: "Retry-After: 10^14" must not overflow.
        return timedelta(seconds=min(retry_after, BACKOFF_MAX.total_seconds()))
    delay: timedelta = min(BACKOFF_BASE * (2 ** max(0, failures - 1)), BACKOFF_MAX)
    return delay * random.uniform(0.8, 1.2)
