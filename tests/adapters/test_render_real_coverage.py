"""Every brief of the shared corpora renders on every platform within its limits.

Real briefs have items in some pillars and none in others; the Discord renderer used to fail
on exactly that shape (a zip of unequal lengths), so these run the engine over every article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.brief.extractive import ExtractiveEngine
from bot.config import load_config
from bot.ingest.article import article_from_text
from tests.support.render_checks import problems

SHARED = Path(__file__).resolve().parents[3] / "shared"
ARTICLES = sorted((SHARED / "corpus").glob("*.txt")) + sorted(
    (SHARED / "corpus-real").glob("*.txt")
)
ENGINE = ExtractiveEngine(load_config().pillars())


def test_the_shared_corpora_are_there() -> None:
    # Without them the parametrized test below would silently run zero cases.
    assert len(ARTICLES) >= 40, f"expected the shared corpora under {SHARED}"


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_every_real_brief_renders_within_every_limit(path: Path) -> None:
    brief = ENGINE.brief_now(article_from_text(path.read_text(encoding="utf-8")))
    assert problems(brief) == []


def test_briefs_with_an_empty_pillar_are_among_them() -> None:
    # The shape that broke Discord must be covered by the corpus run above.
    shapes = [ENGINE.brief_now(article_from_text(p.read_text(encoding="utf-8"))) for p in ARTICLES]
    mixed = [b for b in shapes if b.items() and any(not p.items for p in b.pillars)]
    assert len(mixed) >= 10
