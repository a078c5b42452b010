"""Deliveries per second with 1, 2 and 3 `summit run --role worker` processes on one real
PostgreSQL (a throwaway cluster, as the tests start it) and the console adapter, whose
`post_delay_seconds` stands for a platform's answer time.

    .venv/bin/python bench/workers_speed.py [--briefs 200] [--channels 3] [--post-delay 0.02]

For each worker count: a fresh database with `briefs` x `channels` pending deliveries, the
workers started together, the clock from the first post to the last; then every delivery is
checked to have landed exactly once (the run fails loudly otherwise).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.models import Article, Brief, Pillar  # noqa: E402
from bot.store import Store  # noqa: E402
from bot.store.watch import Destination, EntryRecord, StoryArticle  # noqa: E402
from tests.support.postgres_cluster import PostgresCluster, find_binaries  # noqa: E402


async def queue(url: str, briefs: int, channels: int) -> None:
    store = Store.open(url)
    await store.migrate()
    (source,) = (await store.watch.ensure_sources([("feed", "feed", "feed")])).values()
    destinations = [Destination("console", f"c{c}") for c in range(channels)]
    for n in range(1, briefs + 1):
        article = Article(title=f"Story {n}", text=f"Text {n}.", source="Wire", sha256=f"{n:064d}")
        brief = Brief(engine="extractive", article=article, headline=f"Headline {n}",
                      pillars=[Pillar(key="economic", title="Economic")])  # fmt: skip
        lead = StoryArticle(source.id, EntryRecord(f"k{n}", None, "briefed"), article, None, "W")
        await store.watch.new_story(lead, brief, [n] * 128, destinations)
    await store.close()


def config(folder: Path, post_delay: float) -> Path:
    path = folder / "summit.yaml"
    path.write_text(
        f"engine: extractive\npillars: {ROOT / 'config' / 'pillars.yaml'}\nsources: []\n"
        f"console: {{log: {folder / 'posts.log'}, post_delay_seconds: {post_delay}}}\n"
        "watch: {outbox_interval_seconds: 0.2}\n",
        encoding="utf-8",
    )
    return path


def records(folder: Path) -> list[dict[str, object]]:
    log = folder / "posts.log"
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [json.loads(line) for line in lines if line]


def run(cluster: PostgresCluster, workers: int, args: argparse.Namespace) -> float:
    url = cluster.new_database()
    asyncio.run(queue(url, args.briefs, args.channels))
    total = args.briefs * args.channels
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
        env.update(DATABASE_URL=url, SUMMIT_CONFIG=str(config(folder, args.post_delay)))
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "bot", "run", "--role", "worker"],
                cwd=folder,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        try:
            while len(posted := records(folder)) < total:
                if any(p.poll() is not None for p in procs):
                    raise SystemExit("a worker exited early")
                time.sleep(0.05)
        finally:
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
                proc.wait(30)
        keys = [r["key"] for r in records(folder)]
        if len(keys) != total or len(set(keys)) != total:
            raise SystemExit(f"{workers} workers: {len(keys)} posts, {len(set(keys))} distinct")
        stamps = [datetime.fromisoformat(str(r["at"])) for r in posted]
        seconds = (max(stamps) - min(stamps)).total_seconds()
        return total / seconds if seconds else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=int, default=200)
    parser.add_argument("--channels", type=int, default=3)
    parser.add_argument("--post-delay", type=float, default=0.02)
    args = parser.parse_args()
    bin_dir = find_binaries()
    if bin_dir is None:
        raise SystemExit("PostgreSQL is not installed (no initdb/pg_ctl)")
    cluster = PostgresCluster.start(bin_dir)
    try:
        total = args.briefs * args.channels
        delay = f"{args.post_delay * 1000:.0f} ms"
        print(f"{total} deliveries ({args.briefs} briefs x {args.channels} channels), "
              f"platform answer time {delay}, one PostgreSQL")  # fmt: skip
        for workers in (1, 2, 3):
            rate = run(cluster, workers, args)
            print(f"{workers} worker(s): {rate:7.1f} deliveries/s, each exactly once")
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
