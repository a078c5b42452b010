"""Ingest: one article from a file, a URL or stdin; fetching with limits and an SSRF guard."""

from bot.ingest.article import article_from_text
from bot.ingest.fetch import FetchPolicy, FetchResult, fetch
from bot.ingest.load import load_article

__all__ = ["FetchPolicy", "FetchResult", "article_from_text", "fetch", "load_article"]
