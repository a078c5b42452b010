"""Fetching over real HTTP from a local server: pages, limits, errors and the SSRF guard."""

from __future__ import annotations

import gzip
import socket
from datetime import date
from pathlib import Path

import pytest

from bot.core.errors import BadInput
from bot.ingest import load_article
from bot.ingest.fetch import FetchPolicy, fetch
from tests.fakes.http_server import FakeHTTPServer, Route

NEWS_PAGE = (Path(__file__).resolve().parents[1] / "data" / "news_page.html").read_text()
TEXT = "Leaders met in Manila.\n\nThey agreed to meet again next year in Singapore."
UNTRUSTED = FetchPolicy(allow_private=False)


async def test_news_page_by_url(http_server: FakeHTTPServer) -> None:
    http_server.routes["/world/asean-korea"] = Route(NEWS_PAGE)
    url = http_server.url("/world/asean-korea")
    article = await load_article(url)
    assert article.title == "ASEAN, Korea agree maritime data hub at Manila summit"
    assert (article.source, article.published, article.dateline) == (
        "Asia Pacific Wire",
        date(2026, 10, 28),
        "Manila",
    )
    assert article.url == url
    assert "pledged to set up a maritime data-sharing hub" in article.text
    for boilerplate in ("cookies", "Privacy policy", "Related stories", "Share this article"):
        assert boilerplate not in article.text
    sent = http_server.requests[0].headers
    assert sent["user-agent"].startswith("SummitBrief/")
    assert "text/html" in sent["accept"]


async def test_plain_text_by_url(http_server: FakeHTTPServer) -> None:
    http_server.routes["/a.txt"] = Route(TEXT, content_type="text/plain; charset=utf-8")
    article = await load_article(http_server.url("/a.txt"))
    assert article.text == TEXT
    assert article.title == "Leaders met in Manila."


async def test_undeclared_type_is_sniffed(http_server: FakeHTTPServer) -> None:
    http_server.routes["/page"] = Route(NEWS_PAGE, content_type=None)
    article = await load_article(http_server.url("/page"))
    assert article.source == "Asia Pacific Wire"


async def test_gzip(http_server: FakeHTTPServer) -> None:
    http_server.routes["/gz"] = Route(NEWS_PAGE, gzip=True)
    result = await fetch(http_server.url("/gz"))
    assert result.headers["content-encoding"] == "gzip"
    assert result.content == NEWS_PAGE.encode()


async def test_redirects_followed_to_the_final_url(http_server: FakeHTTPServer) -> None:
    http_server.routes["/old"] = Route.redirect("/older", 301)
    http_server.routes["/older"] = Route.redirect(http_server.url("/new"), 307)
    http_server.routes["/new"] = Route(NEWS_PAGE)
    result = await fetch(http_server.url("/old"))
    assert result.url == http_server.url("/new")
    assert [r.path for r in http_server.requests] == ["/old", "/older", "/new"]
    assert (await load_article(http_server.url("/old"))).url == http_server.url("/new")


async def test_redirect_limit(http_server: FakeHTTPServer) -> None:
    http_server.routes["/loop"] = Route.redirect("/loop")
    with pytest.raises(BadInput, match="redirected more than 5 times"):
        await fetch(http_server.url("/loop"))
    assert len(http_server.requests) == 6


async def test_redirect_to_another_scheme_refused(http_server: FakeHTTPServer) -> None:
    http_server.routes["/ftp"] = Route.redirect("ftp://example.org/file")
    with pytest.raises(BadInput, match="refusing to follow a redirect to ftp://"):
        await fetch(http_server.url("/ftp"))


async def test_conditional_get(http_server: FakeHTTPServer) -> None:
    modified = "Wed, 28 Oct 2026 09:14:00 GMT"
    http_server.routes["/feed"] = Route(TEXT, etag='"v1"', last_modified=modified)
    first = await fetch(http_server.url("/feed"))
    assert (first.status, first.headers["etag"]) == (200, '"v1"')
    again = await fetch(http_server.url("/feed"), headers={"If-None-Match": '"v1"'})
    assert again.not_modified
    assert again.content == b""
    by_date = await fetch(http_server.url("/feed"), headers={"If-Modified-Since": modified})
    assert by_date.not_modified
    changed = await fetch(http_server.url("/feed"), headers={"If-None-Match": '"v0"'})
    assert changed.status == 200


@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404 Not Found"), (503, "HTTP 503")])
async def test_http_errors(http_server: FakeHTTPServer, status: int, reason: str) -> None:
    http_server.routes["/x"] = Route("oops", status=status)
    with pytest.raises(BadInput, match=reason):
        await load_article(http_server.url("/x"))


async def test_disallowed_content_type(http_server: FakeHTTPServer) -> None:
    http_server.routes["/report.pdf"] = Route(b"%PDF-1.7", content_type="application/pdf")
    with pytest.raises(BadInput, match="is application/pdf, not a web page or text"):
        await load_article(http_server.url("/report.pdf"))


