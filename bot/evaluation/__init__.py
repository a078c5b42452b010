"""`summit eval DIR`: score the engine on a labelled folder (schema of `../shared/corpus`)."""

from __future__ import annotations

import json
from pathlib import Path

from bot.config import AppConfig
from bot.core.errors import BadInput
from bot.evaluation.corpus import load_corpus
from bot.evaluation.misses import format_misses
from bot.evaluation.question_misses import format_question_misses
from bot.evaluation.questions import Answerer
from bot.evaluation.report import format_table, to_json
from bot.evaluation.runner import EvalReport, evaluate

__all__ = ["Answerer", "EvalReport", "evaluate", "run_eval"]

OUTPUTS = ("table", "json")


def run_eval(
    directory: Path,
    config: AppConfig,
    output: str = "table",
    answerer: Answerer | None = None,
    misses: bool = False,
) -> int:
    """Brief and score every labelled article in `directory`, print the report, return 0.

    `answerer` (the Q&A hook) adds the rule-7 question scores when given; `misses` lists each
    missed and spurious item with its sentence after the report.
    """
    # Imported here so loading the evaluation package does not pull in the engine.
    from bot.brief.extractive import ExtractiveEngine
    from bot.brief.verify import verify_brief

    if output not in OUTPUTS:
        raise BadInput(f"unknown eval output {output!r}; expected one of {', '.join(OUTPUTS)}")
    cases = load_corpus(directory)
    engine = ExtractiveEngine(config.pillars())
    report = evaluate(
        cases,
        lambda article: verify_brief(article, engine.brief_now(article)),
        engine=engine.name,
        directory=str(directory),
        answerer=answerer,
    )
    if output == "json":
        print(json.dumps(to_json(report), ensure_ascii=False, indent=2))
    else:
        print(format_table(report))
    if misses:
        print("\n" + format_misses(report.articles))
        if answerer is not None:
            print("\n" + format_question_misses(cases, answerer))
    return 0
