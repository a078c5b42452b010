"""Articles the ledger tests file: written here, so no test leans on an engine's wording."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.core.models import Article
from bot.ingest.article import article_from_text

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def grid_loans(amount: str, summit: str, day: date) -> Article:
    """A one-pledge wire story: Japan's grid loans, `amount` at `summit` on `day`."""
    text = (
        "Japan pledges grid loans at ASEAN-Japan summit\n\n"
        f"TOKYO, {day:%b} {day.day}, {day.year} (Test Wire) -- Japan will provide {amount} in "
        "loans for renewable power grids in Southeast Asia, Prime Minister Sato told the "
        f"{summit} on Tuesday."
    )
    return article_from_text(text, source="Test Wire", published=day,
                             url=f"https://wire.test/{day.isoformat()}")  # fmt: skip
