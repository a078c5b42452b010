"""Mention syntax in untrusted text (articles, model output, questions), made inert.

Slack pings on `<!channel>`, `<!here>`, `<!everyone>`, `<@U…>` and `<!subteam^…>`; Discord on
`@everyone`, `@here`, `<@id>`, `<@!id>` and `<@&role>`. Each is rewritten with a full-width at
sign (＠), which reads the same to a person and pings nobody on either platform. Pure.
"""

from __future__ import annotations

import re

INERT_AT = "\uff20"

# <!channel>, <!here|here>, <!subteam^S123|@team>, <@U123>, <@!123>, <@&123>
_ANGLE = re.compile(r"<([!@])([&!]?)([^<>|\s]{1,80})(?:\|([^<>]{0,80}))?>")
# No boundary after the word: "@everyone_" becomes "@everyone\_" once Markdown is escaped.
_BARE = re.compile(r"(?<![\w\uff20])@(everyone|here|channel)", re.I)


def neutralise_mentions(text: str) -> str:
    """`text` with every mention made inert; text without mentions comes back unchanged."""
    return _BARE.sub(lambda m: INERT_AT + m.group(1), _ANGLE.sub(_angle, text))


def has_mention(text: str) -> bool:
    return bool(_ANGLE.search(text) or _BARE.search(text))


def _angle(match: re.Match[str]) -> str:
    label = (match.group(4) or "").lstrip("@")
    target = match.group(3)
    if match.group(1) == "!" and target.startswith("subteam^"):
        target = target.removeprefix("subteam^")
    return INERT_AT + (label or target)