async def test_declared_oversized_body_refused(http_server: FakeHTTPServer) -> None:
    http_server.routes["/big"] = Route(b"a" * (5 * 1024 * 1024 + 1), content_type="text/plain")
    with pytest.raises(BadInput, match="is larger than 5 MB"):
        await load_article(http_server.url("/big"))


async def test_undeclared_oversized_body_cut_off(http_server: FakeHTTPServer) -> None:
    http_server.routes["/stream"] = Route(b"a" * 50_000, content_type="text/plain", chunked=True)
    with pytest.raises(BadInput, match="is larger than 10000 bytes"):
        await fetch(http_server.url("/stream"), FetchPolicy(max_bytes=10_000))
    small = await fetch(http_server.url("/stream"), FetchPolicy(max_bytes=50_000))
    assert len(small.content) == 50_000


async def test_gzip_bomb_counted_after_decompression(http_server: FakeHTTPServer) -> None:
    http_server.routes["/bomb"] = Route(b"\0" * 200_000, content_type="text/plain", gzip=True)
    assert len(gzip.compress(b"\0" * 200_000)) < 10_000
    with pytest.raises(BadInput, match="is larger than 64 KB"):
        await fetch(http_server.url("/bomb"), FetchPolicy(max_bytes=64 * 1024))


async def test_slow_server_times_out(http_server: FakeHTTPServer) -> None:
    http_server.routes["/slow"] = Route(TEXT, delay=5)
    with pytest.raises(BadInput, match=r"did not answer within 0\.3 s"):
        await load_article(http_server.url("/slow"), policy=FetchPolicy(total_timeout=0.3))


async def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(BadInput, match=f"cannot connect to http://127.0.0.1:{port}/"):
        await load_article(f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize("policy", [FetchPolicy(), UNTRUSTED])
async def test_unknown_host(policy: FetchPolicy) -> None:
    # .invalid never resolves (RFC 6761)
    with pytest.raises(BadInput, match=r"cannot (connect to|resolve host)"):
        await load_article("http://summit-brief.invalid/story", policy=policy)


@pytest.mark.parametrize("url", ["http://", "https:///path", "http://exa mple.org/"])
async def test_malformed_url(url: str) -> None:
    with pytest.raises(BadInput):
        await load_article(url)


async def test_ssrf_guard_refuses_loopback(http_server: FakeHTTPServer) -> None:
    http_server.routes["/"] = Route(NEWS_PAGE)
    for host in ("127.0.0.1", "localhost"):
        url = http_server.url("/").replace("127.0.0.1", host)
        with pytest.raises(BadInput, match=f"refusing to fetch from {host}: .* not a public"):
            await load_article(url, policy=UNTRUSTED)
    assert http_server.requests == []  # refused before connecting


async def test_ssrf_guard_checks_every_redirect_hop(http_server: FakeHTTPServer) -> None:
    # The first host is exempted as an operator's own mirror would be; the hop it redirects
    # to must still pass the address check.
    target = http_server.url("/admin").replace("127.0.0.1", "localhost")
    http_server.routes["/go"] = Route.redirect(target)
    http_server.routes["/admin"] = Route(TEXT, content_type="text/plain")
    policy = FetchPolicy(allow_private=False, allowed_hosts=frozenset({"127.0.0.1"}))
    with pytest.raises(BadInput, match="refusing to fetch from localhost"):
        await load_article(http_server.url("/go"), policy=policy)
    assert [r.path for r in http_server.requests] == ["/go"]


async def test_trusted_policy_allows_loopback(http_server: FakeHTTPServer) -> None:
    http_server.routes["/"] = Route(TEXT, content_type="text/plain")
    assert (await load_article(http_server.url("/"))).text == TEXT


LEGACY = "“Café talks” at the summit: the minister’s résumé — naïve? No. " * 3


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain; charset=windows-1252", LEGACY.encode("cp1252")),
        # Sites label windows-1252 as latin-1; browsers read it as 1252, and so do we.
        ("text/plain; charset=ISO-8859-1", LEGACY.encode("cp1252")),
        (
            "text/html",
            f'<html><head><meta charset="windows-1252"></head><body><article><p>'
            f"{LEGACY * 3}</p></article></body></html>".encode("cp1252"),
        ),
        ("text/plain; charset=utf-8", LEGACY.encode()),
    ],
)
async def test_non_utf8_pages_decoded(
    http_server: FakeHTTPServer, content_type: str, body: bytes
) -> None:
    http_server.routes["/legacy"] = Route(body, content_type=content_type)
    article = await load_article(http_server.url("/legacy"))
    assert "“Café talks” at the summit: the minister’s résumé — naïve?" in article.text
