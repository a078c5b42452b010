"""Feed bytes to candidates, with feedparser. A malformed ("bozo") feed is logged, not dropped:
feedparser recovers what it can and those entries are as good as any."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime
from html import unescape
from typing import Any
from urllib.parse import urlsplit

import feedparser

from bot.watch.entry_keys import canonical_url, entry_key
from bot.watch.sources import Candidate, Polled

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
    }
)
_TAG = re.compile(r"<[^>]+>")
_FEED_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S
)


def looks_like_feed(content: bytes, content_type: str | None) -> bool:
    media_type = (content_type or "").split(";")[0].strip().lower()
    return media_type in FEED_TYPES or bool(_FEED_START.match(content[:4096]))


def parse_feed(content: bytes, headers: dict[str, str], url: str) -> Polled:
    """Candidates of every entry, newest information kept; notes say what was odd."""
    parsed = feedparser.parse(content, response_headers={**headers, "content-location": url})
    polled = Polled()
    if parsed.get("bozo"):
        polled.notes.append(f"malformed feed (bozo): {parsed.get('bozo_exception')}")
    feed_title = _text(parsed.feed.get("title"))
    for entry in parsed.entries:
        polled.candidates.append(_candidate(entry, feed_title, url))
    return polled


def _candidate(entry: Any, feed_title: str | None, feed_url: str) -> Candidate:
    link = entry.get("link") or None
    title = _text(entry.get("title")) or ""
    body = _body(entry)
    source = entry.get("source") or {}
    outlet = _text(source.get("title")) or feed_title or urlsplit(link or feed_url).hostname
    return Candidate(
        key=entry_key(entry.get("id"), link, title, body),
        url=canonical_url(link) if link else None,
        link=link,
        title=title,
        published=_when(entry.get("published_parsed") or entry.get("updated_parsed")),
        outlet=outlet,
        body=body,
    )


def _body(entry: Any) -> str | None:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents] + [entry.get("summary", "")]
    best = max(values, key=len, default="")
    return best or None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(unescape(_TAG.sub(" ", value)).split())
    return text or None


def _when(parsed: Any) -> datetime | None:
    # feedparser normalises every date it reads to a UTC struct_time.
    if parsed is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
