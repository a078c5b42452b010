"""The plain records the watch store takes and gives back: a source's state, a seen entry, one
outlet's copy of a story, and a destination a new story's brief is queued for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.models import Article


@dataclass(frozen=True, slots=True)
class SourceState:
    id: int
    key: str
    name: str
    kind: str
    status: str
    etag: str | None
    last_modified: str | None
    failures: int
    retry_at: datetime | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    items_seen: int
    seeded: bool


@dataclass(frozen=True, slots=True)
class EntryRecord:
    key: str
    url: str | None
    status: str  # briefed | duplicate | skipped | seeded | failed
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One outlet's copy of a story, and the entry it came from."""

    source_id: int
    entry: EntryRecord
    article: Article
    url: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class Destination:
    platform: str
    channel: str
