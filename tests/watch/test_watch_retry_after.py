"""One host's `Retry-After: 100000` costs the pass that host, never the pass (issue 10.3).

`summit watch --once` runs as a user runs it (a real process) against two real local servers:
the first answers one feed with 429 and a Retry-After of 28 hours and has a second feed; the
second host serves an ordinary feed. The pass must end promptly, brief the other host's
stories, and not touch the busy host again.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.watch.politeness import HostBusy, HostGate
from tests.fakes.http_server import FakeHTTPServer, Route
from tests.support.watch_helpers import fixture_bytes, serve_pages

DEADLINE = 60  # seconds: the process is killed (and the test fails) past this


def test_watch_once_returns_and_briefs_the_other_host(tmp_path: Path) -> None:
    with FakeHTTPServer() as busy, FakeHTTPServer() as other:
        busy.routes["/feed"] = Route(b"slow down", 429, "text/plain", {"Retry-After": "100000"})
        busy.routes["/second-feed"] = Route(fixture_bytes("rss.xml", busy))
        serve_pages(other)
        other.routes["/feed"] = Route(fixture_bytes("rss.xml", other))
        argv = ["watch", "--once", "--format", "json"]
        for url in (busy.url("/feed"), busy.url("/second-feed"), other.url("/feed")):
            argv += ["--source", url]
        done = subprocess.run(
            [sys.executable, "-m", "bot", *argv],
            capture_output=True,
            text=True,
            timeout=DEADLINE,
            cwd=tmp_path,
            env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'watch.db'}"},
        )
        busy_paths = [r.path for r in busy.requests]
    # The sources were asked for by hand, so the busy ones make it exit 2, each with a line.
    assert done.returncode == 2, done.stderr
    failed = [line for line in done.stderr.splitlines() if line.startswith("summit: ")]
    assert [line.split(": ")[1] for line in failed] == [busy.url("/feed"), busy.url("/second-feed")]
    assert "asked us to wait" in failed[1]
    reports = [json.loads(line) for line in done.stdout.splitlines()]
    briefed = sorted(r["title"] for r in reports if r["relevant"])
    assert briefed == [
        "APEC leaders meet in Gyeongju on trade and AI",
        "G20 leaders adopt Johannesburg declaration",
    ]
    assert all(other.url("/") in " ".join(r["urls"]) for r in reports)
    # The busy host was asked once; its second feed waited for no 28-hour Retry-After.
    assert busy_paths == ["/feed"]


async def test_a_queued_request_is_refused_once_its_host_blocks() -> None:
    gate = HostGate(0.2, max_wait=5)
    async with gate.slot("news.example"):
        gate.block("news.example", 100_000)
    with pytest.raises(HostBusy) as refused:
        async with gate.slot("news.example"):
            pass
    assert 5 < refused.value.retry_after <= 6 * 3600  # capped at the longest backoff
    async with gate.slot("other.example"):  # another host is not affected
        pass


async def test_a_request_in_flight_does_not_hold_its_host() -> None:
    # The gate spaces request starts: a second request may start while the first still runs
    # (the old gate held a lock for the whole fetch, so this nesting never got in).
    gate = HostGate(0.05)
    async with asyncio.timeout(5), gate.slot("news.example"), gate.slot("news.example"):
        pass
