"""One bullet per commitment: drop repeats and lede summaries of what the body details."""

from __future__ import annotations

import re

import Stemmer

from bot.brief.extractive.state import Candidate
from bot.brief.figures import find_figures
from bot.language.word_classes import VAGUE
from bot.language.words import STOPWORDS

_MONEY = re.compile(r"[$€£¥]|\b(?:million|billion|trillion|dollars?|euros?|yen|yuan)\b", re.I)
_STEMMER = Stemmer.Stemmer("english")
_WORD = re.compile(r"[a-z][a-z’']{2,}")
_LEADING_WORDS = 8  # a lede's restatement shows in its first words; clauses after add noise
# Share of a lede bullet's distinctive words found again in the body's bullets of the same
# kind above which the lede only restates them ("pledging to double ... and to train ...").
_RESTATED = 0.3


def deduplicate(candidates: list[Candidate]) -> list[Candidate]:
    unique = _drop_repeats(candidates)
    body = [c for c in unique if not c.in_lede]
    return [c for c in unique if not c.in_lede or not _restated(c, body)]


def _drop_repeats(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for candidate in candidates:
        key = (candidate.kind, " ".join(candidate.text.lower().split()))
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def _restated(lede: Candidate, body: list[Candidate]) -> bool:
    """The lede bullet says again what body bullets by the same party say in detail.

    A lede speaking for a group ("Gulf Arab states pledged ...") may be detailed by its
    members; a lede figure the body never repeats is news of its own.
    """
    peers = [c for c in body if c.kind == lede.kind and (c.actor == lede.actor or not lede.named)]
    words = _distinctive(lede.phrase, lede.actor)
    if not words or not peers:
        return False
    detail = " ".join(c.phrase for c in peers)
    figures = find_figures(lede.phrase)
    if any(figure not in detail for figure in figures):
        return False
    if any(_MONEY.search(figure) for figure in figures):
        return True  # the same sum in the body: "€150 billion" said twice is one commitment
    found = set().union(*(_distinctive(c.phrase, c.actor) for c in peers))
    return len(words & found) / len(words) >= _RESTATED


def _distinctive(text: str, actor: str) -> set[str]:
    actor_words = set(actor.lower().split())
    words = [
        w
        for w in _WORD.findall(text.lower())
        if w not in STOPWORDS and w not in VAGUE and w not in actor_words
    ]
    return set(_STEMMER.stemWords(words[:_LEADING_WORDS]))
