"""Relevance recognises summit coverage as such, with the configured bodies only as a boost
(issue 10.8): every summit article of the shared corpora is kept, 20 off-topic articles
(sport, markets, crime, mountain summits) are skipped, and a skip says what was missing.

`python bench/relevance.py` prints the same figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import load_config
from bot.ingest.article import article_from_text
from bot.wiring.app import relevance_of

SHARED = Path(__file__).resolve().parents[3] / "shared"
OFF_TOPIC = sorted((Path(__file__).resolve().parents[1] / "data" / "off_topic").glob("*.txt"))
HELD_OUT = "r4"  # counted, never itemised
JUDGE = relevance_of(load_config()).judge

MEKONG = """Mekong-Japan Summit opens in Tokyo

TOKYO -- The Mekong-Japan Summit opened on Tuesday with the leaders of Cambodia, Laos, Myanmar,
Thailand and Vietnam joining Japan's prime minister. The summit adopted a strategy for
connectivity, and the host said the summit would meet again in three years. Officials called
it the most productive summit yet; the next summit will review the projects."""


def judged(text: str) -> bool:
    article = article_from_text(text)
    return JUDGE(article.title, article.text).relevant


def summit_articles() -> list[tuple[str, str]]:
    out = []
    for folder in (SHARED / "corpus", SHARED / "corpus-real"):
        for label in sorted(folder.glob("*.json")):
            data = json.loads(label.read_text(encoding="utf-8"))
            text = label.with_suffix(".txt")
            negative = data.get("negative") or data.get("source_style") == "negative"
            if text.exists() and not negative:
                out.append((label.stem, text.read_text(encoding="utf-8")))
    return out


def test_every_summit_article_in_the_shared_corpora_is_relevant() -> None:
    articles = summit_articles()
    assert len(articles) >= 40, f"expected the shared corpora under {SHARED}"
    missed = [name for name, text in articles if not judged(text)]
    shown = [name for name in missed if not name.startswith(HELD_OUT)]
    assert missed == [], f"missed {shown} and {len(missed) - len(shown)} held-out article(s)"


def test_twenty_off_topic_articles_are_skipped() -> None:
    assert len(OFF_TOPIC) == 20
    kept = [path.stem for path in OFF_TOPIC if judged(path.read_text(encoding="utf-8"))]
    assert kept == []


def test_a_summit_no_configured_body_names_is_relevant() -> None:
    # The Mekong-Japan Summit names none of ASEAN, G20, …: the summit itself is the evidence.
    article = article_from_text(MEKONG)
    verdict = JUDGE(article.title, article.text)
    assert verdict.relevant
    assert verdict.reason.startswith("summit coverage: Mekong-Japan Summit")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Climbers reach the summit\n\nEight climbers reached the summit of K2 at dawn.",
            "not summit coverage: names no summit and no leaders' meeting",
        ),
        (
            "Stocks fall\n\nG7 bond yields rose as the president of the bank spoke.",
            "not summit coverage: names no summit and no leaders' meeting (found: president, G7)",
        ),
        (
            "Talks go on\n\nThe summit continues tomorrow.",
            "not summit coverage: too little beside it; wants a named summit, leaders, "
            "a declaration or a summit body such as ASEAN or G20 (found: summit)",
        ),
    ],
)
def test_a_skip_says_what_was_missing(text: str, reason: str) -> None:
    article = article_from_text(text)
    assert JUDGE(article.title, article.text).reason == reason


@pytest.mark.parametrize(
    ("text", "relevant"),
    [
        # Words that only begin like a mountain or a ranking are not one.
        ("Colombo summit\n\nLeaders at the Colombo summit tabled a plan amid mounting "
         "tariff hikes; the prime minister spoke.", True),
        ("Table-toppers\n\nRossi said reaching the summit of the league table was the goal; "
         "the club president agreed.", False),
    ],
)  # fmt: skip
def test_mountains_and_tables_are_whole_words(text: str, relevant: bool) -> None:
    assert judged(text) is relevant
