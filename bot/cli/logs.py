"""Log lines on stderr for the commands that run the watcher or the bot (`watch`, `run`)."""

from __future__ import annotations

import logging
import sys

# Chatty at INFO about each request or job; their warnings still show.
QUIET = ("httpx", "httpcore", "apscheduler", "alembic", "trafilatura", "htmldate")


def log_to_stderr() -> None:
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for noisy in QUIET:
        logging.getLogger(noisy).setLevel(logging.WARNING)
