"""The pledge ledger as one embed per page. Pure.

A page holds PAGE_SIZE entries as fields of one embed; names and values are clipped so the
page stays within Discord's limits (25 fields, 1,024 per value, 6,000 characters across the
embeds of a message) whatever the articles say. The `page` option asks for the next.
"""

from __future__ import annotations

from bot.adapters.discord.markdown import clip, escape
from bot.adapters.discord.render import COLOUR, DiscordMessage
from bot.core.ledger import LedgerEntry, LedgerQuery
from bot.ledger.export import short_date, status_label
from bot.ledger.query import Page, describe

PAGE_SIZE = 6
NAME_CHARS = 100
VALUE_CHARS = 780  # 6 × (100 + 780) and the frame (≤ 500) stay under 6,000
FRAME_CHARS = 300
# Each part clipped on its own, so the link at the end is never cut: 200 + 80 + 205 + 290.
TEXT_CHARS = 200
WHERE_CHARS = 78
QUOTE_CHARS = 200
TITLE_CHARS = 80
URL_CHARS = 200
NOTHING = "Nothing in the coverage matches: the ledger has no such entry."


def render_ledger(entries: list[LedgerEntry], page: Page, query: LedgerQuery) -> DiscordMessage:
    asked = clip(escape(describe(query)), FRAME_CHARS)
    if not entries:
        return DiscordMessage(content=clip(f"{NOTHING} ({asked})", 2000))
    embed = {
        "title": "Pledge ledger",
        "description": f"{asked} · {page.total} entries",
        "color": COLOUR,
        "fields": [_field(entry) for entry in entries],
        "footer": {"text": _footer(page)},
    }
    return DiscordMessage(embeds=[embed])


def _footer(page: Page) -> str:
    more = f" · next: /summit pledges … page:{page.number + 1}" if page.number < page.pages else ""
    return f"page {page.number} of {page.pages}{more}"


def _field(entry: LedgerEntry) -> dict[str, object]:
    name = f"{entry.actor} · {entry.kind} · {status_label(entry)}"
    where = " · ".join(p for p in (entry.summit or "", short_date(entry.date)) if p)
    lines = [clip(escape(entry.text), TEXT_CHARS)]
    if where:
        lines.append(f"*{clip(escape(where), WHERE_CHARS)}*")
    if entry.sources:
        first = entry.sources[0]
        lines.append(f"> “{clip(escape(first.quote), QUOTE_CHARS)}”")
        title = clip(escape(first.title), TITLE_CHARS) or "article"
        shown = f"[{title}](<{first.url}>)" if _linkable(first.url) else title
        more = len(entry.sources) - 1
        lines.append(shown + (f" and {more} more" if more else ""))
    return {"name": clip(escape(name), NAME_CHARS), "value": clip("\n".join(lines), VALUE_CHARS),
            "inline": False}  # fmt: skip


def _linkable(url: str | None) -> bool:
    """A link Markdown can carry whole; any other is left off, the title kept."""
    if not url or len(url) > URL_CHARS or not url.startswith(("http://", "https://")):
        return False
    return not any(c in url for c in "<>()[] \n")
