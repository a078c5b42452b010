"""Which entry is which: canonical URLs (stored and shown) and the key each feed entry is
remembered by, so a poll sees only what is new."""

from __future__ import annotations

import hashlib

import courlan

from bot.ingest.userinfo import without_userinfo


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, default port, fragment and tracking parameters dropped,
    and credentials: a canonical URL is stored and shown."""
    url = without_userinfo(url.strip())
    try:
        return str(courlan.normalize_url(url, strict=True))
    except (ValueError, TypeError, AttributeError):
        return url


def entry_key(guid: str | None, link: str | None, *parts: str | None) -> str:
    """guid, else canonical link, else a hash of what the entry says."""
    if guid and guid.strip():
        return f"guid:{guid.strip()[:900]}"
    if link and link.strip():
        return f"url:{canonical_url(link)[:900]}"
    digest = hashlib.sha256("\x1f".join(p or "" for p in parts).encode("utf-8")).hexdigest()
    return f"sha:{digest}"
