"""Word classes the rules lean on: verbs (from lemminflect's lexicon) and closed word lists."""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllLemmas


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


WORD = re.compile(r"[A-Za-z][\w’'-]*")

DETERMINERS = _words(
    """
    a an the its their his her our your my this that these those more new all each every
    further closer two three four five six seven eight nine ten several some any both up
    down over off out forward back away ahead
    """
)
ADVERBS = _words(
    """
    also further jointly properly fully effectively actively then now together closely
    still soon swiftly quickly gradually firmly steadily continuously steadfastly
    immediately
    """
)
STOPWORDS = _words(
    """
    a an the of to in on for with and or by at from as into its their his her our we they
    it that this these those is are was were be been will would shall should can could may
    might must also more most other such than then there which who whom whose what when
    where how not no all any each both some further over under between among through about
    up out
    """
)
# Nouns and modifiers that name no deliverable on their own: "push for new progress in
# all-round cooperation" commits to nothing a reader could later check.
VAGUE = _words(
    """
    progress momentum understanding understandings consensus substance friendship
    relations relationship ties partnership cooperation exchanges exchange development
    prosperity peace stability future spirit heights chapter level levels areas fields
    efforts effort potential benefit benefits results outcomes fruits vitality dynamism
    impetus contribution contributions leaders leader parties party countries country
    sides side peoples people nations nation generation generations region regions world
    community communities way ways things important common new greater great high-level
    all-round comprehensive strategic cooperative steady sustained older top full fuller
    closer close deeper broader wider mutual shared practical fruitful solid sound healthy
    good better best positive constructive bilateral multilateral various relevant
    respective two both joint
    """
)
# Verbs that report a stance or a courtesy, not an action to be done.
POSITION_VERBS = _words(
    """
    reiterate reaffirm welcome note express recognise recognize acknowledge appreciate
    commend applaud congratulate underline emphasise emphasize stress oppose condemn
    regret deplore praise thank
    """
)
# Holding to a principle: a party that commits itself to these states a position ("committed to
# upholding sovereignty"); urging others to them is still a call.
PRINCIPLE_VERBS = frozenset(["uphold", "upholding", "respect", "respecting", "honour", "honor"])
ITINERARY_VERBS = frozenset(
    ["attend", "visit", "tour", "travel", "arrive", "depart", "fly", "leave", "meet"]
)
STATIVE_VERBS = _words(
    """
    be been being remain have judge see believe think know feel want wish expect need seem
    look like love hope regard view become stay
    """
)
HEDGE_VERBS = frozenset(["consider", "study", "examine", "weigh", "mull", "contemplate", "ponder"])
RHETORIC = (
    "spare no effort",
    "shoulder to shoulder",
    "hand in hand",
    "same boat",
    "new chapter",
    "new heights",
    "new era",
    "win-win",
    "bright future",
    "side by side",
)


@lru_cache(maxsize=16384)
def is_base_verb(word: str) -> bool:
    lower = word.lower()
    return lower in getAllLemmas(lower).get("VERB", ())


@lru_cache(maxsize=16384)
def is_only_verb(word: str) -> bool:
    lemmas = getAllLemmas(word.lower())
    return set(lemmas) <= {"VERB"} and bool(lemmas)


def is_adverb(word: str) -> bool:
    lower = word.lower()
    if lower in ADVERBS:
        return True
    return lower.endswith("ly") and len(lower) > 4 and set(getAllLemmas(lower)) <= {"ADV", "ADJ"}
