"""Reading the ledger: filters as SQL, entries with their sources and first sightings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.ledger import Amount, FirstSeen, LedgerEntry, LedgerQuery, LedgerSource
from bot.language.actors import actor_key
from bot.store.ledger_tables import LedgerEntryRow, LedgerSourceRow


def filtered_entries(query: LedgerQuery) -> Any:
    stmt = with_filters(select(LedgerEntryRow), query)
    stmt = stmt.order_by(LedgerEntryRow.day, LedgerEntryRow.id).offset(query.offset)
    return stmt.limit(query.limit) if query.limit is not None else stmt


def with_filters(stmt: Any, query: LedgerQuery) -> Any:
    if query.actor:
        stmt = stmt.where(LedgerEntryRow.actor_key == actor_key(query.actor))
    for column, value in (
        (LedgerEntryRow.pillar, query.pillar),
        (LedgerEntryRow.kind, query.kind),
        (LedgerEntryRow.status, query.status),
    ):
        if value:
            stmt = stmt.where(column == value)
    if query.summit:
        stmt = stmt.where(func.lower(LedgerEntryRow.summit).contains(query.summit.lower()))
    if query.since:
        stmt = stmt.where(LedgerEntryRow.day >= query.since)
    if query.until:
        stmt = stmt.where(LedgerEntryRow.day <= query.until)
    return stmt


async def sources_by_entry(session: AsyncSession, ids: list[int]) -> dict[int, list[LedgerSource]]:
    found: dict[int, list[LedgerSource]] = {}
    for chunk in chunks(ids):
        rows = await session.scalars(
            select(LedgerSourceRow)
            .where(LedgerSourceRow.entry_id.in_(chunk))
            .order_by(LedgerSourceRow.id)
        )
        for row in rows:
            found.setdefault(row.entry_id, []).append(to_source(row))
    return found


async def first_seen_by_id(session: AsyncSession, ids: set[int]) -> dict[int, FirstSeen]:
    found: dict[int, FirstSeen] = {}
    for chunk in chunks(sorted(ids)):
        rows = await session.scalars(select(LedgerEntryRow).where(LedgerEntryRow.id.in_(chunk)))
        for row in rows:
            url = await session.scalar(
                select(LedgerSourceRow.url)
                .where(LedgerSourceRow.entry_id == row.id)
                .order_by(LedgerSourceRow.id)
                .limit(1)
            )
            found[row.id] = FirstSeen(date=row.day, summit=row.summit, url=url)
    return found


def chunks(ids: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    # SQLite caps the number of bound parameters in one statement.
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def to_source(row: LedgerSourceRow) -> LedgerSource:
    return LedgerSource(title=row.title, outlet=row.outlet, url=row.url, quote=row.quote,
                        span=(row.span_start, row.span_end))  # fmt: skip


def to_amounts(raw: list[dict[str, Any]]) -> list[Amount]:
    return [Amount.model_validate(a) for a in raw]


def to_entry(
    row: LedgerEntryRow, sources: list[LedgerSource], first: FirstSeen | None
) -> LedgerEntry:
    return LedgerEntry(
        id=row.key,
        actor=row.actor,
        kind=row.kind,  # type: ignore[arg-type]  # written from a Kind
        pillar=row.pillar,
        text=row.text,
        figures=list(row.figures),
        amounts=to_amounts(row.amounts),
        summit=row.summit,
        date=row.day,
        status=row.status,  # type: ignore[arg-type]  # written from a Status
        first_seen=first,
        previous_figures=list(row.previous_figures),
        sources=sources,
    )
