"""Whatever the text, the engine answers with a well-formed brief whose evidence is verbatim."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.brief.extractive import ExtractiveEngine
from bot.config import load_config
from bot.core.models import Article
from bot.ingest.article import article_from_text
from bot.language.text import segment

ENGINE = ExtractiveEngine(load_config().pillars())
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_2b9aaedf29d83c14.txt"

# Words the rules react to, so generated text reaches deep into the engine.
VOCABULARY = st.sampled_from(
    [
        *"China Japan ASEAN will would is ready to urged called on for should can the".split(),
        *"two sides and , . said he Li Premier First Second agreed pledged $10 billion".split(),
        *"2027 last year not establish build set up fund train host may could We 1. •".split(),
        '"',
        "“",
        "”",
        "(",
        ")",
        "-",
        "—",
        "\n",
        "\n\n",
    ]
)
PROSE = st.lists(VOCABULARY, max_size=80).map(" ".join)
ANY_TEXT = st.text(max_size=600)


def check(article: Article) -> None:
    brief = ENGINE.brief_now(article)
    assert [p.key for p in brief.pillars] == ["political_security", "economic", "socio_cultural"]
    for item in brief.items():
        start, end = item.evidence_span
        assert article.text[start:end] == item.evidence
        assert item.kind in ("pledge", "offer", "call")
        assert item.text.strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_never_crashes(text: str) -> None:
    check(Article(title="t", text=text, sha256="0", language="en"))


@settings(max_examples=150, deadline=None)
@given(PROSE)
def test_cue_laden_prose_keeps_evidence_verbatim(text: str) -> None:
    check(Article(title="Summit", text=text, sha256="0", language="en"))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=3000), st.text(max_size=40))
def test_spliced_real_coverage_keeps_evidence_verbatim(cut: int, junk: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    check(article_from_text(seed[:cut] + junk + seed[cut:]))


@given(ANY_TEXT)
def test_sentences_index_the_text(text: str) -> None:
    for sentence in segment(text):
        assert text[sentence.start : sentence.end] == sentence.text
