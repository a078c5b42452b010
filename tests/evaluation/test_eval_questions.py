"""Rule 7 of the corpus README, through the answerer hook, with a tiny answerer."""

from __future__ import annotations

from bot.core.models import Answer, Article, Citation
from bot.evaluation.labels import Question
from bot.evaluation.questions import answers_correctly, invented_figures, score_questions
from tests.support.eval_builders import make_gold

TEXT = "China will inject more capital into the Cooperation Fund in 2026, Li said."
ARTICLE = Article(title="t", text=TEXT, sha256="0" * 64)


def quote(text: str) -> Citation:
    start = max(TEXT.find(text), 0)
    return Citation(quote=text, title="t", span=(start, start + len(text)))


def tiny_answerer(article: Article, question: str) -> Answer:
    """Answers the fund question with a quote; declines the amount question."""
    if "fund" in question.lower():
        return Answer(
            answer="The China-ASEAN cooperation fund.",
            answerable=True,
            citations=[quote("the Cooperation Fund in 2026")],
        )
    return Answer(answer="The article doesn't say.", answerable=False)


def test_tiny_answerer_scores_full_marks() -> None:
    counts = score_questions(ARTICLE, make_gold().questions, tiny_answerer)
    assert (counts.answered, counts.answerable) == (1, 1)
    assert (counts.declined, counts.unanswerable) == (1, 1)
    assert (counts.verbatim, counts.citations) == (1, 1)
    assert (counts.given_cited, counts.given) == (1, 1)


def test_answerable_needs_every_term_case_insensitively() -> None:
    q = Question(q="?", answer_terms=["Cooperation Fund", "2026"], answerable=True)
    assert answers_correctly(Answer(answer="cooperation fund, 2026", answerable=True), q, TEXT)
    assert not answers_correctly(Answer(answer="the fund", answerable=True), q, TEXT)


def test_unanswerable_must_decline_without_invented_figures() -> None:
    q = Question(q="How much?", answerable=False)
    guess = Answer(answer="About 500 million.", answerable=True)
    declined_with_guess = Answer(answer="Not stated; maybe 500 million.", answerable=False)
    declined_with_fact = Answer(answer="Not stated, only that it starts in 2026.", answerable=False)
    assert not answers_correctly(guess, q, TEXT)
    assert not answers_correctly(declined_with_guess, q, TEXT)
    assert answers_correctly(declined_with_fact, q, TEXT)
    assert invented_figures("3,000 in 2026", TEXT) == ["3,000"]


def test_paraphrased_citation_is_not_verbatim() -> None:
    def paraphraser(article: Article, question: str) -> Answer:
        return Answer(answer="x", answerable=True, citations=[quote("China will add capital")])

    counts = score_questions(ARTICLE, make_gold().questions, paraphraser)
    assert (counts.verbatim, counts.citations) == (0, 2)
