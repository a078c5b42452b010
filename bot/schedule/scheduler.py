"""Our scheduling interface, `Scheduler`, and its APScheduler 3.x implementation.

Job settings, on purpose (APScheduler's defaults would silently skip a run 1 s late):
- coalesce: a run missed several times (a suspended laptop) runs once, not once per miss;
- max_instances=1: a slow poll is never overlapped by the next one;
- misfire_grace_time: polls and the outbox run if at most `POLL_GRACE` late (the next run is
  close anyway); digests run if at most `DIGEST_GRACE` late, so a restart at 08:05 still
  posts the 08:00 digest, and the digest row's unique period keeps it from posting twice.
Jobs run as tasks named "job:<id>"; exceptions are logged with their traceback and shutdown
cancels and awaits every one still running.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.core.errors import BadInput

log = logging.getLogger(__name__)
Job = Callable[[], Awaitable[object]]
POLL_GRACE = 60
DIGEST_GRACE = 6 * 3600


class Scheduler(Protocol):
    def every(self, job_id: str, job: Job, *, seconds: float, jitter: float = 0) -> None:
        """Run `job` now and then every `seconds` (± `jitter`); replaces a job of that id."""

    def cron(self, job_id: str, job: Job, *, crontab: str, timezone: str) -> None:
        """Run `job` on a crontab ("0 8 * * mon-fri") read in an IANA zone."""

    def remove(self, job_id: str) -> None: ...

    def job_ids(self) -> list[str]: ...

    async def fire(self, job_id: str) -> None:
        """Run a job now, by hand (tests; "post the digest now")."""

    def start(self) -> None: ...

    async def shutdown(self) -> None: ...


def validate_cron(crontab: str, timezone: str) -> CronTrigger:
    """The trigger for a crontab in an IANA zone; BadInput saying what is wrong."""
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInput(f"unknown time zone {timezone!r} (use an IANA name such as "
                       "Asia/Kuala_Lumpur)") from exc  # fmt: skip
    try:
        return CronTrigger.from_crontab(standard_weekdays(crontab), timezone=zone)
    except ValueError as exc:
        raise BadInput(f"not a valid crontab {crontab!r} (five fields, e.g. "
                       f"'0 8 * * mon-fri'): {exc}") from exc  # fmt: skip


_DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_NUMERIC_DAYS = re.compile(r"^[\d,\-/]+$")


def standard_weekdays(crontab: str) -> str:
    """`crontab` with a numeric day-of-week field as cron reads it (0 or 7 is Sunday, 1
    Monday) spelled out in names: APScheduler 3 counts 0 as Monday, so "1-5" would otherwise
    fire Tuesday to Saturday."""
    fields = crontab.split()
    if len(fields) != 5 or not _NUMERIC_DAYS.match(fields[4]):
        return crontab
    days: set[int] = set()
    for part in fields[4].split(","):
        span, _, step = part.partition("/")
        first, _, last = span.partition("-")
        if not first.isdigit() or (last and not last.isdigit()) or (step and not step.isdigit()):
            raise ValueError(f"day of week {fields[4]!r}")
        stop = int(last) if last else (7 if step else int(first))
        if int(first) > 7 or stop > 7:
            raise ValueError(f"day of week {fields[4]!r} (0-7)")
        days.update(d % 7 for d in range(int(first), stop + 1, int(step or 1)))
    fields[4] = ",".join(_DAY_NAMES[d] for d in sorted(days))
    return " ".join(fields)


class APScheduler:
    def __init__(self) -> None:
        self._scheduler = AsyncIOScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": POLL_GRACE},
        )
        self._jobs: dict[str, Job] = {}
        self._running: set[asyncio.Task[object]] = set()

    def every(self, job_id: str, job: Job, *, seconds: float, jitter: float = 0) -> None:
        trigger = IntervalTrigger(seconds=seconds, jitter=jitter or None, timezone=UTC)
        self._add(job_id, job, trigger, POLL_GRACE, datetime.now(UTC))

    def cron(self, job_id: str, job: Job, *, crontab: str, timezone: str) -> None:
        self._add(job_id, job, validate_cron(crontab, timezone), DIGEST_GRACE, None)

    def _add(
        self, job_id: str, job: Job, trigger: object, grace: int, first: datetime | None
    ) -> None:
        self._jobs[job_id] = job
        options: dict[str, object] = {"next_run_time": first} if first else {}
        self._scheduler.add_job(
            self._run,
            trigger,
            args=[job_id],
            id=job_id,
            name=job_id,
            replace_existing=True,
            misfire_grace_time=grace,
            **options,
        )

    def remove(self, job_id: str) -> None:
        self._jobs.pop(job_id, None)
        if self._scheduler.get_job(job_id) is not None:
            self._scheduler.remove_job(job_id)

    def job_ids(self) -> list[str]:
        return sorted(self._jobs)

    def next_run(self, job_id: str) -> datetime | None:
        job = self._scheduler.get_job(job_id)
        when: datetime | None = getattr(job, "next_run_time", None) if job else None
        return when

    async def fire(self, job_id: str) -> None:
        await self._run(job_id)

    def start(self) -> None:
        self._scheduler.start()

    async def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        for task in list(self._running):
            task.cancel()
        await asyncio.gather(*self._running, return_exceptions=True)

    async def _run(self, job_id: str) -> None:
        job = self._jobs.get(job_id)
        task = asyncio.current_task()
        if job is None or task is None:
            return
        task.set_name(f"job:{job_id}")
        self._running.add(task)
        try:
            await job()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("job %s failed", job_id)
        finally:
            self._running.discard(task)


class ManualScheduler:
    """The same interface with no clock: tests fire jobs by hand and see what is scheduled."""

    def __init__(self) -> None:
        self.jobs: dict[str, tuple[Job, dict[str, object]]] = {}
        self.started = False

    def every(self, job_id: str, job: Job, *, seconds: float, jitter: float = 0) -> None:
        self.jobs[job_id] = (job, {"seconds": seconds, "jitter": jitter})

    def cron(self, job_id: str, job: Job, *, crontab: str, timezone: str) -> None:
        validate_cron(crontab, timezone)
        self.jobs[job_id] = (job, {"crontab": crontab, "timezone": timezone})

    def remove(self, job_id: str) -> None:
        self.jobs.pop(job_id, None)

    def job_ids(self) -> list[str]:
        return sorted(self.jobs)

    async def fire(self, job_id: str) -> None:
        await self.jobs[job_id][0]()

    def start(self) -> None:
        self.started = True

    async def shutdown(self) -> None:
        self.started = False


def next_fire(crontab: str, timezone: str, after: datetime) -> datetime | None:
    """When a digest next runs after `after` (aware), for display and tests."""
    trigger = validate_cron(crontab, timezone)
    when: datetime | None = trigger.get_next_fire_time(None, after + timedelta(microseconds=1))
    return when
