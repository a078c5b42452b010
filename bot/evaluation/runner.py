"""Brief every labelled article, score it, and pool the figures for the corpus."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.core.models import Article, Brief
from bot.evaluation.corpus import Case
from bot.evaluation.questions import Answerer, QuestionCounts, score_questions
from bot.evaluation.scoring import GROUPS, ArticleScore, Counts, Diagnostics, bullets_of
from bot.evaluation.scoring import score_article as _score_article

BriefFn = Callable[[Article], Brief]


@dataclass(slots=True)
class EvalReport:
    directory: str
    engine: str
    articles: list[ArticleScore] = field(default_factory=list)
    strict: dict[str, Counts] = field(default_factory=lambda: {g: Counts() for g in GROUPS})
    lenient: dict[str, Counts] = field(default_factory=lambda: {g: Counts() for g in GROUPS})
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    questions: QuestionCounts | None = None  # only when an answerer was given

    def add(self, article: ArticleScore) -> None:
        self.articles.append(article)
        for group in GROUPS:
            self.strict[group].add(article.strict[group])
            self.lenient[group].add(article.lenient[group])
        self.diagnostics.add(article.diagnostics)

    def macro(self) -> tuple[float, float]:
        """Mean of the README's per-article precision and recall (each article weighs the same)."""
        if not self.articles:
            return 0.0, 0.0
        n = len(self.articles)
        return sum(a.precision for a in self.articles) / n, sum(a.recall for a in self.articles) / n


def evaluate(
    cases: Sequence[Case],
    brief: BriefFn,
    *,
    engine: str,
    directory: str = "",
    answerer: Answerer | None = None,
) -> EvalReport:
    report = EvalReport(directory=directory, engine=engine)
    if answerer is not None:
        report.questions = QuestionCounts()
    for case in cases:
        report.add(score_case(case, brief(case.article)))
        if answerer is not None and report.questions is not None:
            report.questions.add(score_questions(case.article, case.gold.questions, answerer))
    return report


def score_case(case: Case, brief: Brief) -> ArticleScore:
    filled = [p.key for p in brief.pillars if p.items]
    return _score_article(bullets_of(brief), case.gold, filled)
