"""The watcher: polls feeds, pages and folders, keeps summit coverage, one brief per story."""

from typing import TYPE_CHECKING, Any

from bot.watch.health import SourceStatus
from bot.watch.report import StoryReport
from bot.watch.sources import WatchedSource

if TYPE_CHECKING:
    from bot.watch.poller import Watcher

__all__ = ["SourceStatus", "StoryReport", "WatchedSource", "Watcher"]


def __getattr__(name: str) -> Any:
    # The poller (and its MinHash clustering: datasketch, scipy) loads on first use, so a
    # command that only reads source health (the service, `summit brief`) never pays for it.
    if name == "Watcher":
        from bot.watch.poller import Watcher

        return Watcher
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
