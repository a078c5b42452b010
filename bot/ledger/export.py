"""The ledger for people and for tools: text, `summit.ledger/1` JSON, and CSV (RFC 4180).

CSV carries the JSON's fields, one row per entry. A list is one cell: figures and amounts
joined with "; ", each source field (titles, outlets, urls, quotes, spans) one line per source
in the same order, so `source_urls` line 2 and `source_quotes` line 2 are one source.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from bot.core.ledger import LedgerEntry, ledger_json
from bot.ledger.amounts import format_amount

CSV_FIELDS = (
    "id",
    "actor",
    "kind",
    "pillar",
    "text",
    "figures",
    "amounts",
    "summit",
    "date",
    "status",
    "first_seen_date",
    "first_seen_summit",
    "first_seen_url",
    "previous_figures",
    "source_titles",
    "source_outlets",
    "source_urls",
    "source_quotes",
    "source_spans",
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def to_json(entries: list[LedgerEntry]) -> str:
    return json.dumps(ledger_json(entries), ensure_ascii=False, indent=2)


def to_csv(entries: list[LedgerEntry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for entry in entries:
        writer.writerow(csv_row(entry))
    return out.getvalue()


def csv_row(entry: LedgerEntry) -> dict[str, str]:
    first = entry.first_seen
    sources = entry.sources
    return {
        "id": entry.id,
        "actor": entry.actor,
        "kind": entry.kind,
        "pillar": entry.pillar,
        "text": entry.text,
        "figures": "; ".join(entry.figures),
        "amounts": "; ".join(f"{a.currency} {a.value}" for a in entry.amounts),
        "summit": entry.summit or "",
        "date": entry.date.isoformat() if entry.date else "",
        "status": entry.status,
        "first_seen_date": first.date.isoformat() if first and first.date else "",
        "first_seen_summit": (first.summit or "") if first else "",
        "first_seen_url": (first.url or "") if first else "",
        "previous_figures": "; ".join(entry.previous_figures),
        "source_titles": "\n".join(s.title for s in sources),
        "source_outlets": "\n".join(s.outlet or "" for s in sources),
        "source_urls": "\n".join(s.url or "" for s in sources),
        "source_quotes": "\n".join(" ".join(s.quote.split()) for s in sources),
        "source_spans": "\n".join(f"{s.span[0]}-{s.span[1]}" for s in sources),
    }


def status_label(entry: LedgerEntry) -> str:
    """ "new", "repeat of 26 Oct 2026", "was $10 billion": what a bullet shows beside it."""
    if entry.status == "changed" and entry.previous_figures:
        return f"was {', '.join(entry.previous_figures)}"
    if entry.status == "repeated" and entry.first_seen is not None:
        first = entry.first_seen
        return f"repeat of {short_date(first.date) or first.summit or 'an earlier report'}"
    return entry.status


def short_date(day: date | None) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}" if day else ""


def to_text(entries: list[LedgerEntry]) -> str:
    if not entries:
        return "No entries in the ledger match (nothing in the coverage)."
    return "\n\n".join(entry_text(entry) for entry in entries)


def entry_text(entry: LedgerEntry) -> str:
    where = " · ".join(p for p in (entry.summit, short_date(entry.date)) if p)
    lines = [
        f"[{status_label(entry)}] {entry.actor} · {entry.kind} · {entry.pillar}"
        + (f" · {where}" if where else ""),
        f"  {entry.text}",
    ]
    if entry.amounts:
        lines.append("  amounts: " + "; ".join(format_amount(a) for a in entry.amounts))
    for source in entry.sources:
        named = " — ".join(p for p in (source.outlet, source.url) if p)
        lines.append(f"  source: {source.title}" + (f" ({named})" if named else ""))
        lines.append(f'    "{" ".join(source.quote.split())}"')
    return "\n".join(lines)
