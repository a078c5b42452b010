"""Ingest: one article from a file, a URL or stdin; fetching with limits and an SSRF guard."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.ingest.article import article_from_text
    from bot.ingest.fetch import FetchPolicy, FetchResult
    from bot.ingest.load import load_article

__all__ = ["FetchPolicy", "FetchResult", "article_from_text", "load_article"]

# Loaded on first use: importing one submodule (the engine reads `bot.ingest.dateline`) must not
# pull in httpx and trafilatura through this package's namespace. The `fetch` function is not
# here: lazily, its name would be its submodule's. Import it from `bot.ingest.fetch`.
_HOMES = {
    "article_from_text": "bot.ingest.article",
    "FetchPolicy": "bot.ingest.fetch",
    "FetchResult": "bot.ingest.fetch",
    "load_article": "bot.ingest.load",
}


def __getattr__(name: str) -> Any:
    import importlib

    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
