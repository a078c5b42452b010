"""The matching rule and the counts built on it, against the corpus README."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.evaluation.labels import Gold
from bot.evaluation.scoring import Bullet, bullets_of, flagged, score, score_article
from tests.support.eval_builders import item, make_brief

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
LABELS = sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []


def readme_score(bullets: list[str], gold: dict[str, Any]) -> tuple[float, float]:
    """The README's reference function, verbatim but for formatting."""
    items = gold["pledges"]
    hit = [[all(t.lower() in b.lower() for t in it["terms"]) for it in items] for b in bullets]
    match: dict[int, int] = {}

    def augment(b: int, seen: set[int]) -> bool:
        for i, ok in enumerate(hit[b]):
            if ok and i not in seen:
                seen.add(i)
                if i not in match or augment(match[i], seen):
                    match[i] = b
                    return True
        return False

    for b in range(len(bullets)):
        augment(b, set())
    bad = {
        b
        for b, text in enumerate(bullets)
        if any(all(t.lower() in text.lower() for t in np["terms"]) for np in gold["not_pledges"])
    }
    precision = len(set(match.values()) - bad) / len(bullets) if bullets else 1.0
    recall = len(match) / len(items) if items else 1.0
    return precision, recall


@pytest.mark.parametrize("path", LABELS, ids=[p.stem for p in LABELS])
def test_gold_terms_as_bullets_score_one(path: Path) -> None:
    gold = Gold.model_validate_json(path.read_text(encoding="utf-8"))
    bullets = [" ".join(it.terms) for it in gold.pledges]
    assert score(bullets, gold) == (1.0, 1.0)


@pytest.mark.parametrize("path", LABELS, ids=[p.stem for p in LABELS])
def test_not_pledges_terms_are_all_flagged(path: Path) -> None:
    gold = Gold.model_validate_json(path.read_text(encoding="utf-8"))
    bullets = [" ".join(np.terms) for np in gold.not_pledges]
    assert flagged(bullets, gold.not_pledges) == set(range(len(bullets)))


def test_corpus_is_present_for_the_sanity_checks() -> None:
    if not LABELS:
        pytest.skip(f"no labelled corpus at {CORPUS}")
    assert len(LABELS) >= 15


def test_merged_bullet_recalls_only_one(gold: Gold) -> None:
    merged = "China will inject capital into the Cooperation Fund and open a Digital Academy."
    precision, recall = score([merged], gold)
    assert (precision, recall) == (1.0, 1 / 4)


def test_not_pledge_bullet_is_false_positive_but_still_recalls(gold: Gold) -> None:
    bullet = "China will add capital to the Cooperation Fund, like its 2022 package."
    assert score([bullet], gold) == (0.0, 1 / 4)


def test_matching_is_case_insensitive_and_empty_cases_follow_readme(gold: Gold) -> None:
    assert score(["DIGITAL ACADEMY"], gold) == (1.0, 1 / 4)
    assert score([], gold) == (1.0, 0.0)
    assert score(["anything"], gold.model_copy(update={"pledges": []})) == (0.0, 1.0)


terms = st.lists(st.sampled_from("abcd"), min_size=1, max_size=2)


@given(
    bullets=st.lists(st.text(alphabet="abcd ", max_size=8), max_size=6),
    items=st.lists(terms, max_size=5),
    nots=st.lists(terms, max_size=2),
)
def test_score_equals_the_readme_reference(
    bullets: list[str], items: list[list[str]], nots: list[list[str]]
) -> None:
    raw = {
        "id": "h",
        "pledges": [
            {"actor": "A", "kind": "pledge", "pillar": "economic", "terms": t} for t in items
        ],
        "not_pledges": [{"terms": t} for t in nots],
    }
    gold = Gold.model_validate_json(json.dumps(raw))
    assert score(bullets, gold) == readme_score(bullets, raw)


