"""Hand-built gold labels, items and briefs for the evaluation tests."""

from __future__ import annotations

from typing import Any

from bot.core.models import Article, Brief, Item, Kind, Pillar
from bot.evaluation.labels import Gold

PILLAR_KEYS = ("political_security", "economic", "socio_cultural")


def gold_dict(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "t01",
        "title": "Tiny summit",
        "date": "2026-10-27",
        "summit": "Tiny Summit, Manila",
        "language": "en",
        "pillars": {"political_security": True, "economic": True, "socio_cultural": False},
        "pledges": [
            {
                "actor": "China",
                "kind": "pledge",
                "pillar": "economic",
                "terms": ["Cooperation Fund", "capital"],
            },
            {
                "actor": "China",
                "kind": "offer",
                "pillar": "economic",
                "terms": ["Digital", "Academy"],
            },
            {
                "actor": "China",
                "kind": "call",
                "pillar": "political_security",
                "terms": ["Code of Conduct", "South China Sea"],
            },
            {
                "actor": "China",
                "kind": "call",
                "pillar": "political_security",
                "terms": ["unite", "disruptions"],
                "cross_pillar": True,
            },
        ],
        "not_pledges": [{"why": "background: past pledge", "terms": ["2022", "package"]}],
        "questions": [
            {"q": "Which fund?", "answer_terms": ["Cooperation Fund"], "answerable": True},
            {"q": "How much capital?", "answer_terms": [], "answerable": False},
        ],
    }
    return {**base, **overrides}


def make_gold(**overrides: Any) -> Gold:
    return Gold.model_validate(gold_dict(**overrides))


def item(text: str, kind: Kind = "pledge", actor: str = "China") -> Item:
    return Item(text=text, actor=actor, kind=kind, evidence=text, evidence_span=(0, len(text)))


def make_brief(other: list[Item] | None = None, **by_pillar: list[Item]) -> Brief:
    article = Article(title="Tiny summit", text="body", sha256="0" * 64)
    pillars = [Pillar(key=k, title=k, items=by_pillar.get(k, [])) for k in PILLAR_KEYS]
    return Brief(engine="test", article=article, headline="h", pillars=pillars, other=other or [])
