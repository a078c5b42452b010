"""The development corpus's questions (../shared/corpus, when present): rule 7 of its README.

A regression floor, not a benchmark: the corpus is small and was written with the rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.evaluation.corpus import load_corpus
from bot.evaluation.questions import answers_correctly
from bot.qa import answer_question

_FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not checked out here")
def test_corpus_questions() -> None:
    answered = declined = answerable = unanswerable = 0
    for case in load_corpus(CORPUS):
        for question in case.gold.questions:
            answer = answer_question(question.q, [case.article])
            for citation in answer.citations:
                assert citation.quote == case.article.text[citation.span[0] : citation.span[1]]
            if answer.answerable:  # every figure in an answer stands in its quote
                quotes = " ".join(c.quote for c in answer.citations)
                assert answer.citations
                assert all(f in quotes for f in _FIGURE.findall(answer.answer))
            correct = answers_correctly(answer, question, case.article.text)
            if question.answerable:
                answerable, answered = answerable + 1, answered + correct
            else:
                unanswerable, declined = unanswerable + 1, declined + correct
    assert answered / answerable >= 0.90
    assert declined / unanswerable >= 0.95
