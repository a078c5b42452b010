"""Three `summit run --role worker` processes on one real PostgreSQL database, one of them
SIGKILLed twice mid-post (restarted in between): every delivery lands exactly once.

Real subprocesses, a real PostgreSQL server, the real console adapter and its shared log (one
O_APPEND write per post, so three writers never interleave). The issue's size: 200 briefs x 3
destinations."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import asyncpg

from bot.core.models import Article, Brief, Pillar
from bot.store import Store
from bot.store.watch import Destination, EntryRecord, StoryArticle
from tests.support.postgres_cluster import PostgresCluster

ROOT = Path(__file__).resolve().parents[2]
BRIEFS = 200
CHANNELS = ("a", "b", "c")
DELIVERIES = BRIEFS * len(CHANNELS)


async def _queue_briefs(url: str) -> None:
    store = Store.open(url)
    await store.migrate()
    (source,) = (await store.watch.ensure_sources([("feed", "feed", "feed")])).values()
    destinations = [Destination("console", c) for c in CHANNELS]
    for n in range(1, BRIEFS + 1):
        article = Article(title=f"Story {n}", text=f"Text {n}.", source="Wire", sha256=f"{n:064d}")
        brief = Brief(engine="extractive", article=article, headline=f"Headline {n}",
                      pillars=[Pillar(key="economic", title="Economic")])  # fmt: skip
        lead = StoryArticle(source.id, EntryRecord(f"k{n}", None, "briefed"), article, None, "W")
        await store.watch.new_story(lead, brief, [n] * 128, destinations)
    await store.close()


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "summit.yaml"
    config.write_text(
        f"""
engine: extractive
pillars: {ROOT / "config" / "pillars.yaml"}
sources: []
console:
  log: {tmp_path / "posts.log"}
  post_delay_seconds: 0.05
watch:
  outbox_interval_seconds: 0.3
""",
        encoding="utf-8",
    )
    return config


def _start(tmp_path: Path, url: str, n: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.update(DATABASE_URL=url, SUMMIT_CONFIG=str(_config(tmp_path)))
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--role", "worker"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / f"stderr{n}.txt").open("wb"),
    )


def _records(tmp_path: Path) -> list[dict[str, object]]:
    log = tmp_path / "posts.log"
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [json.loads(line) for line in lines if line]


def _settled_in_doubt(tmp_path: Path) -> int:
    """How many posts in doubt the workers settled by asking (see bot/delivery/sender.py)."""
    logs = tmp_path.glob("stderr*.txt")
    return sum(log.read_text(encoding="utf-8").count("before the restart") for log in logs)


async def _in_flight(db: asyncpg.Connection, owner: str) -> int:
    query = "SELECT count(*) FROM deliveries WHERE status = 'sending' AND claimed_by = $1"
    return int(await db.fetchval(query, owner))


async def _kill_mid_post(
    db: asyncpg.Connection, tmp_path: Path, url: str, victim: subprocess.Popen[bytes] | None
) -> None:
    """SIGKILL `victim` (else a fresh worker) while it holds a row in 'sending'. A kill that
    lands between two posts does not count: a fresh worker is started and killed again."""
    for attempt in range(20):
        proc = victim or _start(tmp_path, url, 100 + attempt)
        victim = None
        owner = f"{socket.gethostname()}:{proc.pid}"
        deadline = time.monotonic() + 30
        while not await _in_flight(db, owner):
            assert proc.poll() is None, "the worker exited by itself"
            assert time.monotonic() < deadline, "the worker never claimed a delivery"
            await asyncio.sleep(0.002)
        await asyncio.sleep(0.01)  # into the post (the console takes 0.05 s per post)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        if await _in_flight(db, owner):
            return  # it died with a post in doubt
    raise AssertionError("no kill landed mid-post in 20 tries")


async def _wait_for(tmp_path: Path, count: int, workers: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + 90
    while len(_records(tmp_path)) < count:
        assert all(w.poll() is None for w in workers), (tmp_path / "stderr1.txt").read_text()
        assert time.monotonic() < deadline, f"only {len(_records(tmp_path))} of {count} posted"
        await asyncio.sleep(0.05)


async def test_three_workers_one_killed_twice_deliver_everything_exactly_once(
    postgres_cluster: PostgresCluster, tmp_path: Path
) -> None:
    url = postgres_cluster.new_database()
    await _queue_briefs(url)
    workers = [_start(tmp_path, url, n) for n in range(2)]
    third = _start(tmp_path, url, 2)
    db = await asyncpg.connect(url.replace("postgresql+asyncpg", "postgresql"))
    try:
        # The third worker: SIGKILLed mid-post, restarted, SIGKILLed mid-post again.
        await _wait_for(tmp_path, DELIVERIES // 6, [*workers, third])
        await _kill_mid_post(db, tmp_path, url, third)
        third = _start(tmp_path, url, 3)  # as a process manager restarts it
        await _kill_mid_post(db, tmp_path, url, third)  # as soon as it is posting again

        await _wait_for(tmp_path, DELIVERIES, workers)
        unsettled = "SELECT count(*) FROM deliveries WHERE status <> 'sent'"
        deadline = time.monotonic() + 30
        while await db.fetchval(unsettled):  # the last in-doubt row is adopted and settled
            assert time.monotonic() < deadline, "a delivery was never settled"
            await asyncio.sleep(0.1)
        await asyncio.sleep(1.0)  # anything doubled would show up now
        rows = await db.fetch("SELECT message_id, claimed_by FROM deliveries")
    finally:
        await db.close()
        for worker in [*workers, third]:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
    assert [worker.wait(20) for worker in workers] == [0, 0]  # clean stops on SIGTERM

    keys = [record["key"] for record in _records(tmp_path)]
    assert len(keys) == DELIVERIES  # 0 doubled ...
    assert len(set(keys)) == DELIVERIES  # ... 0 lost
    assert all(row["message_id"] for row in rows)
    adopted = _settled_in_doubt(tmp_path)
    assert adopted >= 2  # both kills left a post in doubt that another worker settled
