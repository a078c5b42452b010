"""When two bullets are one commitment: same actor (the store's index) and the same deliverable.

A deliverable is what is left of a bullet once the actor, the modal ("will", "is ready to",
"pledged") and the figures are taken out: "a China-ASEAN green power corridor initiative".
Two bullets share a deliverable when their stems overlap enough; the thresholds are measured
by `bench/ledger_matching.py` on hand-labelled pairs, not tuned to any one article.
"""

from __future__ import annotations

import re

import Stemmer

from bot.core.ledger import Amount
from bot.language.parties import ALIASES
from bot.language.words import STOPWORDS
from bot.store.ledger_records import Event

_STEMMER = Stemmer.Stemmer("english")
_ALIASES_LONGEST_FIRST = sorted(ALIASES, key=len, reverse=True)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# How a bullet commits, not what to: the same deliverable is pledged, offered or announced.
_MODALS = frozenset(
    """
    pledge pledged pledges pledging commit commits committed committing agree agreed agrees
    ready willing stand stands stood prepared announce announced announces decide decided
    vow vowed vows plan plans planned intend intends intended aim aims continue continues
    said say says told urged urge called call calls sought seek proposed propose year years
    next every each annual annually million billion trillion bn
    """.split()
)
# Dice coefficient of the two stem sets at or above which two bullets are one deliverable,
# and, for a short restatement inside a longer bullet, the share of its stems that must recur.
SAME_DELIVERABLE = 0.5
NAME = "@"
# Capitalised words that name no place, body or thing: currencies, months, titles.
_NOT_NAMES = frozenset(
    """
    usd eur jpy cny krw idr aud sgd gbp inr us dollar dollars euro euros yen yuan won rupiah
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec fy prime minister president premier
    leaders leader member members states state the
    """.split()
)
_TOKENS = re.compile(r"[^\W\d_]+|[^\w\s’'-]")
_NAME_JOINERS = frozenset({"of", "for", "and", "the", "on", "de"})
_GENERIC = frozenset({"the", "meeting", "summit", "summits", "leaders", "of", "and"})
CONTAINED = 0.8
_MIN_SHARED = 3


def deliverable(text: str, actor: str, as_written: str = "") -> frozenset[str]:
    """The stems that name what `actor` commits to in `text`, and its proper names marked
    with NAME ("@chile"): two bullets that both name things, none of them the same ("for
    Hong Kong" / "for Chile"), are two deliverables however alike."""
    actor_words = {w.casefold() for alias, party in ALIASES.items() if party == actor
                   for w in re.findall(r"\w+", alias)}  # fmt: skip
    actor_words |= {w.casefold() for w in re.findall(r"\w+", f"{actor} {as_written}")}
    words = [
        w
        for w in (m.group(0).casefold().strip("’'-") for m in _WORD.finditer(text))
        if w and w not in STOPWORDS and w not in _MODALS and w not in actor_words
    ]
    return frozenset(_STEMMER.stemWords(words)) | _names(text, actor_words)


def _names(text: str, actor_words: set[str]) -> frozenset[str]:
    """Capitalised words after the first (a sentence's first word is capitalised anyway),
    one party however spelled ("Vietnam", "Viet Nam"), and the initials of a run of them
    ("Japan Bank for International Cooperation" is also JBIC); currencies, months and
    titles left out."""
    found: set[str] = set()
    run: list[str] = []
    for word in _TOKENS.findall(text)[1:]:
        if not word[0].isalpha():  # punctuation ends a name: "Partnership (RCEP)"
            found |= _initials(run, actor_words)
            run = []
        elif word[0].isupper():
            run.append(word)
            lowered = word.casefold()
            if len(word) > 1 and lowered not in actor_words and lowered not in _NOT_NAMES:
                found.add(NAME + ALIASES.get(word, word).casefold())
        elif word not in _NAME_JOINERS:
            found |= _initials(run, actor_words)
            run = []
    return frozenset(found | _initials(run, actor_words))


