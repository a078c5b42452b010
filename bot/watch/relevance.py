"""Is it summit coverage? A named summit body (entity) and a summit word (keyword) must appear.

Terms with a capital letter are names and match case-sensitively ("COP30", not "cop"); a
trailing number is allowed ("G20", "COP 30"). Every verdict carries its reason, for the log.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_ENTITIES = (
    "China-ASEAN", "ASEAN", "East Asia Summit", "G20", "G7", "APEC", "BRICS", "SCO",
    "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "FOCAC",
    "Forum on China-Africa Cooperation", "COP", "UNFCCC", "Belt and Road Forum",
)  # fmt: skip
DEFAULT_KEYWORDS = (
    "summit", "leaders' meeting", "communique", "communiqué", "joint statement",
    "joint declaration", "heads of state", "heads of government", "ministerial meeting",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Verdict:
    relevant: bool
    reason: str


class Relevance:
    def __init__(self, entities: Sequence[str] = (), keywords: Sequence[str] = ()) -> None:
        self.entities = _patterns(entities or DEFAULT_ENTITIES)
        self.keywords = _patterns(keywords or DEFAULT_KEYWORDS)

    def judge(self, title: str, text: str) -> Verdict:
        haystack = f"{title}\n{text}"
        entities = _found(self.entities, haystack)
        keywords = _found(self.keywords, haystack)
        if entities and keywords:
            return Verdict(True, f"summit coverage: {', '.join(entities[:3] + keywords[:2])}")
        if not entities:
            return Verdict(False, "not summit coverage: names no summit (ASEAN, G20, APEC, …)")
        return Verdict(
            False, f"not summit coverage: mentions {', '.join(entities[:3])} but no summit"
        )


def _patterns(terms: Sequence[str]) -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for term in dict.fromkeys(t.strip() for t in terms if t.strip()):
        flags = 0 if any(c.isupper() for c in term) else re.IGNORECASE
        body = r"\s+".join(re.escape(word) for word in term.split())
        out.append((term, re.compile(rf"(?<![\w-]){body}(?:\s?\d+)?(?![\w])", flags)))
    return out


def _found(patterns: list[tuple[str, re.Pattern[str]]], text: str) -> list[str]:
    return [term for term, pattern in patterns if pattern.search(text)]
