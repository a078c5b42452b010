"""What is not an item: background, hedges, stance, itinerary, rhetoric and empty phrases."""

from __future__ import annotations

import re

from bot.brief.figures import has_figure
from bot.language.lemmas import all_lemmas
from bot.language.word_classes import (
    HEDGE_VERBS,
    ITINERARY_VERBS,
    POSITION_VERBS,
    RHETORIC,
    STATIVE_VERBS,
    VAGUE,
)
from bot.language.words import STOPWORDS, WORD, is_adverb, is_only_verb

_PAST_MARKER = re.compile(
    r"\b(?:last|past|previous)\s+(?:year|month|week|summit)|\bearlier\s+this\s+(?:year|month)\b"
    r"|\bpreviously\b|\bin\s+the\s+past\b|\b\d+\s+years?\s+ago\b"
    r"|\bfirst\s+(?:offered|announced|pledged|proposed|agreed)\b",
    re.I,
)
_PAST_YEAR = re.compile(
    r"\b(?:in|at|since|during)\s+(?:the\s+)?((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)", re.I
)
_PAST_CUE = re.compile(
    r"^(?:pledged|committed|agreed|decided|promised|vowed|would|was|were|had|undertook|resolved|"
    r"intended|planned|stood|offered|announced|unveiled|earmarked|allocated)\b",
    re.I,
)
# Verbs that report an act, so a past year dates the act; "would" reports a future instead
# ("said it would host the summit in 2025").
_PAST_ACT = re.compile(
    r"^(?:pledged|committed|agreed|decided|promised|vowed|undertook|resolved|offered|announced|"
    r"unveiled|earmarked|allocated)\b",
    re.I,
)
_RELATIVE_TAIL = re.compile(r"\s(?:that|which|who)\s")
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer)\b|n[’']t\b", re.I)
_PARTICLES = frozenset(
    ["forward", "down", "up", "out", "off", "over", "back", "away", "ahead", "forth", "together"]
)
_HOLD_TALKS = re.compile(
    r"^hold\s+(?:\w+\s+){0,2}?(?:talks\s+with|meetings?\s+with|(?:press|news)\s+conferences?|"
    r"(?:a\s+)?(?:bilateral|dinner|reception|ceremony|banquet))\b",
    re.I,
)
# The summit's own paperwork: "will issue a joint statement", "will sign the declaration".
_PAPERWORK = re.compile(
    r"^(?:issue|adopt|sign|release|publish)\s+(?:a|an|the|their)?\s*(?:joint\s+|final\s+)?"
    r"(?:statement|declaration|communiqu|outcome\s+document)",
    re.I,
)
_JOIN_EVENT = re.compile(
    r"^join\s+(?:the\s+)?[\w\s-]{0,40}?(?:summit|meeting|session|talks)\b", re.I
)


# "$12.9 million will be spent on ...", "a fund will be set up", "10,000 scholarships will be
# available": the deliverable is the subject and the one who provides it is the speaker.
_PASSIVE_DELIVERY = re.compile(
    r"^\s*(?:(?:also|further|now|then|soon|each|jointly|immediately)\s+)*be\s+(?:\w+ly\s+)?"
    r"(?:(?:made\s+)?available|provided|spent|established|set\s+up|channell?ed|allocated|given|"
    r"extended|granted|built|launched|created|opened|disbursed|mobili[sz]ed|offered|delivered|"
    r"sent|invested|contributed|earmarked|financed|funded|dispatched|trained|introduced|"
    r"implemented|upgraded|expanded|increased|doubled|raised|released|donated|dedicated|"
    r"devoted|used|directed|awarded|supplied|constructed|renovated|hosted|organi[sz]ed|"
    r"headquartered|located|based|housed|stationed|opened)\b",
    re.I,
)


def is_passive_delivery(predicate: str) -> bool:
    """A modal passive that delivers something ("will be provided"), not a forecast."""
    return bool(_PASSIVE_DELIVERY.match(predicate))


def is_background(segment: str, cue_text: str, reference_year: int) -> bool:
    """A past commitment recalled as context ("At last year's summit, China pledged ...")."""
    if not _PAST_CUE.match(cue_text.strip()):
        return False
    if _PAST_MARKER.search(segment):
        return True
    if not _PAST_ACT.match(cue_text.strip()):
        return False
    return any(int(year) < reference_year for year in _PAST_YEAR.findall(segment))


def is_negated(before_cue: str, cue_text: str, predicate: str) -> bool:
    window = (
        " ".join(before_cue.split()[-2:]) + " " + cue_text + " " + " ".join(predicate.split()[:2])
    )
    return bool(_NEGATION.search(window))


def head_verb(phrase: str) -> tuple[str, str]:
    """The phrase's first verb (lower-case) and the text from it on, past adverbs and "to"."""
    words = WORD.findall(phrase)
    i = 0
    while i < len(words) and (is_adverb(words[i]) or words[i].lower() in ("to", "continue")):
        i += 1
    if i >= len(words):
        return "", ""
    start = phrase.find(words[i])
    return words[i].lower(), phrase[start:]


# "protect and defend our freedom and our common values": holding to ideals states a position;
# "protect fisheries" or "defend the Philippines' rights in court" name something to be done.
_GUARDING_VERBS = frozenset(
    "protect defend safeguard preserve uphold respect honour honor cherish promote".split()
)
_IDEALS = frozenset(
    """
    values value freedom freedoms liberty liberties democracy democracies rights right law
    principles principle sovereignty integrity security order charter unity solidarity dignity
    justice independence territorial human rule individual indivisible common shared universal
    fundamental international rules-based way life lives peace stability
    """.split()
)


def _only_ideals(rest: str) -> bool:
    words = [w.lower() for w in WORD.findall(rest)[1:]]
    content = [
        w
        for w in words
        if w not in STOPWORDS
        and w not in VAGUE
        and w not in _PARTICLES
        and w not in _GUARDING_VERBS
        and w not in ("including", "such", "especially", "particularly")
    ]
    return bool(content) and all(w in _IDEALS for w in content)


# "convene its 15th meeting in the Gambia in 2022", "hold the next summit": where the forum
# meets next is its calendar, not a commitment; a country that hosts it, or "the next meeting
# of" a named committee, commits to something.
_NEXT_MEETING = re.compile(
    r"^(?:convene|hold)\s+(?:its|their|the|our)\s+"
    r"(?:next|following|\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))\s+"
    r"(?:\w+\s+)?(?:meeting|summit|session|conference|forum)\b(?!\s+of\b)",
    re.I,
)
# Securing the meeting itself ("deploy aircraft ... during the alliance's summit", "close
# roads around the venue"): arrangements for the event, not commitments made at it.
_SECURING = frozenset(
    "deploy station patrol close seal enforce secure guard tighten ban restrict cordon impose "
    "shut block".split()
)
_DURING_THE_MEETING = re.compile(
    r"\b(?:during|for|around|ahead\s+of|throughout|near)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:summit|meeting|gathering|talks|visit|venue|conference)s?\b",
    re.I,
)


def not_a_commitment(phrase: str) -> str | None:
    """Why `phrase` (what follows the cue) commits to nothing, or None when it does."""
    verb, rest = head_verb(phrase)
    if not verb:
        return "empty"
    if verb in POSITION_VERBS:
        return "statement of position"
    if verb in ITINERARY_VERBS or _HOLD_TALKS.match(rest) or _JOIN_EVENT.match(rest):
        return "itinerary"
    if _PAPERWORK.match(rest) or _NEXT_MEETING.match(rest):
        return "itinerary"
    if verb in _SECURING and _DURING_THE_MEETING.search(rest):
        return "arrangements for the meeting"
    if verb in STATIVE_VERBS:
        return "a state, not an action"
    if verb in _GUARDING_VERBS and _only_ideals(rest):
        return "a principle held, not an action"
    if verb in HEDGE_VERBS:
        return "hedged"
    lowered = phrase.lower()
    # "build a relationship that meets the requirements of the new era": the idiom sits in a
    # relative clause about the object, not in what is committed to.
    head = _RELATIVE_TAIL.split(lowered, maxsplit=1)[0]
    if any(idiom in head for idiom in RHETORIC):
        return "rhetoric"
    if is_generic(rest):  # from the head verb on: "continue to work together" is generic
        return "generic"
    return None


def is_generic(phrase: str) -> bool:
    """No checkable object: every content word is a vague noun or modifier."""
    if has_figure(phrase):
        return False
    words = WORD.findall(phrase)
    content = [
        w
        for w in words[1:]
        if (low := w.lower()) not in STOPWORDS
        and low not in VAGUE
        and low not in _PARTICLES
        and not is_only_verb(low)
        and not is_adverb(low)
        and not (low.endswith("ed") and not w[0].isupper())
    ]
    return not content


# Verbs that bring a new thing into being: what they create can be checked later.
_FOUNDING_VERBS = frozenset(
    ["create", "establish", "build", "set", "launch", "found", "open", "construct", "form"]
)


def founds_something(phrase: str) -> bool:
    """ "create a comprehensive security system": a new thing named by a noun that is not a
    vague word, so the phrase commits to something a reader could check even without a name
    or a figure."""
    verb, rest = head_verb(phrase)
    if verb not in _FOUNDING_VERBS:
        return False
    nouns = [w.lower() for w in WORD.findall(rest)[1:6]]
    return any(w not in VAGUE and w not in STOPWORDS and "NOUN" in all_lemmas(w) for w in nouns)


def is_concrete(text: str) -> bool:
    """Names a figure or a proper noun that is not a vague word."""
    if has_figure(text):
        return True
    words = WORD.findall(text)
    return any(
        w[0].isupper() and w.lower() not in VAGUE and w.lower() not in STOPWORDS and w != "I"
        for w in words[1:]
    )
