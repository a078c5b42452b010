"""The ledger's public shapes (`summit.ledger/1`) and the query over them.

Neutral like `bot.core.models`: the store persists and returns these, the ledger files into them
and front ends show them, so none of those imports another to name them. Field names are the
contract outside tools read (JSON and CSV alike); renaming one needs a new schema version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from bot.core.models import Kind

LEDGER_SCHEMA = "summit.ledger/1"
Status = Literal["new", "repeated", "changed"]
STATUSES: tuple[Status, ...] = ("new", "repeated", "changed")


class Amount(BaseModel):
    currency: str  # ISO 4217
    value: int | float  # in whole units of the currency


class FirstSeen(BaseModel):
    date: date | None
    summit: str | None
    url: str | None


class LedgerSource(BaseModel):
    title: str
    outlet: str | None
    url: str | None
    quote: str
    span: tuple[int, int]


class LedgerEntry(BaseModel):
    id: str
    actor: str
    kind: Kind
    pillar: str
    text: str
    figures: list[str] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    summit: str | None
    date: date | None
    status: Status
    first_seen: FirstSeen | None = None
    previous_figures: list[str] = Field(default_factory=list)
    sources: list[LedgerSource] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LedgerQuery:
    """The filters every front end offers (`bot.ledger.query` reads them as typed), and a page."""

    actor: str | None = None
    pillar: str | None = None
    kind: str | None = None
    summit: str | None = None  # any part of the summit's name, whatever the case
    since: date | None = None
    until: date | None = None
    status: Status | None = None
    limit: int | None = None
    offset: int = 0


def ledger_json(entries: list[LedgerEntry]) -> dict[str, object]:
    return {
        "schema": LEDGER_SCHEMA,
        "entries": [entry.model_dump(mode="json") for entry in entries],
    }
