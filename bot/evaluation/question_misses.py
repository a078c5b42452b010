"""`summit eval --misses` for questions: each wrong answer and each unwarranted answer with
the question, what was answered and the sentence it quoted, so a miss is one command away
from the sentence that caused it."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.models import Answer
from bot.evaluation.corpus import Case
from bot.evaluation.labels import Question
from bot.evaluation.questions import Answerer, answers_correctly, invented_figures

_LIMIT = 300


def format_question_misses(cases: Sequence[Case], answerer: Answerer) -> str:
    blocks = [_case_block(case, answerer) for case in cases]
    return "\n\n".join(b for b in blocks if b) or "no question misses"


def _case_block(case: Case, answerer: Answerer) -> str:
    lines: list[str] = []
    for question in case.gold.questions:
        answer = answerer(case.article, question.q)
        if not answers_correctly(answer, question, case.article.text):
            lines += _miss_lines(question, answer, case.article.text)
    return "\n".join([f"── {case.gold.id} (questions)", *lines]) if lines else ""


def _miss_lines(question: Question, answer: Answer, article_text: str) -> list[str]:
    if question.answerable:
        wanted = " + ".join(repr(t) for t in question.answer_terms)
        head = [f"wrong       {question.q}", f"            wanted: {wanted}"]
    else:
        invented = invented_figures(answer.answer, article_text)
        why = f" (figures not in the article: {', '.join(invented)})" if invented else ""
        head = [f"unwarranted {question.q}{why}"]
    said = "answered" if answer.answerable else "declined"
    lines = [*head, f"            {said}: {_flat(answer.answer)}"]
    lines += [f"            quoted: {_flat(c.quote)}" for c in answer.citations]
    return lines


def _flat(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _LIMIT else flat[: _LIMIT - 1] + "…"
