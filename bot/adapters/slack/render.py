"""Briefs, digests and answers as Block Kit messages. Pure functions of the neutral models.

Every message stays within Slack's limits (PLATFORMS.md): a brief too long for one message
becomes a series, the first posted in the channel and the rest in its thread. Article text is
untrusted: it goes through `mrkdwn.escape` (mentions inert, no links or formatting of its own).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.adapters.shared.render import (
    NOTHING_REPORTED,
    clip,
    counts,
    format_date,
    several_actors,
    summit_of,
)
from bot.adapters.slack.mrkdwn import escape, link, plain
from bot.core.models import Answer, Brief, Item, Kind, Pillar

if TYPE_CHECKING:
    from bot.watch.health import SourceStatus

Block = dict[str, Any]

MAX_BLOCKS = 50
SECTION_CHARS = 3000
HEADER_CHARS = 150
CONTEXT_CHARS = 2000
FALLBACK_CHARS = 4000
# Slack answers msg_blocks_too_long past about 12k characters of block text in one message.
MESSAGE_CHARS = 11_000
ITEM_CHARS = 500  # before escaping: a runaway extraction must not fill a section alone
MAX_CITATIONS = 5
_CONTINUED_CHARS = 300  # the "continued" label of a series' later parts (400 are kept back)

LABELS: dict[Kind, str] = {
    "pledge": ":white_check_mark: *Pledge*",
    "offer": ":handshake: _Offer_",
    "call": ":loudspeaker: *Call*",
}
EMPTY_PILLAR = "_nothing reported_"


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """What chat.postMessage needs besides the channel: fallback text and blocks."""

    text: str
    blocks: list[Block]


def render_brief(brief: Brief, *, empty: str = EMPTY_PILLAR) -> list[SlackMessage]:
    """The brief as one message, or a series when it is too long for one."""
    blocks = [header(title_of(brief)), section(clip(f"*{escape(brief.headline)}*", SECTION_CHARS))]
    blocks += [context([meta_line(brief)]), *_body(brief, empty)]
    if brief.warnings:
        blocks.append(context([f"⚠ {escape(w)}" for w in brief.warnings]))
    blocks.append(context([source_line(brief)]))
    return series(blocks, brief_fallback(brief), brief.headline)


def render_digest(briefs: Sequence[Brief], title: str) -> list[SlackMessage]:
    blocks = [header(title)]
    for brief in briefs:
        lines = [f"*{link(brief.article.url, brief.headline)}*", meta_line(brief)]
        lines.append(counts(brief.items()) or "no pledges, offers or calls")
        blocks += sections(lines)
    if not briefs:
        blocks.append(section("_No new briefs in this period._"))
    fallback = f"{plain(title, 200)}: {len(briefs)} brief{'s' if len(briefs) != 1 else ''}"
    return series(blocks, fallback, title)


def render_answer(answer: Answer) -> SlackMessage:
    """The answer, then each quote with its source (quotes the answer already holds skipped)."""
    text = escape(answer.answer) or "_no answer_"
    blocks = [section(clip(text, SECTION_CHARS))]
    for citation in answer.citations[:MAX_CITATIONS]:
        quote = escape(citation.quote)
        if quote and quote not in text:
            blocks.append(section(clip(f"> “{quote}”", SECTION_CHARS)))
        blocks.append(context([f"— {link(citation.url, citation.title)}"]))
    return SlackMessage(clip(escape(answer.answer) or "answer", FALLBACK_CHARS), blocks)


def notice(text: str) -> SlackMessage:
    """A short message of our own (mrkdwn we wrote; anything untrusted escaped by the caller)."""
    return SlackMessage(clip(text, FALLBACK_CHARS), sections(text.split("\n")))


def render_sources(statuses: Sequence[SourceStatus]) -> SlackMessage:
    """One line per source: name, kind, status, last success, last error."""
    lines = ["*Sources*"]
    for s in statuses:
        when = f" · last success {s.last_success:%d %b %H:%M} UTC" if s.last_success else ""
        error = f" · last error: {escape(s.last_error)}" if s.last_error else ""
        lines.append(f"• *{escape(s.name)}* ({escape(s.kind)}) — {s.status}{when}{error}")
    if len(lines) == 1:
        lines.append("_No sources are configured._")
    return notice("\n".join(lines))


# -- pieces ----------------------------------------------------------------------------------


def header(text: str) -> Block:
    shown = plain(text, HEADER_CHARS) or "Summit brief"  # Slack refuses an empty header
    return {"type": "header", "text": {"type": "plain_text", "text": shown}}


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def context(parts: Iterable[str]) -> Block:
    elements = [{"type": "mrkdwn", "text": clip(p, CONTEXT_CHARS)} for p in parts if p][:10]
    return {"type": "context", "elements": elements or [{"type": "mrkdwn", "text": " "}]}


def sections(lines: Iterable[str]) -> list[Block]:
    """Lines packed into as few sections as fit, never splitting a line."""
    out: list[str] = []
    for line in (clip(raw, SECTION_CHARS) for raw in lines):
        if out and len(out[-1]) + 1 + len(line) <= SECTION_CHARS:
            out[-1] += "\n" + line
        else:
            out.append(line)
    return [section(text) for text in out]


def title_of(brief: Brief) -> str:
    """The summit the coverage is about; the article's title when it names none."""
    article = brief.article
    summit = summit_of(article)
    return summit or article.title or "Summit brief"


