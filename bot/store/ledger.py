"""The ledger's persistence: file a brief's sightings in one transaction, query with filters.

What a sighting becomes is decided by `bot.ledger.filing.place` (passed in; the records both
sides speak are in `bot.store.ledger_records`); this module only reads what it needs (the
actor's own entries, never the whole ledger) and writes the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.core.ledger import LedgerEntry, LedgerQuery
from bot.store.ledger_read import (
    filtered_entries,
    first_seen_by_id,
    sources_by_entry,
    to_amounts,
    to_entry,
    with_filters,
)
from bot.store.ledger_records import (
    BriefEntry,
    Build,
    Create,
    Decide,
    Event,
    Filed,
    Known,
    MergeInto,
    Sighting,
)
from bot.store.ledger_tables import LedgerEntryRow, LedgerSourceRow
from bot.store.tables import BriefRow


class LedgerStore:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions

    async def file(self, brief_id: int, build: Build, decide: Decide) -> list[Filed]:
        """File a stored brief's sightings (built with the brief's filing day); a brief
        already filed is left as it is, so filing is idempotent."""
        return (await self.file_many([(brief_id, build)], decide))[0]

    async def file_many(
        self, briefs: Sequence[tuple[int, Build]], decide: Decide
    ) -> list[list[Filed]]:
        """File several stored briefs, in the order given, in one transaction: the same
        entries and sources as filing them one by one (each brief sees the entries the ones
        before it made), for a handful of statements rather than a handful per brief."""
        ids = {brief_id for brief_id, _ in briefs}
        async with self._sessions.begin() as session:
            done = set(
                await session.scalars(
                    select(LedgerSourceRow.brief_id)
                    .where(LedgerSourceRow.brief_id.in_(ids))
                    .distinct()
                )
            )
            rows = await session.execute(
                select(BriefRow.id, BriefRow.created_at).where(BriefRow.id.in_(ids))
            )
            created = {brief_id: at for brief_id, at in rows}
            filing = _Filing(session, decide)
            out: list[list[Filed]] = []
            for brief_id, build in briefs:
                if brief_id in done or brief_id not in created:
                    out.append([])  # filed before (or earlier in this batch), or not stored
                    continue
                done.add(brief_id)
                day = created[brief_id].date()
                out.append([await filing.apply(brief_id, s) for s in build(day)])
            # Every source in one statement: none of these briefs had any (checked above), and
            # `_Filing` kept out a bullet the engine gave twice.
            if filing.sources:
                await session.execute(insert(LedgerSourceRow), filing.sources)
            return out

    async def clear(self) -> None:
        async with self._sessions.begin() as session:
            await session.execute(delete(LedgerSourceRow))
            await session.execute(delete(LedgerEntryRow))

    async def count(self, query: LedgerQuery | None = None) -> int:
        """How many entries pass `query`'s filters (its page left aside); all without one."""
        stmt = with_filters(select(func.count(LedgerEntryRow.id)), query or LedgerQuery())
        async with self._sessions() as session:
            return int(await session.scalar(stmt) or 0)

    async def for_brief(self, brief_id: int) -> list[BriefEntry]:
        """The entries a stored brief's bullets were filed under, by the bullets' spans."""
        async with self._sessions() as session:
            spans = (
                await session.execute(
                    select(LedgerSourceRow.entry_id, LedgerSourceRow.span_start,
                           LedgerSourceRow.span_end)
                    .where(LedgerSourceRow.brief_id == brief_id)
                    .order_by(LedgerSourceRow.id)
                )
            ).all()  # fmt: skip
            rows = {
                r.id: r
                for r in await session.scalars(
                    select(LedgerEntryRow).where(LedgerEntryRow.id.in_({s[0] for s in spans}))
                )
            }
            roots = await first_seen_by_id(session, {r.first_seen_id for r in rows.values()
                                                if r.first_seen_id})  # fmt: skip
            earliest = min(rows, default=0)
            history = {key: await _has_entries_before(session, key, earliest)
                       for key in {r.actor_key for r in rows.values()}}  # fmt: skip
        filed = []
        for entry_id, start, end in spans:
            row = rows[entry_id]
            entry = to_entry(row, [], roots.get(row.first_seen_id or 0))
            filed.append(BriefEntry((start, end), entry, history[row.actor_key]))
        return filed

    async def query(self, query: LedgerQuery) -> list[LedgerEntry]:
        async with self._sessions() as session:
            rows = list(await session.scalars(filtered_entries(query)))
            sources = await sources_by_entry(session, [r.id for r in rows])
            roots = await first_seen_by_id(
                session, {r.first_seen_id for r in rows if r.first_seen_id}
            )
        return [
            to_entry(row, sources.get(row.id, []), roots.get(row.first_seen_id)) for row in rows
        ]


