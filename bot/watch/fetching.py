"""Fetching: what a source holds now (a feed's entries, a page, a folder's files) as candidates,
and the article behind each candidate.

Requests are conditional (ETag, Last-Modified), so an unchanged feed costs a 304, and every host
is paced by one `HostGate`. A feed is the operator's choice; the links inside it are a third
party's: only the configured sources' own hosts may be private addresses.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from bot.core.errors import BadInput
from bot.core.models import Article
from bot.ingest.article import article_from_text
from bot.ingest.fetch import FetchPolicy, fetch, new_client
from bot.ingest.load import article_from_bytes, load_article
from bot.ingest.userinfo import without_userinfo
from bot.store.watch import SourceState
from bot.watch.entry_keys import canonical_url
from bot.watch.feeds import FEED_TYPES, _text, looks_like_feed, parse_feed
from bot.watch.politeness import HostGate
from bot.watch.sources import Candidate, Polled, WatchedSource, folder_files

log = logging.getLogger(__name__)


class Fetcher:
    def __init__(
        self,
        sources: Sequence[WatchedSource],
        policy: FetchPolicy | None,
        *,
        host_interval: float,
        concurrency: int,
    ) -> None:
        base = policy or FetchPolicy()
        self.page_policy = base
        self.link_policy = replace(base, allow_private=False)
        self.trusted_hosts = {host(s.key) for s in sources if s.is_url}
        self.feed_policy = replace(base, content_types=base.content_types | FEED_TYPES)
        # A pass never sleeps through a Retry-After longer than one fetch may take.
        self.gate = HostGate(host_interval, max_wait=base.total_timeout)
        self._concurrency = concurrency
        self._client: httpx.AsyncClient | None = None

    def open(self) -> None:
        self._client = new_client(self.feed_policy, connections=self._concurrency)

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def hold_off(self, source: WatchedSource, seconds: float) -> None:
        """The source's host asked for a pause (Retry-After): every fetch from it waits."""
        self.gate.block(host(source.key), seconds)

    async def poll(self, source: WatchedSource, state: SourceState) -> Polled:
        """What the source holds now; `not_modified` when its server says nothing changed."""
        if not source.is_url:
            files = await asyncio.to_thread(folder_files, Path(source.key))
            root = Path(source.key)
            return Polled(
                [Candidate(key=f"file:{_relative(p, root)}", url=None, path=p) for p in files]
            )
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        async with self.gate.slot(host(source.key)):
            result = await fetch(
                source.fetch_url, self.feed_policy, headers=headers, client=self._client
            )
        etag, modified = result.headers.get("etag"), result.headers.get("last-modified")
        if result.not_modified:
            return Polled(etag=etag or state.etag, last_modified=modified or state.last_modified,
                          not_modified=True)  # fmt: skip
        if source.kind == "feed" or (
            source.kind == "auto" and looks_like_feed(result.content, result.content_type)
        ):
            # On the loop, not in a thread: a feed parses in milliseconds, and a thousand parser
            # threads fighting the event loop for the GIL made a first pass four times slower.
            polled = parse_feed(result.content, dict(result.headers), result.url)
        else:
            polled = Polled([await self._page(result.url, result.content, result.content_type)])
        polled.etag, polled.last_modified = etag, modified
        return polled

    async def _page(self, url: str, content: bytes, content_type: str | None) -> Candidate:
        article = await article_from_bytes(content, url=url, content_type=content_type)
        canonical = canonical_url(url)
        return Candidate(
            key=f"url:{canonical}",
            url=canonical,
            link=url,
            title=article.title,
            outlet=article.source or host(url),
            article=article,
        )

    async def article(self, candidate: Candidate) -> Article:
        """The candidate's article: parsed already (a page), a file, or the linked page."""
        if candidate.article is not None:
            article = candidate.article
        elif candidate.path is not None:
            article = await load_article(str(candidate.path))
        else:
            article = await self._linked(candidate)
        # A feed names who published the entry (its <source>, else the feed's title): that
        # outlet wins over the wire credited in the dateline ("(Xinhua)") of a republished copy.
        known = {
            "title": candidate.title or article.title,
            "source": candidate.outlet
            if candidate.article is None and candidate.path is None
            else article.source or candidate.outlet,
            "url": article.url or (without_userinfo(candidate.link) if candidate.link else None),
        }
        return article.model_copy(update=known)

    async def _linked(self, candidate: Candidate) -> Article:
        """The linked page through trafilatura; the feed's own text when the page fails."""
        if candidate.link:
            try:
                async with self.gate.slot(host(candidate.link)):
                    trusted = host(candidate.link) in self.trusted_hosts
                    policy = self.page_policy if trusted else self.link_policy
                    result = await fetch(candidate.link, policy)
                return await article_from_bytes(
                    result.content, url=result.url, content_type=result.content_type
                )
            except BadInput as exc:
                if not candidate.body:
                    raise
                log.info("using the feed's text for %s: %s", without_userinfo(candidate.link), exc)
        if not candidate.body:
            raise BadInput("the entry has neither a link nor any text")
        text = _text(candidate.body) or ""
        if candidate.title and not text.startswith(candidate.title):
            text = f"{candidate.title}\n\n{text}"
        url = without_userinfo(candidate.link) if candidate.link else None
        return article_from_text(text, title=candidate.title or None, url=url)


def host(url: str) -> str:
    return urlsplit(without_userinfo(url)).netloc.lower()


def _relative(path: Path, root: Path) -> str:
    return path.name if path == root else str(path.relative_to(root))
