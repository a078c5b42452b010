"""Briefs, digests and answers as Discord messages. Pure functions of the neutral models.

A brief is embeds: the headline (linked to the source) under a dateline/outlet line, one field
per pillar with its bullets labelled by kind, and a source footer. Every message stays within
Discord's limits (PLATFORMS.md); a brief too long for one message becomes several. Embeds are
plain API dicts, so the limits can be checked here and the fake can check them again.

Article text is untrusted: it goes through `markdown.escape` (control characters dropped,
mentions inert, no links or formatting of its own).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.adapters.discord.markdown import clip, escape
from bot.adapters.shared.render import (
    NOTHING_REPORTED,
    clean,
    counts,
    format_date,
    item_text,
    safe_url,
    several_actors,
    summit_of,
)
from bot.core.mentions import neutralise_mentions
from bot.core.models import Answer, Brief, Item, Kind, Pillar

if TYPE_CHECKING:
    from bot.watch.health import SourceStatus

Embed = dict[str, Any]

CONTENT_CHARS = 2000
EMBEDS_PER_MESSAGE = 10
EMBED_TOTAL_CHARS = 6000  # across every embed of one message
TITLE_CHARS = 256
DESCRIPTION_CHARS = 4096
FIELDS_PER_EMBED = 25
FIELD_NAME_CHARS = 256
FIELD_VALUE_CHARS = 1024
FOOTER_CHARS = 2048
AUTHOR_CHARS = 256
THREAD_NAME_CHARS = 100
MAX_URL_CHARS = 2000  # longer links are left off rather than rejected with the whole message

COLOUR = 0x1F6FB2
EMPTY_PILLAR = "*nothing reported*"
NO_BRIEFS = "*No new briefs in this period.*"
MAX_CITATIONS = 3
LABELS: dict[Kind, str] = {"pledge": "• **Pledge**", "offer": "◦ *Offer*", "call": "→ **Call**"}


@dataclass(frozen=True, slots=True)
class DiscordMessage:
    """What one `send` takes: content and up to ten embeds (API dicts)."""

    content: str = ""
    embeds: list[Embed] = field(default_factory=list)


# -- briefs ----------------------------------------------------------------------------------


def render_brief(brief: Brief, *, empty: str = EMPTY_PILLAR) -> list[DiscordMessage]:
    """The brief as one message of embeds, or several when it is too long for one."""
    head: Embed = {
        "title": clip(escape(brief.headline), TITLE_CHARS) or "Summit brief",
        "color": COLOUR,
        "author": {"name": clip(meta_line(brief), AUTHOR_CHARS)},
    }
    url = safe_url(brief.article.url)
    if url and len(url) <= MAX_URL_CHARS:
        head["url"] = url
    notes = [f"⚠ {escape(w)}" for w in brief.warnings]
    if not brief.items() and empty == EMPTY_PILLAR:
        notes.insert(0, NOTHING_REPORTED)
    if notes:
        head["description"] = clip("\n".join(notes), 1500)
    fields = [] if NOTHING_REPORTED in notes else _pillar_fields(brief, empty)
    return pack(head, fields, clip(source_line(brief), 500))


def meta_line(brief: Brief) -> str:
    """Summit · dateline · date · outlet, each part present only when known (plain text)."""
    article = brief.article
    summit = summit_of(article)
    parts = [summit or "", article.dateline or "", format_date(article.published)]
    parts.append(article.source or "")
    line = " · ".join(neutralise_mentions(clean(p)) for p in parts if clean(p))
    return line or "Summit brief"


def source_line(brief: Brief) -> str:
    """The footer (plain text, no links render there): outlet, date, URL, engine."""
    article = brief.article
    parts = [clean(article.source or ""), format_date(article.published)]
    parts += [safe_url(article.url) or "", f"{brief.engine} engine"]
    return "Source: " + neutralise_mentions(" · ".join(p for p in parts if p))


def thread_name(brief: Brief) -> str:
    """1–100 characters, as Discord requires of a thread's name."""
    name = neutralise_mentions(clean(brief.headline)) or "Summit brief"
    return name if len(name) <= THREAD_NAME_CHARS else name[: THREAD_NAME_CHARS - 1] + "…"


