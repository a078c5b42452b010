"""The narrow interfaces the use cases depend on; the wiring in `bot.cli` supplies them."""

from __future__ import annotations

from typing import Protocol

from bot.core.models import Article, Brief


class BriefEngine(Protocol):
    """Turns one article into a brief. The extractive engine and the LLM engine implement it."""

    name: str

    async def brief(self, article: Article) -> Brief: ...
