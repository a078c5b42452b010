"""What the reader collects as it walks an article: candidate items and its running state."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.brief.extractive.actors import Cast
from bot.brief.extractive.lists import ListLead
from bot.brief.extractive.sections import Heading
from bot.core.models import Kind


@dataclass
class Candidate:
    kind: Kind
    actor: str
    text: str
    phrase: str  # what is committed to, without the actor and the cue
    evidence_start: int
    evidence_end: int
    heading: Heading | None
    in_lede: bool
    named: bool = True  # the actor is a known country or body, not a description


@dataclass
class ReadState:
    cast: Cast
    heading: Heading | None = None
    in_related: bool = False
    lead_in: str = ""  # "The Leaders:" introducing a list of clauses
    list_lead: ListLead | None = None  # "... eight steps China will take, which include:"
    list_party: str = ""  # who commits to the lines of that list
    cut_at: int = -1  # where the excerpt stops mid-word, if it does
    text_tail: str = ""  # the excerpt's last characters, to tell the part the cut reaches
    candidates: list[Candidate] = field(default_factory=list)


def context_party(cast: Cast) -> str:
    """Who an unattributed deliverable belongs to: the party last speaking, else the party the
    article names most."""
    if cast.last_party:
        return cast.last_party
    ranked = cast.mentions.most_common(1)
    return ranked[0][0] if ranked else "Unattributed"
