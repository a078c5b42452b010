"""Untrusted text (articles, questions, model output) made safe for Discord's Markdown.

Control characters are dropped and line breaks folded (no forged sections), mentions made
inert (a second line of defence behind `AllowedMentions.none()`), and every Markdown special
character backslash-escaped (no injected links or formatting). Pure.
"""

from __future__ import annotations

import re

from bot.adapters.shared.render import clean
from bot.core.mentions import neutralise_mentions

_MARKDOWN = re.compile(r"([\\*_~`|\[\]()<>])")


def escape(text: str) -> str:
    """Untrusted text as one inert line of Discord Markdown."""
    return _MARKDOWN.sub(r"\\\1", neutralise_mentions(clean(text)))


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, never ending in a lone escaping backslash."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    trailing = len(cut) - len(cut.rstrip("\\"))
    return cut[: len(cut) - trailing % 2].rstrip() + "…"
