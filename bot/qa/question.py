"""Reading a question: what kind of answer it wants, and which content words it is about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.qa.spans import Kind
from bot.qa.vocabulary import (
    COMMITMENT_VERBS,
    GENERIC_VERBS,
    HEDGE,
    PHRASES,
    QUESTION_ONLY,
    Stems,
)

_K = Kind
# Wh-phrases in priority order: at one position the first alternative wins, so "for how many
# years" is a period before "how many" can make it a count.
_WANTS: tuple[tuple[str, tuple[Kind, ...]], ...] = (
    (
        r"(?:over|for|during) what (?:period|time ?frame)|how long|for how many (?:years|months)"
        r"|(?:to|for|over) what length",
        (_K.PERIOD,),
    ),
    (
        r"how much|how large|how big|(?:what|which)(?: [\w-]+){0,2}? "
        r"(?:amount|sum|value|rate|share|percentage|proportion|price|cost)",
        (_K.AMOUNT,),
    ),
    (r"how many|what number", (_K.COUNT,)),
    (r"berapa", (_K.COUNT, _K.AMOUNT)),
    (r"when|what (?:date|year|time|day|month)|which (?:date|years?|day|month)|kapan", (_K.DATE,)),
    (
        r"where|(?:what|which) (?:city|venue|place|location|port|country will host)|di ?mana",
        (_K.PLACE,),
    ),
    (
        r"(?:which|what)(?: [\w-]+){0,3}? (?:countries|country|states|nations|members|economies|"
        r"governments|partners|allies)",
        (_K.COUNTRY,),
    ),
    # "Which individual …" wants a person; "who …" may be answered with the country acting.
    (
        r"(?:which|what) (?:officials?|ministers?|persons?|people|individuals?|envoys?)",
        (_K.PERSON,),
    ),
    (r"who|whom|siapa|(?:which|what) (?:leaders?|presidents?)", (_K.PERSON, _K.ACTOR)),
)
_WANT_RE = re.compile("|".join(f"\\b(?:{p})\\b" for p, _ in _WANTS), re.I)
_WANT_EACH = [(re.compile(f"\\b(?:{p})\\b", re.I), kinds) for p, kinds in _WANTS]
_OPEN_START = re.compile(r"^\W*(?:what|which|why|how|in what way|apa|bagaimana)\b", re.I)
# "each year" qualifies the figure asked for; it is not what the question is about.
_FREQUENCY = re.compile(r"\b(?:each|every|a|per) (?:year|month|week|day)\b|\bannually\b", re.I)
_FIGURE = re.compile(r"\d(?:[\d,.]*\d)?")
# Words that pick one event out of a series: a sentence without them is about another one.
FIGURE_WEIGHT = 2.0
_QUALIFIERS = frozenset(("next", "first", "last", "previous", "inaugural", "upcoming"))
_EACH = re.compile(
    r"\beach (?!other\b|year\b|month\b|week\b|day\b|time\b)\w+"
    r"|\bper (?:member|country|state|person)\b",
    re.I,
)
_WORD = re.compile(r"(?u)\w[\w'’-]*")


@dataclass(frozen=True, slots=True)
class Term:
    stem: str
    weight: float  # beside its idf: verbs that coverage paraphrases freely count less
    proper: bool = False  # capitalised mid-question: "Korea" also matches "Korean"
    synonyms: frozenset[str] = frozenset()  # stems of words that mean the same ("funding")
    setting: bool = False  # a place the question is set in ("where in Gyeongju"), not its subject


@dataclass(frozen=True, slots=True)
class Name:
    """A multi-word proper name in the question ("African Union"): it matches as a whole, or
    by its initials ("AU"); its words scattered over a sentence count for less."""

    phrase: str  # lower-cased, as the words run in the question
    initials: str
    stems: frozenset[str]


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    wants: tuple[tuple[Kind, ...], ...]  # kinds asked for, main ask first, preferred kind first
    open_first: bool  # "What … and where?": the main ask is a passage, the kinds come second
    commitment: bool  # "What did X pledge/agree …": the answer must be a commitment
    hedged: bool  # the question itself asks what could or might happen
    terms: tuple[Term, ...]
    figures: frozenset[str]  # numbers the question already states
    names: tuple[Name, ...] = ()
    qualifiers: frozenset[str] = frozenset()  # stems of "next", "first": which one is meant
    distributive: bool = False  # "how much will each state give": a per-member figure
    counted: frozenset[str] = frozenset()  # "how many African professionals": what is counted
    focus: str | None = None  # "what are the pillars of …": the stem of what is asked for
    specific: str | None = None  # "which specific projects …": the stem of what must be named

    @property
    def typed(self) -> bool:
        return bool(self.wants) and not self.open_first


def parse(text: str, stems: Stems) -> Question:
    lowered = text.lower()
    wants: list[tuple[Kind, ...]] = []
    first_at = len(text)
    for match in _WANT_RE.finditer(text):
        kinds = next(k for pattern, k in _WANT_EACH if pattern.fullmatch(match.group()))
        first_at = min(first_at, match.start())
        if kinds not in wants:
            wants.append(kinds)
    words = [w.lower() for w in _WORD.findall(text)]
    open_start = bool(_OPEN_START.match(text))
    return Question(
        text=text,
        wants=tuple(wants),
        open_first=bool(wants) and open_start and first_at > 0,
        commitment=(not wants or (open_start and first_at > 0))
        and any(w in COMMITMENT_VERBS for w in words),
        hedged=bool(HEDGE.search(lowered)),
        terms=_terms(_phrases(_FREQUENCY.sub(" ", _WANT_RE.sub(" ", text))), stems),
        figures=frozenset(_FIGURE.findall(text)),
        names=_names(text, stems),
        qualifiers=frozenset(stems.stem(w) for w in words if w in _QUALIFIERS),
        distributive=bool(_EACH.search(text)),
        counted=_counted(text, stems),
        focus=_focus(text, stems),
        specific=_specific(text, stems),
    )


# "How many <noun phrase> <verb>": the phrase runs to the first auxiliary or verb.
_HOW_MANY = re.compile(
    r"\bhow many\s+(.+?)(?=\s(?:will|would|shall|did|do|does|are|is|were|was|have|has|had|can|"
    r"could|may|might|must|should|a year|each|per|[a-z]+ed)\b|[?,.]|$)",
    re.I,
)


# "What are the pillars of cooperation in …": the noun before "of" is what the answer names;
# a sentence about the cooperation that never names its pillars does not answer.
_FOCUS = re.compile(
    r"^\W*what\s(?:is|are|was|were)\sthe\s(?:[\w-]+\s){0,2}?([\w-]+)\s"
    r"(?:of|in|for|on|behind|under|between)\b",
    re.I,
)


def _focus(text: str, stems: Stems) -> str | None:
    match = _FOCUS.match(text)
    found = stems.tokens(match.group(1)) if match else ()
    return found[0] if found else None


# "Which specific projects will the grants fund?": the answer must name them; "key projects in
# five countries" does not.
_SPECIFIC = re.compile(r"\b(?:which|what)\s+(?:specific|particular|exact)\s+([\w-]+)", re.I)


def _specific(text: str, stems: Stems) -> str | None:
    match = _SPECIFIC.search(text)
    found = stems.tokens(match.group(1)) if match else ()
    return found[0] if found else None


def _counted(text: str, stems: Stems) -> frozenset[str]:
    match = _HOW_MANY.search(text)
    return frozenset(stems.tokens(match.group(1))) if match else frozenset()


def _phrases(text: str) -> str:
    for pattern, word in PHRASES:
        text = pattern.sub(word, text)
    return text


_NAME = re.compile(r"(?<!^)(?:[A-Z][\w+-]*(?:'s|’s)?\s+)+[A-Z][\w+-]*")


def _names(text: str, stems: Stems) -> tuple[Name, ...]:
    names = []
    for match in _NAME.finditer(text.strip()):
        words = [re.sub(r"(?:'s|’s)$", "", w) for w in match.group().split()]
        names.append(
            Name(
                phrase=" ".join(words).lower(),
                initials="".join(w[0] for w in words),
                stems=frozenset(stems.tokens(" ".join(words))),
            )
        )
    return tuple(names)


_SETTING = re.compile(r"\b(?:in|at|near|around|inside|outside)\s+([A-Z][\w'’-]*)")


def _terms(text: str, stems: Stems) -> tuple[Term, ...]:
    words = _WORD.findall(text)
    proper = {stems.stem(w.lower()) for w in words[1:] if w[:1].isupper()}
    setting = {stems.stem(m.lower()) for m in _SETTING.findall(text)}
    commitment = {stems.stem(w) for w in COMMITMENT_VERBS}
    generic = {stems.stem(w) for w in GENERIC_VERBS}
    skip = {stems.stem(w) for w in QUESTION_ONLY}
    figures = set(_FIGURE.findall(text))
    seen: dict[str, Term] = {}
    for stem in stems.tokens(text):
        if stem in skip or stem in seen:
            continue
        weight = 0.3 if stem in commitment or stem in generic else 1.0
        if stem in figures:
            weight = FIGURE_WEIGHT  # "the 5% target": a figure the question states anchors it
        seen[stem] = Term(stem, weight, stem in proper, stems.synonyms(stem), stem in setting)
    return tuple(seen.values())
