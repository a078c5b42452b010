"""Watcher speed: 1,000 feeds on a local server, a first pass and a steady-state pass (every
feed answers 304), wall time and CPU, beside a naive sequential `feedparser.parse(url)` loop.

    .venv/bin/python bench/watch_speed.py [--feeds 1000] [--items 10] [--concurrency 64]

The server runs in its own process so the CPU column is the watcher's alone. The watcher runs
as `summit run` would, except the per-host interval is 0: all 1,000 feeds are on one host
here, where a real deployment's feeds are spread over many.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def feed(n: int, items: int) -> bytes:
    entries = "".join(
        f"<item><title>Summit story {n}-{i}</title><link>http://news.example/{n}/{i}</link>"
        f"<guid>feed{n}-item{i}</guid><pubDate>Sat, 22 Nov 2025 10:00:00 GMT</pubDate>"
        f"<description>G20 leaders met at the summit; item {i} of feed {n}.</description></item>"
        for i in range(items)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Outlet {n}</title><link>http://news.example/</link>{entries}</channel></rss>"
    ).encode()


def serve(feeds: int, items: int, port: Any, ready: Any) -> None:
    from tests.fakes.http_server import FakeHTTPServer, Route

    routes = {
        f"/feed/{n}": Route(feed(n, items), content_type="application/rss+xml", etag=f'"v{n}"')
        for n in range(feeds)
    }
    server = FakeHTTPServer(routes)
    server._httpd.request_queue_size = 512  # 1,000 clients may connect at once (naive: one)
    server.start()
    port.value = server.port
    ready.set()
    while True:
        time.sleep(3600)


def measured(label: str, run: Callable[[], object]) -> tuple[str, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return label, time.perf_counter() - wall, time.process_time() - cpu


async def watcher_passes(urls: list[str], concurrency: int) -> list[tuple[str, float, float]]:
    from bot.brief.extractive import ExtractiveEngine
    from bot.config import load_config
    from bot.store import Store
    from bot.watch import WatchedSource, Watcher

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/bench.db")
        await store.migrate()
        sources = [
            WatchedSource(key=u, name=u, kind="feed", seed_on_add=True, max_age=timedelta(days=3))
            for u in urls
        ]
        engine = ExtractiveEngine(load_config().pillars())
        watcher = Watcher(store, engine, sources, host_interval=0, concurrency=concurrency)
        async with watcher:
            for label in ("watcher: first pass", "watcher: steady state (304)"):
                wall, cpu = time.perf_counter(), time.process_time()
                await watcher.poll()
                results.append((label, time.perf_counter() - wall, time.process_time() - cpu))
        states = await store.watch.all_sources()
        await store.close()
    failing = [s for s in states if s.status != "ok"]
    assert not failing, f"{len(failing)} feeds failed, e.g. {failing[0].last_error}"
    return results


def naive_pass(urls: list[str]) -> None:
    import feedparser

    for url in urls:
        parsed = feedparser.parse(url)
        assert parsed.entries, url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()

    port, ready = multiprocessing.Value("i", 0), multiprocessing.Event()
    server = multiprocessing.Process(
        target=serve, args=(args.feeds, args.items, port, ready), daemon=True
    )
    server.start()
    ready.wait(60)
    urls = [f"http://127.0.0.1:{port.value}/feed/{n}" for n in range(args.feeds)]
    try:
        rows = asyncio.run(watcher_passes(urls, args.concurrency))
        rows.append(measured("naive feedparser.parse(url): pass 1", lambda: naive_pass(urls)))
        rows.append(measured("naive feedparser.parse(url): pass 2", lambda: naive_pass(urls)))
    finally:
        server.terminate()
    print(f"{args.feeds} feeds × {args.items} items, concurrency {args.concurrency}")
    print(f"{'pass':<40} {'wall s':>8} {'CPU s':>8}")
    for label, wall, cpu in rows:
        print(f"{label:<40} {wall:>8.2f} {cpu:>8.2f}")
    steady = rows[1][1]
    print(f"steady state under 5 s: {'yes' if steady < 5 else 'NO'} ({steady:.2f} s)")


if __name__ == "__main__":
    main()
