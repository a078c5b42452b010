"""Article in, brief out: the extractive pipeline (work in progress)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.config import PillarSpec
from bot.core.models import Article, Brief, Pillar


class ExtractiveEngine:
    name = "extractive"

    def __init__(self, pillars: Sequence[PillarSpec]) -> None:
        self._pillars = list(pillars)

    def brief(self, article: Article) -> Brief:
        return Brief(
            engine=self.name,
            article=article,
            headline=article.title,
            pillars=[Pillar(key=p.key, title=p.title) for p in self._pillars],
        )
