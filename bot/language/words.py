"""Word classes the rules lean on: verbs (from lemminflect's lexicon) and closed grammar lists.

What marks or rules out a commitment (vague nouns, verbs of position, itinerary, state, hedge)
is `bot.language.commitment`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.language.lemmas import all_lemmas


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


# Phrasal verbs that copy runs together ("setup 10 centres"): the verb all the same.
_RUN_TOGETHER_VERBS = frozenset(["setup", "scaleup"])


@lru_cache(maxsize=16384)
def is_base_verb(word: str) -> bool:
    lower = word.lower()
    return lower in _RUN_TOGETHER_VERBS or lower in all_lemmas(lower).get("VERB", ())


@lru_cache(maxsize=16384)
def is_only_verb(word: str) -> bool:
    lemmas = all_lemmas(word.lower())
    return set(lemmas) <= {"VERB"} and bool(lemmas)


def is_adverb(word: str) -> bool:
    lower = word.lower()
    if lower in ADVERBS:
        return True
    return lower.endswith("ly") and len(lower) > 4 and set(all_lemmas(lower)) <= {"ADV", "ADJ"}
