"""What every platform's rendering shares: untrusted text made one inert line, clipping, safe
link targets, dates, tallies, the summit's name, a bullet's clause and the pledges view.

Pure functions of the neutral models. Each platform escapes for its own syntax on top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from urllib.parse import quote, urlsplit

from bot.core.mentions import neutralise_mentions
from bot.core.models import Article, Brief, Item
from bot.language.text import summit_name

NOTHING_REPORTED = "No pledges, offers or calls were reported in this article."
MAX_ITEM_CHARS = 600  # a runaway extraction must not bury the rest of the brief

# The summit a story is about is named in its opening; later mentions are asides.
_LEAD_CHARS = 700
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")
# What stays unquoted in a link target: the URL's own structure.
_URL_SAFE = ":/?#[]@!$&'*+,;=%~.-_"


# -- untrusted text --------------------------------------------------------------------------


def clean(text: str) -> str:
    """One line of printable text with every mention made inert (after the invisible characters
    go, so "@", a zero-width space and "everyone" cannot join into a live mention): untrusted
    input cannot move the cursor, start a section or ping anyone."""
    return neutralise_mentions(one_line(text))


def one_line(text: str, *, spaces: str = " ") -> str:
    """`text` without control or invisible characters, each run of whitespace made `spaces`."""
    return _SPACE.sub(spaces, _CONTROL.sub("", text)).strip()


def clip(text: str, limit: int = MAX_ITEM_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def safe_url(url: str | None, *, also_safe: str = "", spaces: str = " ") -> str | None:
    """An http(s) URL fit for a link target, percent-quoted except its structure and
    `also_safe`; None for anything else (javascript: and friends). Whitespace runs inside it
    become `spaces` before quoting."""
    if not url:
        return None
    url = one_line(url, spaces=spaces)
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    return quote(url, safe=_URL_SAFE + also_safe)


# -- pieces of a brief -----------------------------------------------------------------------


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


def several_actors(items: Sequence[Item]) -> bool:
    """With one actor throughout, naming it on every bullet is noise; with several it is news."""
    return len({i.actor for i in items}) > 1


def item_text(item: Item, show_actor: bool) -> str:
    """The bullet's clause as is; "Actor: " only where several actors make it ambiguous; the
    figures the clause does not already show, in brackets."""
    text = clip(clean(item.text))
    actor = clean(item.actor)
    if show_actor and actor and not text.lower().startswith(actor.lower()):
        text = f"{actor}: {text}"
    missing = [f for f in map(clean, item.figures) if f and f not in text]
    return f"{text} [{', '.join(missing)}]" if missing else text


def only_pledges(brief: Brief) -> Brief:
    """The brief with its pledge bullets only (offers and calls are not commitments)."""
    pillars = [
        p.model_copy(update={"items": [i for i in p.items if i.kind == "pledge"]})
        for p in brief.pillars
    ]
    other = [i for i in brief.other if i.kind == "pledge"]
    return brief.model_copy(update={"pillars": pillars, "other": other})
