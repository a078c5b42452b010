"""HTML pages to article text and metadata, through trafilatura.

trafilatura drops navigation, cookie banners, share bars and footers, and reads the title,
date and site name from the page's metadata. Its own `fetch_url` is not used: fetching is ours
(limits, SSRF guard), so only markup reaches it.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.core.errors import BadInput

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(r"<(?:html|body)\b[^>]*>", re.I)
_SNIFF_CHARS = 2048
# Less than this is a stub (a paywall, a consent wall, a video page), not an article.
MIN_ARTICLE_CHARS = 80


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None = None
    published: date | None = None
    sitename: str | None = None


def looks_like_html(text: str, content_type: str | None = None) -> bool:
    """True for a page: by its declared type, else by how it starts."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type in _HTML_TYPES:
        return True
    if media_type == "text/plain":
        return False
    head = text[:_SNIFF_CHARS]
    return bool(_HTML_START.match(head) or _HTML_TAG.search(head))


def extract_html(html: str, *, name: str, url: str | None = None) -> Extracted:
    """The article in `html`; BadInput when the page holds no article text."""
    document = _extract(html, url, favor_recall=False)
    if document is None or not (document.text or "").strip():
        # Short pages fall below trafilatura's thresholds; a second, greedier pass keeps them.
        document = _extract(html, url, favor_recall=True)
    text = (document.text or "").strip() if document is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise BadInput(f"no article text found in {name}")
    return Extracted(
        text=text,
        title=_clean(document.title),
        published=_date(document.date),
        sitename=_sitename(document.sitename),
    )


def _extract(html: str, url: str | None, *, favor_recall: bool) -> Any:
    import trafilatura  # deferred: ~0.15 s to import, paid only when a page is HTML

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_recall=favor_recall,
        # No extensive search: a date found in the body text may be any date it mentions.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _sitename(value: object) -> str | None:
    name = _clean(value)
    if name is None:
        return None
    try:  # trafilatura falls back to the host name; an IP address is no outlet
        ipaddress.ip_address(name.split(":")[0])
    except ValueError:
        return name
    return None
