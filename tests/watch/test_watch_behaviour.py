"""The watcher's rules beyond single fixtures: seeding, age, politeness, backoff, isolation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.store import Store
from bot.watch import WatchedSource
from bot.watch.entry_keys import canonical_url, entry_key
from bot.watch.near_duplicates import StoryIndex, signature
from bot.watch.politeness import HostGate
from bot.watch.relevance import Relevance
from tests.fakes.http_server import FakeHTTPServer, Route
from tests.support.watch_helpers import FEEDS, fixture_bytes, serve_pages, source


async def test_a_new_source_is_seeded_not_posted(
    http_server: FakeHTTPServer, store: Store, make_watcher: Any
) -> None:
    http_server.routes["/feed"] = Route(fixture_bytes("rss.xml", http_server))
    async with make_watcher([source(http_server.url("/feed"), seed=True)]) as watcher:
        assert await watcher.poll() == []
        assert await watcher.poll() == []  # the backlog stays seen
    assert await store.outbox.deliveries() == []
    (state,) = await store.watch.all_sources()
    assert state.seeded
    assert state.items_seen == 2


async def test_entries_older_than_the_maximum_age_are_skipped(
    http_server: FakeHTTPServer, make_watcher: Any
) -> None:
    serve_pages(http_server)
    http_server.routes["/feed"] = Route(fixture_bytes("rss.xml", http_server))
    async with make_watcher([source(http_server.url("/feed"), max_age_days=3)]) as watcher:
        reports = await watcher.poll()
    assert [r.relevant for r in reports] == [False, False]
    assert all("older than 3 days" in r.reason for r in reports)


async def test_429_with_retry_after_backs_off_the_source(
    http_server: FakeHTTPServer, store: Store, make_watcher: Any
) -> None:
    http_server.routes["/feed"] = Route(b"slow down", 429, "text/plain", {"Retry-After": "120"})
    async with make_watcher([source(http_server.url("/feed"))]) as watcher:
        await watcher.poll()
        await watcher.poll()  # inside the backoff: not fetched again
    (state,) = await store.watch.all_sources()
    assert state.status == "failing"
    assert "429" in (state.last_error or "")
    assert state.retry_at is not None
    assert state.last_polled_at is not None
    assert 115 <= (state.retry_at - state.last_polled_at).total_seconds() <= 121
    assert len([r for r in http_server.requests if r.path == "/feed"]) == 1


async def test_one_bad_source_never_stalls_the_others(
    http_server: FakeHTTPServer, store: Store, make_watcher: Any
) -> None:
    serve_pages(http_server)
    http_server.routes["/slow"] = Route(b"", delay=3)
    http_server.routes["/broken"] = Route(b"oops", 500, "text/plain")
    http_server.routes["/feed"] = Route(fixture_bytes("atom.xml", http_server))
    sources = [source(http_server.url(p)) for p in ("/slow", "/broken", "/feed")]
    async with make_watcher(sources, timeout=0.5) as watcher:
        reports = await watcher.poll()
    assert [r.title for r in reports] == ["East Asia Summit leaders discuss maritime security"]
    status = {s.name: s.status for s in await store.watch.all_sources()}
    assert status == {"slow": "failing", "broken": "failing", "feed": "ok"}


async def test_a_folder_source_briefs_each_file_once(
    tmp_path: Path, store: Store, make_watcher: Any
) -> None:
    folder = tmp_path / "coverage"
    folder.mkdir()
    (folder / "sco.txt").write_text(
        "SCO summit in Tianjin adopts development strategy\n\n" + _body("sco"), encoding="utf-8"
    )
    (folder / "sco.meta.yaml").write_text("outlet: Xinhua\n", encoding="utf-8")
    watched = WatchedSource(key=str(folder), name="coverage", kind="folder", seed_on_add=False)
    async with make_watcher([watched]) as watcher:
        (report,) = await watcher.poll()
        assert await watcher.poll() == []
    assert report.relevant
    assert report.outlets == ["Xinhua"]


async def test_the_same_url_in_two_feeds_is_one_story(
    http_server: FakeHTTPServer, make_watcher: Any
) -> None:
    serve_pages(http_server)
    http_server.routes["/a"] = Route(fixture_bytes("rss.xml", http_server))
    http_server.routes["/b"] = Route(
        fixture_bytes("rss.xml", http_server).replace(b"xinhua-", b"mirror-")
    )
    async with make_watcher([source(http_server.url("/a"))]) as watcher:
        assert len(await watcher.poll()) == 2
        watcher.add_source(source(http_server.url("/b")))
        assert await watcher.poll() == []


def test_relevance_needs_a_summit_and_says_what_is_missing() -> None:
    judge = Relevance().judge
    assert judge("G20 summit opens", "Leaders met.").relevant
    assert judge("COP30 talks", "The climate summit in Belem.").relevant
    assert not judge("Police cop arrested", "A summit of the hill.").relevant  # not COP
    verdict = judge("Selangor win", "A late goal.")
    assert not verdict.relevant
    assert verdict.reason == "not summit coverage: names no summit and no leaders' meeting"
    assert judge("ASEAN trade data", "Exports rose.").reason == (
        "not summit coverage: names no summit and no leaders' meeting (found: ASEAN)"
    )


def test_identity_guid_then_link_then_hash() -> None:
    assert entry_key("abc", "https://x.example/a") == "guid:abc"
    assert (
        entry_key(None, "HTTPS://X.example:443/a?utm_source=rss#top") == "url:https://x.example/a"
    )
    assert entry_key(None, None, "title", "body").startswith("sha:")
    assert canonical_url("http://Example.com/a?utm_medium=x") == "http://example.com/a"


def test_near_duplicates_match_and_distinct_stories_do_not() -> None:
    index = StoryIndex()
    index.add(1, signature(_body("g20")))
    index.add(2, signature(_body("apec")))
    republished = "Reporting from Johannesburg. " + _body("g20") + " Copyright The Star."
    assert index.match(signature(republished)) is not None
    assert index.match(signature(republished))[0] == 1  # type: ignore[index]
    assert index.match(signature(_body("brics"))) is None


async def test_the_host_gate_spaces_requests_to_one_host(monkeypatch: pytest.MonkeyPatch) -> None:
    # The gate's own clock stands still, so what it asks to wait is the spacing it keeps
    # (how fast the machine is never enters the test; bench/ measures speed).
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(round(seconds, 3))

    monkeypatch.setattr("bot.watch.politeness.asyncio.sleep", record)
    gate = HostGate(0.2, clock=lambda: 100.0)
    for _ in range(3):
        async with gate.slot("news.example"):
            pass
    async with gate.slot("other.example"):
        pass
    assert waits == [0.2, 0.4]


def _body(key: str) -> str:
    import re

    html = (FEEDS / "pages" / f"{key}.html").read_text(encoding="utf-8")
    return " ".join(re.findall(r"<p>(.*?)</p>", html))
