"""Two workers polling one set of feeds on one real PostgreSQL database, each with its own
engine (as two processes would be): each feed fetched once per pass, each story stored and
briefed once, one delivery per destination, even where the feeds overlap (the same link in
every feed, one wire story at three outlets' URLs in three feeds)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from bot.brief.extractive import ExtractiveEngine
from bot.ingest.fetch import FetchPolicy
from bot.schedule.polls import SharedPolls
from bot.store import Store
from bot.store.tables import DeliveryRow, SourceRow, StoryRow
from bot.store.watch import Destination
from bot.watch import WatchedSource, Watcher
from tests.fakes.http_server import FakeHTTPServer, Route
from tests.support.postgres_cluster import PostgresCluster
from tests.support.watch_helpers import FEEDS, serve_pages, source

ROOT = Path(__file__).resolve().parents[2]
UNIQUE = ["apec", "brics", "cop", "eas", "focac", "sco"]  # one page per feed
SHARED = "g20"  # linked from every feed
WIRE = ["xinhua", "bernama", "thestar"]  # one story, three outlets' copies, in feeds 0-2


def utc_now() -> datetime:
    return datetime.now(UTC)


def _item(title: str, link: str, guid: str, body: str = "") -> str:
    return (f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
            f"<description><![CDATA[{body}]]></description></item>")  # fmt: skip


def _wire_items(server: FakeHTTPServer) -> list[str]:
    """The three outlets' copies of one wire story, from the aggregator fixture."""
    text = (FEEDS / "three_outlets.xml").read_text(encoding="utf-8")
    items = ["<item>" + part.split("</item>")[0] + "</item>" for part in text.split("<item>")[1:]]
    return [item.replace("{{BASE}}", server.url("")) for item in items]


def _serve_feeds(server: FakeHTTPServer) -> list[str]:
    serve_pages(server)
    wire = _wire_items(server)
    paths = []
    for n, page in enumerate(UNIQUE):
        items = [
            _item(f"{page} page", server.url(f"/pages/{page}.html"), f"{page}-{n}"),
            _item("g20 page", server.url(f"/pages/{SHARED}.html"), f"g20-in-{n}"),
            *(wire[n : n + 1] if n < len(WIRE) else []),
        ]
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {n}</title>'
        # A slow answer keeps both workers' fetches in flight together.
        server.routes[f"/feed/{n}"] = Route(
            body + "".join(items) + "</channel></rss>",
            content_type="application/rss+xml",
            etag=f'"feed-{n}"',
            delay=0.2,
        )
        paths.append(f"/feed/{n}")
    return paths


def _watcher(store: Store, engine: ExtractiveEngine, sources: Sequence[WatchedSource]) -> Watcher:
    return Watcher(store, engine, sources, destinations=[Destination("console", "stdout")],
                   policy=FetchPolicy(total_timeout=10), host_interval=0)  # fmt: skip


@asynccontextmanager
async def _worker(
    url: str, engine: ExtractiveEngine, sources: Sequence[WatchedSource], owner: str
) -> AsyncIterator[SharedPolls]:
    store = Store.open(url)
    await store.migrate()
    try:
        async with _watcher(store, engine, sources) as watcher:
            polls = SharedPolls(store, watcher, owner, batch=1)
            await polls.prepare()
            yield polls
    finally:
        await store.close()


async def _counts(store: Store) -> tuple[int, list[tuple[int, str, str]]]:
    async with store.engine.connect() as connection:
        stories = await connection.scalar(select(func.count()).select_from(StoryRow))
        rows = await connection.execute(
            select(DeliveryRow.brief_id, DeliveryRow.platform, DeliveryRow.channel)
        )
        return int(stories or 0), [tuple(row) for row in rows]


async def _one_worker_finds(
    server: FakeHTTPServer, sources: Sequence[WatchedSource], store: Store, engine: ExtractiveEngine
) -> int:
    """The reference: one watcher over the same feeds, on its own SQLite store."""
    await store.subscriptions.subscribe("slack", "C1", None, "UTC")
    async with _watcher(store, engine, sources) as watcher:
        await watcher.poll()
    stories, _ = await _counts(store)
    server.requests.clear()
    return stories


