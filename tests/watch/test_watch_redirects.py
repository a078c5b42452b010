"""Trust in a configured host ends at the first redirect that leaves it (issue 10.2).

Two real servers on 127.0.0.1: the configured publisher, and a second one standing in for an
internal address (169.254.169.254, a LAN neighbour) that nobody configured. An open redirect on
the publisher's site must not reach the second one.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from bot.core.errors import BadInput
from bot.ingest import load_article
from bot.store import Store
from tests.fakes.http_server import FakeHTTPServer, Route
from tests.support.watch_helpers import fixture_bytes, serve_pages, source

SECRET = "instance credentials: do not leak"


@pytest.fixture
def internal() -> Any:
    with FakeHTTPServer() as server:
        server.routes["/latest/meta-data"] = Route(SECRET, content_type="text/plain")
        yield server


def open_redirect(publisher: FakeHTTPServer, target: str) -> str:
    path = f"/r?u={quote(target, safe='')}"
    publisher.routes[path] = Route.redirect(target)
    return publisher.url(path)


async def test_a_trusted_url_may_not_redirect_to_another_private_host(
    http_server: FakeHTTPServer, internal: FakeHTTPServer
) -> None:
    url = open_redirect(http_server, internal.url("/latest/meta-data"))
    with pytest.raises(BadInput, match=r"refusing to fetch from 127\.0\.0\.1: .* not a public"):
        await load_article(url)
    assert internal.requests == []


async def test_trust_lost_on_the_way_is_not_regained(
    http_server: FakeHTTPServer, internal: FakeHTTPServer
) -> None:
    # Out through "localhost" (another host name) and back: still refused on the way out.
    back = http_server.url("/page").replace("127.0.0.1", "localhost")
    http_server.routes["/page"] = Route("Leaders met in Manila.", content_type="text/plain")
    with pytest.raises(BadInput, match="refusing to fetch from localhost"):
        await load_article(open_redirect(http_server, back))
    assert [r.path.split("?")[0] for r in http_server.requests] == ["/r"]


async def test_a_redirect_within_the_configured_host_keeps_its_trust(
    http_server: FakeHTTPServer,
) -> None:
    http_server.routes["/page"] = Route("Leaders met in Manila.", content_type="text/plain")
    article = await load_article(open_redirect(http_server, http_server.url("/page")))
    assert article.text == "Leaders met in Manila."


async def test_a_feed_link_on_the_feed_host_cannot_redirect_into_the_network(
    http_server: FakeHTTPServer, internal: FakeHTTPServer, store: Store, make_watcher: Any
) -> None:
    serve_pages(http_server)
    # The feed's first entry links to its own host, which bounces to the internal server.
    feed = fixture_bytes("rss.xml", http_server).replace(
        http_server.url("/pages/g20.html").encode(),
        open_redirect(http_server, internal.url("/latest/meta-data"))
        .replace("&", "&amp;")
        .encode(),
    )
    http_server.routes["/feed"] = Route(feed)
    async with make_watcher([source(http_server.url("/feed"))]) as watcher:
        reports = await watcher.poll()
    assert internal.requests == []
    # The entry falls back to the feed's own text; the internal page's text is nowhere.
    assert sorted(r.title for r in reports) == [
        "APEC leaders meet in Gyeongju on trade and AI",
        "G20 leaders adopt Johannesburg declaration",
    ]
    for ref in await store.watch.all_sources():
        assert SECRET not in (ref.last_error or "")
