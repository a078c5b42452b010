"""The one-pass currency scan names the same currency as looking for each name in turn."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.brief.figures import find_figures
from bot.ledger.amounts import _currency, _names

ROOT = Path(__file__).resolve().parents[2]
TRICKY = [
    "$2.5 billion", "US$3 million", "A$40 million", "S$1 billion", "HK$5 billion", "€3 billion",
    "2 trillion yen", "10 billion yuan", "RM1.2 billion", "Rp 5 trillion", "5 million dollars",
    "300 million euros", "USD 4 billion", "4 billion U.S. dollars", "1,000 Swiss francs",
    "two hundred pesos", "25 percent", "2026", "3 years", "50,000 tonnes", "¥800 billion",
    "£20m", "₹500 crore", "10 billion rupiah and $2 billion", "a $ sign and 5 us dollars",
]  # fmt: skip


def _by_each_name(figure: str) -> str | None:
    """The definition the scan replaced: the longest name that occurs, tried one by one."""
    lowered = figure.lower()
    names = _names()
    for name in sorted(names, key=len, reverse=True):
        if name.isalpha() or " " in name or "." in name:
            found = re.search(rf"(?<![\w$]){re.escape(name)}(?!\w)", lowered) is not None
        else:
            found = name in lowered
        if found:
            return names[name]
    return None


def _corpus_figures() -> list[str]:
    # The seed and the test articles; the labelled corpus too when it sits beside the checkout.
    paths = [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data").rglob("*.txt")]
    paths += (ROOT.parent / "shared" / "corpus").glob("*.txt")
    texts = [p.read_text(encoding="utf-8") for p in sorted(paths)]
    return sorted({figure for text in texts for figure in find_figures(text)})


@pytest.mark.parametrize("figure", TRICKY)
def test_tricky_figures(figure: str) -> None:
    assert _currency(figure) == _by_each_name(figure)


def test_every_figure_of_the_seed_and_corpus() -> None:
    figures = _corpus_figures()
    assert len(figures) > 50  # the articles were read
    assert [_currency(f) for f in figures] == [_by_each_name(f) for f in figures]
    assert any(_currency(f) for f in figures)  # money is among them
