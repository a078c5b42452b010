"""What a later article adds to a story already briefed: the commitments it reports that the
ledger did not hold for that story, and the figures it changes. Nothing it merely repeats.
Plain text, one line each; every platform escapes it on the way out. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.models import Article
from bot.store.ledger_records import Filed

MAX_LINES = 12  # a delta is short; the article's own brief holds the rest


@dataclass(frozen=True, slots=True)
class Delta:
    added: list[Filed]
    changed: list[Filed]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed)


def story_delta(filed: list[Filed]) -> Delta:
    fresh = [f for f in filed if not f.merged]
    return Delta(
        added=[f for f in fresh if f.status != "changed"],
        changed=[f for f in fresh if f.status == "changed"],
    )


def delta_text(delta: Delta, article: Article) -> str:
    outlet = article.source or "another report"
    lines = [f"Update from {outlet}: {article.title}"]
    lines += [f"+ {f.sighting.text}" for f in delta.added]
    lines += [
        f"~ {f.sighting.text} (was {', '.join(f.previous_figures) or 'another figure'})"
        for f in delta.changed
    ]
    if len(lines) > MAX_LINES + 1:
        lines = [*lines[: MAX_LINES + 1], f"…and {len(lines) - MAX_LINES - 1} more"]
    return "\n".join(lines)
