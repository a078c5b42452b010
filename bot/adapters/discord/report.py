"""Problems an operator must fix (a deleted channel, a missing permission), logged once each.

The outbox retries a failed post and users keep asking in a channel the bot cannot answer in;
repeating the same error every time would bury everything else in the log.
"""

from __future__ import annotations

import logging

log = logging.getLogger("bot.adapters.discord")

PERMISSIONS = (
    "View Channel, Send Messages, Embed Links, Create Public Threads, Send Messages in Threads"
)


class Reporter:
    def __init__(self) -> None:
        self._seen: set[tuple[str, str]] = set()

    def once(self, where: str, problem: str) -> bool:
        """Log `problem` at `where` as an error the first time; True when it was new."""
        key = (where, problem)
        if key in self._seen:
            log.debug("Discord %s: %s (reported before)", where, problem)
            return False
        self._seen.add(key)
        log.error("Discord %s: %s", where, problem)
        return True
