"""The watcher: polls feeds, pages and folders, keeps summit coverage, one brief per story."""

from bot.watch.health import SourceStatus
from bot.watch.poller import Watcher
from bot.watch.report import StoryReport
from bot.watch.sources import WatchedSource

__all__ = ["SourceStatus", "StoryReport", "WatchedSource", "Watcher"]
