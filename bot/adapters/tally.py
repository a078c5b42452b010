"""What every platform's rendering shares: dates, tallies, the summit's name, the pledges view."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.core.models import Article, Brief, Item
from bot.language.text import summit_name

# The summit a story is about is named in its opening; later mentions are asides.
_LEAD_CHARS = 700
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: date | None) -> str:
    """'28 Oct 2025', the same in every locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}" if day else ""


def counts(items: Sequence[Item]) -> str:
    """'3 pledges, 1 offer, 2 calls' (kinds with none left out)."""
    out = []
    for kind in ("pledge", "offer", "call"):
        n = sum(1 for i in items if i.kind == kind)
        if n:
            out.append(f"{n} {kind}{'s' if n != 1 else ''}")
    return ", ".join(out)


def summit_of(article: Article) -> str | None:
    """The summit the coverage is about: named in its title, else in its opening."""
    return summit_name(article.title) or summit_name(article.text[:_LEAD_CHARS])


def only_pledges(brief: Brief) -> Brief:
    """The brief with its pledge bullets only (offers and calls are not commitments)."""
    pillars = [
        p.model_copy(update={"items": [i for i in p.items if i.kind == "pledge"]})
        for p in brief.pillars
    ]
    other = [i for i in brief.other if i.kind == "pledge"]
    return brief.model_copy(update={"pillars": pillars, "other": other})
