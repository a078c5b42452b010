"""The party that commits, whoever speaks for it: "Beijing", "Chinese Premier Zhao" and "China"
are one actor in the ledger, and "the leaders" of one summit are "Leaders"."""

from __future__ import annotations

import re

from bot.brief.extractive.gazetteer import ALIASES, first_party

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
        party = ALIASES.get(who, who) if who else ""
        noun = group.group("group").lower()
        return f"{party} {noun}" if party else noun.capitalize()
    return first_party(name) or name


def actor_key(actor: str) -> str:
    """How the store indexes an actor: filters match it whatever the case."""
    return canonical_actor(actor).casefold()