def _pillar_fields(brief: Brief, empty: str) -> list[tuple[str, str]]:
    show_actor = several_actors(brief.items())
    out: list[tuple[str, str]] = []
    for n, pillar in enumerate(brief.pillars, 1):
        out += _fields(_heading(n, pillar), _bullets(pillar.items, show_actor), empty)
    if brief.other:
        out += _fields("Other", _bullets(brief.other, show_actor), empty)
    return out


def _heading(n: int, pillar: Pillar) -> str:
    title = f"{n} {clean(pillar.title)}"
    summary = clean(pillar.summary)
    text = f"{title} — {summary}" if summary else title
    return clip(neutralise_mentions(text), FIELD_NAME_CHARS - 10)


def _bullets(items: Sequence[Item], show_actor: bool) -> list[str]:
    lines = [f"{LABELS[i.kind]} · {escape(item_text(i, show_actor))}" for i in items]
    return [clip(line, FIELD_VALUE_CHARS) for line in lines]


def _fields(name: str, lines: list[str], empty: str) -> list[tuple[str, str]]:
    """One field, or several ("name (cont.)") when the bullets pass a field's 1,024 chars."""
    chunks: list[str] = []
    for line in lines:
        if chunks and len(chunks[-1]) + 1 + len(line) <= FIELD_VALUE_CHARS:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    if not chunks:
        return [(name, empty)]
    names = [name] + [f"{name} (cont.)"] * (len(chunks) - 1)
    return list(zip(names, chunks, strict=True))


# -- packing ---------------------------------------------------------------------------------


def embed_chars(embed: Embed) -> int:
    """The characters Discord counts against the 6,000 per message."""
    fields = embed.get("fields", [])
    return (
        len(embed.get("title", ""))
        + len(embed.get("description", ""))
        + sum(len(f["name"]) + len(f["value"]) for f in fields)
        + len(embed.get("footer", {}).get("text", ""))
        + len(embed.get("author", {}).get("name", ""))
    )


def pack(head: Embed, fields: Sequence[tuple[str, str]], footer: str) -> list[DiscordMessage]:
    """`head` then `fields` spread over embeds and messages within every limit; `footer` on the
    last embed. The footer's size is reserved in every message, so it always fits."""
    messages: list[list[Embed]] = [[head]]
    used = embed_chars(head) + len(footer)
    for name, value in fields:
        size = len(name) + len(value)
        embeds = messages[-1]
        if used + size > EMBED_TOTAL_CHARS:
            messages.append([{"color": COLOUR}])
            used = len(footer)
        elif len(embeds[-1].get("fields", [])) >= FIELDS_PER_EMBED:
            if len(embeds) < EMBEDS_PER_MESSAGE:
                embeds.append({"color": COLOUR})
            else:
                messages.append([{"color": COLOUR}])
                used = len(footer)
        messages[-1][-1].setdefault("fields", []).append(
            {"name": name, "value": value, "inline": False}
        )
        used += size
    messages[-1][-1]["footer"] = {"text": footer}
    return [DiscordMessage(embeds=embeds) for embeds in messages]


def violations(message: DiscordMessage) -> list[str]:
    """Every Discord limit `message` breaks (empty when it may be sent)."""
    found = []
    if len(message.content) > CONTENT_CHARS:
        found.append(f"content {len(message.content)} > {CONTENT_CHARS}")
    if len(message.embeds) > EMBEDS_PER_MESSAGE:
        found.append(f"{len(message.embeds)} embeds > {EMBEDS_PER_MESSAGE}")
    total = sum(embed_chars(e) for e in message.embeds)
    if total > EMBED_TOTAL_CHARS:
        found.append(f"embeds total {total} > {EMBED_TOTAL_CHARS}")
    for n, embed in enumerate(message.embeds):
        found += [f"embed {n}: {v}" for v in _embed_violations(embed)]
    if not message.content and not message.embeds:
        found.append("empty message")
    return found