async def _has_entries_before(session: AsyncSession, key: str, entry_id: int) -> bool:
    found = await session.scalar(
        select(LedgerEntryRow.id)
        .where(LedgerEntryRow.actor_key == key, LedgerEntryRow.id < entry_id)
        .limit(1)
    )
    return found is not None


async def _known(session: AsyncSession, key: str) -> tuple[list[Known], dict[int, _Public]]:
    """The actor's entries, oldest first: all filing ever compares a sighting with; and each
    one's public id and status, for a sighting merged into it."""
    rows = await session.execute(
        select(
            LedgerEntryRow.id,
            LedgerEntryRow.kind,
            LedgerEntryRow.terms,
            LedgerEntryRow.amounts,
            LedgerEntryRow.figures,
            LedgerEntryRow.summit_key,
            LedgerEntryRow.day,
            LedgerEntryRow.dated,
            LedgerEntryRow.first_seen_id,
            LedgerEntryRow.key,
            LedgerEntryRow.status,
        )
        .where(LedgerEntryRow.actor_key == key)
        .order_by(LedgerEntryRow.id)
    )
    known, public = [], {}
    for id_, kind, terms, amounts, figures, summit, day, dated, first, key_, status in rows:
        known.append(Known(id_, kind, frozenset(terms), to_amounts(amounts), list(figures),
                           Event(summit, day, dated), first))  # fmt: skip
        public[id_] = _Public(key_, status)
    return known, public


@dataclass(frozen=True, slots=True)
class _Public:
    key: str
    status: str


class _Filing:
    """Briefs filed in one transaction. What it read or wrote is kept at hand, so a sighting
    costs no query beyond its actor's first (read once) and a new entry's insert. An actor's
    entries read once serve the whole batch: this transaction's own writes are added as they
    are made (another process's, committed meanwhile, were never seen mid-brief either)."""

    def __init__(self, session: AsyncSession, decide: Decide) -> None:
        self._session = session
        self._decide = decide
        self._known: dict[str, list[Known]] = {}
        self._public: dict[int, _Public] = {}
        self._spans: set[tuple[int, int, int, int]] = set()
        self.sources: list[dict[str, object]] = []

    async def apply(self, brief_id: int, sighting: Sighting) -> Filed:
        known = await self._actor(sighting.actor_key)
        placement = self._decide(sighting, known)
        if isinstance(placement, MergeInto):
            entry_id = placement.entry_id
            public = self._public[entry_id]
            filed = Filed(sighting, public.key, public.status, merged=True)
        else:
            # A Core INSERT ... RETURNING, not an ORM flush: the id is all it needs back, for
            # later sightings that merge into the entry or name it as first seen.
            entry_id = (
                await self._session.execute(
                    insert(LedgerEntryRow).returning(LedgerEntryRow.id),
                    _new_values(sighting, placement),
                )
            ).scalar_one()
            known.append(_as_known(entry_id, sighting, placement))
            self._public[entry_id] = _Public(sighting.key, placement.status)
            filed = Filed(sighting, sighting.key, placement.status, merged=False,
                          previous_figures=tuple(placement.previous_figures))  # fmt: skip
        self._add_source(brief_id, entry_id, sighting)
        return filed

    async def _actor(self, actor_key: str) -> list[Known]:
        if actor_key not in self._known:
            self._known[actor_key], public = await _known(self._session, actor_key)
            self._public.update(public)
        return self._known[actor_key]

    def _add_source(self, brief_id: int, entry_id: int, sighting: Sighting) -> None:
        source = sighting.source
        span = (brief_id, entry_id, source.span[0], source.span[1])
        if span in self._spans:  # a bullet the engine gave twice is one source
            return
        self._spans.add(span)
        self.sources.append(
            {
                "entry_id": entry_id,
                "brief_id": brief_id,
                "title": source.title,
                "outlet": source.outlet,
                "url": source.url,
                "quote": source.quote,
                "span_start": source.span[0],
                "span_end": source.span[1],
            }
        )


def _new_values(sighting: Sighting, placement: Create) -> dict[str, object]:
    return {
        "key": sighting.key,
        "actor": sighting.actor,
        "actor_key": sighting.actor_key,
        "kind": sighting.kind,
        "pillar": sighting.pillar,
        "text": sighting.text,
        "figures": list(sighting.figures),
        "amounts": [a.model_dump() for a in sighting.amounts],
        "terms": sorted(sighting.terms),
        "summit": sighting.summit,
        "summit_key": sighting.event.summit_key,
        "day": sighting.day,
        "dated": sighting.event.dated,
        "status": placement.status,
        "first_seen_id": placement.first_seen_id,
        "previous_figures": list(placement.previous_figures),
    }


def _as_known(entry_id: int, sighting: Sighting, placement: Create) -> Known:
    return Known(entry_id, sighting.kind, sighting.terms, list(sighting.amounts),
                 list(sighting.figures), sighting.event, placement.first_seen_id)  # fmt: skip
