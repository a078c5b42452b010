"""The pledge ledger as one Block Kit message per page. Pure.

A page holds PAGE_SIZE entries, each one section clipped to ENTRY_CHARS, so a page stays far
inside Slack's limits (50 blocks, 3,000 per section, ~12k characters of block text) whatever
the articles say; `page:N` asks for the next.
"""

from __future__ import annotations

from bot.adapters.shared.render import clip
from bot.adapters.slack.mrkdwn import escape, link
from bot.adapters.slack.render import FALLBACK_CHARS, SlackMessage, context, header, section
from bot.core.ledger import LedgerEntry, LedgerQuery
from bot.ledger.export import short_date, status_label
from bot.ledger.query import Page, describe

PAGE_SIZE = 10
ENTRY_CHARS = 900  # after escaping: 10 entries and the frame stay under ~11k characters
QUOTE_CHARS = 300
NOTHING = "Nothing in the coverage matches: the ledger has no such entry."


def render_ledger(entries: list[LedgerEntry], page: Page, query: LedgerQuery) -> SlackMessage:
    asked = escape(describe(query))
    if not entries:
        return SlackMessage(NOTHING, [section(f"{NOTHING}\n_{asked}_")])
    blocks = [
        header("Pledge ledger"),
        context([f"{asked} · {page.total} entries · page {page.number} of {page.pages}"]),
        *[section(entry_mrkdwn(entry)) for entry in entries],
    ]
    if page.number < page.pages:
        blocks.append(context([f"More: add `page:{page.number + 1}` to the command."]))
    fallback = f"Pledge ledger ({asked}): {page.total} entries, page {page.number}/{page.pages}"
    return SlackMessage(clip(fallback, FALLBACK_CHARS), blocks)


def entry_mrkdwn(entry: LedgerEntry) -> str:
    where = " · ".join(escape(p) for p in (entry.summit or "", short_date(entry.date)) if p)
    head = f"*{escape(entry.actor)}* · {entry.kind} · `{escape(status_label(entry))}`"
    lines = [head + (f" · {where}" if where else ""), escape(entry.text)]
    first = entry.sources[0] if entry.sources else None
    if first is not None:
        lines.append(f"> “{clip(escape(first.quote), QUOTE_CHARS)}”")
        more = len(entry.sources) - 1
        lines.append(link(first.url, first.title) + (f" and {more} more" if more else ""))
    return clip("\n".join(lines), ENTRY_CHARS)
