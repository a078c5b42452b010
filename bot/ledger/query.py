"""The filters every front end offers on the ledger (CLI flags, Slack words, Discord options)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from bot.core.errors import BadInput
from bot.core.ledger import STATUSES, LedgerQuery, Status

KINDS = ("pledge", "offer", "call")
_FILTER_WORD = re.compile(r"^([A-Za-z]+):(.*)$")
FILTERS = ("actor", "pillar", "kind", "summit", "since", "until", "status")


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a ledger answer in chat: its entries and where it sits among them all."""

    number: int
    pages: int
    total: int


def page_query(query: LedgerQuery, number: int, size: int) -> LedgerQuery:
    return replace(query, limit=size, offset=(max(number, 1) - 1) * size)


def describe(query: LedgerQuery) -> str:
    """ "actor Japan · since 2024-01-01": the filters as a user would read them back."""
    shown = [(name, getattr(query, name)) for name in FILTERS]
    return " · ".join(f"{name} {value}" for name, value in shown if value) or "all entries"


def build_query(values: dict[str, str | None], *, limit: int | None = None) -> LedgerQuery:
    """A query from filter values as typed; BadInput names the first one that is wrong."""
    unknown = sorted(set(values) - set(FILTERS))
    if unknown:
        raise BadInput(f"unknown filter {unknown[0]!r} (use {', '.join(FILTERS)})")
    given = {k: v.strip() for k, v in values.items() if v is not None and v.strip()}
    kind = given.get("kind")
    if kind is not None and kind not in KINDS:
        raise BadInput(f"unknown kind {kind!r} (use {', '.join(KINDS)})")
    status = _status(given.get("status"))
    since = _day(given.get("since"), "since", end=False)
    until = _day(given.get("until"), "until", end=True)
    if since and until and since > until:
        raise BadInput(f"since ({since}) is after until ({until})")
    return LedgerQuery(
        actor=given.get("actor"),
        pillar=given.get("pillar"),
        kind=kind,
        summit=given.get("summit"),
        since=since,
        until=until,
        status=status,
        limit=limit,
    )


def filter_words(text: str) -> tuple[dict[str, str], int] | None:
    """`actor:South Korea pillar:economic page:2` as filter values and a page number; None
    when the text has no `name:value` word at all (a topic, not a ledger query). BadInput
    for an unknown name or words before the first filter."""
    words = text.split()
    if not any(_FILTER_WORD.match(w) for w in words):
        return None
    values: dict[str, list[str]] = {}
    current: list[str] | None = None
    for word in words:
        named = _FILTER_WORD.match(word)
        if named:
            name = named.group(1).lower()
            if name not in (*FILTERS, "page"):
                raise BadInput(f"unknown filter {name!r} (use {', '.join((*FILTERS, 'page'))})")
            current = values.setdefault(name, [])
            current.append(named.group(2))
        elif current is None:
            raise BadInput(f"{word!r} is not a filter (use name:value, e.g. actor:Japan)")
        else:
            current.append(word)  # a value of several words: "actor:South Korea"
    joined = {name: " ".join(w for w in parts if w) for name, parts in values.items()}
    page = joined.pop("page", "1")
    if not page.isdigit() or int(page) < 1:
        raise BadInput(f"page: {page!r} is not a page number")
    return joined, int(page)


def _status(text: str | None) -> Status | None:
    if text is None:
        return None
    for status in STATUSES:
        if status == text:
            return status
    raise BadInput(f"unknown status {text!r} (use {', '.join(STATUSES)})")


def _day(text: str | None, name: str, *, end: bool) -> date | None:
    """YYYY-MM-DD, or a whole year or month ("since 2023"): its first day, or its last."""
    if text is None:
        return None
    try:
        if len(text) == 4 and text.isdigit():
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
        if len(text) == 7:
            first = date.fromisoformat(f"{text}-01")
            return _month_end(first) if end else first
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"{name}: {text!r} is not a date (use YYYY-MM-DD)") from None


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)
