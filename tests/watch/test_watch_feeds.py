"""One fixture file per quirk in tests/data/feeds/, its expectations in the YAML beside it,
served by a real local HTTP server and polled by the real watcher into a real SQLite store."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from bot.store import Store
from tests.fakes.http_server import FakeHTTPServer, Route
from tests.support.watch_helpers import FEEDS, fixture_bytes, serve_pages, source

SPECS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in FEEDS.glob("*.yaml")}
BODIES = {p.stem: p for p in FEEDS.glob("*.*") if p.suffix != ".yaml"}


@pytest.mark.parametrize("quirk", sorted(SPECS))
async def test_fixture(
    quirk: str, http_server: FakeHTTPServer, store: Store, make_watcher: Any
) -> None:
    spec = SPECS[quirk]
    expect = spec["expect"]
    body_file = BODIES[quirk]
    serve_pages(http_server)
    http_server.routes["/feed"] = Route(
        fixture_bytes(body_file.name, http_server),
        content_type=spec.get("content_type"),
        gzip=spec.get("gzip", False),
        delay=spec.get("delay", 0),
        etag=spec.get("etag"),
        last_modified=spec.get("last_modified"),
        chunked=spec.get("chunked", False),
    )
    watched = source(http_server.url("/feed"), kind=spec.get("kind", "auto"))
    watcher = make_watcher(
        [watched], timeout=spec.get("timeout", 5), max_bytes=spec.get("max_bytes", 1 << 20)
    )
    async with watcher:
        reports = await watcher.poll()
        second = await watcher.poll() if spec.get("polls", 1) > 1 else None

    stories = [r for r in reports if r.relevant]
    assert [(r.title, r.outlets) for r in stories] == [
        (s["title"], s["outlets"]) for s in expect.get("stories", [])
    ]
    assert all(r.brief_id is not None for r in stories)
    skipped = [r for r in reports if not r.relevant]
    assert len(skipped) == len(expect.get("skipped", []))
    for report, wanted in zip(skipped, expect.get("skipped", []), strict=True):
        assert report.title == wanted["title"]
        assert wanted["reason"] in report.reason
    (state,) = await store.watch.all_sources()
    if "error" in expect:
        assert state.status == "failing"
        assert expect["error"] in (state.last_error or "")
        assert state.retry_at is not None
    else:
        assert state.status == "ok", state.last_error
    if expect.get("second_poll") == "not_modified":
        assert second == []
        feed_requests = [r for r in http_server.requests if r.path == "/feed"]
        assert feed_requests[-1].headers.get("if-none-match") == spec["etag"]
        assert feed_requests[-1].headers.get("if-modified-since") == spec["last_modified"]


async def test_every_story_is_queued_for_every_destination(
    http_server: FakeHTTPServer, store: Store, make_watcher: Any
) -> None:
    serve_pages(http_server)
    http_server.routes["/feed"] = Route(fixture_bytes("three_outlets.xml", http_server))
    await store.subscriptions.subscribe("slack", "C1", None, "UTC")
    async with make_watcher([source(http_server.url("/feed"))]) as watcher:
        (report,) = await watcher.poll()
    deliveries = await store.outbox.deliveries()
    assert {(d.platform, d.channel, d.status) for d in deliveries} == {
        ("console", "stdout", "pending"),
        ("slack", "C1", "pending"),
    }
    assert {d.brief_id for d in deliveries} == {report.brief_id}
    # The three outlets' copies stand behind the one brief (Q&A retrieves over all of them).
    assert report.brief_id is not None
    assert len(await store.articles_for_brief(report.brief_id)) == 3
