"""Where a sighting goes: into an entry of the same event (another source), or a new entry
that is new, a repeat of an earlier one, or a change of its figures. Pure: the store hands in
what it knows of the actor and carries out the decision."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.core.models import Kind
from bot.ledger.matching import Event, figures_differ, same_deliverable, similarity
from bot.ledger.models import Amount, LedgerSource, Status


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


def place(sighting: Sighting, known: list[Known]) -> Placement:
    matches = sorted(
        (k for k in known if _compatible(sighting.kind, k.kind)
         and same_deliverable(sighting.terms, k.terms)),
        key=lambda k: similarity(sighting.terms, k.terms),
        reverse=True,
    )  # fmt: skip
    if not matches:
        return Create("new")
    same_event = [k for k in matches if k.event.same_as(sighting.event)]
    # Another report of this event joins the closest entry; a later event is compared with
    # the latest sighting, so "was" shows the figure it changed from.
    best = same_event[0] if same_event else max(matches, key=lambda k: k.id)
    if figures_differ(sighting.amounts, best.amounts):
        return Create("changed", best.root, list(best.figures))
    if same_event:
        return MergeInto(best.id)
    return Create("repeated", best.root)


def _compatible(kind: str, other: str) -> bool:
    # A call asks others to act; a pledge or an offer is the actor's own commitment.
    return (kind == "call") == (other == "call")
