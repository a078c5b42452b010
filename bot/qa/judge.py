"""How well one retrieved sentence answers a question: the share of the question's content it
covers, and which answer spans it carries, each weighed by the clause it sits in."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.qa.figures import Found, Kind, detect
from bot.qa.question import Question
from bot.qa.retrieval import Hit, SentenceIndex

# A figure belongs to its clause: in "China pledged $10 billion, and Japan committed 2 trillion
# yen", a question about China's pledge must not be answered with Japan's figure.
_CLAUSE_BREAK = re.compile(r",\s(?:and|but|while|whereas)\s|;\s|\s[-–—]\s")
_HEDGE = re.compile(
    r"\b(?:could|might|may|consider(?:s|ed|ing)?|hopes?|hoped|study (?:carefully|whether)|"
    r"explore|mull|weigh(?:s|ing)?|possibly|stopped short)\b"
)
_COMMITMENT = re.compile(
    r"\b(?:will|would|shall|pledged?|pledging|commit(?:s|ted)?|promised?|agreed?|decided|"
    r"vowed|ready to|willing to|intends? to|plans? to|announced|unveiled|offered)\b",
    re.I,
)
# Programme, not commitment: "will attend a gala dinner", "is due to hold talks".
_ITINERARY = re.compile(
    r"\b(?:will|would)\s(?:also\s)?(?:attend|tour|visit|arrive|travel|fly|depart|leave|return|"
    r"join|meet|be held)\b|\b(?:is|are) (?:due|scheduled|expected) to\b",
    re.I,
)
OUTSIDE_CLAUSE = 0.5  # a term elsewhere in the sentence counts half: the subject often is


@dataclass(frozen=True, slots=True)
class Span:
    """An answer-bearing span, with the coverage and the hedging of its own clause."""

    found: Found
    coverage: float
    hedged: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    hit: Hit
    coverage: float
    answers: tuple[Span, ...]
    commitment: bool
    hedged: bool  # the best-covered clause only says what could or may happen


def judge(hit: Hit, question: Question, index: SentenceIndex, kinds: frozenset[Kind]) -> Candidate:
    text = hit.text
    weights = {t.stem: t.weight * index.idf(t.stem) for t in question.terms}
    total = sum(weights.values()) or 1.0
    sentence = _matched(question, text, index)
    clauses = _clauses(text)
    clause_credit = [_matched(question, text[s:e], index) for s, e in clauses]

    def covered(clause: int) -> float:
        inside = sum(w * clause_credit[clause].get(stem, 0.0) for stem, w in weights.items())
        whole = sum(w * sentence.get(stem, 0.0) for stem, w in weights.items())
        return (inside + OUTSIDE_CLAUSE * (whole - inside)) / total

    scores = [covered(i) for i in range(len(clauses))]
    best = max(range(len(clauses)), key=scores.__getitem__)
    hedges = [bool(_HEDGE.search(text[s:e])) for s, e in clauses]
    answers = tuple(
        Span(found, scores[at], hedges[at])
        for found in detect(text, kinds)
        if not _restates(found, question)
        for at in [_clause_of(found.start, clauses)]
    )
    clause = text[clauses[best][0] : clauses[best][1]]
    return Candidate(
        hit=hit,
        coverage=sum(w * sentence.get(stem, 0.0) for stem, w in weights.items()) / total,
        answers=answers,
        commitment=bool(_COMMITMENT.search(clause)) and not _only_itinerary(clause),
        hedged=hedges[best],
    )


def _matched(question: Question, text: str, index: SentenceIndex) -> dict[str, float]:
    """The credit each question term earns in `text`: 1 when present; a name also matches
    its demonym ("Korea", "Korean"), which the stemmer keeps apart; the words of a
    multi-word name earn full credit only where the name stands whole (or as its initials)."""
    stems = set(index.stems.tokens(text))
    found: dict[str, float] = {}
    for term in question.terms:
        if term.stem in stems:
            found[term.stem] = 1.0
        elif term.proper and len(term.stem) >= 4:
            root = term.stem[:-1] if term.stem[-1] in "aeiouy" else term.stem
            if any(s.startswith(root) and len(s) - len(term.stem) <= 3 for s in stems):
                found[term.stem] = 1.0
    lowered = text.lower()
    for name in question.names:
        whole = name.phrase in lowered or re.search(rf"\b{re.escape(name.initials)}\b", text)
        for stem in name.stems:
            if stem in found or whole:
                found[stem] = 1.0 if whole else 0.5
    return found


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a] or [(0, len(text))]


def _clause_of(offset: int, clauses: list[tuple[int, int]]) -> int:
    return next((i for i, (s, e) in enumerate(clauses) if s <= offset < e), len(clauses) - 1)


def _only_itinerary(clause: str) -> bool:
    cues = len(_COMMITMENT.findall(clause))
    return cues > 0 and cues <= len(_ITINERARY.findall(clause))


def _restates(found: Found, question: Question) -> bool:
    """A span the question itself states ("How much of the $10 billion …") is no answer."""
    digits = re.findall(r"\d(?:[\d,.]*\d)?", found.text)
    if digits and all(d in question.figures for d in digits):
        return True
    return not digits and found.text.lower().removeprefix("the ") in question.text.lower()
