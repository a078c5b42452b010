"""The party that commits, whoever speaks for it: "Beijing", "Chinese Premier Zhao" and "China"
are one actor in the ledger, and "the leaders" of one summit are "Leaders".

Here, with the party names it reads by, because the store indexes and filters entries by
`actor_key` and the store depends on nothing above `bot.core` and `bot.language`."""

from __future__ import annotations

import re

from bot.language.parties import ALIASES, first_party, parties_in

_ARTICLE = re.compile(r"^the\s+", re.I)
_GROUP = re.compile(r"^(?P<who>.*?)\s*\b(?P<group>leaders|ministers|members|sides)$", re.I)


def canonical_actor(actor: str) -> str:
    """ "Japan" for "Tokyo"; "ASEAN leaders" stays a group, "The leaders" becomes "Leaders"."""
    name = _ARTICLE.sub("", actor.strip()).strip()
    if name in ALIASES:
        return ALIASES[name]
    group = _GROUP.match(name)
    if group:
        who = group.group("who").strip()
        party = _parties(who) if who else ""
        noun = group.group("group").lower()
        return f"{party} {noun}" if party else noun.capitalize()
    return _parties(name) if len(parties_in(name)) > 1 else first_party(name) or name


def _parties(name: str) -> str:
    """ "China and Viet Nam" stay two parties; "Beijing" is China; a name we don't know stays."""
    if name in ALIASES:
        return ALIASES[name]
    found = parties_in(name)
    return " and ".join(found) if len(found) > 1 else (found[0] if found else name)


def actor_key(actor: str) -> str:
    """How the store indexes an actor: filters match it whatever the case."""
    return canonical_actor(actor).casefold()
