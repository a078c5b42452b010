"""Untrusted text (articles, questions, model output) made safe for Slack's mrkdwn.

Slack reads `<…>` as links and mentions and * _ ~ and backticks as formatting, and has no
backslash escape. So: mentions are made inert first (they are `<…>` syntax), `&`, `<` and `>` become
the entities Slack documents, and the formatting marks become look-alike characters that no
parser pairs up. Control characters are dropped and line breaks folded, so article text can
neither forge a blockquote nor a new section. Pure.
"""

from __future__ import annotations

from bot.adapters.shared.render import clean, clip, safe_url

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Asterisk operator, modifier low macron, tilde operator, modifier grave: read the same.
_FORMATTING = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})


def escape(text: str) -> str:
    """`text` as literal mrkdwn: no links, mentions, formatting or line structure of its own."""
    return clean(text).translate(_FORMATTING).translate(_ENTITIES)


def plain(text: str, limit: int) -> str:
    """`text` for a plain_text object (shown as is, never parsed), clipped to `limit`."""
    return clip(clean(text), limit)


def link(url: str | None, label: str) -> str:
    """A mrkdwn link to an http(s) URL, or the escaped label alone for anything else."""
    safe = _link_target(url)
    text = escape(label) or "article"
    return f"<{safe}|{text}>" if safe else text


def _link_target(url: str | None) -> str | None:
    # Whitespace would break the link; `|`, `<` and `>` would end it or start another (quoted),
    # and `&` is written as Slack's entity. Parentheses mean nothing inside `<…>`.
    safe = safe_url(url, also_safe="()", spaces="")
    return safe.replace("&", "&amp;") if safe else None