def _embed_violations(embed: Embed) -> list[str]:
    limits = [
        ("title", len(embed.get("title", "")), TITLE_CHARS),
        ("description", len(embed.get("description", "")), DESCRIPTION_CHARS),
        ("fields", len(embed.get("fields", [])), FIELDS_PER_EMBED),
        ("footer", len(embed.get("footer", {}).get("text", "")), FOOTER_CHARS),
        ("author", len(embed.get("author", {}).get("name", "")), AUTHOR_CHARS),
    ]
    for f in embed.get("fields", []):
        limits.append(("field name", len(f["name"]), FIELD_NAME_CHARS))
        limits.append(("field value", len(f["value"]), FIELD_VALUE_CHARS))
        if not f["name"] or not f["value"]:
            limits.append(("empty field", 1, 0))
    return [f"{what} {size} > {limit}" for what, size, limit in limits if size > limit]


# -- digests, answers, notices ---------------------------------------------------------------


def render_digest(briefs: Sequence[Brief], title: str) -> list[DiscordMessage]:
    """A roll-up: one line per brief (headline linked, dateline, tally), split as needed."""
    lines = [_digest_line(b) for b in briefs] or [NO_BRIEFS]
    chunks: list[str] = []
    for line in lines:
        if chunks and len(chunks[-1]) + 1 + len(line) <= DESCRIPTION_CHARS - 96:
            chunks[-1] += "\n" + line
        else:
            chunks.append(line)
    heading = clip(neutralise_mentions(clean(title)), TITLE_CHARS) or "Summit digest"
    messages = []
    for n, chunk in enumerate(chunks):
        embed: Embed = {"color": COLOUR, "description": chunk}
        if n == 0:
            embed["title"] = heading
        messages.append(DiscordMessage(embeds=[embed]))
    return messages


def _digest_line(brief: Brief) -> str:
    headline = clip(escape(brief.headline), 300)
    url = safe_url(brief.article.url)
    linked = f"[{headline}]({url})" if url and len(url) <= 500 else headline
    tally = counts(brief.items()) or "no pledges, offers or calls"
    return f"• **{linked}**\n  {clip(escape(meta_line(brief)), 300)} · {tally}"


def render_answer(answer: Answer) -> DiscordMessage:
    """The answer, then each quote (as a block quote) with its source; within 2,000 chars."""
    text = clip(escape(answer.answer), 900) or "*no answer*"
    parts = [text]
    for citation in answer.citations[:MAX_CITATIONS]:
        quote = clip(escape(citation.quote), 500)
        source = clip(escape(citation.title), 150) or "article"
        url = safe_url(citation.url)
        url = url if url and len(url) <= 500 else None
        cited = f"— {source} <{url}>" if url else f"— {source}"
        block = f"> “{quote}”\n{cited}" if quote and quote not in text else cited
        if len("\n".join([*parts, block])) > CONTENT_CHARS:
            break
        parts.append(block)
    return DiscordMessage(content="\n".join(parts))


def notice(text: str) -> DiscordMessage:
    """A short message of our own (anything untrusted in it escaped by the caller)."""
    return DiscordMessage(content=clip(text, CONTENT_CHARS))


def render_sources(statuses: Sequence[SourceStatus]) -> DiscordMessage:
    """One line per source: name, status, last success, last error (within 2,000 chars)."""
    lines = []
    for status in statuses:
        when = f"<t:{int(status.last_success.timestamp())}:R>" if status.last_success else "never"
        line = f"**{clip(escape(status.name), 80)}** [{status.status}] · last success {when}"
        if status.last_error:
            line += f" · last error: {clip(escape(status.last_error), 200)}"
        lines.append(line)
    text = "\n".join(lines) or "No sources are configured."
    return notice(text)
