"""What the ledger store takes and gives back when filing: a sighting (one bullet, as the ledger
files it), the actor's entries it is compared with, the placement the ledger decides, and what
became of each sighting.

The store owns these plain records so it depends on nothing above it: the deciding
(`bot.ledger.filing.place`) and the reading of bullets (`bot.ledger.sightings`) live in the
ledger, which hands its decisions in as functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.core.ledger import Amount, LedgerEntry, LedgerSource, Status
from bot.core.models import Kind


@dataclass(frozen=True, slots=True)
class Event:
    """Where and when a sighting was reported (`bot.ledger.matching.same_event` tells whether
    two reports are of one event)."""

    summit_key: str | None  # "29th asean japan summit meeting|2026"; the year when known
    day: date | None
    dated: bool  # `day` is the article's own date, not the day the brief was filed


@dataclass(frozen=True, slots=True)
class Sighting:
    """One bullet of one brief, as the ledger files it."""

    key: str
    actor: str
    actor_key: str
    kind: Kind
    pillar: str
    text: str
    figures: list[str]
    amounts: list[Amount]
    terms: frozenset[str]
    summit: str | None
    event: Event
    day: date | None
    source: LedgerSource


@dataclass(slots=True)
class Known:
    """An entry already filed for the sighting's actor."""

    id: int
    kind: str
    terms: frozenset[str]
    amounts: list[Amount]
    figures: list[str]
    event: Event
    first_seen_id: int | None

    @property
    def root(self) -> int:
        return self.first_seen_id or self.id


@dataclass(frozen=True, slots=True)
class MergeInto:
    entry_id: int


@dataclass(frozen=True, slots=True)
class Create:
    status: Status
    first_seen_id: int | None = None
    previous_figures: list[str] = field(default_factory=list)


Placement = MergeInto | Create
# Where a sighting goes, given the actor's entries: the ledger's decision, passed in.
Decide = Callable[[Sighting, list[Known]], Placement]
# A stored brief's sightings, given the day it is filed on.
Build = Callable[[date], Sequence[Sighting]]


@dataclass(frozen=True, slots=True)
class Filed:
    """What became of one sighting: its entry's public id and status (for the brief's bullets)."""

    sighting: Sighting
    entry_key: str
    status: str
    merged: bool
    previous_figures: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefEntry:
    """A ledger entry one of a brief's bullets was filed under, and whether its actor had
    entries before (so that "new" says something)."""

    span: tuple[int, int]
    entry: LedgerEntry
    actor_had_history: bool
