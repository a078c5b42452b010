"""When two bullets are one commitment: same actor (the store's index) and the same deliverable.

A deliverable is what is left of a bullet once the actor, the modal ("will", "is ready to",
"pledged") and the figures are taken out: "a China-ASEAN green power corridor initiative".
Two bullets share a deliverable when their stems overlap enough; the thresholds are measured
by `bench/ledger_matching.py` on hand-labelled pairs, not tuned to any one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import Stemmer

from bot.brief.extractive.gazetteer import ALIASES
from bot.brief.extractive.words import STOPWORDS
from bot.ledger.models import Amount

_STEMMER = Stemmer.Stemmer("english")
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
_GENERIC = frozenset({"the", "meeting", "summit", "summits", "leaders", "of", "and"})
CONTAINED = 0.8
_MIN_SHARED = 3


def deliverable(text: str, actor: str) -> frozenset[str]:
    """The stems that name what `actor` commits to in `text`."""
    actor_words = {w.casefold() for alias, party in ALIASES.items() if party == actor
                   for w in alias.split()}  # fmt: skip
    actor_words |= {w.casefold() for w in actor.split()}
    words = [
        w
        for w in (m.group(0).casefold().strip("’'-") for m in _WORD.finditer(text))
        if w and w not in STOPWORDS and w not in _MODALS and w not in actor_words
    ]
    return frozenset(_STEMMER.stemWords(words))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice, or the containment of a short restatement when it is specific enough."""
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


@dataclass(frozen=True, slots=True)
class Event:
    """Where and when a sighting was reported. Another outlet's report of the same event is a
    source of the entry, not a repeat: the same summit (however the outlets word its name),
    or, when a report names none, a publication date within a couple of days."""

    summit_key: str | None  # "29th asean japan summit meeting|2026"; the year when known
    day: date | None
    dated: bool  # `day` is the article's own date, not the day the brief was filed

    def same_as(self, other: Event) -> bool:
        if self.summit_key and other.summit_key:
            return _same_summit(self.summit_key, other.summit_key) and self._near(other, 10)
        if self.summit_key or other.summit_key:
            return self.dated and other.dated and self._near(other, 2)
        return self._near(other, 2 if self.dated and other.dated else 0)

    def _near(self, other: Event, days: int) -> bool:
        if not (self.dated and other.dated) and days:
            return True  # a filing day says nothing about when the summit met
        if self.day is None or other.day is None:
            return self.day == other.day
        return abs((self.day - other.day).days) <= days


def summit_key(summit: str | None, year: int | None) -> str | None:
    """The summit's name whatever its case and punctuation, with its year when known."""
    if not summit:
        return None
    name = " ".join(re.findall(r"\w+", summit.casefold()))
    return f"{name}|{year}" if year else name


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