def _initials(run: list[str], actor_words: set[str]) -> set[str]:
    if len(run) < 2 or any(len(w) < 2 for w in run):  # "U.S." is no acronym of a name
        return set()
    initials = "".join(w[0] for w in run).casefold()
    return set() if initials in actor_words else {NAME + initials}


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice over the stems, or the containment of a short restatement when it is specific
    enough; 0 when each names what the other doesn't."""
    if a.isdisjoint(b):
        # Nothing shared makes every branch below 0; filing compares a bullet with each of
        # its actor's entries, and most share nothing, so this is most calls.
        return 0.0
    names_a, names_b = {t for t in a if t[0] == NAME}, {t for t in b if t[0] == NAME}
    if names_a and names_b and not names_a & names_b:
        return 0.0
    a, b = a - names_a, b - names_b
    if not a or not b:
        return 0.0
    shared = len(a & b)
    dice = 2 * shared / (len(a) + len(b))
    contained = shared / min(len(a), len(b))
    if shared >= _MIN_SHARED and contained >= CONTAINED:
        return max(dice, contained)
    return dice


def same_deliverable(a: frozenset[str], b: frozenset[str]) -> bool:
    return similarity(a, b) >= SAME_DELIVERABLE


def figures_differ(new: list[Amount], old: list[Amount]) -> bool:
    """A currency both name with a different value: "$10 billion" then "$15 billion". A
    conversion one outlet adds ("($140 million)") is not a change."""
    before = {a.currency: a.value for a in old}
    return any(a.currency in before and before[a.currency] != a.value for a in new)


def same_event(a: Event, b: Event) -> bool:
    """Whether two sightings report one event. Another outlet's report of the same event is a
    source of the entry, not a repeat: the same summit (however the outlets word its name),
    or, when a report names none, a publication date within a couple of days."""
    if a.summit_key and b.summit_key:
        return _same_summit(a.summit_key, b.summit_key) and _near(a, b, 10)
    if a.summit_key or b.summit_key:
        return a.dated and b.dated and _near(a, b, 2)
    return _near(a, b, 2 if a.dated and b.dated else 0)


def _near(a: Event, b: Event, days: int) -> bool:
    if not (a.dated and b.dated) and days:
        return True  # a filing day says nothing about when the summit met
    if a.day is None or b.day is None:
        return a.day == b.day
    return abs((a.day - b.day).days) <= days


def summit_key(summit: str | None, year: int | None) -> str | None:
    """The summit's name whatever its case and punctuation, with its year when known."""
    if not summit:
        return None
    for alias in _ALIASES_LONGEST_FIRST:  # "ASEAN-ROK" and "ASEAN-Republic of Korea" agree
        if alias in summit:
            summit = re.sub(rf"(?<!\w){re.escape(alias)}(?!\w)", f" {_party_word(alias)} ", summit)
    name = " ".join(re.findall(r"\w+", summit.casefold()))
    return f"{name}|{year}" if year else name


def _party_word(alias: str) -> str:
    return re.sub(r"\W+", "_", ALIASES[alias])


def _same_summit(a: str, b: str) -> bool:
    """ "ASEAN-China summit", "29th China-ASEAN Summit" are one summit; the 29th and the 30th,
    the same name in two years, or the ASEAN Summit and the ASEAN-China Summit are not."""
    name_a, _, year_a = a.partition("|")
    name_b, _, year_b = b.partition("|")
    if year_a and year_b and year_a != year_b:
        return False
    words_a, words_b = set(name_a.split()), set(name_b.split())
    numbers_a = {w for w in words_a if any(c.isdigit() for c in w)}
    numbers_b = {w for w in words_b if any(c.isdigit() for c in w)}
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return False
    return words_a - numbers_a - _GENERIC == words_b - numbers_b - _GENERIC
