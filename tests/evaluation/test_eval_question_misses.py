"""`summit eval --misses` lists each wrong and each unwarranted answer with what it quoted."""

from __future__ import annotations

from bot.core.models import Answer, Article, Citation
from bot.evaluation.corpus import Case
from bot.evaluation.question_misses import format_question_misses
from tests.support.eval_builders import make_gold

TEXT = "China will inject more capital into the Cooperation Fund in 2026, Li said."
CASE = Case(gold=make_gold(), article=Article(title="t", text=TEXT, sha256="0" * 64))


def quoting(answer: str, *, answerable: bool) -> Answer:
    return Answer(
        answer=answer,
        answerable=answerable,
        citations=[Citation(quote=TEXT, title="t", span=(0, len(TEXT)))],
    )


def test_a_wrong_and_an_unwarranted_answer_are_listed_with_their_quotes() -> None:
    def guesser(article: Article, question: str) -> Answer:
        return quoting("$5 billion", answerable=True)

    text = format_question_misses([CASE], guesser)
    assert "── t01 (questions)" in text
    assert "wrong       Which fund?" in text
    assert "wanted: 'Cooperation Fund'" in text
    assert "unwarranted How much capital? (figures not in the article: 5)" in text
    assert text.count(f"quoted: {TEXT}") == 2


def test_right_answers_and_declines_list_nothing() -> None:
    def right(article: Article, question: str) -> Answer:
        if question == "Which fund?":
            return quoting("the Cooperation Fund", answerable=True)
        return Answer(answer="The coverage doesn't say how much capital.", answerable=False)

    assert format_question_misses([CASE], right) == "no question misses"


def test_a_declined_answerable_question_shows_the_decline() -> None:
    def decliner(article: Article, question: str) -> Answer:
        return Answer(answer="The coverage doesn't say.", answerable=False)

    text = format_question_misses([CASE], decliner)
    assert "declined: The coverage doesn't say." in text
    assert "unwarranted" not in text