async def test_two_workers_share_a_pass_and_store_each_story_once(
    postgres_cluster: PostgresCluster,
    http_server: FakeHTTPServer,
    store: Store,
    engine: ExtractiveEngine,
) -> None:
    paths = _serve_feeds(http_server)
    sources = [source(http_server.url(p)) for p in paths]
    expected = await _one_worker_finds(http_server, sources, store, engine)
    # Each page, and one G20 story: the page every feed links and the wire's three copies.
    assert expected == len(UNIQUE) + 1

    url = postgres_cluster.new_database()
    async with (
        _worker(url, engine, sources, "host-a:1") as one,
        _worker(url, engine, sources, "host-b:2") as two,
    ):
        await one.store.subscriptions.subscribe("slack", "C1", None, "UTC")
        await asyncio.gather(one.run_pass(), two.run_pass())
        fetched = Counter(r.path for r in http_server.requests if r.path.startswith("/feed/"))
        assert fetched == dict.fromkeys(paths, 1)  # each feed fetched once in the pass
        assert one.polled > 0
        assert two.polled > 0  # and the pass was shared
        assert one.polled + two.polled == len(paths)

        stories, deliveries = await _counts(one.store)
        assert stories == expected  # each story stored once, whoever saw it first
        assert len(set(deliveries)) == len(deliveries)
        assert Counter((p, c) for _, p, c in deliveries) == {
            ("console", "stdout"): stories,  # one delivery per story and destination
            ("slack", "C1"): stories,
        }
        assert len({brief for brief, _, _ in deliveries}) == stories

        http_server.requests.clear()
        await asyncio.gather(one.run_pass(), two.run_pass())  # nothing is due yet
        assert not [r for r in http_server.requests if r.path.startswith("/feed/")]


def _start_worker(tmp_path: Path, url: str, feed: str) -> subprocess.Popen[bytes]:
    config = tmp_path / "summit.yaml"
    config.write_text(
        f"""
engine: extractive
pillars: {ROOT / "config" / "pillars.yaml"}
sources:
  - {{name: slow, url: "{feed}", kind: feed, seed_on_add: false, max_age_days: null}}
watch: {{host_min_interval_seconds: 0}}
""",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    env.update(DATABASE_URL=url, SUMMIT_CONFIG=str(config))
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--role", "worker"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "stderr.txt").open("wb"),
    )


async def _claimant(store: Store) -> str | None:
    async with store.engine.connect() as connection:
        return await connection.scalar(select(SourceRow.claimed_by))


async def test_a_worker_killed_mid_poll_leaves_its_source_to_the_others(
    postgres_cluster: PostgresCluster,
    http_server: FakeHTTPServer,
    engine: ExtractiveEngine,
    tmp_path: Path,
) -> None:
    serve_pages(http_server)
    feed = http_server.url("/feed/slow")
    body = "<rss version='2.0'><channel><title>Slow</title>{}</channel></rss>".format(
        _item("eas page", http_server.url("/pages/eas.html"), "eas")
    )
    http_server.routes["/feed/slow"] = Route(body, content_type="application/rss+xml", delay=60)
    url = postgres_cluster.new_database()
    worker = _start_worker(tmp_path, url, feed)
    async with _worker(url, engine, [source(feed)], "other-host:1") as other:
        try:
            owner = f"{socket.gethostname()}:{worker.pid}"
            deadline = time.monotonic() + 60
            while await _claimant(other.store) != owner:  # it claimed the feed and is fetching
                assert worker.poll() is None, (tmp_path / "stderr.txt").read_text()
                assert time.monotonic() < deadline, "the worker never claimed the source"
                await asyncio.sleep(0.05)
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
        assert await _claimant(other.store) == owner  # killed mid-poll: still claimed

        http_server.routes["/feed/slow"] = Route(body, content_type="application/rss+xml")
        assert await other.run_pass()  # its process is gone: the source is polled here
        assert other.polled == 1
        assert await _claimant(other.store) is None


async def test_a_claim_from_another_host_is_taken_over_when_it_expires(
    postgres_cluster: PostgresCluster, http_server: FakeHTTPServer, engine: ExtractiveEngine
) -> None:
    paths = _serve_feeds(http_server)[:1]
    url = postgres_cluster.new_database()
    async with _worker(url, engine, [source(http_server.url(paths[0]))], "me:1") as polls:
        # A worker on another machine claimed it, then went silent (no renewals).
        expires = utc_now() + timedelta(seconds=30)
        async with polls.store.engine.begin() as connection:
            await connection.execute(
                update(SourceRow).values(claimed_by="far-host:5", claim_expires_at=expires)
            )
        assert await polls.run_pass() == []
        assert polls.polled == 0  # its claim still holds
        polls.clock = lambda: expires + timedelta(seconds=1)
        assert await polls.run_pass() != []
        assert polls.polled == 1
