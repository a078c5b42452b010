"""Sources as the watcher sees them, and what one poll of a source turns up (candidates)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from bot.config import AppConfig, SourceSpec
from bot.core.models import Article
from bot.ingest.userinfo import without_userinfo

Kind = Literal["auto", "feed", "page", "folder"]
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})


@dataclass(frozen=True, slots=True)
class WatchedSource:
    key: str  # the URL without credentials (stored and shown), or the absolute path
    name: str
    kind: Kind
    interval: timedelta = timedelta(minutes=15)
    seed_on_add: bool = True
    max_age: timedelta | None = timedelta(days=3)
    # The URL as configured, credentials included: for the request only, never stored/shown.
    request_url: str | None = field(default=None, repr=False, compare=False)

    @property
    def is_url(self) -> bool:
        return "://" in self.key

    @property
    def fetch_url(self) -> str:
        return self.request_url or self.key

    @classmethod
    def from_spec(cls, spec: SourceSpec, config: AppConfig) -> WatchedSource:
        watch = config.watch
        seed = watch.seed_on_add if spec.seed_on_add is None else spec.seed_on_add
        days = spec.max_age_days if "max_age_days" in spec.model_fields_set else watch.max_age_days
        location = config.resolve(spec.location)
        return cls(
            key=without_userinfo(location),
            name=without_userinfo(spec.name),
            kind=_kind(spec.kind, location),
            request_url=location if "://" in location else None,
            interval=timedelta(minutes=spec.interval_minutes),
            seed_on_add=seed,
            max_age=timedelta(days=days) if days is not None else None,
        )

    @classmethod
    def from_argument(cls, text: str) -> WatchedSource:
        """`summit watch --source X`: asked for by hand, so nothing is seeded or too old."""
        url = "://" in text
        key = without_userinfo(text) if url else str(Path(text).resolve())
        return cls(
            key=key,
            name=without_userinfo(text),
            kind=_kind("auto", key),
            seed_on_add=False,
            max_age=None,
            request_url=text if url else None,
        )


def _kind(kind: Kind, key: str) -> Kind:
    if kind != "auto" or "://" in key:
        return kind
    return "folder"  # a path: a folder of articles, or one article file


@dataclass(slots=True)
class Candidate:
    """One entry of a poll: a feed entry, the page itself, or a file."""

    key: str
    url: str | None  # canonical
    link: str | None = None  # as published, fetched for the article
    title: str = ""
    published: datetime | None = None
    outlet: str | None = None
    body: str | None = None  # the feed's own content, used when the page cannot be had
    article: Article | None = None  # already extracted (a watched page)
    path: Path | None = None  # a file in a watched folder


@dataclass(slots=True)
class Polled:
    """What a poll found. `not_modified` is a 304: nothing new, and nothing parsed."""

    candidates: list[Candidate] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    notes: list[str] = field(default_factory=list)  # bozo feeds and the like


def folder_files(root: Path) -> list[Path]:
    """Article files under `root` (or `root` itself), sidecars and hidden files left out."""
    if root.is_file():
        return [root]
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not p.name.startswith(".")
        and not p.name.endswith(".meta.yaml")
    )
