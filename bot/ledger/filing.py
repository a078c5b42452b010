"""Where a sighting goes: into an entry of the same event (another source), or a new entry
that is new, a repeat of an earlier one, or a change of its figures. Pure: the store hands in
what it knows of the actor and carries out the decision."""

from __future__ import annotations

from bot.ledger.matching import figures_differ, same_deliverable, same_event, similarity
from bot.store.ledger_records import Create, Known, MergeInto, Placement, Sighting


def place(sighting: Sighting, known: list[Known]) -> Placement:
    matches = sorted(
        (k for k in known if _compatible(sighting.kind, k.kind)
         and same_deliverable(sighting.terms, k.terms)),
        key=lambda k: similarity(sighting.terms, k.terms),
        reverse=True,
    )  # fmt: skip
    if not matches:
        return Create("new")
    this_event = [k for k in matches if same_event(k.event, sighting.event)]
    # Another report of this event joins the closest entry; a later event is compared with
    # the latest sighting, so "was" shows the figure it changed from.
    best = this_event[0] if this_event else max(matches, key=lambda k: k.id)
    if figures_differ(sighting.amounts, best.amounts):
        return Create("changed", best.root, list(best.figures))
    if this_event:
        return MergeInto(best.id)
    return Create("repeated", best.root)


def _compatible(kind: str, other: str) -> bool:
    # A call asks others to act; a pledge or an offer is the actor's own commitment.
    return (kind == "call") == (other == "call")
