"""How well one retrieved sentence answers a question: the share of the question's content it
covers, and which answer spans it carries, each weighed by the clause it sits in."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bot.qa.question import Question
from bot.qa.retrieval import Hit, Searchable
from bot.qa.spans import Found, Kind, detect
from bot.qa.vocabulary import COMMITMENT_CUES, HEDGE, ITINERARY

# A figure belongs to its clause: in "China pledged $10 billion, and Japan committed 2 trillion
# yen", a question about China's pledge must not be answered with Japan's figure.
_CLAUSE_BREAK = re.compile(r",\s(?:and|but|while|whereas)\s|;\s|\s[-–—]\s")
_RELATIVE = re.compile(r"\b(?:which|who|that)\b")
_DISTRIBUTIVE = re.compile(r"\b(?:each|per|apiece|every|respectively)\b", re.I)
_NEAR = 25  # characters: a count's noun sits within a few words of it
OUTSIDE_CLAUSE = 0.5  # a term elsewhere in the sentence counts half: the subject often is
SYNONYM = 0.8  # "financing" for "funding": nearly as good as the question's own word
# A term only in the passage before counts half: "China's $41 billion contribution to this
# fund" is about the contingency reserve its previous sentence named.
CONTEXT = 0.5
_LEDE_CHARS = 400


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
    named: float  # share of the question's proper names it carries (or the passage before)
    fits: bool  # carries the question's qualifiers ("next", "first", "each")


def judge(hit: Hit, question: Question, index: Searchable, kinds: frozenset[Kind]) -> Candidate:
    text = hit.text
    weights = {t.stem: t.weight * index.idf(t.stem) for t in question.terms}
    total = sum(weights.values()) or 1.0
    own = _matched(question, text, index, hit.article.text)
    around = f"{_lede(hit.article.text)}\n{hit.before}"
    context = _context_only(own, _matched(question, around, index, hit.article.text))
    clauses = _clauses(text)
    clause_credit = [_matched(question, text[s:e], index, hit.article.text) for s, e in clauses]

    def credit(found: dict[str, float]) -> float:
        return sum(w * found.get(stem, 0.0) for stem, w in weights.items())

    whole, before = credit(own), credit(context)

    def covered(clause: int) -> float:
        inside = credit(clause_credit[clause])
        return (inside + OUTSIDE_CLAUSE * (whole - inside) + before) / total

    scores = [covered(i) for i in range(len(clauses))]
    best = max(range(len(clauses)), key=scores.__getitem__)
    answers = tuple(
        Span(found, scores[at], _hedged_at(text, clauses[at], found))
        for found in (detect(text, kinds) if kinds else ())
        for at in [_clause_of(found.start, clauses)]
        if not _restates(found, question)
        and not dates_the_report(found, question, text)
        and not names_no_day(found, question)
        and not a_person_as_place(found, hit.article.text)
        and _counts_what_is_asked(found, question, text, clauses[at], index)
    )
    clause = text[clauses[best][0] : clauses[best][1]]
    return Candidate(
        hit=hit,
        coverage=(whole + before) / total,
        answers=answers,
        commitment=bool(COMMITMENT_CUES.search(clause)) and not _only_itinerary(clause),
        hedged=bool(HEDGE.search(clause)),
        named=_named(question, own, context),
        fits=_fits(question, text, index),
    )


def _counts_what_is_asked(
    found: Found, question: Question, text: str, clause: tuple[int, int], index: Searchable
) -> bool:
    """A count answers "how many X" only when X stands near it in its clause: "15,000 African
    professionals", "leaders of 20 economies", "double the number of officers …, to 400"; a
    number counting something else does not."""
    if found.kind is not Kind.COUNT or not question.counted:
        return True
    start, end = max(clause[0], found.start - 4 * _NEAR), min(clause[1], found.end + 2 * _NEAR)
    near = set(index.stems.tokens(text[start:end]))
    asked = question.counted | {s for stem in question.counted for s in index.stems.synonyms(stem)}
    return bool(near & asked)


_FUTURE_ASK = re.compile(r"^\s*when\s+(?:will|shall|is|are|does|do)\b", re.I)
_WEEKDAY = re.compile(r"^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)
_PAST_VERB = re.compile(r"^(?:\w+ed|said|told|met|held|made|gave|took|spoke|set|put)$", re.I)


_TITLE_BEFORE = (
    r"(?:President|Prime\s+Minister|Premier|Chancellor|Mr|Mrs|Ms|Dr|King|Queen|Emperor|"
    r"Secretary[- ]General|Minister)\.?\s+(?:[A-Z][\w-]+\s+)?"
)


def a_person_as_place(found: Found, article: str) -> bool:
    """ "messages to Trump": a name the article gives a title ("President Trump") or has
    speak ("Trump said") is a person, not a place to go to."""
    if found.kind is not Kind.PLACE:
        return False
    name = re.escape(found.text.removeprefix("the "))
    person = re.compile(rf"{_TITLE_BEFORE}{name}\b|\b{name}\s+(?:said|says|told|added)\b")
    return bool(person.search(article))


_ASKS_A_DAY = re.compile(r"\b(?:on\s+)?what\s+(?:exact\s+)?(?:date|day)\b", re.I)
_BARE_YEAR = re.compile(r"^(?:\w+\s+)?(?:19|20)\d\d$")


def names_no_day(found: Found, question: Question) -> bool:
    """ "On what date will the summit take place?": "beyond 2020" names no day."""
    return (
        found.kind is Kind.DATE
        and bool(_ASKS_A_DAY.search(question.text))
        and bool(_BARE_YEAR.match(found.text))
    )


def dates_the_report(found: Found, question: Question, text: str) -> bool:
    """ "India Wednesday proposed an e-network", "she said on Friday": a weekday beside a verb
    in the past dates the report, not the future event a "when will ..." question asks for."""
    if found.kind is not Kind.DATE or not _WEEKDAY.match(found.text):
        return False
    if not _FUTURE_ASK.match(question.text):
        return False
    before = text[max(0, found.start - 30) : found.start].split()[-2:]
    after = text[found.end : found.end + 30].split()[:1]
    if any(w.lower() in ("be", "been") for w in before):
        return False  # "the declaration, to be concluded Monday": a participle of the future
    return any(_PAST_VERB.match(w.strip(",.;:")) for w in before + after)


def _lede(text: str) -> str:
    """The headline and first paragraph: what every later line of a report goes on from, as
    a list line under "The leaders:" goes on from the strategy the lede names."""
    lines = [line for line in text[:_LEDE_CHARS].split("\n") if line.strip()]
    return "\n".join(lines[:2])


def _context_only(own: dict[str, float], before: dict[str, float]) -> dict[str, float]:
    return {stem: CONTEXT * c for stem, c in before.items() if own.get(stem, 0.0) < CONTEXT * c}


def _named(question: Question, own: dict[str, float], context: dict[str, float]) -> float:
    """The share of the question's proper names the sentence (or the one before) carries:
    "how much will China contribute" is answered by China's figure, not the bank's."""
    proper = [t.stem for t in question.terms if t.proper and not t.setting]
    if not proper:
        return 1.0
    # A name counts as carried once it earns half credit: scattered words of it, or the
    # sentence before naming it, still tie the sentence to it.
    carried = [max(own.get(s, 0.0), context.get(s, 0.0)) >= CONTEXT for s in proper]
    return sum(carried) / len(proper)


def _fits(question: Question, text: str, index: Searchable) -> bool:
    """What the question narrows to must be in the sentence itself: "the next summit" is not
    the one held on Saturday, and "how much will each state give" needs a per-state figure."""
    stems = set(index.stems.tokens(text))
    for qualifier in question.qualifiers:
        if qualifier not in stems and not (index.stems.synonyms(qualifier) & stems):
            return False
    return not question.distributive or bool(_DISTRIBUTIVE.search(text))


def _hedged_at(text: str, clause: tuple[int, int], found: Found) -> bool:
    """A hedge covers its clause, but not a relative clause after it: in "we will consider
    the decisions, which include halving emissions by 2050", the date is stated firmly."""
    hedges = list(HEDGE.finditer(text, clause[0], clause[1]))
    if not hedges:
        return False
    before = [h for h in hedges if h.end() <= found.start]
    if len(before) < len(hedges):
        return True  # a hedge after the span ("$5 billion could be raised")
    return not _RELATIVE.search(text, before[-1].end(), found.start)


