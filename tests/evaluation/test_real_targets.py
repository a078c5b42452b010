"""Floors under the engine's figures on real coverage (`../shared/corpus-real`) and on the
independent probe set (`tests/data/probe_set`), as `summit eval` scores them.

The floors sit below today's figures (see the README's "Measured"), so a change that trades a
little of one figure for another passes, while a regression in how real coverage is read
fails the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.brief.extractive import ExtractiveEngine
from bot.brief.verify import verify_brief
from bot.config import load_config
from bot.evaluation.corpus import load_corpus
from bot.evaluation.runner import EvalReport, evaluate

REAL = Path(__file__).resolve().parents[3] / "shared" / "corpus-real"
PROBES = Path(__file__).resolve().parents[1] / "data" / "probe_set"

# folder: (commit recall, call recall, precision, pillar accuracy)
FLOORS = {
    "corpus-real": (REAL, (0.82, 0.76, 0.86, 0.88)),
    "probe_set": (PROBES, (0.85, 0.85, 0.85, 0.70)),
}


@pytest.fixture(scope="module")
def engine() -> ExtractiveEngine:
    return ExtractiveEngine(load_config().pillars())


def _report(folder: Path, engine: ExtractiveEngine) -> EvalReport:
    return evaluate(
        load_corpus(folder),
        lambda article: verify_brief(article, engine.brief_now(article)),
        engine=engine.name,
    )


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_real_coverage_stays_above_its_floor(name: str, engine: ExtractiveEngine) -> None:
    folder, (commit, call, precision, pillar) = FLOORS[name]
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    report = _report(folder, engine)
    d = report.diagnostics
    assert (report.strict["pledge+offer"].recall or 0) >= commit
    assert (report.strict["call"].recall or 0) >= call
    assert (report.strict["all"].precision or 0) >= precision
    assert d.pillar_correct / d.pillar_pairs >= pillar
    assert d.calls_as_pledges == 0
