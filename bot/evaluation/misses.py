"""`summit eval --misses`: each missed and each spurious item with its article and sentence,
so that a miss is one command away from the sentence that caused it."""

from __future__ import annotations

from collections.abc import Sequence

from bot.evaluation.labels import GoldItem
from bot.evaluation.scoring import ArticleScore, Bullet

_QUOTE_LIMIT = 300


def format_misses(articles: Sequence[ArticleScore]) -> str:
    blocks = [_article_block(a) for a in articles]
    return "\n\n".join(b for b in blocks if b) or "no misses"


def _article_block(a: ArticleScore) -> str:
    m = a.misses
    lines = [f"missed   {_gold(g)}" for g in m.missed]
    for b in m.spurious:
        lines.append(f"spurious {_bullet(b)}")
        lines.append(f"         from: {_quote(b.evidence)}")
    lines += [f"kind     {_gold(g)} shown as {b.kind}: {b.text}" for g, b in m.wrong_kind]
    lines += [
        f"pillar   {_gold(g)} shown under {b.pillar or 'other'}: {b.text}"
        for g, b in m.wrong_pillar
    ]
    if not lines:
        return ""
    style = f" ({a.style})" if a.style else ""
    return "\n".join([f"── {a.id}{style}", *lines])


def _gold(g: GoldItem) -> str:
    terms = " + ".join(repr(t) for t in g.terms)
    return f"[{g.kind} · {g.actor} · {g.pillar}] {terms}"


def _bullet(b: Bullet) -> str:
    return f"[{b.kind} · {b.pillar or 'other'}] {b.text}"


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _QUOTE_LIMIT else flat[: _QUOTE_LIMIT - 1] + "…"