def _matched(
    question: Question, text: str, index: Searchable, article_text: str
) -> dict[str, float]:
    """The credit each question term earns in `text`: 1 when present, a little less for a
    synonym; a name also matches its demonym ("Korea", "Korean"), which the stemmer keeps
    apart; the words of a multi-word name earn full credit only where the name stands whole,
    as its initials, or as its head after "the" when the article names it in full ("the
    bank" for "the New Development Bank")."""
    stems = set(index.stems.tokens(text))
    found: dict[str, float] = {}
    for term in question.terms:
        if term.stem in stems:
            found[term.stem] = 1.0
        elif term.synonyms & stems:
            found[term.stem] = SYNONYM
        elif term.proper and len(term.stem) >= 4:
            root = term.stem[:-1] if term.stem[-1] in "aeiouy" else term.stem
            if any(s.startswith(root) and len(s) - len(term.stem) <= 3 for s in stems):
                found[term.stem] = 1.0
    lowered = text.lower()
    for name in question.names:
        whole = (
            name.phrase in lowered
            or re.search(rf"\b{re.escape(name.initials)}\b", text)
            or _refers_to(name.phrase, lowered, article_text)
        )
        for stem in name.stems:
            if stem in found or whole:
                found[stem] = 1.0 if whole else 0.5
    return found


def _refers_to(phrase: str, lowered: str, article_text: str) -> bool:
    head = phrase.split()[-1]
    if " " not in phrase or not re.search(rf"\b(?:the|this|its)\s{re.escape(head)}\b", lowered):
        return False
    return phrase in article_text.lower()


# A clause has a verb. Without one, ", and" only closes a list: "Rwanda's President Paul
# Kagame, …, and South Africa's President Cyril Ramaphosa arrived" is one clause.
_VERBISH = re.compile(
    r"\b(?:will|would|shall|is|are|was|were|has|have|had|can|must|should|[a-z]+ed)\b"
)


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        if not m.group().startswith(",") or _VERBISH.search(text, cuts[-1], m.start()):
            cuts.append(m.start())
    cuts.append(len(text))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a] or [(0, len(text))]


def _clause_of(offset: int, clauses: list[tuple[int, int]]) -> int:
    return next((i for i, (s, e) in enumerate(clauses) if s <= offset < e), len(clauses) - 1)


def _only_itinerary(clause: str) -> bool:
    cues = len(COMMITMENT_CUES.findall(clause))
    return cues > 0 and cues <= len(ITINERARY.findall(clause))


def _restates(found: Found, question: Question) -> bool:
    """A span the question itself states ("How much of the $10 billion …") is no answer."""
    digits = re.findall(r"\d(?:[\d,.]*\d)?", found.text)
    if digits and all(d in question.figures for d in digits):
        return True
    return not digits and found.text.lower().removeprefix("the ") in question.text.lower()
