"""Q&A scoring per rule 7 of `../shared/corpus/README.md`: the hook an answerer plugs into.

An answerer is any callable `(article, question) -> Answer`; the evaluation never builds one
itself, so the Q&A package stays the only place that knows how answers are made.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from bot.core.models import Answer, Article
from bot.evaluation.labels import Question

Answerer = Callable[[Article, str], Answer]

# A figure as a reader would see one: "3,000", "2026", "1.5", "A$120".
_FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")


@dataclass(slots=True)
class QuestionCounts:
    answerable: int = 0
    answered: int = 0  # answerable questions whose answer holds every answer term
    unanswerable: int = 0
    declined: int = 0  # unanswerable questions answered "the article doesn't say", no guess
    given: int = 0  # answers given (answerable), right or wrong
    given_cited: int = 0  # answers given that carry at least one citation
    citations: int = 0
    verbatim: int = 0  # citations whose quote is a verbatim substring of the article

    def add(self, other: QuestionCounts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def answers_correctly(answer: Answer, question: Question, article_text: str) -> bool:
    """Rule 7: an answerable question's answer contains every answer term (case-insensitive);
    an unanswerable one is declined and quotes no figure the article lacks."""
    if question.answerable:
        lowered = answer.answer.lower()
        return all(term.lower() in lowered for term in question.answer_terms)
    return not answer.answerable and not invented_figures(answer.answer, article_text)


def invented_figures(answer_text: str, article_text: str) -> list[str]:
    """Figures in the answer that appear nowhere in the article: a guess, not a decline."""
    return [f for f in _FIGURE.findall(answer_text) if f not in article_text]


def verbatim_citations(answer: Answer, article_text: str) -> int:
    return sum(1 for c in answer.citations if c.quote and c.quote in article_text)


def score_questions(
    article: Article, questions: Iterable[Question], answerer: Answerer
) -> QuestionCounts:
    counts = QuestionCounts()
    for question in questions:
        answer = answerer(article, question.q)
        correct = answers_correctly(answer, question, article.text)
        if question.answerable:
            counts.answerable += 1
            counts.answered += correct
        else:
            counts.unanswerable += 1
            counts.declined += correct
        counts.given += answer.answerable
        counts.given_cited += answer.answerable and bool(answer.citations)
        counts.citations += len(answer.citations)
        counts.verbatim += verbatim_citations(answer, article.text)
    return counts
