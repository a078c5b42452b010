"""The ledger's use cases: file a stored brief, rebuild from every stored brief, query."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from bot.core.ledger import LedgerEntry, LedgerQuery
from bot.core.models import Brief
from bot.ledger.annotate import annotate
from bot.ledger.filing import place
from bot.store import Store
from bot.store.ledger_records import Filed, Sighting


class Ledger:
    def __init__(self, store: Store) -> None:
        self.store = store

    async def file(self, brief_id: int, brief: Brief) -> list[Filed]:
        """File every bullet of a stored brief; filing the same brief again changes nothing."""
        return await self.store.ledger.file(brief_id, _builder(brief), place)

    async def file_many(self, briefs: Sequence[tuple[int, Brief]]) -> list[list[Filed]]:
        """File several stored briefs in order, in one transaction: what `file` one by one
        would make."""
        return await self.store.ledger.file_many(
            [(brief_id, _builder(brief)) for brief_id, brief in briefs], place
        )

    async def rebuild(self) -> int:
        """The ledger anew from every stored brief, in the order they were stored: the same
        ledger the bot built as it went. Returns how many entries it holds."""
        await self.store.ledger.clear()
        async for stored in self.store.iter_briefs():
            await self.file(stored.id, stored.brief)
        return await self.store.ledger.count()

    async def shown(self, brief_id: int, brief: Brief) -> Brief:
        """The brief as posted or printed: each bullet marked new, repeat or change."""
        return annotate(brief, await self.store.ledger.for_brief(brief_id))

    async def entries(self, query: LedgerQuery) -> list[LedgerEntry]:
        return await self.store.ledger.query(query)


def _builder(brief: Brief) -> Callable[[date], list[Sighting]]:
    # Deferred: sightings read summit names with the brief's text tools (blingfire, numpy),
    # which `summit sources` and `summit pledges` never need.
    from bot.ledger.sightings import sightings

    return lambda filed_on: sightings(brief, filed_on)