def meta_line(brief: Brief) -> str:
    """Dateline · date · outlet, each part present only when known."""
    article = brief.article
    parts = [article.dateline or "", format_date(article.published), article.source or ""]
    return " · ".join(escape(p) for p in parts if p.strip()) or "_source details not recorded_"


def source_line(brief: Brief) -> str:
    article = brief.article
    parts = [link(article.url, article.title), escape(article.source or "")]
    parts.append(format_date(article.published))
    return "Source: " + " · ".join(p for p in parts if p)


def brief_fallback(brief: Brief) -> str:
    where = ", ".join(p for p in (brief.article.source, format_date(brief.article.published)) if p)
    tally = counts(brief.items()) or "nothing pledged"
    text = (
        f"{escape(brief.headline)} ({escape(where)}): {tally}" if where else escape(brief.headline)
    )
    return clip(text, FALLBACK_CHARS) or "Summit brief"


def _body(brief: Brief, empty: str) -> list[Block]:
    items = brief.items()
    if not items and empty == EMPTY_PILLAR:
        return [section(NOTHING_REPORTED)]
    show_actor = several_actors(items)
    blocks: list[Block] = []
    for n, pillar in enumerate(brief.pillars, 1):
        blocks.append({"type": "divider"})
        blocks += sections([_heading(n, pillar), *_bullets(pillar.items, show_actor, empty)])
    if brief.other:
        blocks.append({"type": "divider"})
        blocks += sections(["*Other*", *_bullets(brief.other, show_actor, empty)])
    return blocks


def _heading(n: int, pillar: Pillar) -> str:
    title = f"*{n} {escape(pillar.title)}*"
    return f"{title} — _{escape(pillar.summary)}_" if pillar.summary.strip() else title


def _bullets(items: Sequence[Item], show_actor: bool, empty: str) -> list[str]:
    return [_bullet(i, show_actor) for i in items] or [empty]


def _bullet(item: Item, show_actor: bool) -> str:
    text = clip(" ".join(item.text.split()), ITEM_CHARS)
    actor = " ".join(item.actor.split())
    if show_actor and actor and not text.lower().startswith(actor.lower()):
        text = f"{actor}: {text}"
    missing = [f for f in item.figures if f.strip() and f not in text]
    suffix = f" [{escape(', '.join(missing))}]" if missing else ""
    return f"{LABELS[item.kind]} · {escape(text)}{suffix}"


# -- series ----------------------------------------------------------------------------------


def series(blocks: list[Block], fallback: str, title: str) -> list[SlackMessage]:
    """`blocks` split into messages within the per-message limits; parts after the first are
    labelled so they read on their own in the thread."""
    chunks: list[list[Block]] = [[]]
    size = 0
    for block in blocks:
        chars = block_chars(block)
        # One block and some characters kept back for the "continued" label.
        if chunks[-1] and (len(chunks[-1]) >= MAX_BLOCKS - 1 or size + chars > MESSAGE_CHARS - 400):
            chunks.append([])
            size = 0
        chunks[-1].append(block)
        size += chars
    total = len(chunks)
    messages = [SlackMessage(fallback, chunks[0])]
    for n, chunk in enumerate(chunks[1:], 2):
        label = f"Continued · part {n} of {total} · {escape(title)}"
        # Within the characters kept back for it, however long the article's title.
        note = clip(label, _CONTINUED_CHARS)
        messages.append(SlackMessage(clip(note, FALLBACK_CHARS), [context([note]), *chunk]))
    return messages


def block_chars(block: Any) -> int:
    """Characters of text a block carries (what Slack counts toward msg_blocks_too_long)."""
    if isinstance(block, dict):
        own = len(block["text"]) if isinstance(block.get("text"), str) else 0
        return own + sum(block_chars(v) for k, v in block.items() if k != "text" or own == 0)
    if isinstance(block, list):
        return sum(block_chars(v) for v in block)
    return 0
