"""Error messages made safe to log and show: URLs without credentials or query."""

from __future__ import annotations

import re

_URL_PARTS = re.compile(r"(?P<scheme>https?://)(?:[^/@\s]+@)?(?P<rest>[^\s?#]*)(?:[?#]\S*)?", re.I)


def redact(message: str) -> str:
    """`message` with every URL's credentials and query (api keys live there) left out: it is
    logged and shown to chat users by /summit sources."""
    return _URL_PARTS.sub(lambda m: f"{m.group('scheme')}{m.group('rest')}", message)
