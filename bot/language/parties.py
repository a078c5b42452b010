"""Finding parties in text: "Beijing", "the Saudi delegation" or "Chinese-invested" read as
the party they name, or as none. The names themselves are `bot.language.places`; the brief
engine and the ledger both resolve actors through here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.language.places import BODIES as BODIES_BY_NAME
from bot.language.places import COUNTRIES
from bot.language.trie import trie_pattern


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for country, (names, capitals) in COUNTRIES.items():
        for alias in (*names, *capitals):
            table[alias] = country
    for body, aliases in BODIES_BY_NAME.items():
        for alias in aliases:
            table.setdefault(alias, body)
    return table


ALIASES = _alias_table()
# Longest first so "South Korea" wins over "Korea"; case-sensitive so "US" is not "us".
_ALIAS_RE = re.compile(r"(?<![\w-])(" + trie_pattern(ALIASES) + r")(?:'s|’s)?(?![\w$])")
BODIES = frozenset(BODIES_BY_NAME)


def parties_in(text: str) -> list[str]:
    """Countries and bodies named in `text`, in order of appearance, without repeats."""
    seen: list[str] = []
    for match in _ALIAS_RE.finditer(text):
        party = ALIASES[match.group(1)]
        if party not in seen:
            seen.append(party)
    return seen


@lru_cache(maxsize=4096)
def first_party(text: str) -> str | None:
    for match in _ALIAS_RE.finditer(text):
        # "Chinese-invested", "Chinese-language": a modifier of a thing, not a party.
        if text[match.end() : match.end() + 1] == "-":
            continue
        return ALIASES[match.group(1)]
    return None


def party_mentions(text: str) -> list[str]:
    """Every mention of a country or body in `text`, repeats included (to rank who an
    article is about)."""
    return [ALIASES[m.group(1)] for m in _ALIAS_RE.finditer(text)]


# A country's name, or the European Union's, says nothing of a sentence's topic, though its
# words may ("United" is not "unite", "Union" is no institution being built).
_TOPICLESS = frozenset(
    alias for alias, party in ALIASES.items() if party in COUNTRIES or party == "EU"
)
_TOPICLESS_RE = re.compile(r"(?<![\w-])(?:" + trie_pattern(_TOPICLESS) + r")(?![\w])")


def without_country_names(text: str) -> str:
    """`text` with the names of countries (and the EU) blanked, for reading its topic."""
    return _TOPICLESS_RE.sub(" ", text)
