"""A polling pass over 10,000 feeds shared by 1 and 3 worker processes on one throwaway
PostgreSQL, against a local HTTP server: feeds/s, wall time, new stories, peak memory per
worker.

    .venv/bin/python bench/poll_speed.py [--feeds 10000] [--changed 200] [--workers 1 3]
                                         [--concurrency 64] [--batch 64]

Every feed is RSS with an ETag and a Last-Modified. For each worker count, on a fresh
database: a first pass (every feed answers 200; each new feed's backlog is recorded, not
briefed), then `--changed` feeds gain an item (new validators, a new summit story each), every
source is made due again, and the measured pass runs: the rest answer 304 to the conditional
GET, the changed ones are parsed and their story briefed and queued. Each worker is its own
process (as `summit run --role worker` is) running `SharedPolls.run_pass`, the pass the
`polls` job runs; the per-host politeness interval is 0 because every feed is on one host
here. The server runs in a process of its own. Checked after each pass: every feed polled
exactly once, and (measured pass) exactly `--changed` new stories, each with one delivery.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.postgres_cluster import PostgresCluster, find_binaries  # noqa: E402

STAMP = "Sat, 22 Nov 2025 10:00:00 GMT"
CHANGED_STAMP = "Sun, 23 Nov 2025 10:00:00 GMT"


def story_text(n: int) -> str:
    """A summit story of its own: random words, so no two are near-duplicates."""
    words = random.Random(n).choices(_VOCABULARY, k=90)
    return (f"G20 leaders met at the summit in Johannesburg. Country {n} pledged to "
            f"{' '.join(words[:30])}. The premier said: {' '.join(words[30:])}.")  # fmt: skip


_VOCABULARY = [f"w{random.Random(7).getrandbits(40):x}{i}" for i in range(3000)]


def feed(n: int, items: int, changed: bool) -> bytes:
    entries = "".join(
        f"<item><title>Summit story {n}-{i}</title><link>http://news.example/{n}/{i}</link>"
        f"<guid>feed{n}-item{i}</guid><pubDate>{STAMP}</pubDate>"
        f"<description>G20 leaders met at the summit; item {i} of feed {n}.</description></item>"
        for i in range(items)
    )
    if changed:  # no link: the feed's own text is the article
        entries = (f"<item><title>Summit news {n}</title><guid>feed{n}-new</guid>"
                   f"<pubDate>{CHANGED_STAMP}</pubDate><description>{story_text(n)}"
                   "</description></item>") + entries  # fmt: skip
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Outlet {n}</title><link>http://news.example/</link>{entries}</channel></rss>"
    ).encode()


def serve(feeds: int, items: int, port: Any, ready: Any, change: Any, changed: int) -> None:
    from tests.fakes.http_server import FakeHTTPServer, Route

    def route(n: int, new: bool) -> Route:
        stamp, version = (CHANGED_STAMP, 2) if new else (STAMP, 1)
        body = feed(n, items, new)
        return Route(body, content_type="application/rss+xml", etag=f'"{n}-v{version}"',
                     last_modified=stamp)  # fmt: skip

    server = FakeHTTPServer({f"/feed/{n}": route(n, False) for n in range(feeds)})
    # Many workers connect at once: a listen backlog of 5 (the default) drops their SYNs.
    server._httpd.socket.listen(1024)
    # A worker that exits drops its kept-alive connections: not worth a traceback each.
    server._httpd.handle_error = lambda request, address: None
    server.start()
    port.value = server.port
    ready.set()
    while True:
        if change.wait(1):
            for n in range(0, feeds, max(1, feeds // changed))[:changed]:  # spread out
                server.routes[f"/feed/{n}"] = route(n, True)
            change.clear()
            ready.set()


def worker(url: str, urls: list[str], name: str, args: argparse.Namespace, pipe: Any) -> None:
    """One worker process: a pass whenever asked, answering with what it did."""
    asyncio.run(_worker(url, urls, name, args, pipe))


async def _worker(
    url: str, urls: list[str], name: str, args: argparse.Namespace, pipe: Any
) -> None:
    from bot.brief.extractive import ExtractiveEngine
    from bot.config import load_config
    from bot.schedule.polls import SharedPolls
    from bot.store import Store
    from bot.store.watch import Destination
    from bot.watch import WatchedSource, Watcher

    store = Store.open(url)
    sources = [
        WatchedSource(key=u, name=u, kind="feed", seed_on_add=True, max_age=None) for u in urls
    ]
    engine = ExtractiveEngine(load_config().pillars())
    watcher = Watcher(store, engine, sources, destinations=[Destination("console", "stdout")],
                      host_interval=0, concurrency=args.concurrency)  # fmt: skip
    async with watcher:
        polls = SharedPolls(store, watcher, name, batch=args.batch)
        await polls.prepare()
        pipe.send("ready")
        while pipe.recv() == "pass":
            polls.polled = 0
            wall, cpu = time.perf_counter(), time.process_time()
            reports = await polls.run_pass()
            new = sum(1 for r in reports if r.relevant)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            pipe.send((polls.polled, new, time.perf_counter() - wall,
                       time.process_time() - cpu, peak))  # fmt: skip
    await store.close()


async def migrate(url: str) -> None:
    from bot.store import Store

    store = Store.open(url)
    await store.migrate()
    await store.close()


async def make_all_due(url: str) -> None:
    from sqlalchemy import update

    from bot.store import Store
    from bot.store.tables import SourceRow, utc_now

    store = Store.open(url)
    async with store.engine.begin() as connection:
        await connection.execute(update(SourceRow).values(next_poll_at=utc_now()))
    await store.close()


async def outcome(url: str) -> tuple[int, int]:
    from sqlalchemy import func, select

    from bot.store import Store
    from bot.store.tables import DeliveryRow, StoryRow

    store = Store.open(url)
    async with store.engine.connect() as connection:
        stories = await connection.scalar(select(func.count()).select_from(StoryRow))
        deliveries = await connection.scalar(select(func.count()).select_from(DeliveryRow))
    await store.close()
    return int(stories or 0), int(deliveries or 0)


def one_pass(pipes: list[Any]) -> tuple[float, list[tuple[int, int, float, float, float]]]:
    started = time.perf_counter()
    for pipe in pipes:
        pipe.send("pass")
    results = [pipe.recv() for pipe in pipes]
    return time.perf_counter() - started, results


def run(
    cluster: PostgresCluster, workers: int, urls: list[str], args: argparse.Namespace, ctl: Any
) -> None:
    url = cluster.new_database()
    asyncio.run(migrate(url))
    context = multiprocessing.get_context("spawn")
    pipes, procs = [], []
    for n in range(workers):
        mine, theirs = context.Pipe()
        proc = context.Process(target=worker, args=(url, urls, f"bench:{n}", args, theirs))
        proc.start()
        pipes.append(mine)
        procs.append(proc)
    try:
        for pipe in pipes:
            assert pipe.recv() == "ready"
        first, results = one_pass(pipes)
        report(workers, "first pass (all 200, backlogs seeded)", first, results, len(urls))
        ctl["ready"].clear()
        ctl["change"].set()
        ctl["ready"].wait(60)
        asyncio.run(make_all_due(url))
        wall, results = one_pass(pipes)
        report(workers, f"measured pass ({args.changed} changed, rest 304)", wall, results,
               len(urls))  # fmt: skip
        stories, deliveries = asyncio.run(outcome(url))
        if stories != args.changed or deliveries != args.changed:
            raise SystemExit(f"expected {args.changed} stories and deliveries: "
                             f"{stories} stories, {deliveries} deliveries")  # fmt: skip
        print(f"  stored {stories} stories and {deliveries} deliveries: each exactly once")
    finally:
        for pipe in pipes:
            pipe.send("stop")
        for proc in procs:
            proc.join(60)


def report(workers: int, label: str, wall: float, results: list[Any], feeds: int) -> None:
    polled = sum(r[0] for r in results)
    if polled != feeds:
        raise SystemExit(f"{polled} polls for {feeds} feeds: not exactly once each")
    new = sum(r[1] for r in results)
    print(f"{workers} worker(s), {label}: {wall:6.1f} s, {feeds / wall:7.0f} feeds/s, "
          f"{new} new stories")  # fmt: skip
    for n, (count, stories, seconds, cpu, peak) in enumerate(results):
        print(f"    worker {n}: {count:5d} feeds, {stories:4d} new stories, {seconds:6.1f} s, "
              f"CPU {cpu:6.1f} s, peak memory {peak:5.0f} MiB")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--changed", type=int, default=200)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 3])
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    bin_dir = find_binaries()
    if bin_dir is None:
        raise SystemExit("PostgreSQL is not installed (no initdb/pg_ctl)")
    print(f"{args.feeds} feeds x {args.items} items on one local server, {args.changed} of "
          f"them changed for the measured pass; per worker: concurrency {args.concurrency}, "
          f"batch {args.batch}; one PostgreSQL")  # fmt: skip
    cluster = PostgresCluster.start(bin_dir)
    try:
        for workers in args.workers:
            port, ready = multiprocessing.Value("i", 0), multiprocessing.Event()
            change = multiprocessing.Event()
            server = multiprocessing.Process(
                target=serve,
                args=(args.feeds, args.items, port, ready, change, args.changed),
                daemon=True,
            )
            server.start()
            ready.wait(120)
            urls = [f"http://127.0.0.1:{port.value}/feed/{n}" for n in range(args.feeds)]
            try:
                run(cluster, workers, urls, args, {"ready": ready, "change": change})
            finally:
                server.terminate()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
