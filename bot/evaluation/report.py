"""The evaluation report as an aligned plain-text table or one JSON object."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.evaluation.questions import QuestionCounts
from bot.evaluation.runner import EvalReport
from bot.evaluation.scoring import GROUPS, ArticleScore, Counts

EVAL_SCHEMA = "summit.eval/1"


def to_json(report: EvalReport) -> dict[str, Any]:
    d = report.diagnostics
    macro_p, macro_r = report.macro()
    return {
        "schema": EVAL_SCHEMA,
        "directory": report.directory,
        "engine": report.engine,
        "articles_scored": len(report.articles),
        "strict": {g: _counts_json(c) for g, c in report.strict.items()},
        "lenient": {g: _counts_json(c) for g, c in report.lenient.items()},
        "macro": {"precision": macro_p, "recall": macro_r},
        "kind_accuracy": _ratio_json(d.kind_correct, d.kind_pairs),
        "kind_confusion": d.kind_confusion,
        "calls_as_pledges": d.calls_as_pledges,
        "pillar_accuracy": _ratio_json(d.pillar_correct, d.pillar_pairs),
        "hard_negative_bullets": d.hard_negative_bullets,
        "not_pledge_bullets": d.not_pledge_bullets,
        "pillars_invented": d.pillars_invented,
        "styles": {
            style: {g: _counts_json(c) for g, c in counts.items()}
            for style, counts in style_counts(report.articles).items()
        },
        "articles": [_article_json(a) for a in report.articles],
        "questions": _questions_json(report.questions),
    }


def format_table(report: EvalReport) -> str:
    sections = [
        _title(report),
        _kind_table(report),
        _summary_table(report),
        _style_table(report.articles),
        _article_table(report.articles),
    ]
    if report.questions is not None:
        sections.append(_question_table(report.questions))
    return "\n\n".join(sections)


def _title(report: EvalReport) -> str:
    n = len(report.articles)
    parts = [f"engine {report.engine}", f"{n} article{'' if n == 1 else 's'}", report.directory]
    return "Summit Brief evaluation · " + " · ".join(p for p in parts if p)


def align(rows: Sequence[Sequence[str]], gap: str = "  ") -> str:
    """Left-align the first column, right-align the others (numbers line up)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        pairs = enumerate(zip(row, widths, strict=True))
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in pairs]
        lines.append(gap.join(cells).rstrip())
    return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _ratio(num: int, den: int) -> str:
    return f"{_fmt(num / den if den else None)} ({num}/{den})"


def _kind_table(report: EvalReport) -> str:
    rows = [["kind", "bullets", "gold", "strict P", "R", "F1", "lenient P", "R", "F1"]]
    for group in GROUPS:
        s, lenient = report.strict[group], report.lenient[group]
        figures = (s.precision, s.recall, s.f1, lenient.precision, lenient.recall, lenient.f1)
        rows.append([group, str(s.predicted), str(s.gold), *map(_fmt, figures)])
    return align(rows)


def _summary_table(report: EvalReport) -> str:
    d = report.diagnostics
    macro_p, macro_r = report.macro()
    rows = [
        ["macro P / R (per-article mean)", f"{macro_p:.2f} / {macro_r:.2f}"],
        ["kind accuracy on matched pairs", _ratio(d.kind_correct, d.kind_pairs)],
        ["calls shown as pledges", str(d.calls_as_pledges)],
        ["pillar accuracy on matched pairs", _ratio(d.pillar_correct, d.pillar_pairs)],
        ["items on hard negatives", str(d.hard_negative_bullets)],
        ["not_pledges bullets", str(d.not_pledge_bullets)],
        ["pillars invented", str(d.pillars_invented)],
    ]
    return align(rows)


def style_counts(articles: Sequence[ArticleScore]) -> dict[str, dict[str, Counts]]:
    """Strict counts pooled per `source_style` (wire, readout, declaration, …)."""
    out: dict[str, dict[str, Counts]] = {}
    for a in articles:
        mine = out.setdefault(a.style or "-", {g: Counts() for g in GROUPS})
        for group in GROUPS:
            mine[group].add(a.strict[group])
    return dict(sorted(out.items()))


def _style_table(articles: Sequence[ArticleScore]) -> str:
    rows = [["source_style", "articles", "commit R", "call R", "P (all)", "R (all)"]]
    styles = style_counts(articles)
    sizes = {s: sum(1 for a in articles if (a.style or "-") == s) for s in styles}
    for style, c in styles.items():
        figures = (c["pledge+offer"].recall, c["call"].recall, c["all"].precision, c["all"].recall)
        rows.append([style, str(sizes[style]), *map(_fmt, figures)])
    return align(rows)


def _article_table(articles: Sequence[ArticleScore]) -> str:
    rows = [["article", "gold", "predicted", "matched", "P", "R", "invented pillars"]]
    for a in articles:
        counts = [str(a.n_gold), str(a.n_bullets), str(a.matched)]
        invented = ", ".join(a.invented_pillars) or "-"
        rows.append([a.id, *counts, _fmt(a.precision), _fmt(a.recall), invented])
    return align(rows)


def _question_table(q: QuestionCounts) -> str:
    rows = [
        ["questions: answerable answered", _ratio(q.answered, q.answerable)],
        ["questions: unanswerable declined", _ratio(q.declined, q.unanswerable)],
        ["answers with a citation", _ratio(q.given_cited, q.given)],
        ["citations verbatim", _ratio(q.verbatim, q.citations)],
    ]
    return align(rows)


def _counts_json(c: Counts) -> dict[str, Any]:
    return {
        "precision": c.precision,
        "recall": c.recall,
        "f1": c.f1,
        "precise": c.precise,
        "predicted": c.predicted,
        "recalled": c.recalled,
        "gold": c.gold,
    }


def _ratio_json(num: int, den: int) -> dict[str, Any]:
    return {"value": num / den if den else None, "correct": num, "pairs": den}


def _article_json(a: ArticleScore) -> dict[str, Any]:
    return {
        "id": a.id,
        "source_style": a.style,
        "gold": a.n_gold,
        "predicted": a.n_bullets,
        "matched": a.matched,
        "precision": a.precision,
        "recall": a.recall,
        "not_pledge_bullets": a.diagnostics.not_pledge_bullets,
        "invented_pillars": list(a.invented_pillars),
    }


def _questions_json(q: QuestionCounts | None) -> dict[str, Any] | None:
    if q is None:
        return None
    return {
        "answerable": _ratio_json(q.answered, q.answerable),
        "unanswerable_declined": _ratio_json(q.declined, q.unanswerable),
        "answers_cited": _ratio_json(q.given_cited, q.given),
        "citations_verbatim": _ratio_json(q.verbatim, q.citations),
    }
