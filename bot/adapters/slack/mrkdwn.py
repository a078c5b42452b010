"""Untrusted text (articles, questions, model output) made safe for Slack's mrkdwn.

Slack reads `<…>` as links and mentions and * _ ~ and backticks as formatting, and has no
backslash escape. So: mentions are made inert first (they are `<…>` syntax), `&`, `<` and `>` become
the entities Slack documents, and the formatting marks become look-alike characters that no
parser pairs up. Control characters are dropped and line breaks folded, so article text can
neither forge a blockquote nor a new section. Pure.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from bot.core.mentions import neutralise_mentions

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Asterisk operator, modifier low macron, tilde operator, modifier grave: read the same.
_FORMATTING = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})


def clean(text: str) -> str:
    """One line of printable text with every mention made inert (after the invisible characters
    go, so "@", a zero-width space and "everyone" cannot join into a live mention)."""
    return neutralise_mentions(_SPACE.sub(" ", _CONTROL.sub("", text)).strip())


def escape(text: str) -> str:
    """`text` as literal mrkdwn: no links, mentions, formatting or line structure of its own."""
    return clean(text).translate(_FORMATTING).translate(_ENTITIES)


def plain(text: str, limit: int) -> str:
    """`text` for a plain_text object (shown as is, never parsed), clipped to `limit`."""
    return clip(clean(text), limit)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def link(url: str | None, label: str) -> str:
    """A mrkdwn link to an http(s) URL, or the escaped label alone for anything else."""
    safe = safe_url(url)
    text = escape(label) or "article"
    return f"<{safe}|{text}>" if safe else text


def safe_url(url: str | None) -> str | None:
    if not url:
        return None
    url = _SPACE.sub("", _CONTROL.sub("", url))
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https"):
        return None
    # `|`, `<` and `>` would end the link or start another; spaces would break it.
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~.-_").replace("&", "&amp;")
