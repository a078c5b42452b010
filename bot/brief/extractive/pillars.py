"""Which pillar an item belongs to, by the weighted lexicon in `config/pillars.yaml`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.config import PillarSpec
from bot.language.parties import without_country_names


class PillarClassifier:
    def __init__(self, pillars: Sequence[PillarSpec]) -> None:
        self._keys = [p.key for p in pillars]
        self._weights: dict[str, dict[str, float]] = {}
        alternatives: list[str] = []
        for pillar in pillars:
            for keyword in pillar.keywords:
                term = _normalise(keyword.term)
                self._weights.setdefault(term, {})[pillar.key] = keyword.weight
                alternatives.append(re.escape(term))
        alternatives.sort(key=len, reverse=True)
        # A keyword is a word prefix: "liberali" matches liberalise and liberalization.
        self._pattern = (
            re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + ")") if alternatives else None
        )

    def scores(self, text: str) -> dict[str, float]:
        totals = dict.fromkeys(self._keys, 0.0)
        if self._pattern is None:
            return totals
        for match in self._pattern.finditer(_normalise(text)):
            for key, weight in self._weights[match.group()].items():
                totals[key] += weight
        return totals

    def classify(self, *texts: str) -> str | None:
        """The best pillar for the first text that decides; None when none does."""
        for text in texts:
            ranked = sorted(self.scores(text).items(), key=lambda kv: kv[1], reverse=True)
            if not ranked or ranked[0][1] <= 0:
                continue
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                return ranked[0][0]
            # A tie goes to the pillar the text names first ("Economic Security Framework").
            tied = {key for key, score in ranked if score == ranked[0][1]}
            return self._first(text, tied)
        return None

    def _first(self, text: str, keys: set[str]) -> str | None:
        assert self._pattern is not None
        for match in self._pattern.finditer(_normalise(text)):
            for key in self._weights[match.group()]:
                if key in keys:
                    return key
        return None


def _normalise(text: str) -> str:
    # Hyphens and case vary between outlets ("power-grid", "Power Grid").
    return without_country_names(text).lower().replace("-", " ")