def test_per_kind_strict_and_lenient(gold: Gold) -> None:
    bullets = [
        Bullet("China will inject capital into the Cooperation Fund.", "pledge", "economic"),
        Bullet("China is ready to build a Digital Academy.", "offer", "economic"),
        # A call shown as a pledge, in the wrong pillar.
        Bullet("China will push the South China Sea Code of Conduct.", "pledge", "economic"),
        # Duplicates the first: a false positive strictly, precise leniently.
        Bullet("Cooperation Fund capital, again.", "pledge", "economic"),
        Bullet("Nothing matches here.", "call", None),
    ]
    result = score_article(bullets, gold, filled=["economic", "socio_cultural"])
    s, lenient = result.strict, result.lenient
    assert (s["pledge"].precise, s["pledge"].predicted) == (2, 3)
    assert (s["pledge"].recalled, s["pledge"].gold) == (1, 1)
    assert (s["call"].precise, s["call"].predicted, s["call"].recalled) == (0, 1, 1)
    assert (s["pledge+offer"].recalled, s["pledge+offer"].gold) == (2, 2)
    assert (s["all"].precise, s["all"].predicted, s["all"].recalled) == (3, 5, 3)
    assert (lenient["pledge"].precise, lenient["all"].precise) == (3, 4)
    d = result.diagnostics
    assert (d.kind_correct, d.kind_pairs, d.calls_as_pledges) == (2, 3, 1)
    assert (d.pillar_correct, d.pillar_pairs) == (2, 3)
    assert d.kind_confusion == {
        "pledge": {"pledge": 1},
        "offer": {"offer": 1},
        "call": {"pledge": 1},
    }
    assert result.invented_pillars == ("socio_cultural",)
    assert (result.precision, result.recall) == (3 / 5, 3 / 4)


def test_cross_pillar_items_skip_pillar_scoring(gold: Gold) -> None:
    bullets = [Bullet("We must unite against external disruptions.", "call", None)]
    d = score_article(bullets, gold, filled=[]).diagnostics
    assert (d.kind_correct, d.kind_pairs, d.pillar_pairs) == (1, 1, 0)


def test_hard_negative_and_not_pledge_counts(gold: Gold) -> None:
    negative = gold.model_copy(update={"pledges": []})
    bullets = [
        Bullet("Roads close; the 2022 package recalled.", "pledge", None),
        Bullet("Drones banned.", "pledge", None),
    ]
    d = score_article(bullets, negative, filled=[]).diagnostics
    assert (d.hard_negative_bullets, d.not_pledge_bullets) == (2, 1)
    assert score_article(bullets, gold, filled=[]).diagnostics.hard_negative_bullets == 0


def test_bullets_of_reads_pillars_then_other() -> None:
    brief = make_brief(economic=[item("a", "offer")], other=[item("b", "call")])
    read = [(b.text, b.kind, b.pillar) for b in bullets_of(brief)]
    assert read == [("a", "offer", "economic"), ("b", "call", None)]


def test_optional_items_are_neither_required_nor_false_positives() -> None:
    gold = Gold.model_validate(
        {
            "id": "r",
            "pledges": [
                {"actor": "Japan", "kind": "pledge", "pillar": "economic", "terms": ["yen"]},
                {
                    "actor": "Japan",
                    "kind": "pledge",
                    "pillar": "economic",
                    "terms": ["hopes"],
                    "optional": True,
                },
            ],
        }
    )
    bullets = [
        Bullet("Japan will lend 2 trillion yen.", "pledge", "economic"),
        Bullet("Japan hopes to expand trade.", "pledge", "economic"),
    ]
    result = score_article(bullets, gold, filled=["economic"])
    assert (result.n_gold, result.n_bullets, result.precision, result.recall) == (1, 1, 1.0, 1.0)


def test_misses_list_the_missed_item_and_the_spurious_bullet_with_its_sentence() -> None:
    gold = Gold.model_validate(
        {
            "id": "r",
            "pledges": [
                {"actor": "Japan", "kind": "pledge", "pillar": "economic", "terms": ["yen"]},
                {"actor": "Japan", "kind": "call", "pillar": "economic", "terms": ["trade"]},
            ],
        }
    )
    stray = Bullet("Roads close.", "pledge", None, "Roads close at noon.")
    misses = score_article([stray], gold, filled=[]).misses
    assert ([g.terms for g in misses.missed], misses.spurious) == ([["yen"], ["trade"]], (stray,))
