"""The narrow interfaces the use cases depend on; the wiring in `bot.cli` supplies them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.core.models import Article, Brief


class BriefEngine(Protocol):
    """Turns one article into a brief. The extractive engine and the LLM engine implement it."""

    name: str

    async def brief(self, article: Article) -> Brief: ...


@dataclass(frozen=True, slots=True)
class PostedMessage:
    """Where a platform put a message: enough to reply in its thread later."""

    platform: str
    channel: str
    message_id: str
    thread_id: str | None = None


class ChatAdapter(Protocol):
    """A chat platform as the core sees it. Adapters translate at the edge; each is small."""

    platform: str  # "console", "slack", "discord"

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def post_brief(self, channel: str, brief: Brief, brief_id: int) -> PostedMessage:
        """Post one brief to `channel` (a thread may be opened under it for follow-ups)."""
        ...

    async def post_digest(self, channel: str, briefs: Sequence[Brief], title: str) -> PostedMessage:
        """Post one roll-up of several briefs."""
        ...
