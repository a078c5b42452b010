"""Briefs as a desk editor would send them: plain text for a terminal, Markdown for a file.

Pure functions of a `Brief`. Everything that comes from the article is untrusted: control
characters are dropped (no terminal escape sequences), line breaks are folded (no forged
sections), and Markdown special characters are escaped (no injected links or formatting).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

from bot.adapters.shared.render import (
    NOTHING_REPORTED,
    clean,
    format_date,
    item_text,
    one_line,
    safe_url,
    several_actors,
    summit_of,
)
from bot.core.models import Article, Brief, Item, Kind, Pillar

EMPTY_PILLAR = "(nothing reported)"
WIDTH = 88

# Inline specials only: every escaped string sits after a prefix, never at a line's start.
# Parentheses stay: with "[" and "]" escaped no link can open, so "(2026-2030)" reads as is.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~&])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
_TEXT_MARKS: dict[Kind, str] = {"pledge": "•", "offer": "◦", "call": "→"}
_MD_LABELS: dict[Kind, str] = {"pledge": "Pledge", "offer": "Offer", "call": "Call"}


def render_text(brief: Brief) -> str:
    lines = [_context_line(brief, str), clean(brief.headline)]
    lines += _sections(brief, _text_heading, _text_item, f"  {EMPTY_PILLAR}")
    lines += [f"⚠ {clean(w)}" for w in brief.warnings]
    lines.append(_text_source(brief.article))
    return "\n".join(line for line in lines if line)


def render_markdown(brief: Brief) -> str:
    lines = [f"_{_context_line(brief, escape_md)}_", f"**{escape_md(brief.headline)}**"]
    lines += _sections(brief, _md_heading, _md_item, f"_{EMPTY_PILLAR}_")
    lines += [f"> ⚠ {escape_md(w)}" for w in brief.warnings]
    lines.append(_md_source(brief.article))
    return "\n\n".join(line for line in lines if line.strip("_* "))


# -- shared structure ------------------------------------------------------------------------

ItemFn = Callable[[Item, bool], str]


def _sections(
    brief: Brief, heading: Callable[[str, str], str], item: ItemFn, empty: str
) -> list[str]:
    items = brief.items()
    if not items:
        return [NOTHING_REPORTED]
    show_actor = several_actors(items)
    out = []
    for n, pillar in enumerate(brief.pillars, 1):
        out.append(heading(f"{n} {pillar.title}", _summary(pillar)))
        out.append("\n".join(item(i, show_actor) for i in pillar.items) or empty)
    if brief.other:
        out.append(heading("Other", ""))
        out.append("\n".join(item(i, show_actor) for i in brief.other))
    return out


def _summary(pillar: Pillar) -> str:
    return clean(pillar.summary)


def _context_line(brief: Brief, esc: Callable[[str], str]) -> str:
    article = brief.article
    # The summit the coverage is about leads; without one, the title stands in (unless it
    # would only repeat the headline below it).
    summit = summit_of(article)
    title = clean(article.title) if clean(article.title) != clean(brief.headline) else ""
    parts = [clean(summit) if summit else title, clean(article.dateline or "")]
    parts.append(format_date(article.published))
    parts.append(clean(article.source or ""))
    return " · ".join(esc(p) for p in parts if p)


# -- plain text ------------------------------------------------------------------------------


def _text_heading(title: str, summary: str) -> str:
    return f"{clean(title)} — {summary}" if summary else clean(title)


def _text_item(item: Item, show_actor: bool) -> str:
    text = item_text(item, show_actor)
    if item.kind == "offer":
        text += " (offer)"
    mark = _TEXT_MARKS[item.kind]
    return textwrap.fill(
        text,
        width=WIDTH,
        initial_indent=f"  {mark} ",
        subsequent_indent="    ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _text_source(article: Article) -> str:
    parts = [clean(article.source or ""), format_date(article.published)]
    parts.append(one_line(article.url or ""))
    return "Source: " + (" · ".join(p for p in parts if p) or "not recorded")


# -- Markdown --------------------------------------------------------------------------------


def escape_md(text: str) -> str:
    """Backslash-escape every Markdown special character of untrusted text (CommonMark allows
    escaping any ASCII punctuation), after folding it onto one line."""
    escaped = _MD_SPECIAL.sub(r"\\\1", clean(text))
    return _MD_ORDERED.sub(r"\1\\\2", escaped)  # "1." opening a line would start a list


def _md_heading(title: str, summary: str) -> str:
    text = f"{escape_md(title)} — {escape_md(summary)}" if summary else escape_md(title)
    return f"### {text}"


def _md_item(item: Item, show_actor: bool) -> str:
    return f"- **{_MD_LABELS[item.kind]}** · {escape_md(item_text(item, show_actor))}"


def _md_source(article: Article) -> str:
    parts = [_md_link(article.title, article.url), escape_md(article.source or "")]
    parts.append(format_date(article.published))
    return "Source: " + " · ".join(p for p in parts if p)


def _md_link(title: str, url: str | None) -> str:
    label = escape_md(title) or "article"
    target = safe_url(url)
    return f"[{label}]({target})" if target else label
