"""Credentials in a URL are used for the request and nowhere else (issue 10.5): not in the
store, the reports, the logs, `summit sources`, nor any rendering of the brief."""

from __future__ import annotations

import base64
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.ingest.userinfo import without_userinfo
from bot.store import Store
from bot.watch.health import statuses
from tests.fakes.http_server import FakeHTTPServer, Route
from tests.support.watch_helpers import fixture_bytes, serve_pages

SECRET = "s3cr3t-pa55"
BASIC = "Basic " + base64.b64encode(f"analyst:{SECRET}".encode()).decode()


def with_credentials(url: str) -> str:
    return url.replace("://", f"://analyst:{SECRET}@", 1)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://u:p@news.example/a?b=1", "https://news.example/a?b=1"),
        ("http://token@news.example:8080/feed", "http://news.example:8080/feed"),
        ("https://news.example/@someone", "https://news.example/@someone"),
        ("https://a@b@news.example/", "https://news.example/"),
        ("http://u:p@[::1/x", "http://[::1/x"),  # unparseable: stripped all the same
        ("https://news.example/a", "https://news.example/a"),
    ],
)
def test_userinfo_is_left_out(url: str, shown: str) -> None:
    assert without_userinfo(url) == shown


def test_watch_and_sources_keep_credentials_for_the_request_only(
    http_server: FakeHTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    serve_pages(http_server)
    # The entries link to the feed's host with the same credentials in their URLs.
    feed = fixture_bytes("rss.xml", http_server).replace(
        http_server.url("").encode(), with_credentials(http_server.url("")).encode()
    )
    http_server.routes["/feed"] = Route(feed)
    url = with_credentials(http_server.url("/feed"))

    assert main(["watch", "--once", "--format", "json", "--source", url]) == 0
    assert main(["sources", "--format", "json"]) == 0
    for page in ("/pages/g20.html", "/pages/apec.html"):
        assert main(["brief", with_credentials(http_server.url(page)), "--format", "slack"]) == 0
        assert main(["brief", with_credentials(http_server.url(page)), "--format", "discord"]) == 0
        assert main(["brief", with_credentials(http_server.url(page)), "--format", "json"]) == 0

    out = capsys.readouterr()
    reports = [json.loads(line) for line in out.out.splitlines() if line.startswith('{"title"')]
    assert len([r for r in reports if r["relevant"]]) == 2
    assert http_server.url("/pages/g20.html") in out.out  # the URL is shown, without userinfo
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("summit.db*"))
    assert b"g20.html" in stored
    for where, text in {
        "stdout": out.out,
        "stderr": out.err,
        "logs": caplog.text,
        "database": stored.decode("utf-8", "replace"),
    }.items():
        assert SECRET not in text, where
        assert "analyst:" not in text, where
    # ...and the request itself carried them, as Basic auth.
    feed_requests = [r for r in http_server.requests if r.path == "/feed"]
    assert feed_requests
    assert all(r.headers.get("authorization") == BASIC for r in feed_requests)


async def test_rows_stored_with_credentials_before_are_listed_without(store: Store) -> None:
    old = with_credentials("https://feeds.example/summit.xml")
    await store.watch.ensure_sources([(old, old, "feed")])
    (status,) = statuses(await store.watch.all_sources(), [], datetime.now(UTC))
    shown = json.dumps(status.to_json_dict())
    assert SECRET not in shown
    assert status.location == "https://feeds.example/summit.xml"
